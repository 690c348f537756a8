import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  changeSubmissionStatus,
  claimImportJob,
  type Db,
  findJobSubmission,
  finishImportJob,
  inTransaction,
  lockOwnedImportJob,
  readSubmissionFile,
  refreshSubmissionCounts,
  requeueImportJob,
  setImportQueueJobId,
} from '@ilms/db';
import { DomainError } from '../errors.js';
import type { ImportReader } from '../services/import/import-reader.js';
import { stageSubmissionFile } from '../services/import/stage-file.js';
import { readWithValidator } from '../services/import/validator.reader.js';
import { TEMP_FILE_PREFIX } from '../temp-files.js';
import type { FileHandoff } from './file-handoff.js';
import type { JobQueue } from './job-queue.js';
import { ImportStopped, ProgressTracker } from './progress-tracker.js';

export interface WorkerLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface ImportWorkerDeps {
  db: Db;
  queue: JobQueue;
  now: () => Date;
  /** Shown to users as who processed a file, and in a dead worker's message: host and process. */
  workerName: string;
  log: WorkerLog;
  /** Files the upload route of this process hands over, so they need not be read back. */
  handoff?: FileHandoff | undefined;
  /** How often progress and the heartbeat are written (default 500 ms). */
  progressIntervalMs?: number;
  readImport?: ImportReader;
}

/** Copies the stored file to a temporary file of this worker, counting bytes for progress. */
async function fetchStoredFile(db: Db, submissionId: number, target: string, tracker: ProgressTracker) {
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      tracker.bytesRead += chunk.length;
      try {
        tracker.throwIfStopped();
        done(null, chunk);
      } catch (error) {
        done(error as Error);
      }
    },
  });
  // Unpublished figures: readable by this user only.
  await pipeline(
    Readable.from(readSubmissionFile(db, submissionId)),
    counter,
    createWriteStream(target, { mode: 0o600 }),
  );
}

/** Sends the job's next message; the queue's message id is kept to fail it if its worker dies. */
export async function sendImportMessage(db: Db, queue: JobQueue, submissionId: number): Promise<void> {
  const messageId = await queue.sendImport(db, submissionId);
  await setImportQueueJobId(db, submissionId, messageId);
}

/**
 * Processes one uploaded file: validates it and stages its rows in one transaction, so an
 * attempt that dies, is cancelled or fails leaves nothing staged. On success the submission
 * becomes a draft; a file that cannot be read fails at once; an unexpected failure is retried
 * while attempts remain. `shutdown` stops it from outside: the job is put back for another worker.
 */
export async function processImport(
  deps: ImportWorkerDeps,
  submissionId: number,
  shutdown?: AbortSignal,
): Promise<void> {
  const attempt = await claimImportJob(deps.db, submissionId, deps.workerName);
  if (attempt === undefined) return;
  const submission = await findJobSubmission(deps.db, submissionId);
  if (!submission) return;
  const tracker = new ProgressTracker(deps.db, submissionId, attempt, deps.progressIntervalMs ?? 500, (error) =>
    deps.log.error({ err: error, submissionId }, 'could not record import progress'),
  );
  const stopForShutdown = () => tracker.abort('shutdown');
  if (shutdown?.aborted) stopForShutdown();
  shutdown?.addEventListener('abort', stopForShutdown, { once: true });
  tracker.start();
  const filePath = join(tmpdir(), `${TEMP_FILE_PREFIX}job-${process.pid}-${submissionId}-${randomUUID()}`);
  try {
    const handed = deps.handoff?.take(submissionId);
    if (handed === undefined) await fetchStoredFile(deps.db, submissionId, filePath, tracker);
    else await rename(handed, filePath);
    tracker.phase = 'validating';
    tracker.bytesRead = 0;
    await tracker.report();
    await inTransaction(deps.db, async (trx) => {
      await stageSubmissionFile(trx, {
        submissionId,
        country: submission.country,
        mode: submission.mode,
        filePath,
        readImport: deps.readImport ?? readWithValidator,
        onBytesRead: (bytes) => {
          tracker.bytesRead = bytes;
        },
        onRow: () => {
          tracker.rowsRead++;
          tracker.throwIfStopped();
        },
        onChecking: () => {
          tracker.phase = 'checking';
        },
      });
      tracker.throwIfStopped();
      // The job row before the submission's, as everywhere (see docs/data-model.md).
      const lock = await lockOwnedImportJob(trx, submissionId, attempt);
      if (!lock.isOwned) throw new ImportStopped('lost');
      if (lock.isCancelRequested) throw new ImportStopped('cancelled');
      await refreshSubmissionCounts(trx, submissionId);
      const progress = { bytesRead: tracker.bytesRead, rowsRead: tracker.rowsRead };
      await finishImportJob(trx, { submissionId, state: 'succeeded', progress });
      await changeSubmissionStatus(trx, { submissionId, status: 'draft', actorId: null, now: deps.now() });
    });
    deps.log.info({ submissionId, attempt, rows: tracker.rowsRead }, 'import processed');
  } catch (error) {
    await settleFailedAttempt(deps, { submissionId, attempt, tracker, error });
  } finally {
    shutdown?.removeEventListener('abort', stopForShutdown);
    await tracker.stop();
    await rm(filePath, { force: true });
  }
}

