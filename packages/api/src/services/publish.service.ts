import {
  applySubmission,
  changeSubmissionStatus,
  findVintageOfSubmission,
  inTransaction,
  type PublishRequest,
  type RevisionReason,
} from '@ilms/db';
import { signedInCaller } from '../auth/authorize.js';
import type { Context } from '../context.js';
import { DomainError } from '../errors.js';
import { requireSubmission } from './submission.service.js';
import { assertNoErrors } from './submission-lifecycle.service.js';

export interface PublishOptions {
  revisionReason?: RevisionReason | undefined;
  revisionText?: string | undefined;
  /** Test seam: runs between the steps of the publish, inside its transaction. */
  onStep?: PublishRequest['onStep'];
}

/**
 * Submitted → published: applies the staging to the published store as one vintage. The
 * submission's row lock makes a repeated publish wait and then find the vintage already made.
 */
export async function publishSubmission(ctx: Context, country: string, id: number, options: PublishOptions = {}) {
  // A tRPC mutation is a transaction already; other callers (the CLI, tests) get one here.
  return inTransaction(ctx.db, (db) => publishInTransaction({ ...ctx, db }, country, id, options));
}

async function publishInTransaction(ctx: Context, country: string, id: number, options: PublishOptions) {
  const submission = await requireSubmission(ctx, country, id, true);
  if (submission.status === 'published') {
    const vintage = await findVintageOfSubmission(ctx.db, id);
    if (!vintage) throw new Error(`published submission ${id} has no vintage`);
    ctx.audit.describe({ target: `submission:${id}`, summary: { repeated: true, vintageId: vintage.id } });
    return { id, vintageId: vintage.id, seq: vintage.seq, counts: vintage.counts, isRepeat: true };
  }
  if (submission.status !== 'submitted') {
    throw new DomainError(
      'PRECONDITION_FAILED',
      `Submission ${id} is ${submission.status}; submit it before publishing.`,
    );
  }
  assertNoErrors(submission, 'published');
  const publishedBy = signedInCaller(ctx).userId;
  const vintage = await applySubmission(ctx.db, {
    submissionId: id,
    country,
    mode: submission.mode,
    publishedBy,
    now: ctx.now(),
    revisionReason: options.revisionReason ?? null,
    revisionText: options.revisionText ?? null,
    onStep: options.onStep,
  });
  await changeSubmissionStatus(ctx.db, { submissionId: id, status: 'published', actorId: publishedBy, now: ctx.now() });
  ctx.audit.describe({
    target: `submission:${id}`,
    summary: { to: 'published', vintageId: vintage.vintageId, seq: vintage.seq, counts: vintage.counts },
  });
  return { id, ...vintage, isRepeat: false };
}
