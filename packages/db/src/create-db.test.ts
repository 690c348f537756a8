import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDb } from './create-db.js';
import { createTestDatabase } from './testing/index.js';

const { db: admin, url } = await createTestDatabase();

describe('createDb', () => {
  it('survives a connection killed in the middle of a transaction, and reports it', async () => {
    const failures: Error[] = [];
    const db = createDb({ connectionString: url, maxConnections: 1, onIdleConnectionError: (e) => failures.push(e) });
    try {
      const attempt = db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
        await sql`select pg_terminate_backend(${rows[0]?.pid})`.execute(admin);
        await sql`select 1`.execute(trx);
      });
      await expect(attempt).rejects.toThrow();
      await expect.poll(() => failures.length).toBeGreaterThan(0);
      const { rows } = await sql<{ ok: number }>`select 1 as ok`.execute(db);
      expect(rows).toEqual([{ ok: 1 }]);
    } finally {
      await db.destroy();
    }
  });
});
