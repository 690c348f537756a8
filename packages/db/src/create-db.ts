import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export interface DbConfig {
  connectionString: string;
  /** Pool size; small by default because the machine running a hub may have two cores. */
  maxConnections?: number;
  applicationName?: string;
  /**
   * Called when a pooled connection fails (server restart, admin termination). Without a
   * listener pg would crash the process; the pool replaces the connection on next use.
   */
  onIdleConnectionError?: (error: Error) => void;
}

export type Db = Kysely<Database>;

const INT8_OID = 20;

/**
 * Values come back from pg as strings for `numeric` (kept as strings: statistical values
 * are exact decimals and must never pass through a float) and for `int8` (parsed to a
 * number here, refusing values a JS number cannot hold exactly).
 */
function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`int8 value ${text} does not fit a JavaScript number exactly`);
  }
  return value;
}

const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID && format !== 'binary') return parseInt8;
    return pg.types.getTypeParser(oid, format);
  },
};

export function createPool(config: DbConfig): pg.Pool {
  const pool = new pg.Pool({
    connectionString: config.connectionString,
    max: config.maxConnections ?? 10,
    application_name: config.applicationName ?? 'ilms-hub',
    types: typeParsers,
  });
  const onConnectionError = config.onIdleConnectionError ?? (() => {});
  pool.on('error', onConnectionError);
  // pg-pool listens only while a connection is idle; a connection killed mid-transaction would
  // otherwise raise an unhandled 'error' and end the process. The query in flight still fails.
  pool.on('connect', (client) => client.on('error', onConnectionError));
  return pool;
}

export function createDb(config: DbConfig): Db {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: createPool(config) }) });
}
