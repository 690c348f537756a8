import {
  cancelPendingRelease,
  changeSubmissionStatus,
  type Db,
  findDueRelease,
  findSubmission,
  insertScheduledRelease,
  inTransaction,
  lockPendingRelease,
  settleRelease,
} from '@ilms/db';
import { signedInCaller } from '../auth/authorize.js';
import type { Context } from '../context.js';
import { DomainError } from '../errors.js';
import { applyPublication, assertRevisionReason, type RevisionNote } from './publish.service.js';
import { requireSubmission } from './submission.service.js';
import { assertNoErrors, assertStatus } from './submission-lifecycle.service.js';

/**
 * Submitted → scheduled: the data is published by the job runner at `releaseAt` (stored in UTC),
 * and until then only coordinators and the submitting country see it. Several releases may be
 * pending for the same country and indicators; they are applied in time order.
 */
export async function scheduleRelease(ctx: Context, country: string, id: number, releaseAt: Date, note: RevisionNote) {
  const submission = await requireSubmission(ctx, country, id, true);
  assertStatus(submission, ['submitted'], 'scheduled for release');
  assertNoErrors(submission, 'scheduled for release');
  if (releaseAt.getTime() <= ctx.now().getTime()) {
    throw new DomainError(
      'INVALID_INPUT',
      `The release time ${releaseAt.toISOString()} has passed. Choose a time in the future, or publish now.`,
    );
  }
  await assertRevisionReason(ctx.db, id, submission.mode, note);
  const scheduledBy = signedInCaller(ctx).userId;
  const releaseId = await insertScheduledRelease(ctx.db, {
    submissionId: id,
    releaseAt,
    scheduledBy,
    now: ctx.now(),
    revisionReason: note.revisionReason ?? null,
    revisionText: note.revisionText ?? null,
  });
  await changeSubmissionStatus(ctx.db, {
    submissionId: id,
    status: 'scheduled',
    actorId: scheduledBy,
    now: ctx.now(),
    comment: `Release scheduled for ${releaseAt.toISOString()}.`,
  });
  ctx.audit.describe({ target: `submission:${id}`, summary: { releaseId, releaseAt: releaseAt.toISOString() } });
  return { id, status: 'scheduled' as const, releaseAt };
}

/** Scheduled → submitted: the pending release is cancelled and nothing is published. */
export async function cancelRelease(ctx: Context, country: string, id: number) {
  const submission = await requireSubmission(ctx, country, id, true);
  const release = submission.status === 'scheduled' ? await cancelPendingRelease(ctx.db, id, ctx.now()) : undefined;
  if (!release) {
    throw new DomainError(
      'PRECONDITION_FAILED',
      `Submission ${id} is ${submission.status}; it has no scheduled release to cancel.`,
    );
  }
  const actorId = signedInCaller(ctx).userId;
  await changeSubmissionStatus(ctx.db, {
    submissionId: id,
    status: 'submitted',
    actorId,
    now: ctx.now(),
    comment: `Release of ${release.release_at.toISOString()} cancelled.`,
  });
  ctx.audit.describe({ target: `submission:${id}`, summary: { releaseId: release.id, cancelled: true } });
  return { id, status: 'submitted' as const };
}

export interface ReleaseDeps {
  db: Db;
  /**
   * The time releases are due by and stamped with. Workers use the database's clock, so a worker
   * whose own clock runs fast cannot publish before the embargo; tests pass a controllable one.
   */
  now: () => Date | Promise<Date>;
  onError?: (error: unknown, releaseId: number) => void;
}

type DueRelease = NonNullable<Awaited<ReturnType<typeof findDueRelease>>>;

/**
 * Marks a release failed and puts its submission back to submitted, with the reason in its
 * history. The caller holds the submission's row, then the release's.
 */
async function failRelease(db: Db, release: DueRelease, now: Date, reason: string) {
  await settleRelease(db, { id: release.id, state: 'failed', now, error: reason });
  const submission = await findSubmission(db, release.country, release.submission_id);
  if (submission?.status !== 'scheduled') return;
  const change = { submissionId: release.submission_id, status: 'submitted' as const, actorId: null, now };
  await changeSubmissionStatus(db, { ...change, comment: reason });
}

/** Applies one due release in the caller's transaction, or marks it failed when it no longer can be. */
async function applyRelease(db: Db, release: DueRelease, now: Date): Promise<'released' | 'failed' | 'taken'> {
  const submission = await findSubmission(db, release.country, release.submission_id, { forUpdate: true });
  // Another worker applied it while this one waited for the submission's lock.
  if (!(await lockPendingRelease(db, release.id))) return 'taken';
  if (submission?.status !== 'scheduled') {
    await failRelease(db, release, now, `Submission is ${submission?.status ?? 'gone'}; release not applied.`);
    return 'failed';
  }
  try {
    await assertRevisionReason(db, release.submission_id, submission.mode, { revisionReason: release.revision_reason });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    await failRelease(db, release, now, `The release was not applied: ${error.message}`);
    return 'failed';
  }
  const vintage = await applyPublication(db, {
    submissionId: release.submission_id,
    country: release.country,
    mode: submission.mode,
    publishedBy: release.scheduled_by,
    now,
    revisionReason: release.revision_reason,
    revisionText: release.revision_text,
  });
  await settleRelease(db, { id: release.id, state: 'released', now, vintageId: vintage.vintageId });
  return 'released';
}

/**
 * Publishes every release due at `now()`, earliest first, each in its own transaction that
 * holds the submission's and the release's rows: workers running this at once apply each
 * release exactly once. A release that can no longer be applied, or whose publication fails, is
 * marked failed and its submission goes back to submitted with the reason, so one bad release
 * never holds up the others. Returns the releases applied.
 */
export async function applyDueReleases(deps: ReleaseDeps): Promise<number[]> {
  const applied: number[] = [];
  for (;;) {
    const now = await deps.now();
    const release = await findDueRelease(deps.db, now);
    if (!release) return applied;
    try {
      const outcome = await inTransaction(deps.db, (trx) => applyRelease(trx, release, now));
      if (outcome === 'released') applied.push(release.id);
    } catch (error) {
      deps.onError?.(error, release.id);
      const reason = `Publishing at the scheduled time failed on the server (reference: release ${release.id}). The data stays as it was; publish again, and tell the administrators if it fails again.`;
      await inTransaction(deps.db, async (trx) => {
        await findSubmission(trx, release.country, release.submission_id, { forUpdate: true });
        if (await lockPendingRelease(trx, release.id)) await failRelease(trx, release, now, reason);
      });
    }
  }
}
