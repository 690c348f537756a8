import {
  applySubmission,
  changeSubmissionStatus,
  type Db,
  diffSubmission,
  findVintageOfSubmission,
  inTransaction,
  type PublishRequest,
  type RevisionReason,
  type SubmissionMode,
} from '@ilms/db';
import { signedInCaller } from '../auth/authorize.js';
import type { Context } from '../context.js';
import { DomainError } from '../errors.js';
import { requireSubmission } from './submission.service.js';
import { assertNoErrors } from './submission-lifecycle.service.js';

export interface RevisionNote {
  revisionReason?: RevisionReason | null | undefined;
  revisionText?: string | null | undefined;
}

export interface PublishOptions extends RevisionNote {
  /** Test seam: runs between the steps of the publish, inside its transaction. */
  onStep?: PublishRequest['onStep'];
}

/** How many published values the submission would change or remove if published now. */
export async function countRevisedValues(db: Db, submissionId: number, mode: SubmissionMode): Promise<number> {
  const { counts } = await diffSubmission(db, submissionId, mode, 0);
  return counts.reduce((sum, row) => sum + row.changed + row.removed, 0);
}

function revisionReasonMissing(submissionId: number, revised: number): DomainError {
  return new DomainError(
    'PRECONDITION_FAILED',
    `Submission ${submissionId} changes or removes ${revised.toLocaleString('en')} published value(s), so choose a revision reason (correction, new source, methodology change or routine revision) before publishing.`,
  );
}

/** A publication that changes values already out must say why (a reason from the codelist). */
export async function assertRevisionReason(db: Db, submissionId: number, mode: SubmissionMode, note: RevisionNote) {
  if (note.revisionReason) return;
  const revised = await countRevisedValues(db, submissionId, mode);
  if (revised > 0) throw revisionReasonMissing(submissionId, revised);
}

/** The same rule, on the counts the publish itself has just classified (no second diff). */
function requireRevisionReason(submissionId: number, note: RevisionNote): PublishRequest['onCounted'] {
  if (note.revisionReason) return undefined;
  return (counts) => {
    const revised = Object.values(counts).reduce((sum, kinds) => sum + (kinds.changed ?? 0) + (kinds.removed ?? 0), 0);
    if (revised > 0) throw revisionReasonMissing(submissionId, revised);
  };
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
    const hint =
      submission.status === 'scheduled' ? 'cancel its scheduled release first' : 'submit it before publishing';
    throw new DomainError('PRECONDITION_FAILED', `Submission ${id} is ${submission.status}; ${hint}.`);
  }
  assertNoErrors(submission, 'published');
  const vintage = await applyPublication(ctx.db, {
    submissionId: id,
    country,
    mode: submission.mode,
    publishedBy: signedInCaller(ctx).userId,
    now: ctx.now(),
    ...options,
    onCounted: requireRevisionReason(id, options),
  });
  ctx.audit.describe({
    target: `submission:${id}`,
    summary: { to: 'published', vintageId: vintage.vintageId, seq: vintage.seq, counts: vintage.counts },
  });
  return { id, ...vintage, isRepeat: false };
}

export interface Publication extends PublishOptions {
  onCounted?: PublishRequest['onCounted'];
  submissionId: number;
  country: string;
  mode: SubmissionMode;
  publishedBy: string;
  now: Date;
}

/** Applies a locked, checked submission as a vintage and marks it published (publish now, or a release). */
export async function applyPublication(db: Db, publication: Publication) {
  const vintage = await applySubmission(db, {
    submissionId: publication.submissionId,
    country: publication.country,
    mode: publication.mode,
    publishedBy: publication.publishedBy,
    now: publication.now,
    revisionReason: publication.revisionReason ?? null,
    revisionText: publication.revisionText ?? null,
    onStep: publication.onStep,
    onCounted: publication.onCounted,
  });
  await changeSubmissionStatus(db, {
    submissionId: publication.submissionId,
    status: 'published',
    actorId: publication.publishedBy,
    now: publication.now,
  });
  return vintage;
}
