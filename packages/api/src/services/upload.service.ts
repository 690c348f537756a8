import { createReadStream } from 'node:fs';
import {
  findSubmissionBySha256,
  insertImportJob,
  insertSubmission,
  type SubmissionMode,
  storeSubmissionFile,
} from '@ilms/db';
import { signedInCaller } from '../auth/authorize.js';
import type { Context } from '../context.js';
import { DomainError } from '../errors.js';
import { sendImportMessage } from '../jobs/import-job.js';

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
  const caller = signedInCaller(ctx);
  const returnExisting = async () => {
    const existing = await findSubmissionBySha256(ctx.db, input.country, file.sha256);
    if (!existing) return undefined;
    if (existing.mode !== input.mode) {
      throw new DomainError(
        'CONFLICT',
        `This file was already uploaded as submission ${existing.id} in ${existing.mode} mode. To use it in ${input.mode} mode, delete submission ${existing.id} first (or ask a coordinator to return it), then upload again.`,
      );
    }
    ctx.audit.describe({
      target: `submission:${existing.id}`,
      summary: { existing: true, sha256: file.sha256.toString('hex') },
    });
    return { submissionId: existing.id, status: existing.status, isExisting: true };
  };
  const earlier = await returnExisting();
  if (earlier) return earlier;
  const id = await insertSubmission(ctx.db, {
    country: input.country,
    createdBy: caller.userId,
    mode: input.mode,
    fileName: input.fileName,
    fileSize: file.size,
    sha256: file.sha256,
    now: ctx.now(),
    status: 'processing',
  });
  if (id === undefined) {
    // The same file sent twice at once: this call waited for the other and returns its submission.
    const concurrent = await returnExisting();
    if (!concurrent) throw new Error(`the submission of ${input.country} with the same file has vanished`);
    return concurrent;
  }
  await storeSubmissionFile(ctx.db, id, createReadStream(file.path));
  await insertImportJob(ctx.db, { submissionId: id, bytesTotal: file.size, maxAttempts: IMPORT_ATTEMPTS });
  await sendImportMessage(ctx.db, ctx.queue, id);
  ctx.audit.describe({
    target: `submission:${id}`,
    summary: { fileName: input.fileName, mode: input.mode, size: file.size, sha256: file.sha256.toString('hex') },
  });
  return { submissionId: id, status: 'processing' as const, isExisting: false };
}
