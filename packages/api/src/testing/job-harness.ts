import type { Db } from '@ilms/db';
import { type JobQueue, startJobQueue } from '../jobs/job-queue.js';
import { startWorker, type Worker, type WorkerOptions } from '../jobs/worker.js';

export interface TestJobs {
  queue: JobQueue;
  /** Starts a worker on the queue; stopped with the rest. */
  startWorker(options?: Partial<WorkerOptions>): Promise<Worker>;
  stop(): Promise<void>;
}

const quietLog = { info: () => {}, error: () => {} };

/** A real pg-boss queue on the test database, and workers on it with short intervals. */
export async function startTestJobs(db: Db, url: string, now: () => Date = () => new Date()): Promise<TestJobs> {
  const queue = await startJobQueue({
    connectionString: url,
    pollingIntervalSeconds: 0.5,
    onError: (error) => console.error('job queue error', error),
  });
  const workers: Worker[] = [];
  return {
    queue,
    async startWorker(options = {}) {
      const worker = await startWorker({
        db,
        queue,
        now,
        log: quietLog,
        progressIntervalMs: 100,
        reapIntervalMs: 200,
        releasePollMs: 60_000,
        ...options,
      });
      workers.push(worker);
      return worker;
    },
    async stop() {
      for (const worker of workers) await worker.stop();
      await queue.stop();
    },
  };
}

/** Polls `read` until `isDone` holds of its value, or fails after `timeoutMs`. */
export async function waitUntil<T>(read: () => Promise<T>, isDone: (value: T) => boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (isDone(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`still waiting after ${timeoutMs} ms; last seen ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
