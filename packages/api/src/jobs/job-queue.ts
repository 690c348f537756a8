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
  /** Marks a message failed (an attempt reaped after its worker died); pg-boss retries none. */
  failMessage(messageId: string, reason: string): Promise<void>;
  /** Delivers import messages to `handle`, one at a time per call of `work`. */
  workImports(handle: (message: ImportMessage) => Promise<void>): Promise<string>;
  /** Stops taking messages; a message being handled finishes or is abandoned after `timeoutMs`. */
  stop(timeoutMs?: number): Promise<void>;
}

export interface JobQueueOptions {
  connectionString: string;
  /** Called for errors of the queue's own upkeep (connection lost, maintenance failed). */
  onError: (error: Error) => void;
  /** How often an idle worker asks for a message (pg-boss's minimum is 0.5 s). */
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
  // Retries are decided by the hub (import_job.max_attempts), which knows why an attempt ended;
  // the expiry is only a backstop for a message whose worker vanished without a trace.
  await boss.createQueue(IMPORT_QUEUE, { name: IMPORT_QUEUE, retryLimit: 0, expireInHours: 6 });
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 1;
  return {
    async sendImport(db, submissionId) {
      const message: ImportMessage = { submissionId };
      const id = await boss.send(IMPORT_QUEUE, message, { db: asPgBossDb(db) });
      if (id === null) throw new Error(`the queue refused the import message of submission ${submissionId}`);
      return id;
    },
    async failMessage(messageId, reason) {
      await boss.fail(IMPORT_QUEUE, messageId, { reason });
    },
    workImports(handle) {
      return boss.work<ImportMessage>(IMPORT_QUEUE, { batchSize: 1, pollingIntervalSeconds }, async (jobs) => {
        for (const job of jobs) await handle(job.data);
      });
    },
    async stop(timeoutMs = 10_000) {
      await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
    },
  };
}
