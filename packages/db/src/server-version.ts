import { sql } from 'kysely';
import type { Db } from './create-db.js';

export const MINIMUM_SERVER_VERSION = 15;

export interface ServerVersion {
  /** e.g. 170010 for 17.10, as `server_version_num` reports it. */
  versionNum: number;
  major: number;
  version: string;
}

export async function readServerVersion(db: Db): Promise<ServerVersion> {
  const result = await sql<{ num: string; version: string }>`
    select current_setting('server_version_num') as num, current_setting('server_version') as version
  `.execute(db);
  const row = result.rows[0];
  if (!row) throw new Error('PostgreSQL returned no server version');
  const versionNum = Number(row.num);
  return { versionNum, major: Math.floor(versionNum / 10000), version: row.version };
}

export class UnsupportedServerError extends Error {
  override name = 'UnsupportedServerError';
}

/** Refuses servers older than the features the migrations rely on (MERGE, NULLS NOT DISTINCT). */
export async function assertSupportedServer(db: Db): Promise<ServerVersion> {
  const found = await readServerVersion(db);
  if (found.major < MINIMUM_SERVER_VERSION) {
    throw new UnsupportedServerError(
      `PostgreSQL ${found.version} is too old: ILMS Hub needs PostgreSQL ${MINIMUM_SERVER_VERSION} or newer. ` +
        'Upgrade the server, or unset DATABASE_URL to use the embedded PostgreSQL.',
    );
  }
  return found;
}
