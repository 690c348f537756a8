import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import {
  findPendingRelease,
  findSubmission,
  findSubmissionBySha256,
  findVintageOfSubmission,
  groupFindings,
  insertSubmission,
  listSubmissionEvents,
  pageFindings,
  refreshSubmissionCounts,
  type SubmissionMode,
  storeSubmissionFile,
} from '@ilms/db';
import { signedInCaller } from '../auth/authorize.js';
import type { Context } from '../context.js';
import { DomainError } from '../errors.js';
import type { ImportReader } from './import/import-reader.js';
import { stageSubmissionFile } from './import/stage-file.js';
import { readWithValidator } from './import/validator.reader.js';
import { describeJob } from './job.service.js';

export interface NewSubmissionInput {
  country: string;
  mode: SubmissionMode;
  filePath: string;
  /** The name shown for the file; the path's last part by default. */
  fileName?: string | undefined;
}

async function hashFile(filePath: string): Promise<Buffer> {
  const hash = createHash('sha256');
  for await (const piece of createReadStream(filePath)) hash.update(piece as Buffer);
  return hash.digest();
}

/**
 * Reading a path on the server is for in-process callers (tests, the CLI's local mode): over
 * HTTP it would let a caller read any file the server can. Uploads arrive with their own route.
 */
function assertInProcess(ctx: Pick<Context, 'isInProcess'>): void {
  if (!ctx.isInProcess) {
    throw new DomainError(
      'FORBIDDEN',
      'Files are created from a server path only by the command line; upload the file instead.',
    );
  }
}

export interface SubmittedFile {
  country: string;
  mode: SubmissionMode;
  fileName: string;
  size: number;
  sha256: Buffer;
  /** What a new submission starts as: `draft` when staged in this call, `processing` when a job will. */
  status: 'draft' | 'processing';
}

/**
 * The submission of a file: a new one, or the one the country already has with the same SHA-256
 * (also when a call sending the same file at the same moment inserted it; this one waited for it).
 * The same file in another mode is refused, so no one publishes it in a mode they did not ask for.
 */
export async function insertOrFindSubmission(ctx: Context, file: SubmittedFile) {
  const returnExisting = async () => {
    const existing = await findSubmissionBySha256(ctx.db, file.country, file.sha256);
    if (!existing) return undefined;
    if (existing.mode !== file.mode) {
      throw new DomainError(
        'CONFLICT',
        `This file was already uploaded as submission ${existing.id} in ${existing.mode} mode. To use it in ${file.mode} mode, delete submission ${existing.id} first (or ask a coordinator to return it), then upload again.`,
      );
    }
    ctx.audit.describe({
      target: `submission:${existing.id}`,
      summary: { existing: true, sha256: file.sha256.toString('hex') },
    });
    return { id: existing.id, status: existing.status, isExisting: true };
  };
  const earlier = await returnExisting();
  if (earlier) return earlier;
  const id = await insertSubmission(ctx.db, {
    country: file.country,
    createdBy: signedInCaller(ctx).userId,
    mode: file.mode,
    fileName: file.fileName,
    fileSize: file.size,
    sha256: file.sha256,
    now: ctx.now(),
    status: file.status,
  });
  if (id === undefined) {
    const concurrent = await returnExisting();
    if (!concurrent) throw new Error(`the submission of ${file.country} with the same file has vanished`);
    return concurrent;
  }
  ctx.audit.describe({
    target: `submission:${id}`,
    summary: { fileName: file.fileName, mode: file.mode, size: file.size, sha256: file.sha256.toString('hex') },
  });
  return { id, status: file.status, isExisting: false };
}

/**
 * Creates a draft from a file: stores the raw file, stages its rows, and records the file's
 * findings with those of the whole-file checks in SQL, in the mutation's transaction. The same
 * file (same SHA-256) already given for the country returns that submission instead. A file the
 * validator cannot read to its end (binary, wrong encoding, unclosed quote) is refused with
 * INVALID_INPUT and leaves nothing.
 */
export async function createSubmission(
  ctx: Context,
  input: NewSubmissionInput,
  readImport: ImportReader = readWithValidator,
) {
  assertInProcess(ctx);
  const { size } = await stat(input.filePath).catch(() => {
    throw new DomainError('NOT_FOUND', `No file at ${input.filePath}. Check the path.`);
  });
  // The hash comes first (it finds the same file given before); storing and staging each read the file again.
  const sha256 = await hashFile(input.filePath);
  const fileName = input.fileName ?? path.basename(input.filePath);
  const submission = await insertOrFindSubmission(ctx, {
    country: input.country,
    mode: input.mode,
    fileName,
    size,
    sha256,
    status: 'draft',
  });
  if (submission.isExisting) return { id: submission.id, isExisting: true };
  const { id } = submission;
  await storeSubmissionFile(ctx.db, id, createReadStream(input.filePath));
  await stageSubmissionFile(ctx.db, {
    submissionId: id,
    country: input.country,
    mode: input.mode,
    filePath: input.filePath,
    readImport,
  });
  await refreshSubmissionCounts(ctx.db, id);
  return { id, isExisting: false };
}

/** A submission of the country named, or NOT_FOUND (also for another country's, so ids reveal nothing). */
export async function requireSubmission(ctx: Pick<Context, 'db'>, country: string, id: number, forUpdate = false) {
  const submission = await findSubmission(ctx.db, country, id, { forUpdate });
  if (!submission) {
    throw new DomainError(
      'NOT_FOUND',
      `Submission ${id} of ${country} does not exist. Check the number and the country.`,
    );
  }
  return submission;
}

/** A submission with its status history, findings by code, processing job, pending release and vintage. */
export async function describeSubmission(ctx: Pick<Context, 'db'>, country: string, id: number) {
  const submission = await requireSubmission(ctx, country, id);
  const [events, findings, vintage, job, release] = await Promise.all([
    listSubmissionEvents(ctx.db, id),
    groupFindings(ctx.db, id),
    findVintageOfSubmission(ctx.db, id),
    describeJob(ctx, country, id),
    findPendingRelease(ctx.db, id),
  ]);
  return { ...submission, events, findings, vintage: vintage ?? null, job, release: release ?? null };
}

export interface FindingsQuery {
  code?: string | undefined;
  severity?: 'error' | 'warning' | undefined;
  offset: number;
  limit: number;
}

/** Findings by code with counts, and one page of them in file order. */
export async function pageSubmissionFindings(
  ctx: Pick<Context, 'db'>,
  country: string,
  id: number,
  query: FindingsQuery,
) {
  await requireSubmission(ctx, country, id);
  const [groups, items] = await Promise.all([groupFindings(ctx.db, id), pageFindings(ctx.db, id, query)]);
  return { groups, items };
}
