import { createTestDatabase } from '@ilms/db/testing';
import { describe, expect, it } from 'vitest';
import { createContext } from '../context.js';
import { createCaller } from '../root.js';

const { db } = await createTestDatabase();
const fixedNow = new Date('2026-03-01T08:00:00Z');

describe('system.health', () => {
  it('reports the database as up with its version', async () => {
    const caller = createCaller(createContext({ db, now: () => fixedNow }, 'test-1'));
    const health = await caller.system.health();
    expect(health.status).toBe('ok');
    expect(health.checkedAt).toBe('2026-03-01T08:00:00.000Z');
    expect(health.database.isUp).toBe(true);
    expect(health.database.version).toMatch(/^\d+\.\d+/);
  });
});
