import { type Dependencies, DomainError, FileHandoff, startJobQueue, startWorker, type Worker } from '@ilms/api';
import { EmbeddedStartError, MigrationError, prepareDatabase, UnsupportedServerError } from '@ilms/db';
import { pino } from 'pino';
import { buildApp } from './app.js';
import { prepareFirstAdmin } from './auth-first-admin.js';
import { openDatabase } from './database.js';
import { EnvError, parseEnv } from './env.js';

async function main(): Promise<void> {
  const env = parseEnv(process.env);
  const logger = pino({ level: env.LOG_LEVEL });
  const database = await openDatabase(env, logger);
  const deps: Dependencies = {
    db: database.db,
    now: () => new Date(),
    sessionLifetime: {
      idleMs: env.ILMS_SESSION_IDLE_MINUTES * 60_000,
      absoluteMs: env.ILMS_SESSION_MAX_DAYS * 86_400_000,
    },
  };
  try {
    const prepared = await prepareDatabase(database.db);
    logger.info(
      {
        postgres: prepared.version.version,
        embedded: database.isEmbedded,
        migrations: prepared.migrationsApplied.length,
        catalogueRowsWritten: prepared.seed.written,
      },
      'database ready',
    );
    await prepareFirstAdmin(deps, env, logger);
  } catch (error) {
    await database.close();
    throw error;
  }

  const queue = await startJobQueue({
    connectionString: database.url,
    onError: (error) => logger.error({ err: error }, 'job queue error'),
  });
  deps.queue = queue;
  // Files uploaded here go straight to this server's worker; other workers read them from the database.
  if (env.ILMS_WORKERS > 0) deps.handoff = new FileHandoff();
  const worker: Worker | undefined =
    env.ILMS_WORKERS > 0
      ? await startWorker({
          db: deps.db,
          now: deps.now,
          queue,
          handoff: deps.handoff,
          log: logger.child({ component: 'worker' }),
          concurrency: env.ILMS_WORKERS,
          staleSeconds: env.ILMS_JOB_STALE_SECONDS,
          releasePollMs: env.ILMS_RELEASE_POLL_MS,
        })
      : undefined;

  const app = await buildApp({
    deps,
    logger,
    adminDist: env.ADMIN_DIST,
    trustProxy: env.TRUST_PROXY,
    uploadLimitBytes: env.ILMS_UPLOAD_LIMIT_MB * 1_048_576,
  });

  let isStopping = false;
  const stop = async (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    logger.info({ signal }, 'stopping');
    await app.close();
    // A file being processed goes back to the queue for the next worker.
    await worker?.stop();
    await queue.stop();
    await deps.handoff?.dropExpired(Date.now(), 0);
    await database.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ host: env.HOST, port: env.PORT });
  const url = `http://${env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST}:${env.PORT}/`;
  logger.info({ url }, 'ILMS Hub is running');
  process.stdout.write(`\n  ILMS Hub is running at ${url}\n  Press Ctrl-C to stop.\n\n`);
}

// DomainError: a refused ILMS_ADMIN_PASSWORD.
const expectedFailures = [EnvError, EmbeddedStartError, MigrationError, UnsupportedServerError, DomainError];

main().catch((error: unknown) => {
  // Failures the person at the terminal can fix are shown as their message; others with a stack.
  const isExpected = expectedFailures.some((kind) => error instanceof kind);
  const text = error instanceof Error ? (isExpected ? error.message : (error.stack ?? error.message)) : String(error);
  process.stderr.write(`\n${text}\n\n`);
  process.exit(1);
});
