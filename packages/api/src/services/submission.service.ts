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
  inTransaction,
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

/**
 * Creates a draft from a file: stores the raw file, stages its rows, and records the file's
 * findings with those of the whole-file checks in SQL. The same file (same SHA-256) already
 * given for the country returns that submission instead. A file the validator cannot read to its
 * end (binary, wrong encoding, unclosed quote) is refused with INVALID_INPUT and leaves nothing.
 */
export async function createSubmission(
  ctx: Context,
  input: NewSubmissionInput,
  readImport: ImportReader = readWithValidator,
) {
  assertInProcess(ctx);
  const caller = signedInCaller(ctx);
  const { size } = await stat(input.filePath).catch(() => {
    throw new DomainError('NOT_FOUND', `No file at ${input.filePath}. Check the path.`);
  });
  const sha256 = await hashFile(input.filePath);
  const returnExisting = async () => {
    const existing = await findSubmissionBySha256(ctx.db, input.country, sha256);
    if (!existing) return undefined;
    ctx.audit.describe({
      target: `submission:${existing.id}`,
      summary: { existing: true, sha256: sha256.toString('hex') },
    });
    return { id: existing.id, isExisting: true };
  };
  const earlier = await returnExisting();
  if (earlier) return earlier;
  const id = await inTransaction(ctx.db, async (trx) => {
    const submissionId = await insertSubmission(trx, {
      country: input.country,
      createdBy: caller.userId,
      mode: input.mode,
      fileName: input.fileName ?? path.basename(input.filePath),
      fileSize: size,
      sha256,
      now: ctx.now(),
      status: 'draft',
    });
    // The same file sent twice at once: the later call waited for the first and returns it.
    if (submissionId === undefined) return undefined;
    await storeSubmissionFile(trx, submissionId, createReadStream(input.filePath));
    await stageSubmissionFile(trx, {
      submissionId,
      country: input.country,
      mode: input.mode,
      filePath: input.filePath,
      readImport,
    });
    await refreshSubmissionCounts(trx, submissionId);
    return submissionId;
  });
  if (id === undefined) {
    const concurrent = await returnExisting();
    if (!concurrent) throw new Error(`the submission of ${input.country} with the same file has vanished`);
    return concurrent;
  }
  ctx.audit.describe({
    target: `submission:${id}`,
    summary: {
      fileName: input.fileName ?? path.basename(input.filePath),
      mode: input.mode,
      sha256: sha256.toString('hex'),
    },
  });
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
