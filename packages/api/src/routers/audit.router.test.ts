import { createTestDatabase } from '@ilms/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRequestHarness, createTestAccount, type TestAccount } from '../testing/index.js';

const { db } = await createTestDatabase();
const harness = createRequestHarness(db, new Date('2026-03-02T09:00:00Z'));
let admin: TestAccount;

const adminCaller = async () => (await harness.request({ sessionToken: admin.sessionToken })).caller;

beforeAll(async () => {
  admin = await createTestAccount(db, { role: 'admin', email: 'root@hub.example', now: harness.now() });
});

describe('the audit trail', () => {
  it('records a mutation with who, when, what, target, country and a summary without secrets', async () => {
    const caller = await adminCaller();
    const { user, oneTimePassword } = await caller.users.create({
      email: 'audit-lao@example.org',
      name: 'Audit Lao',
      role: 'focal_point',
      countries: ['LAO'],
    });
    const event = await db
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', 'users.create')
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({
      occurred_at: harness.now(),
      actor_id: admin.principal.userId,
      via: 'session',
      target: `user:${user.id}`,
      country: 'LAO',
      summary: { email: 'audit-lao@example.org', name: 'Audit Lao', role: 'focal_point', countries: ['LAO'] },
      request_id: expect.stringMatching(/^test-\d+$/),
    });
    expect(JSON.stringify(event)).not.toContain(oneTimePassword);
  });

  it('records nothing when the mutation fails, and the change is not kept either', async () => {
    const caller = await adminCaller();
    const countEvents = () =>
      db
        .selectFrom('audit_event')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
    const before = await countEvents();
    await expect(
      caller.users.create({ email: 'audit-lao@example.org', name: 'Again', role: 'viewer', countries: [] }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await countEvents()).toEqual(before);
  });
});

describe('browsing the audit log', () => {
  beforeAll(async () => {
    const caller = await adminCaller();
    harness.advance(3_600_000);
    await caller.users.create({
      email: 'tha-1@example.org',
      name: 'Thai One',
      role: 'focal_point',
      countries: ['THA'],
    });
    harness.advance(3_600_000);
    await caller.users.create({
      email: 'tha-2@example.org',
      name: 'Thai Two',
      role: 'focal_point',
      countries: ['THA'],
    });
    await caller.tokens.create({ name: 'admin script', expiresInDays: 5 });
  });

  it('filters by user, action, country and time, newest first', async () => {
    const caller = await adminCaller();
    const byCountry = await caller.audit.list({ country: 'THA' });
    expect(byCountry.events.map((e) => e.summary)).toEqual([
      expect.objectContaining({ email: 'tha-2@example.org' }),
      expect.objectContaining({ email: 'tha-1@example.org' }),
    ]);
    expect((await caller.audit.list({ action: 'tokens.' })).events.map((e) => e.action)).toEqual(['tokens.create']);
    expect(
      (await caller.audit.list({ actor: 'ROOT@hub' })).events.every((e) => e.actorEmail === 'root@hub.example'),
    ).toBe(true);
    expect((await caller.audit.list({ actor: 'someone-else' })).events).toEqual([]);
    const window = await caller.audit.list({ from: '2026-03-02T09:30:00Z', to: '2026-03-02T10:30:00Z' });
    expect(window.events.map((e) => e.summary)).toEqual([expect.objectContaining({ email: 'tha-1@example.org' })]);
  });

  it('pages with a cursor', async () => {
    const caller = await adminCaller();
    const first = await caller.audit.list({ limit: 2 });
    expect(first.events).toHaveLength(2);
    expect(first.nextBefore).toBe(first.events[1]?.id);
    const second = await caller.audit.list({ limit: 2, before: first.nextBefore ?? 0 });
    expect(second.events[0]?.id).toBeLessThan(first.events[1]?.id ?? 0);
    const all = await caller.audit.list({ limit: 200 });
    expect(all.nextBefore).toBeNull();
  });

  it('shows a focal point only the events of their own country', async () => {
    const focal = await createTestAccount(db, { role: 'focal_point', countries: ['THA'], now: harness.now() });
    const { caller } = await harness.request({ sessionToken: focal.sessionToken });
    const events = await caller.audit.list({ country: 'THA' });
    expect(events.events.length).toBe(2);
    expect(events.events.every((e) => e.country === 'THA')).toBe(true);
  });
});
