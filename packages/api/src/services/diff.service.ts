import { diffSubmission } from '@ilms/db';
import type { Context } from '../context.js';
import { requireSubmission } from './submission.service.js';

/** The dry run: what publishing the submission now would add, change and remove. */
export async function previewDiff(ctx: Pick<Context, 'db'>, country: string, id: number, sampleSize: number) {
  const submission = await requireSubmission(ctx, country, id);
  const { counts, sample } = await diffSubmission(ctx.db, id, submission.mode, sampleSize);
  return { id, mode: submission.mode, counts, changedSample: sample };
}
