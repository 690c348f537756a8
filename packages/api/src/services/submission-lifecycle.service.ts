import {
  changeSubmissionStatus,
  checkJumpsAgainstPublished,
  deleteSubmission,
  refreshFindingCounts,
  type SubmissionStatus,
} from '@ilms/db';
import { signedInCaller } from '../auth/authorize.js';
import type { Context } from '../context.js';
import { DomainError } from '../errors.js';
import { requireSubmission } from './submission.service.js';

type Submission = Awaited<ReturnType<typeof requireSubmission>>;

export function assertStatus(submission: Submission, allowed: SubmissionStatus[], action: string): void {
  if (allowed.includes(submission.status)) return;
  throw new DomainError(
    'PRECONDITION_FAILED',
    `Submission ${submission.id} is ${submission.status}; only a ${allowed.join(' or ')} submission can be ${action}.`,
  );
}

/** Errors block submitting and publishing; warnings do not. */
export function assertNoErrors(submission: Submission, action: string): void {
  if (submission.error_count === 0) return;
  throw new DomainError(
    'PRECONDITION_FAILED',
    `Submission ${submission.id} has ${submission.error_count} error(s), so it cannot be ${action}. Fix them in the file and upload it again.`,
  );
}

/** Draft (or returned) → submitted, with year-on-year jumps checked against today's published data. */
export async function submitSubmission(ctx: Context, country: string, id: number) {
  const submission = await requireSubmission(ctx, country, id, true);
  assertStatus(submission, ['draft', 'returned'], 'submitted');
  assertNoErrors(submission, 'submitted');
  // Checked again only if the country's published data changed since the file was staged.
  if (submission.mode !== 'delete' && (await checkJumpsAgainstPublished(ctx.db, id))) {
    await refreshFindingCounts(ctx.db, id);
  }
  await changeSubmissionStatus(ctx.db, {
    submissionId: id,
    status: 'submitted',
    actorId: signedInCaller(ctx).userId,
    now: ctx.now(),
  });
  ctx.audit.describe({ target: `submission:${id}`, summary: { from: submission.status, to: 'submitted' } });
  return { id, status: 'submitted' as const };
}

/** Submitted → returned to the focal point, with the reason they need to act on. */
export async function returnSubmission(ctx: Context, country: string, id: number, comment: string) {
  const submission = await requireSubmission(ctx, country, id, true);
  assertStatus(submission, ['submitted'], 'returned');
  await changeSubmissionStatus(ctx.db, {
    submissionId: id,
    status: 'returned',
    actorId: signedInCaller(ctx).userId,
    now: ctx.now(),
    comment,
  });
  ctx.audit.describe({ target: `submission:${id}`, summary: { from: 'submitted', to: 'returned', comment } });
  return { id, status: 'returned' as const };
}

/**
 * Deletes a draft or returned submission with its file, staging and findings (or one whose
 * processing failed or was cancelled); published data never.
 */
export async function deleteDraft(ctx: Context, country: string, id: number) {
  const submission = await requireSubmission(ctx, country, id, true);
  assertStatus(submission, ['draft', 'returned', 'failed', 'cancelled'], 'deleted');
  await deleteSubmission(ctx.db, id);
  ctx.audit.describe({
    target: `submission:${id}`,
    summary: { fileName: submission.file_name, sha256: submission.sha256, status: submission.status },
  });
  return { id };
}
