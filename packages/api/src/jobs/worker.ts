import { hostname } from 'node:os';
import { readDatabaseTime } from '@ilms/db';
import { applyDueReleases } from '../services/release.service.js';
import { type ImportWorkerDeps, processImport, removeStaleJobFiles } from './import-job.js';
import { reapDeadImports, resendLostImports } from './reaper.js';

export interface WorkerOptions extends Omit<ImportWorkerDeps, 'workerName'> {
  /** Defaults to host:pid. */
  workerName?: string;
  /** Files processed at once by this worker (default 1; each takes about one core). */
  concurrency?: number;
  /** A running job whose heartbeat is older than this is presumed dead (default 30 s). */
  staleSeconds?: number;
  /** How often this worker looks for dead jobs (default 5 s). */
  reapIntervalMs?: number;
  /** How often this worker looks for releases that are due (default 15 s). */
  releasePollMs?: number;
  /** The time releases are due by: the database's clock unless a test gives its own. */
  releaseClock?: () => Date;
}

export interface Worker {
  name: string;
  /** Stops taking work; a file being processed is put back in the queue for another worker. */
  stop(): Promise<void>;
}

/**
 * The job runner: processes uploaded files from the queue, takes back the jobs of dead
 * workers, and applies scheduled releases when due. The server starts one in-process; more
 * run anywhere that reaches the database (`ilms worker`).
 */
export async function startWorker(options: WorkerOptions): Promise<Worker> {
  const deps: ImportWorkerDeps = { ...options, workerName: options.workerName ?? `${hostname()}:${process.pid}` };
  const running = new Set<Promise<unknown>>();
  const shutdown = new AbortController();
  const track = <T>(work: Promise<T>) => {
    running.add(work);
    void work.finally(() => running.delete(work)).catch(() => {});
    return work;
  };
  const handle = (message: { submissionId: number }) =>
    track(processImport(deps, message.submissionId, shutdown.signal));
  const cleared = await removeStaleJobFiles();
  if (cleared > 0) deps.log.info({ files: cleared }, 'removed temporary files left by workers that were killed');
  for (let i = 0; i < (options.concurrency ?? 1); i++) await options.queue.workImports(handle);

  const every = (ms: number, task: () => Promise<unknown>, what: string) => {
    let isBusy = false;
    return setInterval(() => {
      if (isBusy || shutdown.signal.aborted) return;
      isBusy = true;
      void track(task())
        .catch((error: unknown) => deps.log.error({ err: error }, `${what} failed`))
        .finally(() => {
          isBusy = false;
        });
    }, ms);
  };
  const timers = [
    every(
      options.reapIntervalMs ?? 5000,
      async () => {
        await reapDeadImports(deps, options.staleSeconds ?? 30);
        await resendLostImports(deps, options.staleSeconds ?? 30);
      },
      'looking for dead jobs',
    ),
    every(
      options.releasePollMs ?? 15_000,
      () =>
        applyDueReleases({
          db: deps.db,
          now: options.releaseClock ?? (() => readDatabaseTime(deps.db)),
          onError: (error, releaseId) => deps.log.error({ err: error, releaseId }, 'a scheduled release failed'),
        }),
      'applying due releases',
    ),
  ];
  deps.log.info({ worker: deps.workerName }, 'worker started');
  return {
    name: deps.workerName,
    async stop() {
      // No new message is taken (by this worker) before the running ones are put back.
      await options.queue.stopWorking();
      for (const timer of timers) clearInterval(timer);
      shutdown.abort();
      await Promise.allSettled([...running]);
    },
  };
}
