import { createReadStream } from 'node:fs';
import { insertImportJob, type SubmissionMode, storeSubmissionFile } from '@ilms/db';
import type { Context } from '../context.js';
import { DomainError } from '../errors.js';
import { sendImportMessage } from '../jobs/import-job.js';
import { insertOrFindSubmission } from './submission.service.js';

/** Attempts an import job gets: a retry after a dead worker or an unexpected failure. */
export const IMPORT_ATTEMPTS = 2;

export interface UploadInput {
  country: string;
  mode: SubmissionMode;
  fileName: string;
}

/**
 * Registers a file the upload route received: the raw file is stored, the submission is
 * `processing` and an import job is queued, all in the call's transaction (so a job never
 * exists without its file). The same file already given for the country returns that
 * submission instead.
 */
export async function registerUpload(ctx: Context, input: UploadInput) {
  const file = ctx.receivedFile;
  if (!file) {
    throw new DomainError('INVALID_INPUT', 'No file came with this call. Send the file to POST /api/uploads.');
  }
  if (!ctx.queue) throw new Error('the job queue is not running in this host');
  const submission = await insertOrFindSubmission(ctx, {
    ...input,
    size: file.size,
    sha256: file.sha256,
    status: 'processing',
  });
  const result = { submissionId: submission.id, status: submission.status, isExisting: submission.isExisting };
  if (submission.isExisting) return result;
  await storeSubmissionFile(ctx.db, submission.id, createReadStream(file.path));
  await insertImportJob(ctx.db, { submissionId: submission.id, bytesTotal: file.size, maxAttempts: IMPORT_ATTEMPTS });
  await sendImportMessage(ctx.db, ctx.queue, submission.id);
  return result;
}
