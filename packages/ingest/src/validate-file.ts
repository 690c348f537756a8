import { createReadStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import iconv from 'iconv-lite';
import { ArraySink, type CodeSummary, type Finding, FindingCollector, type FindingSink } from './findings/collector.js';
import { DelimitedReader, type Delimiter, type Dialect, detectDialect } from './read/delimited-reader.js';
import {
  describeBinary,
  detectBom,
  detectContainer,
  detectUtf16WithoutBom,
  firstInvalidUtf8,
  guessLegacyEncoding,
  normaliseEncoding,
  type TextEncoding,
} from './read/sniff.js';
import { readSheetRows } from './read/xlsx-rows.js';
import { Annotated, mergeLateAnnotations } from './report/annotated.js';
import { quoteFor } from './report/csv-text.js';
import { ReportWriter } from './report/report-writer.js';
import { type Header, readHeader } from './validate/columns.js';
import { type CompiledCatalogue, compileCatalogue } from './validate/compiled-catalogue.js';
import { type RowCheckOptions, RowValidator } from './validate/row-validator.js';

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
  /** Present when no outDir was given. */
  findings?: Finding[];
  reports?: { csv: string; json: string; annotated: string };
  /** Bytes of state held for duplicates and dataset rules. */
  stateBytes: number;
}

const CHUNK = 1 << 16;
const READ_LIMIT_NOTE = 'findings past the limit are counted per code but not listed';

/** Reads one file in one pass, checks every row and the dataset rules, and reports every finding. */
export async function validateFile(path: string, options: ValidateFileOptions = {}): Promise<ValidationResult> {
  const catalogue = options.catalogue ?? compileCatalogue();
  const arraySink = options.outDir === undefined ? new ArraySink() : undefined;
  let writer: ReportWriter | undefined;
  const name = basename(path)
    .replace(/\.(csv|txt|tsv|xlsx)(\.gz)?$/i, '')
    .replace(/\.gz$/i, '');
  let reports: ValidationResult['reports'];
  if (options.outDir !== undefined) {
    await mkdir(options.outDir, { recursive: true });
    reports = {
      csv: join(options.outDir, 'findings.csv'),
      json: join(options.outDir, 'findings.json'),
      annotated: join(options.outDir, `${name}.annotated.csv`),
    };
    writer = new ReportWriter(reports.csv, reports.json);
  }
  const sink: FindingSink = writer ?? arraySink ?? new ArraySink();
  const findings = new FindingCollector(sink, options.findingLimit);
  const state: RunState = {
    catalogue,
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
  };
  const head = await readHead(path);
  state.format = head.length === 0 ? 'text' : detectContainer(head);
  if (head.length === 0) refuse(state, 'EMPTY_FILE', 1);
  else if (state.format === 'xlsx') await readWorkbook(path, state);
  else await readText(path, state);

  if (!state.isRefused) {
    if (state.header === undefined) refuse(state, 'EMPTY_FILE', 1);
    else if ((state.validator?.rows ?? 0) === 0 && state.rowCount === 0) findings.add('HEADER_ONLY', { line: 1 });
  }
  state.validator?.finish();
  if (state.annotated) {
    await state.annotated.close();
    await mergeLateAnnotations(state.annotated, findings.late);
  }
  const summary = findings.summary();
  const unitMultiplier = options.unitMultiplier ?? 3;
  const counts = {
    total: findings.total,
    stored: findings.stored,
    errors: findings.errors,
    warnings: findings.warnings,
  };
  await writer?.close({
    file: path,
    ...counts,
    findingLimit: findings.limit,
    note: READ_LIMIT_NOTE,
    unitMultiplier,
    summary,
  });
  return {
    file: path,
    format: state.format,
    encoding: state.encoding,
    delimiter: state.dialect?.delimiter ?? null,
    unitMultiplier,
    rows: state.validator?.rows ?? 0,
    ...counts,
    isRefused: state.isRefused,
    summary,
    ...(arraySink ? { findings: arraySink.findings } : {}),
    ...(reports ? { reports } : {}),
    stateBytes: state.validator?.stateBytes ?? 0,
  };
}

