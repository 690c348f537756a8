import { sql } from 'kysely';
import type { Db } from '../create-db.js';
import type { ImportJobPhase, ImportJobState } from './submission.schema.js';

// Job times come from the database clock: heartbeats are compared across machines, and a
// test's controllable clock (the app's `now`) must not make a live worker look dead. The clock
// at each statement (`clock_timestamp()`), not the transaction's start (`now()`): a job finishes
// inside the transaction that staged its file, minutes after that transaction began.

export interface NewImportJob {
  submissionId: number;
  bytesTotal: number;
  maxAttempts: number;
}

export async function insertImportJob(db: Db, job: NewImportJob): Promise<void> {
  await db
    .insertInto('import_job')
    .values({
      submission_id: job.submissionId,
      state: 'queued',
      phase: 'queued',
      bytes_total: job.bytesTotal,
      max_attempts: job.maxAttempts,
      worker: null,
      queue_job_id: null,
      heartbeat_at: null,
      cancel_requested_at: null,
      error: null,
      created_at: sql<Date>`clock_timestamp()`,
      started_at: null,
      finished_at: null,
      updated_at: sql<Date>`clock_timestamp()`,
    })
    .execute();
}

/** Remembers which queue message carries the job, so a reaped attempt can fail that message. */
export async function setImportQueueJobId(db: Db, submissionId: number, queueJobId: string): Promise<void> {
  await db
    .updateTable('import_job')
    .set({ queue_job_id: queueJobId })
    .where('submission_id', '=', submissionId)
    .execute();
}

export async function findImportJob(db: Db, submissionId: number) {
  return db
    .selectFrom('import_job')
    .select([
      'state',
      'phase',
      'bytes_total',
      'bytes_read',
      'rows_read',
      'attempt',
      'max_attempts',
      'worker',
      'error',
      'created_at',
      'started_at',
      'finished_at',
      'updated_at',
      sql<boolean>`cancel_requested_at is not null`.as('cancel_requested'),
    ])
    .where('submission_id', '=', submissionId)
    .executeTakeFirst();
}

/**
 * Takes a queued job for this worker: the next attempt starts. Undefined when the job is not
 * queued (cancelled meanwhile, or another worker has it).
 */
export async function claimImportJob(db: Db, submissionId: number, worker: string): Promise<number | undefined> {
  const claimed = await db
    .updateTable('import_job')
    .set({
      state: 'running',
      phase: 'loading',
      attempt: sql`attempt + 1`,
      worker,
      bytes_read: 0,
      rows_read: 0,
      heartbeat_at: sql`clock_timestamp()`,
      started_at: sql`coalesce(started_at, clock_timestamp())`,
      updated_at: sql`clock_timestamp()`,
    })
    .where('submission_id', '=', submissionId)
    .where('state', '=', 'queued')
    .returning('attempt')
    .executeTakeFirst();
  return claimed?.attempt;
}

export interface ImportProgress {
  submissionId: number;
  attempt: number;
  phase: ImportJobPhase;
  bytesRead: number;
  rowsRead: number;
}

/**
 * Records progress and the worker's heartbeat. `isOwned` is false when the attempt is no longer
 * this worker's (reaped as stale and retried elsewhere): the worker must stop.
 */
export async function reportImportProgress(db: Db, progress: ImportProgress) {
  const row = await db
    .updateTable('import_job')
    .set({
      phase: progress.phase,
      bytes_read: progress.bytesRead,
      rows_read: progress.rowsRead,
      heartbeat_at: sql`clock_timestamp()`,
      updated_at: sql`clock_timestamp()`,
    })
    .where('submission_id', '=', progress.submissionId)
    .where('attempt', '=', progress.attempt)
    .where('state', '=', 'running')
    .returning(sql<boolean>`cancel_requested_at is not null`.as('cancel_requested'))
    .executeTakeFirst();
  return { isOwned: row !== undefined, isCancelRequested: row?.cancel_requested ?? false };
}

/** Locks the job row while this attempt still owns it; false when it does not (do not commit). */
export async function lockOwnedImportJob(db: Db, submissionId: number, attempt: number) {
  const row = await db
    .selectFrom('import_job')
    .select(sql<boolean>`cancel_requested_at is not null`.as('cancel_requested'))
    .where('submission_id', '=', submissionId)
    .where('attempt', '=', attempt)
    .where('state', '=', 'running')
    .forUpdate()
    .executeTakeFirst();
  return { isOwned: row !== undefined, isCancelRequested: row?.cancel_requested ?? false };
}

export async function finishImportJob(
  db: Db,
  job: {
    submissionId: number;
    state: Exclude<ImportJobState, 'queued' | 'running'>;
    error?: string | null;
    /** The attempt's last figures, which the timer may not have written yet. */
    progress?: { bytesRead: number; rowsRead: number };
  },
): Promise<void> {
  await db
    .updateTable('import_job')
    .set({
      state: job.state,
      ...(job.progress ? { bytes_read: job.progress.bytesRead, rows_read: job.progress.rowsRead } : {}),
      phase: job.state === 'succeeded' ? 'done' : sql`phase`,
      error: job.error ?? null,
      finished_at: sql`clock_timestamp()`,
      updated_at: sql`clock_timestamp()`,
    })
    .where('submission_id', '=', job.submissionId)
    .execute();
}