interface FailedAttempt {
  submissionId: number;
  attempt: number;
  tracker: ProgressTracker;
  error: unknown;
}

function describeWhere(tracker: ProgressTracker): string {
  return `while ${tracker.phase === 'loading' ? 'loading the file' : tracker.phase} (after ${tracker.rowsRead.toLocaleString('en')} rows)`;
}

/** Ends an attempt that did not succeed, in a transaction that holds the job while it still owns it. */
async function settleFailedAttempt(deps: ImportWorkerDeps, failed: FailedAttempt): Promise<void> {
  const { submissionId, attempt, tracker, error } = failed;
  if (error instanceof ImportStopped && error.reason === 'lost') {
    deps.log.info({ submissionId, attempt }, 'import attempt taken back by another worker; stopped');
    return;
  }
  if (!(error instanceof ImportStopped) && !(error instanceof DomainError)) {
    deps.log.error({ err: error, submissionId, attempt }, 'import attempt failed');
  }
  await inTransaction(deps.db, async (trx) => {
    const lock = await lockOwnedImportJob(trx, submissionId, attempt);
    if (!lock.isOwned) return;
    const end = async (state: 'failed' | 'cancelled', message: string) => {
      const progress = { bytesRead: tracker.bytesRead, rowsRead: tracker.rowsRead };
      await finishImportJob(trx, { submissionId, state, error: message, progress });
      await changeSubmissionStatus(trx, {
        submissionId,
        status: state,
        actorId: null,
        now: deps.now(),
        comment: message,
      });
    };
    const requeue = async (message: string, refund: boolean) => {
      await requeueImportJob(trx, { submissionId, attempt, error: message, refund });
      await sendImportMessage(trx, deps.queue, submissionId);
      const change = { submissionId, status: 'processing' as const, actorId: null, now: deps.now(), comment: message };
      await changeSubmissionStatus(trx, change);
    };
    // The user's cancel wins over whatever else stopped the attempt.
    if (lock.isCancelRequested || (error instanceof ImportStopped && error.reason === 'cancelled')) {
      await end('cancelled', `Processing was cancelled ${describeWhere(tracker)}. Nothing was staged.`);
    } else if (error instanceof ImportStopped && error.reason === 'shutdown') {
      await requeue(
        `The worker ${deps.workerName} was shut down ${describeWhere(tracker)}; the file is processed again.`,
        true,
      );
    } else if (error instanceof DomainError) {
      await end('failed', error.message);
    } else {
      const { max_attempts } = await trx
        .selectFrom('import_job')
        .select('max_attempts')
        .where('submission_id', '=', submissionId)
        .executeTakeFirstOrThrow();
      const reference = `submission ${submissionId}, attempt ${attempt}`;
      if (attempt < max_attempts) {
        await requeue(
          `Attempt ${attempt} failed unexpectedly ${describeWhere(tracker)} (${reference}); the file is processed again.`,
          false,
        );
      } else {
        await end(
          'failed',
          `Processing failed unexpectedly ${describeWhere(tracker)} in every attempt. Upload the file again; if it fails again, tell the administrators (reference: ${reference}).`,
        );
      }
    }
  });
}

/**
 * Removes the temporary files that servers and workers killed mid-way left in this machine's
 * temporary folder. Only those older than `olderThanMs` (default 6 h, the queue's expiry): a live worker's
 * copy is younger.
 */
export async function removeStaleJobFiles(olderThanMs = 6 * 3_600_000): Promise<number> {
  const folder = tmpdir();
  let removed = 0;
  for (const name of await readdir(folder)) {
    if (!name.startsWith(TEMP_FILE_PREFIX)) continue;
    const path = join(folder, name);
    const info = await stat(path).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > olderThanMs) {
      await rm(path, { force: true });
      removed++;
    }
  }
  return removed;
}
