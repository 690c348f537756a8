import { createTestDatabase } from '@ilms/db/testing';
import { describe, expect, it } from 'vitest';
import { createRequestHarness } from '../testing/index.js';
import { ensureFirstAdmin } from './first-admin.service.js';

const start = new Date('2026-03-02T09:00:00Z');

async function freshHub() {
  const { db } = await createTestDatabase();
  return createRequestHarness(db, start);
}

describe('the first administrator', () => {
  it('gets a generated one-time password, to be replaced at first sign-in', async () => {
    const hub = await freshHub();
    const outcome = await ensureFirstAdmin(hub.deps, {});
    expect(outcome).toEqual({ kind: 'created', email: 'admin@ilms.local', oneTimePassword: expect.any(String) });
    if (outcome.kind !== 'created' || !outcome.oneTimePassword) throw new Error('no one-time password');

    const { caller, cookie } = await hub.request();
    await expect(caller.auth.login({ email: 'admin@ilms.local', password: outcome.oneTimePassword })).resolves.toEqual({
      mustChangePassword: true,
    });
    const signedIn = await hub.request({ sessionToken: cookie.value ?? '' });
    await expect(signedIn.caller.users.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await signedIn.caller.auth.changePassword({
      currentPassword: outcome.oneTimePassword,
      newPassword: 'monsoon ledger kettle 9',
    });
    const after = await hub.request({ sessionToken: signedIn.cookie.value ?? '' });
    await expect(after.caller.users.list()).resolves.toHaveLength(1);

    expect(await ensureFirstAdmin(hub.deps, {})).toEqual({ kind: 'existing' });
    const events = await after.caller.audit.list({ action: 'system.ensureFirstAdmin' });
    expect(events.events).toHaveLength(1);
  });

  it('is made from the configured email and password, with no forced change', async () => {
    const hub = await freshHub();
    const settings = { email: 'Ops@Hub.Example', password: 'monsoon ledger kettle 9' };
    expect(await ensureFirstAdmin(hub.deps, settings)).toEqual({
      kind: 'created',
      email: 'ops@hub.example',
      oneTimePassword: null,
    });
    const { caller } = await hub.request();
    await expect(caller.auth.login({ email: 'ops@hub.example', password: settings.password })).resolves.toEqual({
      mustChangePassword: false,
    });
  });

  it('refuses a configured password the policy refuses', async () => {
    const hub = await freshHub();
    await expect(ensureFirstAdmin(hub.deps, { password: 'admin1234567' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/^ILMS_ADMIN_PASSWORD is refused: /),
    });
    const admins = await hub.deps.db.selectFrom('app_user').select('id').execute();
    expect(admins).toEqual([]);
  });
});