/**
 * Asks a queued or running job to stop; returns its state, or undefined when there is nothing
 * to cancel. A running job is stopped by its worker at its next progress report; a queued one
 * the caller ends with `finishImportJob` in the same transaction (the row stays locked until
 * then, so no worker claims it meanwhile, and one that did would stop at its first report).
 */
export async function requestImportCancel(db: Db, submissionId: number): Promise<ImportJobState | undefined> {
  const row = await db
    .updateTable('import_job')
    .set({ cancel_requested_at: sql`clock_timestamp()`, updated_at: sql`clock_timestamp()` })
    .where('submission_id', '=', submissionId)
    .where('state', 'in', ['queued', 'running'])
    .returning('state')
    .executeTakeFirst();
  return row?.state;
}

export interface ReapedImportJob {
  submission_id: number;
  state: 'queued' | 'failed' | 'cancelled';
  attempt: number;
  worker: string | null;
  queue_job_id: string | null;
  error: string;
}

/**
 * Running jobs whose worker has not reported for `staleSeconds` are taken back: queued again
 * while attempts remain, failed otherwise, cancelled if the user asked. Their staging never committed, so nothing of them is
 * visible. Each reaped job is returned once (the update is the claim).
 */
export async function reapStaleImportJobs(db: Db, staleSeconds: number): Promise<ReapedImportJob[]> {
  const { rows } = await sql<ReapedImportJob>`
    update import_job set
      state = case when cancel_requested_at is not null then 'cancelled'
                   when attempt < max_attempts then 'queued' else 'failed' end,
      error = format('The worker %s stopped responding during %s (after %s rows) and was presumed dead; %s',
                     coalesce(worker, 'unknown'), phase, rows_read,
                     case when cancel_requested_at is not null then 'the processing is cancelled, as asked. Nothing was staged.'
                          when attempt < max_attempts then 'the file is being processed again.'
                          else 'no attempts remain: upload the file again, and tell the administrators if it keeps failing.' end),
      phase = 'queued',
      finished_at = case when cancel_requested_at is null and attempt < max_attempts then null else clock_timestamp() end,
      updated_at = clock_timestamp()
    where state = 'running' and heartbeat_at < clock_timestamp() - make_interval(secs => ${staleSeconds})
    returning submission_id, state, attempt, worker, queue_job_id, error`.execute(db);
  return rows;
}

/** What a worker needs to know of the submission it processes. */
export async function findJobSubmission(db: Db, submissionId: number) {
  return db
    .selectFrom('submission')
    .select(['id', 'country', 'mode', 'status', 'file_name', 'file_size'])
    .where('id', '=', submissionId)
    .executeTakeFirst();
}

/**
 * Puts this attempt's job back in the queue (the worker is shutting down, or the attempt failed
 * with attempts left). `refund` does not count the attempt: a shutdown is nobody's fault.
 */
export async function requeueImportJob(
  db: Db,
  job: { submissionId: number; attempt: number; error: string; refund: boolean },
): Promise<boolean> {
  const row = await db
    .updateTable('import_job')
    .set({
      state: 'queued',
      phase: 'queued',
      attempt: job.refund ? sql`attempt - 1` : sql`attempt`,
      error: job.error,
      updated_at: sql`clock_timestamp()`,
    })
    .where('submission_id', '=', job.submissionId)
    .where('attempt', '=', job.attempt)
    .where('state', '=', 'running')
    .returning('submission_id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Queued jobs untouched for `staleSeconds`, with their message: a live worker claims a job within
 * a second of taking its message, so one of these whose message no longer waits was lost (its
 * worker died between taking the message and claiming the job).
 */
export async function listIdleQueuedImportJobs(db: Db, staleSeconds: number) {
  return db
    .selectFrom('import_job')
    .select(['submission_id', 'queue_job_id'])
    .where('state', '=', 'queued')
    .where('updated_at', '<', sql<Date>`clock_timestamp() - make_interval(secs => ${staleSeconds})`)
    .execute();
}

/** Marks a queued job as sent again, while it is still queued with the message it had. */
export async function touchQueuedImportJob(db: Db, submissionId: number, queueJobId: string | null) {
  const row = await db
    .updateTable('import_job')
    .set({ updated_at: sql`clock_timestamp()` })
    .where('submission_id', '=', submissionId)
    .where('state', '=', 'queued')
    .where((eb) => (queueJobId === null ? eb('queue_job_id', 'is', null) : eb('queue_job_id', '=', queueJobId)))
    .returning('submission_id')
    .executeTakeFirst();
  return row !== undefined;
}
