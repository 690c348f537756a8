import type { Db } from './create-db.js';

/**
 * Runs `work` in a transaction: the caller's own when `db` is one already (every tRPC mutation
 * runs in a transaction the API kernel opens, together with its audit event), a new one otherwise
 * (start-up work). Kysely does not nest transactions, so services use this instead of
 * `db.transaction()`.
 */
export async function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
