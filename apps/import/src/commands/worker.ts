import { parseCommandArgs } from '../hub/args.js';
import type { Environment } from '../hub/config.js';
import { CliError, ExitCode, UsageError } from '../hub/exit-codes.js';

const workerOptions = {
  concurrency: { type: 'string' },
  name: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** One line per event on stderr: time, level, message, then the details as JSON. */
function createLineLog(level: 'info' | 'error') {
  return (details: object, message: string) => {
    const extra = Object.keys(details).length > 0 ? ` ${JSON.stringify(details, errorFields)}` : '';
    process.stderr.write(`${new Date().toISOString()} ${level} ${message}${extra}\n`);
  };
}

function errorFields(_key: string, value: unknown) {
  return value instanceof Error ? { name: value.name, message: value.message } : value;
}

/**
 * A job runner next to the server's own: it takes uploaded files from the queue and applies
 * scheduled releases, on the hub's database (DATABASE_URL). The API packages load only here, so
 * the other commands start fast.
 */
export async function workerCommand(args: string[], env: Environment): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, workerOptions);
  if (positionals.length > 0) throw new UsageError(`ilms worker takes no "${positionals[0]}".`);
  const concurrency = values.concurrency === undefined ? 1 : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 16) {
    throw new UsageError(`--concurrency must be a whole number from 1 to 16, not "${values.concurrency}".`);
  }
  const connectionString = env.DATABASE_URL;
  if (!connectionString || !/^postgres(ql)?:\/\/[^/]+/.test(connectionString)) {
    throw new CliError(
      ExitCode.usage,
      "ilms worker needs the hub's database: set DATABASE_URL to the same PostgreSQL URL the server uses, e.g. postgres://ilms:…@db.example.org:5432/ilms.",
    );
  }
  const [{ startJobQueue, startWorker }, { createDb }] = await Promise.all([import('@ilms/api'), import('@ilms/db')]);
  const log = { info: createLineLog('info'), error: createLineLog('error') };
  const db = createDb({
    connectionString,
    maxConnections: concurrency + 2,
    applicationName: 'ilms-worker',
    onIdleConnectionError: (error) => log.error({ reason: error.message }, 'an idle database connection closed'),
  });
  const queue = await startJobQueue({
    connectionString,
    onError: (error) => log.error({ err: error }, 'job queue error'),
  }).catch(async (error: unknown) => {
    await db.destroy();
    throw new CliError(
      ExitCode.unreachable,
      `Cannot open the hub's job queue in DATABASE_URL: ${(error as Error).message}. Check the URL and that the server has started once (it creates the tables).`,
    );
  });
  const worker = await startWorker({ db, now: () => new Date(), queue, log, concurrency, workerName: values.name });
  process.stderr.write(`Worker ${worker.name} is running (${concurrency} at a time). Press Ctrl-C to stop.\n`);

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  log.info({ worker: worker.name }, 'stopping: a file being processed goes back to the queue');
  await worker.stop();
  await queue.stop();
  await db.destroy();
  log.info({ worker: worker.name }, 'stopped');
  return ExitCode.ok;
}
