import type { Finding, ObservationRow } from '@ilms/domain';

/** What reading an import file yields: its rows for staging and its findings. */
export interface ParsedImport {
  /** The rows to stage, in file order, streamed. */
  rows: AsyncIterable<ObservationRow>;
  /** The file's findings; called once `rows` is exhausted. */
  findings(): AsyncIterable<Finding> | Iterable<Finding>;
  /**
   * Why the file could not be read to its end (binary, wrong encoding, unclosed quote), as a
   * message for the person who sent it; undefined when it was read. Called once `rows` is
   * exhausted. Rows staged before the refusal must not survive: the caller rolls back.
   */
  refusal(): string | undefined;
}

export interface ImportReadOptions {
  country: string;
  /** The country's registered national classifications: scheme id → full codes. */
  nationalSchemes: ReadonlyMap<string, ReadonlySet<string>>;
  /** Bytes of the file read so far, for progress (text files only). */
  onBytesRead?: ((bytesRead: number) => void) | undefined;
}

/** Reads an import file for a submission (`readWithValidator` in production). */
export type ImportReader = (filePath: string, options: ImportReadOptions) => ParsedImport;
