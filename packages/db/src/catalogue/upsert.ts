import { type Insertable, sql } from 'kysely';
import type { Db } from '../create-db.js';
import type { Database } from '../schema.js';

const BATCH = 1000;

/**
 * INSERT … ON CONFLICT DO UPDATE that touches a row only when a value differs, so seeding the
 * same catalogue again writes nothing (row versions stay as they were).
 */
export async function upsertRows<T extends keyof Database & string>(
  trx: Db,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  keys: readonly (keyof Database[T] & string)[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const first = rows[0] as Record<string, unknown>;
  const updates = Object.keys(first).filter((column) => !keys.includes(column as never));
  let written = 0;
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const insert = trx.insertInto(table).values(batch as never);
    const query =
      updates.length === 0
        ? insert.onConflict((oc) => oc.columns(keys as never).doNothing())
        : insert.onConflict((oc) =>
            oc
              .columns(keys as never)
              .doUpdateSet(Object.fromEntries(updates.map((c) => [c, sql.ref(`excluded.${c}`)])) as never)
              .where(
                sql<boolean>`(${sql.join(updates.map((c) => sql.ref(`${table}.${c}`)))}) is distinct from (${sql.join(
                  updates.map((c) => sql.ref(`excluded.${c}`)),
                )})`,
              ),
          );
    const result = await query.executeTakeFirst();
    written += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return written;
}
