import type { StagedObservation, SubmissionFinding } from '@ilms/db';

/** What reading an import file yields: its rows for staging and its findings. */
export interface ParsedImport {
  /** Rows whose cells are well formed, in file order, streamed. */
  rows: AsyncIterable<StagedObservation>;
  /** The file's findings; called once `rows` is exhausted. */
  findings(): AsyncIterable<SubmissionFinding> | Iterable<SubmissionFinding>;
}

/**
 * Reads an import file for a submission. The validator of `@ilms/ingest` will provide the
 * production one; `readIlostatCsv` reads clean ILOSTAT-layout CSV in the meantime.
 */
export type ImportReader = (filePath: string, options: { country: string }) => ParsedImport;
