import { sql } from 'kysely';
import type { Db } from './create-db.js';

export interface DatabaseStatus {
  isUp: boolean;
  version: string | null;
  latencyMs: number | null;
  error: string | null;
}

/** Asks the database for a round trip; never throws, so health endpoints can report it. */
export async function readDatabaseStatus(db: Db): Promise<DatabaseStatus> {
  const started = performance.now();
  try {
    const result = await sql<{ version: string }>`select current_setting('server_version') as version`.execute(db);
    return {
      isUp: true,
      version: result.rows[0]?.version ?? null,
      latencyMs: Math.round((performance.now() - started) * 10) / 10,
      error: null,
    };
  } catch (error) {
    return {
      isUp: false,
      version: null,
      latencyMs: null,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

/** The database server's clock: the one time every machine of the hub agrees on. */
export async function readDatabaseTime(db: Db): Promise<Date> {
  const { rows } = await sql<{ now: Date }>`select clock_timestamp() as now`.execute(db);
  const [row] = rows;
  if (!row) throw new Error('the database returned no time');
  return row.now;
}
