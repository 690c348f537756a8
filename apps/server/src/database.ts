import path from 'node:path';
import { createDb, type Db, startEmbeddedPostgres } from '@ilms/db';
import type { Logger } from 'pino';
import type { Env } from './env.js';

export interface DatabaseHandle {
  db: Db;
  /** The connection URL, for the job queue's own pool. */
  url: string;
  isEmbedded: boolean;
  close(): Promise<void>;
}

function logIdleError(logger: Logger) {
  return (error: Error) =>
    logger.warn({ reason: error.message }, 'an idle database connection closed; the pool will open a new one');
}

/** Uses DATABASE_URL when given; otherwise starts (or restarts) the embedded PostgreSQL. */
export async function openDatabase(env: Env, logger: Logger): Promise<DatabaseHandle> {
  if (env.DATABASE_URL) {
    const db = createDb({ connectionString: env.DATABASE_URL, onIdleConnectionError: logIdleError(logger) });
    return { db, url: env.DATABASE_URL, isEmbedded: false, close: () => db.destroy() };
  }
  const dataDir = path.join(env.ILMS_DATA_DIR, 'postgres');
  logger.info({ dataDir, port: env.EMBEDDED_PG_PORT }, 'starting embedded PostgreSQL');
  const server = await startEmbeddedPostgres({
    dataDir,
    port: env.EMBEDDED_PG_PORT,
    persistent: true,
    database: 'ilms',
    onLog: (line) => logger.debug({ postgres: line.trim() }, 'embedded postgres'),
  });
  const db = createDb({ connectionString: server.url, onIdleConnectionError: logIdleError(logger) });
  return {
    db,
    url: server.url,
    isEmbedded: true,
    close: async () => {
      await db.destroy();
      await server.stop();
    },
  };
}
