import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest } from './migrate.js';
import { readServerVersion } from './server-version.js';
import { createTestDatabase } from './testing/index.js';

const { db } = await createTestDatabase();

describe('migrations', () => {
  it('are already applied to each cloned test database, and applying again does nothing', async () => {
    const applied = await db
      .selectFrom('kysely_migration' as never)
      .select(sql<string>`name`.as('name'))
      .execute();
    expect(applied.map((row) => row.name)).toContain('20261123T1400_app_setting');
    expect(await migrateToLatest(db)).toEqual([]);
  });

  it('store timestamps as timestamptz', async () => {
    const columns = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' and data_type = 'timestamp without time zone'
    `.execute(db);
    expect(columns.rows).toEqual([]);
  });
});

describe('type parsing', () => {
  it('reads int8 as a number and numeric as an exact string', async () => {
    const result = await sql<{ n: number; v: string }>`select count(*) as n, 0.1::numeric + 0.2::numeric as v`.execute(
      db,
    );
    expect(result.rows[0]).toEqual({ n: 1, v: '0.3' });
  });

  it('refuses an int8 a JavaScript number cannot hold exactly', async () => {
    await expect(sql`select 9007199254740993::int8 as n`.execute(db)).rejects.toThrow(
      /does not fit a JavaScript number/,
    );
  });

  it('reports the server version', async () => {
    const version = await readServerVersion(db);
    expect(version.major).toBeGreaterThanOrEqual(15);
    expect(version.version).toMatch(/^\d+/);
  });
});
