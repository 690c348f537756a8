import { describe, expect, it } from 'vitest';
import { snapshotTables } from './table-snapshot.js';
import { createTestDatabase } from './test-database.js';

const { db } = await createTestDatabase();

describe('snapshotTables', () => {
  it('changes when a row is added or changed, and only then', async () => {
    const empty = await snapshotTables(db);
    expect(await snapshotTables(db)).toEqual(empty);
    await db.insertInto('app_setting').values({ key: 'probe', value: '1' }).execute();
    const added = await snapshotTables(db);
    expect(added.app_setting).not.toBe(empty.app_setting);
    await db.updateTable('app_setting').set({ value: '2' }).where('key', '=', 'probe').execute();
    expect((await snapshotTables(db)).app_setting).not.toBe(added.app_setting);
  });
});
