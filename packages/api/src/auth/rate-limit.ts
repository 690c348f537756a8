import {
  type AttemptKey,
  type AttemptState,
  clearAttempts,
  type Db,
  findLockedUntil,
  lockAttempt,
  saveAttempt,
} from '@ilms/db';
import { DomainError } from '../errors.js';

const MINUTE = 60_000;
export const FAILURES_BEFORE_LOCK = 5;
const WINDOW_MS = MINUTE;
const FIRST_LOCK_MS = MINUTE;
const LONGEST_LOCK_MS = 60 * MINUTE;
/** A day without failures and a key starts afresh. */
const FORGET_AFTER_MS = 24 * 60 * MINUTE;

/**
 * The counter after one more failure: five within a minute lock the key for a minute; after
 * that every further failure locks it again for twice as long as the last time (2, 4, 8 … 60 min).
 */
export function countFailure(state: AttemptState, now: Date): AttemptState {
  const at = now.getTime();
  const isForgotten = at - state.lastFailureAt.getTime() > FORGET_AFTER_MS;
  const lockouts = isForgotten ? 0 : state.lockouts;
  if (lockouts > 0) {
    const lockMs = Math.min(FIRST_LOCK_MS * 2 ** lockouts, LONGEST_LOCK_MS);
    return {
      failures: 0,
      windowStartedAt: now,
      lockouts: lockouts + 1,
      lockedUntil: new Date(at + lockMs),
      lastFailureAt: now,
    };
  }
  const isInWindow = !isForgotten && at - state.windowStartedAt.getTime() < WINDOW_MS;
  const failures = isInWindow ? state.failures + 1 : 1;
  const windowStartedAt = isInWindow ? state.windowStartedAt : now;
  if (failures >= FAILURES_BEFORE_LOCK) {
    return {
      failures: 0,
      windowStartedAt: now,
      lockouts: 1,
      lockedUntil: new Date(at + FIRST_LOCK_MS),
      lastFailureAt: now,
    };
  }
  return { failures, windowStartedAt, lockouts: 0, lockedUntil: null, lastFailureAt: now };
}

function formatUtcTime(date: Date): string {
  return date.toISOString().slice(11, 16);
}

/** Both the wait and the time are rounded up, so neither tells anyone to come back too early. */
export function lockedOutMessage(lockedUntil: Date, now: Date): string {
  const end = new Date(Math.ceil(lockedUntil.getTime() / MINUTE) * MINUTE);
  const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / MINUTE));
  const wait = minutes === 1 ? '1 minute' : `${minutes} minutes`;
  return `Too many failed sign-ins. Try again in ${wait} (at ${formatUtcTime(end)} UTC).`;
}

export function signInKeys(email: string, clientAddress: string): AttemptKey[] {
  // Account first, then address: every process locks rows in the same order, so none deadlock.
  return [
    { scope: 'account', key: email },
    { scope: 'address', key: clientAddress },
  ];
}

/** Refuses the attempt before any password is checked while a key is locked. */
export async function assertNotLockedOut(db: Db, keys: readonly AttemptKey[], now: Date): Promise<void> {
  const lockedUntil = await findLockedUntil(db, keys, now);
  if (lockedUntil) throw new DomainError('RATE_LIMITED', lockedOutMessage(lockedUntil, now));
}

/**
 * Counts a failure against every key in a transaction of its own (on the pool, not the
 * mutation's transaction, which rolls back with the error) and returns the lock it caused.
 */
export async function recordFailure(rootDb: Db, keys: readonly AttemptKey[], now: Date): Promise<Date | null> {
  return rootDb.transaction().execute(async (trx) => {
    let latestLock: Date | null = null;
    for (const key of keys) {
      const next = countFailure(await lockAttempt(trx, key, now), now);
      await saveAttempt(trx, key, next);
      if (next.lockedUntil && (!latestLock || next.lockedUntil > latestLock)) latestLock = next.lockedUntil;
    }
    return latestLock;
  });
}

export async function forgetAccountFailures(db: Db, email: string): Promise<void> {
  await clearAttempts(db, { scope: 'account', key: email });
}
