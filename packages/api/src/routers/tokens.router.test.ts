import { createHash } from 'node:crypto';
import { createTestDatabase } from '@ilms/db/testing';
import { describe, expect, it } from 'vitest';
import { createRequestHarness, createTestAccount } from '../testing/index.js';

const { db } = await createTestDatabase();
const harness = createRequestHarness(db, new Date('2026-03-02T09:00:00Z'));
const DAY = 86_400_000;

async function signedInFocalPoint() {
  const account = await createTestAccount(db, { role: 'focal_point', countries: ['KHM'], now: harness.now() });
  return { account, session: await harness.request({ sessionToken: account.sessionToken }) };
}

describe('API tokens', () => {
  it('are shown once, stored as a SHA-256 only, and listed by prefix', async () => {
    const { session } = await signedInFocalPoint();
    const created = await session.caller.tokens.create({ name: 'nightly upload', expiresInDays: 30 });
    expect(created.token).toMatch(/^ilms_[\w-]{43}$/);
    expect(created.prefix).toBe(created.token.slice(0, 11));
    expect(created.expiresAt).toBe(new Date(harness.now().getTime() + 30 * DAY).toISOString());

    const stored = await db.selectFrom('api_token').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(stored.token_hash.equals(createHash('sha256').update(created.token).digest())).toBe(true);
    expect(JSON.stringify(stored)).not.toContain(created.token);

    const listed = await session.caller.tokens.list();
    expect(listed).toEqual([
      expect.objectContaining({ id: created.id, name: 'nightly upload', prefix: created.prefix, status: 'active' }),
    ]);
    expect(JSON.stringify(listed)).not.toContain(created.token);
    const event = await db
      .selectFrom('audit_event')
      .selectAll()
      .where('target', '=', `token:${created.id}`)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(event)).not.toContain(created.token.slice(11));
  });

  it('act for their owner with the owner’s role and countries, recording when they were last used', async () => {
    const { account, session } = await signedInFocalPoint();
    const { token, id } = await session.caller.tokens.create({ name: 'script', expiresInDays: 7 });
    harness.advance(60_000);
    const viaToken = await harness.request({ bearerToken: token });
    expect(viaToken.principal).toMatchObject({
      userId: account.principal.userId,
      role: 'focal_point',
      countries: ['KHM'],
      credential: { kind: 'token', id },
    });
    await expect(viaToken.caller.audit.list({ country: 'KHM' })).resolves.toBeTruthy();
    await expect(viaToken.caller.audit.list({ country: 'LAO' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const [listed] = await session.caller.tokens.list();
    expect(listed?.lastUsedAt).toBe(harness.now().toISOString());
  });

  it('stop working when revoked, with a message that says so', async () => {
    const { session } = await signedInFocalPoint();
    const { token, id } = await session.caller.tokens.create({ name: 'to revoke', expiresInDays: 7 });
    await session.caller.tokens.revoke({ id });
    const viaToken = await harness.request({ bearerToken: token });
    expect(viaToken.problem).toBe('token_invalid');
    await expect(viaToken.caller.tokens.list()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message:
        'This API token is not valid: it was revoked, has expired or is mistyped. Create a new one on the API tokens page.',
    });
    expect((await session.caller.tokens.list())[0]?.status).toBe('revoked');
  });

  it('stop working when they expire or their owner is deactivated', async () => {
    const { account, session } = await signedInFocalPoint();
    const short = await session.caller.tokens.create({ name: 'short', expiresInDays: 1 });
    const long = await session.caller.tokens.create({ name: 'long', expiresInDays: 30 });
    harness.advance(DAY);
    expect((await harness.request({ bearerToken: short.token })).problem).toBe('token_invalid');
    expect((await harness.request({ bearerToken: long.token })).problem).toBeNull();
    await db.updateTable('app_user').set({ is_active: false }).where('id', '=', account.principal.userId).execute();
    expect((await harness.request({ bearerToken: long.token })).problem).toBe('account_inactive');
  });

  it('can be revoked only by their owner', async () => {
    const owner = await signedInFocalPoint();
    const other = await signedInFocalPoint();
    const { id } = await owner.session.caller.tokens.create({ name: 'mine', expiresInDays: 7 });
    await expect(other.session.caller.tokens.revoke({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await owner.session.caller.tokens.list())[0]?.status).toBe('active');
  });
});
