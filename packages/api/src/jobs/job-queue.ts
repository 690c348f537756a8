import type { Db } from '@ilms/db';
import { CompiledQuery } from 'kysely';
import PgBoss from 'pg-boss';

/** The queue every import job travels on; the message carries only the submission id. */
export const IMPORT_QUEUE = 'ilms-import';

export interface ImportMessage {
  submissionId: number;
}

/**
 * The job queue as the hub uses it: pg-boss (PostgreSQL-backed, so jobs are sent in the same
 * transaction as the submission they process, and no other service is needed). Progress,
 * heartbeats and cancellation live in the `import_job` table, which users read; the queue
 * only delivers each message to one worker.
 */
export interface JobQueue {
  /** Sends an import job inside the caller's transaction: it exists only if that commits. */
  sendImport(db: Db, submissionId: number): Promise<string>;
  /**
   * Retires the message of an attempt taken back (its worker died) or lost: a new message carries
   * the job on, and this one must not be delivered again when pg-boss's expiry would retry it.
   */
  retireMessage(messageId: string): Promise<void>;
  /** Delivers import messages to `handle`, one at a time per call of `work`. */
  workImports(handle: (message: ImportMessage) => Promise<void>): Promise<string>;
  /** Stops fetching messages for this process's workers at once (a handler running goes on). */
  stopWorking(): Promise<void>;
  /** Whether a message still waits for a worker (not taken, finished, failed or expired). */
  isMessageWaiting(messageId: string): Promise<boolean>;
  /** Stops taking messages; a message being handled finishes or is abandoned after `timeoutMs`. */
  stop(timeoutMs?: number): Promise<void>;
}

export interface JobQueueOptions {
  connectionString: string;
  /** Called for errors of the queue's own upkeep (connection lost, maintenance failed). */
  onError: (error: Error) => void;
  /** How often an idle worker asks for a message (default and pg-boss's minimum: 0.5 s). */
  pollingIntervalSeconds?: number;
}

/** pg-boss runs its statements through the caller's Kysely transaction. */
function asPgBossDb(db: Db): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      const result = await db.executeQuery(CompiledQuery.raw(text, values));
      return { rows: result.rows as unknown[] as never[] };
    },
  };
}

export async function startJobQueue(options: JobQueueOptions): Promise<JobQueue> {
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: 'pgboss',
    application_name: 'ilms-queue',
    max: 4,
  });
  boss.on('error', options.onError);
  await boss.start();
  // Attempts are counted by the hub (import_job.max_attempts), which knows why one ended; pg-boss
  // retries only a delivery whose handler failed before it could claim the job (a database blip):
  // the claim takes a queued job only, so a repeated delivery does nothing. The expiry is a backstop.
  await boss.createQueue(IMPORT_QUEUE, { name: IMPORT_QUEUE, retryLimit: 3, retryDelay: 5, expireInHours: 6 });
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 0.5;
  return {
    async sendImport(db, submissionId) {
      const message: ImportMessage = { submissionId };
      const id = await boss.send(IMPORT_QUEUE, message, { db: asPgBossDb(db) });
      if (id === null) throw new Error(`the queue refused the import message of submission ${submissionId}`);
      return id;
    },
    async retireMessage(messageId) {
      await boss.cancel(IMPORT_QUEUE, messageId);
    },
    workImports(handle) {
      return boss.work<ImportMessage>(IMPORT_QUEUE, { batchSize: 1, pollingIntervalSeconds }, async (jobs) => {
        for (const job of jobs) await handle(job.data);
      });
    },
    async stopWorking() {
      await boss.offWork(IMPORT_QUEUE);
    },
    async isMessageWaiting(messageId) {
      const job = await boss.getJobById(IMPORT_QUEUE, messageId);
      return job !== null && (job.state === 'created' || job.state === 'retry');
    },
    async stop(timeoutMs = 10_000) {
      await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
    },
  };
}
