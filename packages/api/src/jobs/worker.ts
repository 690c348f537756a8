import { hostname } from 'node:os';
import { applyDueReleases } from '../services/release.service.js';
import { type ImportWorkerDeps, processImport } from './import-job.js';
import type { ProgressTracker } from './progress-tracker.js';
import { reapDeadImports } from './reaper.js';

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
  const trackers = new Set<ProgressTracker>();
  const running = new Set<Promise<unknown>>();
  let isStopping = false;
  const track = <T>(work: Promise<T>) => {
    running.add(work);
    void work.finally(() => running.delete(work)).catch(() => {});
    return work;
  };
  const handle = (message: { submissionId: number }) =>
    track(
      processImport(deps, message.submissionId, (tracker) => {
        if (!tracker) return;
        if (isStopping) tracker.abort('shutdown');
        trackers.add(tracker);
      }),
    ).finally(() => {
      for (const tracker of trackers) if (tracker.isDone) trackers.delete(tracker);
    });
  for (let i = 0; i < (options.concurrency ?? 1); i++) await options.queue.workImports(handle);

  const every = (ms: number, task: () => Promise<unknown>, what: string) => {
    let isBusy = false;
    return setInterval(() => {
      if (isBusy || isStopping) return;
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
      () => reapDeadImports(deps, options.staleSeconds ?? 30),
      'looking for dead jobs',
    ),
    every(options.releasePollMs ?? 15_000, () => applyDueReleases(deps), 'applying due releases'),
  ];
  deps.log.info({ worker: deps.workerName }, 'worker started');
  return {
    name: deps.workerName,
    async stop() {
      isStopping = true;
      for (const timer of timers) clearInterval(timer);
      for (const tracker of trackers) tracker.abort('shutdown');
      await Promise.allSettled([...running]);
    },
  };
}
