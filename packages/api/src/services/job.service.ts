import { changeSubmissionStatus, findImportJob, finishImportJob, requestImportCancel } from '@ilms/db';
import { signedInCaller } from '../auth/authorize.js';
import type { Context } from '../context.js';
import { DomainError } from '../errors.js';
import { requireSubmission } from './submission.service.js';

/** The processing job of a submission, as users follow it: state, phase, bytes and rows. */
export async function describeJob(ctx: Pick<Context, 'db'>, country: string, id: number) {
  await requireSubmission(ctx, country, id);
  const job = await findImportJob(ctx.db, id);
  if (!job) return null;
  return {
    state: job.state,
    phase: job.phase,
    bytesRead: job.bytes_read,
    bytesTotal: job.bytes_total,
    rowsRead: job.rows_read,
    attempt: job.attempt,
    maxAttempts: job.max_attempts,
    worker: job.worker,
    error: job.error,
    cancelRequested: job.cancel_requested,
    createdAt: job.created_at,
    startedAt: job.started_at,
    finishedAt: job.finished_at,
    updatedAt: job.updated_at,
  };
}

/**
 * Cancels a file's processing. A queued job ends at once; a running one is stopped by its
 * worker at its next progress report (every half second) while it loads or reads the file, or
 * once the SQL check under way ends; the worker rolls back whatever it had staged and marks the
 * submission cancelled.
 */
export async function cancelProcessing(ctx: Context, country: string, id: number) {
  // Not locking the submission: workers lock the job row first, then the submission.
  const submission = await requireSubmission(ctx, country, id);
  const before = submission.status === 'processing' ? await requestImportCancel(ctx.db, id) : undefined;
  if (before === undefined) {
    // The job may have ended since the status was read: say what it is now.
    const now = await requireSubmission(ctx, country, id);
    throw new DomainError(
      'PRECONDITION_FAILED',
      `Submission ${id} is ${now.status}; only a file still being processed can be cancelled.`,
    );
  }
  const actorId = signedInCaller(ctx).userId;
  if (before === 'queued') {
    await finishImportJob(ctx.db, {
      submissionId: id,
      state: 'cancelled',
      error: 'Cancelled before processing began.',
    });
    await changeSubmissionStatus(ctx.db, {
      submissionId: id,
      status: 'cancelled',
      actorId,
      now: ctx.now(),
      comment: 'Cancelled before processing began.',
    });
  }
  ctx.audit.describe({ target: `submission:${id}`, summary: { cancelled: before } });
  return { id, status: before === 'queued' ? ('cancelled' as const) : ('processing' as const) };
}
