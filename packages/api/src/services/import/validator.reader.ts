import type { ObservationRow } from '@ilms/domain';
import { isFatal, type ValidatedRow, type ValidationResult, validateFile } from '@ilms/ingest';
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

/**
 * Reads a file with `@ilms/ingest`'s validator, the same pass as `ilms validate`. Duplicate keys,
 * the submitting country and registered sources are left to the SQL checks on staging, which see
 * the whole file and the source registry (`hasDatabaseChecks`).
 *
 * The findings stay in the validator's array. Writing them to a temporary folder (`outDir`) and
 * reading findings.json back was measured and not kept: the validator then also writes the
 * annotated copy and merges its late findings into it, which cost more time and memory than the
 * array saves (see docs/benchmarks.md).
 */
export const readWithValidator: ImportReader = (filePath, { country, nationalSchemes }) => {
  const queue = new RowQueue<ObservationRow>(QUEUE_BOUND);
  let result: ValidationResult | undefined;
  validateFile(filePath, {
    country,
    nationalSchemes,
    hasDatabaseChecks: true,
    onRow: (row) => (isStaged(row) ? queue.push(row) : undefined),
  }).then(
    (validated) => {
      result = validated;
      queue.close();
    },
    (error: unknown) => queue.close({ error }),
  );
  const finished = () => {
    if (result === undefined) throw new Error('Read the rows to their end before asking for the findings.');
    return result;
  };
  return {
    rows: queue,
    findings: () => finished().findings ?? [],
    refusal: () => finished().summary.find((s) => isFatal(s.code))?.firstMessage,
  };
};
