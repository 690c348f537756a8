import type { AttemptState } from '@ilms/db';
import { describe, expect, it } from 'vitest';
import { countFailure, lockedOutMessage } from './rate-limit.js';

const start = new Date('2026-03-02T14:30:00Z');
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
const blank: AttemptState = {
  failures: 0,
  windowStartedAt: start,
  lockouts: 0,
  lockedUntil: null,
  lastFailureAt: start,
};

function failTimes(state: AttemptState, seconds: number[]): AttemptState {
  return seconds.reduce((current, s) => countFailure(current, at(s)), state);
}

describe('counting failed sign-ins', () => {
  it('locks for a minute at the fifth failure within a minute', () => {
    expect(failTimes(blank, [0, 10, 20, 30]).lockedUntil).toBeNull();
    expect(failTimes(blank, [0, 10, 20, 30, 40]).lockedUntil).toEqual(at(100));
  });

  it('starts counting again when the minute has passed', () => {
    expect(failTimes(blank, [0, 10, 20, 30, 61]).lockedUntil).toBeNull();
  });

  it('doubles the lock with each failure after the first lock, up to an hour', () => {
    const locked = failTimes(blank, [0, 1, 2, 3, 4]);
    const second = countFailure(locked, at(70));
    expect(second.lockedUntil).toEqual(at(70 + 120));
    const third = countFailure(second, at(200));
    expect(third.lockedUntil).toEqual(at(200 + 240));
    const many = failTimes(third, [500, 1000, 2000, 4000, 8000, 16000]);
    expect(many.lockedUntil).toEqual(at(16000 + 3600));
  });

  it('forgets a key after a day without failures', () => {
    const locked = failTimes(blank, [0, 1, 2, 3, 4]);
    expect(countFailure(locked, at(4 + 86_401))).toMatchObject({ failures: 1, lockouts: 0, lockedUntil: null });
  });
});

describe('the lock-out message', () => {
  it('says how long to wait and until when, in UTC, rounded up to the minute', () => {
    expect(lockedOutMessage(at(90), at(0))).toBe('Too many failed sign-ins. Try again in 2 minutes (at 14:32 UTC).');
    expect(lockedOutMessage(at(60), at(0))).toBe('Too many failed sign-ins. Try again in 1 minute (at 14:31 UTC).');
  });
});
