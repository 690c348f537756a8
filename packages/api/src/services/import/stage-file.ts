import type { Db } from '@ilms/db';
import {
  checkJumpsAgainstPublished,
  checkStagedRows,
  copyFindings,
  listNationalCodes,
  type SubmissionMode,
  stageRows,
} from '@ilms/db';
import type { ObservationRow } from '@ilms/domain';
import { DomainError } from '../../errors.js';
import type { ImportReader } from './import-reader.js';

export interface StageFileRequest {
  submissionId: number;
  country: string;
  mode: SubmissionMode;
  filePath: string;
  readImport: ImportReader;
  /** Called as the file is read, for progress; may throw to stop (the caller rolls back). */
  onBytesRead?: (bytesRead: number) => void;
  /** Called for every staged row before it is written; may throw to stop. */
  onRow?: () => void;
  /** Called when reading is done and the whole-file checks in SQL begin. */
  onChecking?: () => void;
}

async function* watchRows(rows: AsyncIterable<ObservationRow>, onRow: () => void): AsyncGenerator<ObservationRow> {
  for await (const row of rows) {
    onRow();
    yield row;
  }
}

/**
 * Validates a stored submission's file and stages its rows, in the caller's transaction, with the
 * file's findings and those of the whole-file checks in SQL. A file the
 * validator cannot read to its end (binary, wrong encoding, unclosed quote) throws INVALID_INPUT
 * with the reason; the caller's rollback removes the rows staged before that point. The caller
 * then refreshes the submission's counts (`refreshSubmissionCounts`), once it holds what it must
 * lock first.
 */
export async function stageSubmissionFile(db: Db, request: StageFileRequest): Promise<void> {
  const { submissionId, country } = request;
  const nationalSchemes = await listNationalCodes(db, country);
  const parsed = request.readImport(request.filePath, {
    country,
    nationalSchemes,
    onBytesRead: request.onBytesRead,
  });
  const rows = request.onRow ? watchRows(parsed.rows, request.onRow) : parsed.rows;
  try {
    await stageRows(db, submissionId, rows);
  } catch (error) {
    // Staging may fail before it reads a row; release the reader so the validator stops too.
    await parsed.rows[Symbol.asyncIterator]().return?.();
    throw error;
  }
  const refusal = parsed.refusal();
  if (refusal !== undefined) throw new DomainError('INVALID_INPUT', refusal);
  request.onChecking?.();
  await copyFindings(db, submissionId, parsed.findings());
  await checkStagedRows(db, submissionId, country);
  if (request.mode !== 'delete') await checkJumpsAgainstPublished(db, submissionId);
}
