import { createHash } from 'node:crypto';
import { createDb } from '@ilms/db';
import { createTestDatabase } from '@ilms/db/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { authenticate } from '../auth/authenticate.js';
import { createRequestHarness, createTestAccount, TEST_PASSWORD } from '../testing/index.js';

const { db, url } = await createTestDatabase();
const harness = createRequestHarness(db, new Date('2026-03-02T09:00:00Z'));
const HOUR = 3_600_000;

async function newAccount(role: 'viewer' | 'focal_point' = 'viewer', mustChangePassword = false) {
  const account = await createTestAccount(db, {
    role,
    countries: role === 'focal_point' ? ['LAO'] : [],
    mustChangePassword,
    now: harness.now(),
  });
  return account.principal;
}

async function failSignIn(email: string, address?: string) {
  const { caller } = await harness.request({ address });
  return caller.auth.login({ email, password: 'not the right password' }).then(
    () => {
      throw new Error('signed in with a wrong password');
    },
    (error: { code: string; message: string }) => ({ code: error.code, message: error.message }),
  );
}

describe('signing in', () => {
  it('opens a session whose id is stored only as its SHA-256, and sets the cookie', async () => {
    const user = await newAccount();
    const { caller, cookie } = await harness.request();
    await expect(caller.auth.login({ email: user.email.toUpperCase(), password: TEST_PASSWORD })).resolves.toEqual({
      mustChangePassword: false,
    });
    expect(cookie.value).toMatch(/^[\w-]{43}$/);
    expect(cookie.expiresAt).toEqual(new Date(harness.now().getTime() + 7 * 24 * HOUR));
    const rows = await db.selectFrom('user_session').select('token_hash').where('user_id', '=', user.userId).execute();
    const digest = createHash('sha256')
      .update(cookie.value ?? '')
      .digest();
    expect(rows.map((row) => row.token_hash.equals(digest))).toContain(true);
    const { caller: next } = await harness.request({ sessionToken: cookie.value ?? '' });
    expect(await next.auth.me()).toMatchObject({ email: user.email, role: 'viewer', via: 'session' });
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    const user = await newAccount();
    expect(await failSignIn(user.email, '198.51.100.1')).toEqual({
      code: 'UNAUTHORIZED',
      message: 'The email address or password is wrong.',
    });
    expect(await failSignIn('nobody@nowhere.example', '198.51.100.1')).toEqual({
      code: 'UNAUTHORIZED',
      message: 'The email address or password is wrong.',
    });
  });

  it('rotates the session id: signing in again ends the session the browser had', async () => {
    const user = await newAccount();
    const first = await harness.signIn(user.email, TEST_PASSWORD);
    const { caller, cookie } = await harness.request({ sessionToken: first });
    await caller.auth.login({ email: user.email, password: TEST_PASSWORD });
    expect(cookie.value).not.toBe(first);
    expect((await authenticate(harness.deps, { sessionToken: first })).problem).toBe('session_ended');
  });
});

describe('sign-in rate limiting', () => {
  it('locks an account after five failures in a minute and says when to retry', async () => {
    const user = await newAccount();
    for (let i = 1; i <= 4; i++) expect((await failSignIn(user.email)).code).toBe('UNAUTHORIZED');
    expect(await failSignIn(user.email)).toEqual({
      code: 'TOO_MANY_REQUESTS',
      message: 'Too many failed sign-ins. Try again in 1 minute (at 09:01 UTC).',
    });
    const { caller } = await harness.request({ address: '198.51.100.20' });
    await expect(caller.auth.login({ email: user.email, password: TEST_PASSWORD })).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: 'Too many failed sign-ins. Try again in 1 minute (at 09:01 UTC).',
    });

    harness.advance(61_000);
    expect(await failSignIn(user.email, '198.51.100.20')).toEqual({
      code: 'TOO_MANY_REQUESTS',
      message: 'Too many failed sign-ins. Try again in 2 minutes (at 09:04 UTC).',
    });
    harness.advance(121_000);
    await expect(harness.signIn(user.email, TEST_PASSWORD, '198.51.100.20')).resolves.toBeTruthy();
    expect(
      await db
        .selectFrom('login_attempt')
        .selectAll()
        .where('scope', '=', 'account')
        .where('key', '=', user.email)
        .execute(),
    ).toEqual([]);
  });

  it('locks an address that fails for many accounts, and not other addresses', async () => {
    const address = '192.0.2.44';
    for (let i = 0; i < 4; i++) await failSignIn(`guess-${i}@nowhere.example`, address);
    expect((await failSignIn('guess-4@nowhere.example', address)).code).toBe('TOO_MANY_REQUESTS');
    const user = await newAccount();
    const { caller } = await harness.request({ address });
    await expect(caller.auth.login({ email: user.email, password: TEST_PASSWORD })).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
    });
    await expect(harness.signIn(user.email, TEST_PASSWORD, '192.0.2.45')).resolves.toBeTruthy();
  });

  it('keeps the lock in PostgreSQL, where another process sees it', async () => {
    const user = await newAccount();
    for (let i = 0; i < 5; i++) await failSignIn(user.email, '192.0.2.60');
    const otherProcess = createRequestHarness(createDb({ connectionString: url, maxConnections: 2 }), harness.now());
    afterAll(() => otherProcess.deps.db.destroy());
    const { caller } = await otherProcess.request({ address: '192.0.2.61' });
    await expect(caller.auth.login({ email: user.email, password: TEST_PASSWORD })).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
    });
  });
});

