import type { LoginAttemptTable } from './accounts.schema.js';
import type { Db } from './create-db.js';

export type AttemptScope = LoginAttemptTable['scope'];

export interface AttemptKey {
  scope: AttemptScope;
  key: string;
}

export interface AttemptState {
  failures: number;
  windowStartedAt: Date;
  lockouts: number;
  lockedUntil: Date | null;
  lastFailureAt: Date;
}

/** The latest lock still in force among the keys, if any. */
export async function findLockedUntil(db: Db, keys: readonly AttemptKey[], now: Date): Promise<Date | null> {
  const rows = await db
    .selectFrom('login_attempt')
    .select('locked_until')
    .where((eb) => eb.or(keys.map(({ scope, key }) => eb.and([eb('scope', '=', scope), eb('key', '=', key)]))))
    .where('locked_until', '>', now)
    .orderBy('locked_until', 'desc')
    .limit(1)
    .execute();
  return rows[0]?.locked_until ?? null;
}

/**
 * Reads a counter (a blank one when the key is new) and locks its row until the transaction
 * ends, so concurrent failures from several processes are counted one after the other.
 */
export async function lockAttempt(db: Db, { scope, key }: AttemptKey, now: Date): Promise<AttemptState> {
  await db
    .insertInto('login_attempt')
    .values({ scope, key, failures: 0, window_started_at: now, lockouts: 0, locked_until: null, last_failure_at: now })
    .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
    .execute();
  return db
    .selectFrom('login_attempt')
    .select([
      'failures',
      'window_started_at as windowStartedAt',
      'lockouts',
      'locked_until as lockedUntil',
      'last_failure_at as lastFailureAt',
    ])
    .where('scope', '=', scope)
    .where('key', '=', key)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export async function saveAttempt(db: Db, { scope, key }: AttemptKey, state: AttemptState): Promise<void> {
  const values = {
    failures: state.failures,
    window_started_at: state.windowStartedAt,
    lockouts: state.lockouts,
    locked_until: state.lockedUntil,
    last_failure_at: state.lastFailureAt,
  };
  await db.updateTable('login_attempt').set(values).where('scope', '=', scope).where('key', '=', key).execute();
}

export async function clearAttempts(db: Db, { scope, key }: AttemptKey): Promise<void> {
  await db.deleteFrom('login_attempt').where('scope', '=', scope).where('key', '=', key).execute();
}
