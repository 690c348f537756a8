import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Finding, ObservationRow } from '@ilms/domain';
import { isFatal, type ValidatedRow, type ValidationResult, validateFile } from '@ilms/ingest';
import { TEMP_FILE_PREFIX } from '../../temp-files.js';
import type { ImportReader } from './import-reader.js';
import { RowQueue } from './row-queue.js';

/** Rows waiting for the staging COPY at most (plus one 64 kB chunk of the file): a few MB. */
const QUEUE_BOUND = 8192;

/**
 * A row without a source cannot be keyed, and one whose value was written but could not be read
 * would be staged as "missing": both already carry an error finding, so they are not staged.
 * Every other row is, errors and all, so the duplicate check in SQL sees every line of the file.
 */
function isStaged(row: ValidatedRow): row is ValidatedRow & ObservationRow {
  return row.source !== null && !row.hasUnreadableValue;
}

/** Reads back the findings spilled by `readWithValidator`, one JSON line each, then removes the file. */
async function* readSpilled(path: string): AsyncGenerator<Finding> {
  try {
    const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
    for await (const line of lines) if (line !== '') yield JSON.parse(line) as Finding;
  } finally {
    await rm(path, { force: true });
  }
}

/**
 * Reads a file with `@ilms/ingest`'s validator, the same pass as `ilms validate`. Duplicate keys,
 * the submitting country and registered sources are left to the SQL checks on staging, which see
 * the whole file and the source registry (`hasDatabaseChecks`).
 *
 * The findings are spilled as they are found to a temporary JSON-lines file (not the validator's
 * `outDir`, which also writes an annotated copy) and read back once the rows are done, so a file
 * with many findings does not hold them all in memory. The file is removed once read, or when
 * the file is refused or the validator fails.
 */
export const readWithValidator: ImportReader = (filePath, { country, nationalSchemes, onBytesRead }) => {
  const queue = new RowQueue<ObservationRow>(QUEUE_BOUND);
  const spillPath = join(tmpdir(), `${TEMP_FILE_PREFIX}findings-${process.pid}-${randomUUID()}.jsonl`);
  const spill = createWriteStream(spillPath, { mode: 0o600 });
  let spillError: unknown;
  spill.on('error', (error) => {
    spillError ??= error;
  });
  const removeSpill = () => rm(spillPath, { force: true });
  let result: ValidationResult | undefined;
  const closeSpill = () =>
    new Promise<void>((resolve, reject) => {
      if (spillError !== undefined) reject(spillError);
      else spill.end(() => (spillError === undefined ? resolve() : reject(spillError)));
    });
  validateFile(filePath, {
    country,
    nationalSchemes,
    hasDatabaseChecks: true,
    onBytesRead,
    onRow: (row) => (isStaged(row) ? queue.push(row) : undefined),
    onFinding: (finding) => {
      spill.write(`${JSON.stringify(finding)}\n`);
    },
  })
    .then(async (validated) => {
      await closeSpill();
      result = validated;
      queue.close();
    })
    .catch(async (error: unknown) => {
      spill.destroy();
      await removeSpill();
      queue.close({ error });
    });
  const finished = () => {
    if (result === undefined) throw new Error('Read the rows to their end before asking for the findings.');
    return result;
  };
  return {
    rows: queue,
    findings: () => {
      finished();
      return readSpilled(spillPath);
    },
    refusal: () => {
      const refusal = finished().summary.find((s) => isFatal(s.code))?.firstMessage;
      // A refused file's findings are not stored: the caller rolls back.
      if (refusal !== undefined) void removeSpill();
      return refusal;
    },
  };
};