describe('sessions', () => {
  it('end after eight idle hours, and activity keeps them alive', async () => {
    const user = await newAccount();
    const token = await harness.signIn(user.email, TEST_PASSWORD);
    harness.advance(7 * HOUR);
    expect((await authenticate(harness.deps, { sessionToken: token })).principal?.userId).toBe(user.userId);
    harness.advance(7 * HOUR);
    expect((await authenticate(harness.deps, { sessionToken: token })).principal?.userId).toBe(user.userId);
    harness.advance(8 * HOUR);
    const { caller, problem } = await harness.request({ sessionToken: token });
    expect(problem).toBe('session_expired');
    await expect(caller.tokens.list()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: 'Your session has expired. Sign in again.',
    });
  });

  it('end seven days after sign-in however busy', async () => {
    const user = await newAccount();
    const token = await harness.signIn(user.email, TEST_PASSWORD);
    for (let hours = 6; hours < 7 * 24; hours += 6) {
      harness.advance(6 * HOUR);
      expect((await authenticate(harness.deps, { sessionToken: token })).problem, `after ${hours} h`).toBeNull();
    }
    harness.advance(6 * HOUR);
    expect((await authenticate(harness.deps, { sessionToken: token })).problem).toBe('session_expired');
  });

  it('end at logout, which clears the cookie', async () => {
    const user = await newAccount();
    const token = await harness.signIn(user.email, TEST_PASSWORD);
    const { caller, cookie } = await harness.request({ sessionToken: token });
    await caller.auth.logout();
    expect(cookie.wasCleared).toBe(true);
    const after = await harness.request({ sessionToken: token });
    expect(after.problem).toBe('session_ended');
    expect(await after.caller.auth.me()).toBeNull();
  });
});

describe('changing the password', () => {
  it('refuses a wrong current password and a weak new one', async () => {
    const user = await newAccount();
    const { caller } = await harness.request({ sessionToken: await harness.signIn(user.email, TEST_PASSWORD) });
    await expect(
      caller.auth.changePassword({ currentPassword: 'wrong one entirely', newPassword: 'lantern mango bicycle river' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'The current password is wrong.' });
    await expect(
      caller.auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: 'Password2026!' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/^This password is too common or predictable/),
    });
  });

  it('ends every session of the account and continues this one under a new id', async () => {
    const user = await newAccount();
    const elsewhere = await harness.signIn(user.email, TEST_PASSWORD);
    const here = await harness.signIn(user.email, TEST_PASSWORD);
    const { caller, cookie } = await harness.request({ sessionToken: here });
    await caller.auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: 'lantern mango bicycle river' });
    expect((await authenticate(harness.deps, { sessionToken: elsewhere })).problem).toBe('session_ended');
    expect((await authenticate(harness.deps, { sessionToken: here })).problem).toBe('session_ended');
    expect((await authenticate(harness.deps, { sessionToken: cookie.value ?? '' })).principal?.userId).toBe(
      user.userId,
    );
    expect((await failSignIn(user.email, '192.0.2.90')).code).toBe('UNAUTHORIZED');
    await expect(harness.signIn(user.email, 'lantern mango bicycle river')).resolves.toBeTruthy();
  });

  it('is required first after a one-time password, and then lifts the restriction', async () => {
    const user = await newAccount('focal_point', true);
    const { caller, cookie } = await harness.request();
    await expect(caller.auth.login({ email: user.email, password: TEST_PASSWORD })).resolves.toEqual({
      mustChangePassword: true,
    });
    const signedIn = await harness.request({ sessionToken: cookie.value ?? '' });
    await expect(signedIn.caller.audit.list({ country: 'LAO' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await signedIn.caller.auth.changePassword({
      currentPassword: TEST_PASSWORD,
      newPassword: 'lantern mango bicycle river',
    });
    const after = await harness.request({ sessionToken: signedIn.cookie.value ?? '' });
    expect(await after.caller.auth.me()).toMatchObject({ mustChangePassword: false, countries: ['LAO'] });
    await expect(after.caller.audit.list({ country: 'LAO' })).resolves.toMatchObject({ events: expect.any(Array) });
  });
});
