import { randomUUID } from 'node:crypto';
import { createTestDatabase, snapshotTables } from '@ilms/db/testing';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from './auth/principal.js';
import { createContext, type ReceivedFile } from './context.js';
import { startJobQueue } from './jobs/job-queue.js';
import { permissions } from './permissions.js';
import { appRouter, createCaller } from './root.js';
import { createTestAccount, type TestAccount } from './testing/index.js';
import { matrixSamples, type SampleFixture } from './testing/matrix-samples.js';
import { createCallerFactory, publicProcedure, router } from './trpc.js';

const { db, url } = await createTestDatabase();
// A real queue: uploads send their job in the call's transaction (no worker takes them here).
const queue = await startJobQueue({ connectionString: url, onError: (error) => console.error(error) });
afterAll(() => queue.stop());
const now = new Date('2026-03-02T09:00:00Z');

const OWN = 'LAO';
const OTHER = 'THA';
const callerKinds = ['admin', 'coordinator', 'focal_point', 'viewer', 'anonymous'] as const;
type CallerKind = (typeof callerKinds)[number];

const accounts = new Map<CallerKind, TestAccount>();
const passwords = new Map<string, string>();
let target: TestAccount;

beforeAll(async () => {
  for (const role of ['admin', 'coordinator', 'focal_point', 'viewer'] satisfies Role[]) {
    const account = await createTestAccount(db, { role, countries: role === 'focal_point' ? [OWN] : [], now });
    accounts.set(role, account);
    passwords.set(account.principal.userId, account.password);
  }
  target = await createTestAccount(db, { role: 'viewer', now });
});

function fixtureFor(kind: CallerKind, country: string): SampleFixture {
  const viewer = accounts.get('viewer');
  if (!viewer) throw new Error('the viewer account is missing');
  const caller = accounts.get(kind)?.principal ?? null;
  return {
    db,
    now,
    country,
    caller,
    passwords,
    target: target.principal,
    viewer: { email: viewer.principal.email, password: viewer.password },
  };
}

async function callPath(kind: CallerKind, path: string, input: unknown, receivedFile?: ReceivedFile): Promise<unknown> {
  const principal = accounts.get(kind)?.principal ?? null;
  const facts = { principal, ...(receivedFile ? { receivedFile } : {}) };
  const caller = createCaller(createContext({ db, now: () => now, queue }, `matrix-${kind}-${path}`, facts));
  const procedure = path.split('.').reduce<unknown>((node, key) => Reflect.get(node as object, key), caller);
  return (procedure as (input: unknown) => Promise<unknown>)(input);
}

function isExpectedToPass(path: string, kind: CallerKind, country: string): boolean {
  const sample = matrixSamples[path];
  if (!sample) return false;
  if (sample.who === 'anyone') return true;
  if (kind === 'anonymous') return false;
  const roleFits = sample.who === 'signed-in' || sample.who.includes(kind);
  return roleFits && (!sample.isCountryScoped || kind !== 'focal_point' || country === OWN);
}

const procedures = appRouter._def.procedures as Record<string, unknown>;

describe('role × procedure × country matrix', () => {
  it.each(Object.keys(procedures))(
    '%s: allowed callers succeed, the others are refused and change nothing',
    async (path) => {
      const sample = matrixSamples[path];
      expect(
        sample,
        `${path} has no sample in permissions.samples.ts: add its input and who may call it`,
      ).toBeDefined();
      for (const kind of callerKinds) {
        for (const country of [OWN, OTHER]) {
          const fixture = fixtureFor(kind, country);
          const input = await sample?.input(fixture);
          const receivedFile = await sample?.receivedFile?.(fixture);
          const label = `${path} as ${kind} for ${country}`;
          if (isExpectedToPass(path, kind, country)) {
            await callPath(kind, path, input, receivedFile).catch((error: unknown) => {
              throw new Error(`${label} should succeed but failed: ${String(error)}`);
            });
            continue;
          }
          const before = await snapshotTables(db);
          const error = await callPath(kind, path, input, receivedFile).then(
            () => new Error(`${label} succeeded but should have been refused`),
            (e: unknown) => e,
          );
          expect(error, label).toBeInstanceOf(TRPCError);
          expect((error as TRPCError).code, label).toBe(kind === 'anonymous' ? 'UNAUTHORIZED' : 'FORBIDDEN');
          expect(await snapshotTables(db), `${label} changed rows`).toEqual(before);
        }
      }
    },
  );

  it('has a rule for every procedure and no rule for a procedure that does not exist', () => {
    expect(Object.keys(permissions).sort()).toEqual(Object.keys(procedures).sort());
  });

  it('refuses a procedure that has no rule, even to an administrator', async () => {
    const probe = router({ unruled: publicProcedure.query(() => 'reached') });
    const admin = accounts.get('admin')?.principal ?? null;
    const call = createCallerFactory(probe)(createContext({ db, now: () => now }, 'probe', { principal: admin }));
    await expect(call.unruled()).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/unruled has no permission rule/),
    });
  });

  it('tells a focal point which country they may name', async () => {
    const focal = accounts.get('focal_point')?.principal ?? null;
    const caller = createCaller(createContext({ db, now: () => now }, 'scope', { principal: focal }));
    await expect(caller.audit.list({ country: OTHER })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'You are a focal point for LAO; this request is for THA, which you are not assigned to.',
    });
    await expect(caller.audit.list({})).rejects.toMatchObject({
      message: 'As a focal point for LAO, name your country in this request.',
    });
  });

  it('keeps an account with a one-time password to the password change', async () => {
    const fresh = await createTestAccount(db, { role: 'coordinator', mustChangePassword: true, now });
    const caller = createCaller(createContext({ db, now: () => now }, 'fresh', { principal: fresh.principal }));
    await expect(caller.audit.list({})).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Choose a new password on your account page before you continue.',
    });
    const me = await caller.auth.me();
    expect(me?.allowed.sort()).toEqual([
      'auth.changePassword',
      'auth.login',
      'auth.logout',
      'auth.me',
      'system.health',
    ]);
  });

  it('refuses token management to API tokens', async () => {
    const viewer = await createTestAccount(db, { role: 'viewer', now });
    const viaToken = { ...viewer.principal, credential: { kind: 'token' as const, id: randomUUID() } };
    const caller = createCaller(
      createContext({ db, now: () => now }, 'token', { principal: viaToken, origin: 'unknown' }),
    );
    await expect(caller.tokens.create({ name: 'minted by a token', expiresInDays: 1 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'tokens.create cannot be called with an API token; sign in to the hub to do it.',
    });
    await expect(caller.tokens.list()).resolves.toEqual([]);
  });
});
