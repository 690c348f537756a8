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
import { assertNoErrors } from './submission-lifecycle.service.js';

/**
 * Submitted → scheduled: the data is published by the job runner at `releaseAt` (stored in UTC),
 * and until then only coordinators and the submitting country see it. Several releases may be
 * pending for the same country and indicators; they are applied in time order.
 */
export async function scheduleRelease(ctx: Context, country: string, id: number, releaseAt: Date, note: RevisionNote) {
  const submission = await requireSubmission(ctx, country, id, true);
  if (submission.status !== 'submitted') {
    throw new DomainError(
      'PRECONDITION_FAILED',
      `Submission ${id} is ${submission.status}; only a submitted submission can be scheduled for release.`,
    );
  }
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
  now: () => Date;
}

/**
 * Publishes every release due at `now()`, earliest first, each in its own transaction that
 * holds the submission's and the release's rows: workers running this at once apply each
 * release exactly once.
 * A release that can no longer be applied is marked failed and its submission goes back to
 * submitted with the reason. Returns the releases applied.
 */
export async function applyDueReleases(deps: ReleaseDeps): Promise<number[]> {
  const applied: number[] = [];
  for (;;) {
    const outcome = await inTransaction(deps.db, async (trx) => {
      const now = deps.now();
      const release = await findDueRelease(trx, now);
      if (!release) return undefined;
      const submission = await findSubmission(trx, release.country, release.submission_id, { forUpdate: true });
      // Another worker applied it while this one waited for the submission's lock.
      if (!(await lockPendingRelease(trx, release.id))) return release.id;
      const fail = async (error: string) => {
        await settleRelease(trx, { id: release.id, state: 'failed', now, error });
        if (submission?.status === 'scheduled') {
          await changeSubmissionStatus(trx, {
            submissionId: release.submission_id,
            status: 'submitted',
            actorId: null,
            now,
            comment: error,
          });
        }
        return release.id;
      };
      if (submission?.status !== 'scheduled')
        return fail(`Submission is ${submission?.status ?? 'gone'}; release not applied.`);
      try {
        await assertRevisionReason(trx, release.submission_id, submission.mode, {
          revisionReason: release.revision_reason,
        });
      } catch (error) {
        if (error instanceof DomainError) return fail(`The release was not applied: ${error.message}`);
        throw error;
      }
      const vintage = await applyPublication(trx, {
        submissionId: release.submission_id,
        country: release.country,
        mode: submission.mode,
        publishedBy: release.scheduled_by,
        now,
        revisionReason: release.revision_reason,
        revisionText: release.revision_text,
      });
      await settleRelease(trx, { id: release.id, state: 'released', now, vintageId: vintage.vintageId });
      applied.push(release.id);
      return release.id;
    });
    if (outcome === undefined) return applied;
  }
}
