import type { FindingCollector } from './findings/collector.js';
import type { Dialect, RecordSpan } from './read/delimited-reader.js';
import type { TextEncoding } from './read/sniff.js';
import type { Annotated } from './report/annotated.js';
import type { ReportWriter } from './report/report-writer.js';
import { type Header, readHeader } from './validate/columns.js';
import type { CompiledCatalogue } from './validate/compiled-catalogue.js';
import { type RowCheckOptions, RowValidator } from './validate/row-validator.js';
import type { RowHook } from './validate/validated-row.js';

export type RefusalCode =
  | 'EMPTY_FILE'
  | 'BINARY_FILE'
  | 'ENCODING_NOT_UTF8'
  | 'DELIMITER_UNSUPPORTED'
  | 'UNCLOSED_QUOTE';

/** Everything one validation run shares between the readers, the checks and the reports. */
export interface RunState {
  catalogue: CompiledCatalogue;
  findings: FindingCollector;
  options: RowCheckOptions & {
    encoding?: string;
    sheet?: string;
    onRow?: RowHook;
    onBytesRead?: (bytesRead: number) => void;
  };
  annotatedPath: string | undefined;
  annotated: Annotated | undefined;
  validator: RowValidator | undefined;
  header: Header | undefined;
  format: 'text' | 'gzip' | 'xlsx';
  encoding: TextEncoding | null;
  dialect: Dialect | null;
  isRefused: boolean;
  writer: ReportWriter | undefined;
  headerWidth: number;
  /** Physical line of the header (blank lines may come before it). */
  headerLine: number;
  rowCount: number;
  hadBom: boolean;
  /** Promises returned by the row hook since the last drain. */
  pendingRows: Promise<void>[];
  /** Threads that read the file (2 when a second part was merged: parallel/second-part.ts). */
  threads: 1 | 2;
  /** Set when the findings limit fell inside a merged second part: the run is repeated on one thread. */
  isInexact: boolean;
}

export function refuse(
  state: RunState,
  code: RefusalCode,
  line: number,
  params: { detail?: string; expected?: string } = {},
): void {
  state.findings.add(code, { line, ...params });
  state.isRefused = true;
}

/** Handles one record: the header, then each row; writes the annotated copy as it goes. */
export function onRecord(
  state: RunState,
  fields: string[],
  line: number,
  record: RecordSpan,
  hasInvalidQuotes = false,
): boolean {
  const { findings } = state;
  if (state.header === undefined) {
    if (fields.length === 1 && fields[0]?.trim() === '') {
      state.annotated?.row(record.text, '', '');
      return true;
    }
    state.header = readHeader(fields, findings, line);
    state.headerWidth = fields.length;
    state.headerLine = line;
    state.validator = new RowValidator(state.catalogue, findings, state.header, state.options);
    state.annotated?.header(record.text, line);
    return true;
  }
  findings.beginRow();
  if (!isBlank(fields)) {
    state.rowCount++;
    if (hasInvalidQuotes) {
      const cell = fields.find((f) => f.includes('"')) ?? record.text;
      findings.add('INVALID_QUOTES', { line, value: cell });
    }
    if (fields.length !== state.headerWidth) {
      findings.add('RAGGED_ROW', { line, value: String(fields.length), expected: String(state.headerWidth) });
    } else if (state.validator !== undefined) {
      state.validator.validate(fields, line);
      const hook = state.options.onRow;
      if (hook !== undefined && state.header.isUsable) {
        const pending = hook(state.validator.validatedRow(fields, line));
        if (pending !== undefined) state.pendingRows.push(pending);
      }
    }
  }
  annotate(state, record);
  return true;
}

/**
 * The handler's `onPlainRecord` (see RecordHandler), or none when every row must reach the row
 * hook as fields: takes a data row whose checks find nothing from its text alone; anything else
 * (the header, blank lines, rows with findings) is left to `onRecord`, which reads it as it
 * would have. Made once the dialect is known.
 */
export function plainRecordHandler(state: RunState): ((record: RecordSpan, line: number) => boolean) | undefined {
  const delimiter = state.dialect?.delimiter;
  if (state.options.onRow !== undefined || delimiter === undefined) return undefined;
  return (record, line) => {
    const validator = state.validator;
    if (validator === undefined) return false;
    state.findings.beginRow();
    if (!validator.validatePlain(record.input, record.start, record.end, line, delimiter)) return false;
    state.rowCount++;
    // The keys may still find a duplicate of an earlier row.
    annotate(state, record);
    return true;
  };
}

/** Writes the row to the annotated copy, with the findings raised on it. */
function annotate(state: RunState, record: RecordSpan): void {
  const { findings } = state;
  if (findings.rowCodes === '') state.annotated?.cleanRecord(record);
  else state.annotated?.row(record.text, findings.rowCodes, findings.rowMessages);
}

/** A loop rather than `every`, which cost a closure call per row. */
function isBlank(fields: string[]): boolean {
  for (const f of fields) if (f.length > 0 && f.trim() !== '') return false;
  return true;
}

/** Waits for the outputs and the row hook to catch up: called between chunks of input. */
export async function drainOutputs(state: RunState): Promise<void> {
  if (state.writer?.needsDrain) await state.writer.drain();
  if (state.annotated?.needsDrain) await state.annotated.drain();
  if (state.pendingRows.length > 0) {
    const pending = state.pendingRows;
    state.pendingRows = [];
    await Promise.all(pending);
  }
}
