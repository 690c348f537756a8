import { createTestDatabase } from '@ilms/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../auth/authenticate.js';
import { createRequestHarness, createTestAccount, TEST_PASSWORD } from '../testing/index.js';

const { db } = await createTestDatabase();
const harness = createRequestHarness(db, new Date('2026-03-02T09:00:00Z'));
let admin: Awaited<ReturnType<typeof harness.request>>['caller'];
let adminId: string;

beforeAll(async () => {
  const account = await createTestAccount(db, { role: 'admin', now: harness.now() });
  adminId = account.principal.userId;
  admin = (await harness.request({ sessionToken: account.sessionToken })).caller;
});

describe('creating users', () => {
  it('makes a focal point for LAO who signs in with the one-time password and must replace it', async () => {
    const created = await admin.users.create({
      email: 'Khamla.Phommachanh@molsw.gov.la',
      name: 'Khamla Phommachanh',
      role: 'focal_point',
      countries: ['LAO'],
    });
    expect(created.user).toMatchObject({
      email: 'khamla.phommachanh@molsw.gov.la',
      role: 'focal_point',
      countries: ['LAO'],
      mustChangePassword: true,
      isActive: true,
    });
    expect(created.user).not.toHaveProperty('passwordHash');
    expect(created.oneTimePassword).toMatch(/^[\w]{6}-[\w]{6}-[\w]{6}-[\w]{6}$/);

    const { caller, cookie } = await harness.request();
    await expect(
      caller.auth.login({ email: 'khamla.phommachanh@molsw.gov.la', password: created.oneTimePassword }),
    ).resolves.toEqual({ mustChangePassword: true });
    const me = await (await harness.request({ sessionToken: cookie.value ?? '' })).caller.auth.me();
    expect(me).toMatchObject({
      countries: ['LAO'],
      countryChoices: [{ code: 'LAO', label: "Lao People's Democratic Republic" }],
    });

    const grant = await db
      .selectFrom('user_country')
      .selectAll()
      .where('user_id', '=', created.user.id)
      .executeTakeFirstOrThrow();
    expect(grant).toMatchObject({ country: 'LAO', granted_by: adminId });
  });

  it.each([
    [
      { role: 'focal_point', countries: [] },
      'A focal point needs at least one country; choose the member state they report for.',
    ],
    [
      { role: 'coordinator', countries: ['THA'] },
      'Only focal points are assigned countries: coordinators and administrators work on every country, and viewers read published data.',
    ],
    [
      { role: 'focal_point', countries: ['FRA'] },
      'FRA is not an ASEAN member state. Choose from BRN, KHM, IDN, LAO, MYS, MMR, PHL, SGP, THA, TLS, VNM.',
    ],
  ] as const)('refuses %o: %s', async (assignment, message) => {
    await expect(
      admin.users.create({
        email: 'someone@example.org',
        name: 'Some One',
        ...assignment,
        countries: [...assignment.countries],
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message });
  });

  it('refuses a second account for the same email in any case', async () => {
    await admin.users.create({ email: 'dup@example.org', name: 'First', role: 'viewer', countries: [] });
    await expect(
      admin.users.create({ email: 'DUP@example.org', name: 'Second', role: 'viewer', countries: [] }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'There is already an account for dup@example.org. Find it in the list of users.',
    });
  });
});

describe('managing users', () => {
  it('changes role and countries, keeping the assignment a focal point still has', async () => {
    const { user } = await admin.users.create({
      email: 'move@example.org',
      name: 'Mover',
      role: 'focal_point',
      countries: ['KHM'],
    });
    expect(await admin.users.update({ id: user.id, countries: ['KHM', 'VNM'] })).toMatchObject({
      countries: ['KHM', 'VNM'],
    });
    expect(await admin.users.update({ id: user.id, name: 'Mover Renamed' })).toMatchObject({
      countries: ['KHM', 'VNM'],
    });
    expect(await admin.users.update({ id: user.id, role: 'coordinator' })).toMatchObject({
      role: 'coordinator',
      countries: [],
    });
  });

  it('deactivates an account, ending its sessions, and reactivates it', async () => {
    const account = await createTestAccount(db, { role: 'viewer', now: harness.now() });
    await admin.users.deactivate({ id: account.principal.userId });
    expect((await authenticate(harness.deps, { sessionToken: account.sessionToken })).problem).toBe('session_ended');
    const { caller } = await harness.request();
    await expect(caller.auth.login({ email: account.principal.email, password: TEST_PASSWORD })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: 'This account is deactivated. Ask an administrator of the hub to reactivate it.',
    });
    const counted = await db
      .selectFrom('login_attempt')
      .select('failures')
      .where('scope', '=', 'account')
      .where('key', '=', account.principal.email)
      .executeTakeFirst();
    expect(counted?.failures).toBe(1);
    await admin.users.reactivate({ id: account.principal.userId });
    await expect(harness.signIn(account.principal.email, TEST_PASSWORD)).resolves.toBeTruthy();
  });

  it('resets a password to a new one-time password and ends the sessions', async () => {
    const account = await createTestAccount(db, { role: 'viewer', now: harness.now() });
    const { oneTimePassword, user } = await admin.users.resetPassword({ id: account.principal.userId });
    expect(user.mustChangePassword).toBe(true);
    expect((await authenticate(harness.deps, { sessionToken: account.sessionToken })).problem).toBe('session_ended');
    const { caller } = await harness.request({ address: '192.0.2.200' });
    await expect(caller.auth.login({ email: account.principal.email, password: TEST_PASSWORD })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    await expect(harness.signIn(account.principal.email, oneTimePassword)).resolves.toBeTruthy();
  });

  it('never leaves the hub without an active administrator', async () => {
    await expect(admin.users.deactivate({ id: adminId })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: 'You cannot deactivate your own account; ask another administrator.',
    });
    const others = await db.selectFrom('app_user').select('email').where('role', '=', 'admin').execute();
    expect(others).toHaveLength(1);
    await expect(admin.users.update({ id: adminId, role: 'viewer' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringMatching(/is the last active administrator and cannot be given another role/),
    });
    const second = await createTestAccount(db, { role: 'admin', now: harness.now() });
    await expect(admin.users.deactivate({ id: second.principal.userId })).resolves.toMatchObject({ isActive: false });
  });

  it('lists every account without password hashes', async () => {
    const users = await admin.users.list();
    expect(users.length).toBeGreaterThan(3);
    expect(JSON.stringify(users)).not.toContain('$argon2id$');
  });
});
