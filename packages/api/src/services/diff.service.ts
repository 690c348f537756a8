import { diffSubmission } from '@ilms/db';
import { stagedStatuses } from '@ilms/domain';
import type { Context } from '../context.js';
import { DomainError } from '../errors.js';
import { requireSubmission } from './submission.service.js';

/** The dry run: what publishing the submission now would add, change and remove. */
export async function previewDiff(ctx: Pick<Context, 'db'>, country: string, id: number, sampleSize: number) {
  const submission = await requireSubmission(ctx, country, id);
  if (!stagedStatuses.has(submission.status)) {
    const what =
      submission.status === 'published'
        ? 'its values are in the published data now (read them with observations, by vintage)'
        : 'it has no rows to compare';
    throw new DomainError(
      'PRECONDITION_FAILED',
      `Submission ${id} is ${submission.status}, so there is nothing to preview: ${what}.`,
    );
  }
  const { counts, sample } = await diffSubmission(ctx.db, id, submission.mode, sampleSize);
  return { id, mode: submission.mode, counts, changedSample: sample };
}