interface RunState {
  catalogue: CompiledCatalogue;
  findings: FindingCollector;
  options: ValidateFileOptions;
  annotatedPath: string | undefined;
  annotated: Annotated | undefined;
  validator: RowValidator | undefined;
  header: Header | undefined;
  format: ValidationResult['format'];
  encoding: TextEncoding | null;
  dialect: Dialect | null;
  isRefused: boolean;
  writer: ReportWriter | undefined;
  headerWidth?: number;
  rowCount?: number;
  hadBom?: boolean;
}

function refuse(
  state: RunState,
  code: 'EMPTY_FILE' | 'BINARY_FILE' | 'ENCODING_NOT_UTF8' | 'DELIMITER_UNSUPPORTED' | 'UNCLOSED_QUOTE',
  line: number,
  params: { detail?: string; expected?: string } = {},
): void {
  state.findings.add(code, { line, ...params });
  state.isRefused = true;
}

async function readHead(path: string): Promise<Buffer> {
  const stream = createReadStream(path, { start: 0, end: 65535 });
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/** Handles one record: the header, then each row; writes the annotated copy as it goes. */
function onRecord(state: RunState, fields: string[], line: number, raw: string, hasInvalidQuotes = false): boolean {
  const { findings } = state;
  if (state.header === undefined) {
    if (fields.length === 1 && fields[0]?.trim() === '') {
      state.annotated?.row(raw, '', '');
      return true;
    }
    state.header = readHeader(fields, findings);
    state.headerWidth = fields.length;
    state.rowCount = 0;
    state.validator = new RowValidator(state.catalogue, findings, state.header, state.options);
    state.annotated?.header(raw);
    return true;
  }
  findings.beginRow();
  const isBlank = fields.every((f) => f.trim() === '');
  if (!isBlank) {
    state.rowCount = (state.rowCount ?? 0) + 1;
    if (hasInvalidQuotes) {
      const cell = fields.find((f) => f.includes('"')) ?? raw;
      findings.add('INVALID_QUOTES', { line, value: cell });
    }
    if (fields.length !== state.headerWidth) {
      findings.add('RAGGED_ROW', { line, value: String(fields.length), expected: String(state.headerWidth) });
    } else {
      state.validator?.validate(fields, line);
    }
  }
  state.annotated?.row(raw, findings.rowCodes, findings.rowMessages);
  return true;
}

async function drainOutputs(state: RunState): Promise<void> {
  if (state.writer?.needsDrain) await state.writer.drain();
  if (state.annotated?.needsDrain) await state.annotated.drain();
}

function openBytes(path: string, isGzip: boolean): Readable {
  const file = createReadStream(path, { highWaterMark: CHUNK });
  return isGzip ? file.pipe(createGunzip({ chunkSize: CHUNK })) : file;
}

async function readText(path: string, state: RunState): Promise<void> {
  const declared = state.options.encoding === undefined ? undefined : normaliseEncoding(state.options.encoding);
  let decode: ((bytes: Buffer, isLast?: boolean) => string) | undefined;
  let reader: DelimitedReader | undefined;
  let isFirst = true;
  let pending = '';
  let stream: Readable;
  try {
    stream = openBytes(path, state.format === 'gzip');
    for await (const chunk of stream) {
      let bytes = chunk as Buffer;
      if (isFirst) {
        isFirst = false;
        const bom = detectBom(bytes);
        const binary = describeBinary(bytes, bom);
        if (binary) {
          refuse(state, 'BINARY_FILE', 1, { detail: binary });
          stream.destroy();
          return;
        }
        state.hadBom = bom !== undefined;
        state.encoding = bom?.encoding ?? declared ?? detectUtf16WithoutBom(bytes) ?? 'utf-8';
        if (bom) bytes = bytes.subarray(bom.length);
        decode = makeDecoder(state.encoding);
      }
      let text: string;
      try {
        text = decode?.(bytes) ?? '';
      } catch {
        const offset = Math.max(firstInvalidUtf8(bytes), 0);
        const line = (reader?.nextLine ?? 1) + countNewlines(pending) + countBytes(bytes.subarray(0, offset), 0x0a);
        refuse(state, 'ENCODING_NOT_UTF8', line, { expected: guessLegacyEncoding(bytes) });
        stream.destroy();
        return;
      }
      if (reader === undefined) {
        pending += text;
        if (!pending.includes('\n') && !pending.includes('\r') && pending.length < CHUNK) continue;
        text = pending;
        pending = '';
        reader = startReader(state, text);
        if (reader === undefined) {
          stream.destroy();
          return;
        }
      }
      const unclosed = reader.push(text);
      if (unclosed) {
        refuse(state, 'UNCLOSED_QUOTE', unclosed.line);
        stream.destroy();
        return;
      }
      await drainOutputs(state);
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'Z_DATA_ERROR') {
      refuse(state, 'BINARY_FILE', 1, { detail: 'the .gz archive is damaged' });
      return;
    }
    throw error;
  }
  let tail = '';
  try {
    tail = decode?.(Buffer.alloc(0), true) ?? '';
  } catch {
    refuse(state, 'ENCODING_NOT_UTF8', reader?.nextLine ?? 1, { expected: 'windows-1252' });
    return;
  }
  if (reader === undefined) {
    pending += tail;
    tail = '';
    if (pending.trim() === '') return;
    reader = startReader(state, pending);
    if (reader === undefined) return;
    tail = pending;
  }
  const unclosed = (tail === '' ? undefined : reader.push(tail)) ?? reader.end();
  if (unclosed) refuse(state, 'UNCLOSED_QUOTE', unclosed.line);
}

function startReader(state: RunState, firstText: string): DelimitedReader | undefined {
  const dialect = detectDialect(firstText);
  if ('unsupported' in dialect) {
    refuse(state, 'DELIMITER_UNSUPPORTED', 1, { detail: dialect.unsupported });
    return undefined;
  }
  state.dialect = dialect;
  if (state.annotatedPath) {
    state.annotated = new Annotated(state.annotatedPath, dialect, state.hadBom === true);
  }
  return new DelimitedReader(dialect, {
    onRecord: (fields, line, raw, hasInvalidQuotes) => onRecord(state, fields, line, raw, hasInvalidQuotes),
  });
}

function makeDecoder(encoding: TextEncoding): (bytes: Buffer, isLast?: boolean) => string {
  if (encoding === 'utf-8') {
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    return (bytes, isLast) => decoder.decode(bytes, { stream: isLast !== true });
  }
  const decoder = iconv.getDecoder(encoding, { stripBOM: false });
  return (bytes, isLast) => decoder.write(bytes) + (isLast ? (decoder.end() ?? '') : '');
}

function countBytes(bytes: Buffer, byte: number): number {
  let n = 0;
  for (let i = bytes.indexOf(byte); i >= 0; i = bytes.indexOf(byte, i + 1)) n++;
  return n;
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

async function readWorkbook(path: string, state: RunState): Promise<void> {
  state.encoding = null;
  state.dialect = { delimiter: ',', newline: '\n' };
  if (state.annotatedPath) state.annotated = new Annotated(state.annotatedPath, state.dialect, true);
  let width = 0;
  let isHeader = true;
  for await (const row of readSheetRows(path, state.options.sheet)) {
    const fields = row.fields;
    if (isHeader) {
      while (fields.length > 0 && fields.at(-1) === '') fields.pop();
      width = fields.length;
      isHeader = false;
    } else if (fields.length < width) {
      while (fields.length < width) fields.push('');
    } else {
      while (fields.length > width && fields.at(-1) === '') fields.pop();
    }
    onRecord(state, fields, row.line, fields.map((f) => quoteFor(',', f)).join(','));
    await drainOutputs(state);
  }
}
