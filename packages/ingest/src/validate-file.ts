import { ArraySink, type CodeSummary, type Finding, FindingCollector, type FindingSink } from './findings/collector.js';
import { type ParallelOptions, SecondPart } from './parallel/second-part.js';
import type { Delimiter } from './read/delimited-reader.js';
import { readHead, readText } from './read/read-text.js';
import { readWorkbook } from './read/read-workbook.js';
import { detectContainer, type TextEncoding } from './read/sniff.js';
import { closeReports, openReports, type ReportPaths } from './report/report-files.js';
import type { ReportWriter } from './report/report-writer.js';
import { drainOutputs, type RunState, refuse } from './run-state.js';
import { type CompiledCatalogue, compileCatalogue } from './validate/compiled-catalogue.js';
import type { RowCheckOptions } from './validate/row-validator.js';
import type { RowHook } from './validate/validated-row.js';

export interface ValidateFileOptions extends RowCheckOptions {
  /** Declared text encoding (otherwise UTF-8, or UTF-16 with its byte-order mark). */
  encoding?: string;
  /** Worksheet of an .xlsx file (default: the first). */
  sheet?: string;
  /** Where findings.csv, findings.json and the annotated copy go; without it findings are returned. */
  outDir?: string;
  /** Findings stored in full (default 1,000,000); past it only counts per code go on. */
  findingLimit?: number;
  /** A catalogue compiled once, when validating many files. */
  catalogue?: CompiledCatalogue;
  /**
   * Receives every checked row (see `ValidatedRow`), for staging. Without it no row object is
   * built. A returned promise pauses reading (see `RowHook`). Rows are handed on as they are
   * read, so a file refused part-way (a byte that is not UTF-8, an unclosed quote) has handed on
   * the rows before that point: discard them when the result `isRefused`.
   */
  onRow?: RowHook;
  /**
   * Receives every stored finding as it is found, instead of the result's `findings` array (so
   * a caller that streams them elsewhere does not hold them all). Ignored with `outDir`.
   */
  onFinding?: (finding: Finding) => void;
  /** Bytes of a text file read so far, as it is read (not called for .xlsx). */
  onBytesRead?: (bytesRead: number) => void;
  /**
   * When a large plain text file is split between two threads (never with `onRow`, `onFinding`
   * or `onBytesRead`, which need rows and findings in this thread as they are read). The result
   * is the same either way.
   */
  parallel?: ParallelOptions;
}

export interface ValidationResult {
  file: string;
  format: 'text' | 'gzip' | 'xlsx';
  encoding: TextEncoding | null;
  delimiter: Delimiter | null;
  /** Power of ten the count values were read in (3 = thousands, as stored). */
  unitMultiplier: number;
  rows: number;
  total: number;
  stored: number;
  errors: number;
  warnings: number;
  /** Whether reading stopped early (empty, binary, wrong encoding, unclosed quote). */
  isRefused: boolean;
  summary: CodeSummary[];
  /** Present when neither outDir nor onFinding was given. */
  findings?: Finding[];
  reports?: ReportPaths;
  /** Bytes of state held for duplicates and dataset rules. */
  stateBytes: number;
  /** Threads that read the file: 2 when a second thread checked part of it. */
  threads: 1 | 2;
}

/** Reads one file in one pass, checks every row and the dataset rules, and reports every finding. */
export async function validateFile(path: string, options: ValidateFileOptions = {}): Promise<ValidationResult> {
  const { onFinding } = options;
  const arraySink = options.outDir === undefined && onFinding === undefined ? new ArraySink() : undefined;
  let reports: ReportPaths | undefined;
  let writer: ReportWriter | undefined;
  if (options.outDir !== undefined) ({ paths: reports, writer } = await openReports(path, options.outDir));
  const sink: FindingSink = writer ?? arraySink ?? { write: onFinding ?? (() => {}) };
  const findings = new FindingCollector(sink, options.findingLimit);
  // Late findings are kept only to be merged into the annotated copy.
  findings.keepsLate = reports !== undefined;
  const state: RunState = {
    catalogue: options.catalogue ?? compileCatalogue(),
    findings,
    options,
    annotatedPath: reports?.annotated,
    annotated: undefined,
    validator: undefined,
    header: undefined,
    format: 'text',
    encoding: null,
    dialect: null,
    isRefused: false,
    writer,
    headerWidth: 0,
    headerLine: 1,
    rowCount: 0,
    hadBom: false,
    pendingRows: [],
    threads: 1,
    isInexact: false,
  };
  const head = await readHead(path);
  state.format = head.length === 0 ? 'text' : detectContainer(head);
  if (head.length === 0) refuse(state, 'EMPTY_FILE', 1);
  else if (state.format === 'xlsx') await readWorkbook(path, state);
  else {
    const isSplittable = state.format === 'text' && !options.onRow && !onFinding && !options.onBytesRead;
    const second = isSplittable ? await SecondPart.plan(path, options.parallel) : undefined;
    try {
      await readText(path, state, second);
    } finally {
      await second?.stop();
    }
  }
  await drainOutputs(state);

  if (!state.isRefused) {
    if (state.header === undefined) refuse(state, 'EMPTY_FILE', 1);
    else if (state.rowCount === 0) findings.add('HEADER_ONLY', { line: state.headerLine });
  }
  state.validator?.finish();
  const summary = findings.summary();
  const unitMultiplier = options.unitMultiplier ?? 3;
  await closeReports(path, findings, state.annotated, writer, { unitMultiplier, summary });
  if (state.isInexact) return validateFile(path, { ...options, parallel: { minBytes: Number.POSITIVE_INFINITY } });
  return {
    file: path,
    format: state.format,
    encoding: state.encoding,
    delimiter: state.dialect?.delimiter ?? null,
    unitMultiplier,
    rows: state.validator?.rows ?? 0,
    total: findings.total,
    stored: findings.stored,
    errors: findings.errors,
    warnings: findings.warnings,
    isRefused: state.isRefused,
    summary,
    ...(arraySink ? { findings: arraySink.findings } : {}),
    ...(reports ? { reports } : {}),
    stateBytes: state.validator?.stateBytes ?? 0,
    threads: state.threads,
  };
}
