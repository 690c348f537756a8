import { sql } from 'kysely';
import type { Db } from '../create-db.js';

/**
 * Row count and an order-independent checksum of every table in the public schema: two equal
 * snapshots mean no row was added, changed or removed in between.
 */
export async function snapshotTables(db: Db): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name
  `.execute(db);
  const parts = tables.rows.map(
    ({ name }) =>
      sql`select ${name}::text as name, count(*)::text || ':' || coalesce(sum(hashtextextended(t::text, 0)), 0)::text as digest from ${sql.table(name)} t`,
  );
  const result = await sql<{ name: string; digest: string }>`${sql.join(parts, sql` union all `)}`.execute(db);
  return Object.fromEntries(result.rows.map((row) => [row.name, row.digest]));
}
