import { closeSync, createReadStream, openSync, readSync, writeSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { FindingCode, FindingParams } from '../findings/catalogue.js';
import { FindingCollector } from '../findings/collector.js';
import { DelimitedReader, type Dialect } from '../read/delimited-reader.js';
import { makeDecoder } from '../read/read-text.js';
import type { TextEncoding } from '../read/sniff.js';
import { Annotated } from '../report/annotated.js';
import { drainOutputs, onRecord, plainRecordHandler, type RunState } from '../run-state.js';
import { readHeader } from '../validate/columns.js';
import type { CompiledCatalogue } from '../validate/compiled-catalogue.js';
import { type RowCheckOptions, RowValidator } from '../validate/row-validator.js';
import { PartLogWriter } from './part-log.js';
import { PartNotSplittableError, SeriesRecorder } from './series-recorder.js';

/** What the first thread sends once it has read the header. */
export interface PartStart {
  path: string;
  /** Byte offset just after a line feed. */
  start: number;
  dialect: Dialect;
  encoding: TextEncoding;
  header: { names: string[]; line: number };
  /** The first thread's catalogue as data (structured clone keeps its maps, sets and shared objects). */
  catalogue: Omit<CompiledCatalogue, 'nationalSchemeOf'>;
  options: RowCheckOptions;
  findingLimit: number;
  /** Past this many findings the part gives up: they would be held in the first thread until merged. */
  maxFindings: number;
  logPath: string;
  /** Where the part's annotated copy goes, and the whole file's it is appended to once merged. */
  annotatedPath: string | undefined;
  wholeAnnotatedPath: string | undefined;
}

/** Sent after the outcome: append the part's annotated copy to the file at byte `at`. */
export interface PartAppend {
  at: number;
}

export interface PartAppended {
  error?: string;
}

export type PartOutcome = { kind: 'done'; rows: number; rowCount: number } | { kind: 'given-up'; reason: string };

/** Sent while the part is checked: the line it starts on (first), then the records in its log after each write. */
export type PartProgress = { kind: 'first-line'; line: number } | { kind: 'written'; records: number };

const CHUNK = 1 << 16;

/** Keeps the part's findings for its annotated copy and sends each, in order, to the first thread's collector. */
class ForwardingCollector extends FindingCollector {
  constructor(
    private readonly log: PartLogWriter,
    limit: number,
  ) {
    super({ write: () => {} }, limit);
    this.keepsLate = false;
  }

  override add(code: FindingCode, params: FindingParams): void {
    super.add(code, params);
    this.log.item({ kind: 'finding', code, params });
  }
}

/**
 * National codes need the domain package's code parser, which would double this thread's start-up
 * time and memory (about 0.4 s and 30 MB); a part with a code outside the catalogue is left to
 * the first thread instead.
 */
function leaveToFirstThread(code: string): never {
  throw new PartNotSplittableError(`"${code}" is not a catalogue code`);
}

/** Checks every row of the part (not the header) as `validateFile` would, without the window. */
async function checkPart(start: PartStart): Promise<PartOutcome> {
  const cat: CompiledCatalogue = { ...start.catalogue, nationalSchemeOf: leaveToFirstThread };
  const firstLine = lineAt(start.path, start.start);
  parentPort?.postMessage({ kind: 'first-line', line: firstLine } satisfies PartProgress);
  const log = new PartLogWriter(
    openSync(start.logPath, 'w'),
    (items) => parentPort?.postMessage(items),
    (records) => parentPort?.postMessage({ kind: 'written', records } satisfies PartProgress),
  );
  const findings = new ForwardingCollector(log, start.findingLimit);
  const header = readHeader(start.header.names, new FindingCollector({ write: () => {} }), start.header.line);
  const state: RunState = {
    catalogue: cat,
    findings,
    options: start.options,
    annotatedPath: start.annotatedPath,
    annotated: start.annotatedPath === undefined ? undefined : new Annotated(start.annotatedPath, start.dialect, false),
    validator: new RowValidator(cat, findings, header, start.options, new SeriesRecorder(cat, log)),
    header,
    format: 'text',
    encoding: start.encoding,
    dialect: start.dialect,
    isRefused: false,
    writer: undefined,
    headerWidth: header.names.length,
    headerLine: start.header.line,
    rowCount: 0,
    hadBom: false,
    pendingRows: [],
    threads: 1,
    isInexact: false,
  };
  const reader = new DelimitedReader(
    start.dialect,
    {
      onRecord: (fields, line, record, hasInvalidQuotes) => onRecord(state, fields, line, record, hasInvalidQuotes),
      onPlainRecord: plainRecordHandler(state),
    },
    firstLine,
  );
  // A refusal (bytes not in the encoding, an unclosed quote) is left to the first thread, which
  // reads on from the seam and reports it as it would without a second thread.
  const decode = makeDecoder(start.encoding);
  try {
    for await (const chunk of createReadStream(start.path, { start: start.start, highWaterMark: CHUNK })) {
      if (reader.push(decode(chunk as Buffer))) return { kind: 'given-up', reason: 'unclosed quote' };
      if (findings.total > start.maxFindings) return { kind: 'given-up', reason: 'too many findings' };
      await drainOutputs(state);
    }
    const tail = decode(Buffer.alloc(0), true);
    if ((tail !== '' && reader.push(tail)) || reader.end()) return { kind: 'given-up', reason: 'unclosed quote' };
  } finally {
    log.close();
    await state.annotated?.close();
  }
  return {
    kind: 'done',
    rows: state.validator?.rows ?? 0,
    rowCount: state.rowCount,
  };
}

/** The physical line that starts at byte `offset`: one more than the line feeds before it. */
function lineAt(path: string, offset: number): number {
  const fd = openSync(path, 'r');
  const bytes = Buffer.alloc(1 << 20);
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >>> 2);
  let line = 1;
  try {
    for (let at = 0; at < offset; ) {
      const length = readSync(fd, bytes, 0, Math.min(bytes.length, offset - at), at);
      if (length === 0) break;
      // Four bytes at a time (twice as fast as a loop over bytes, which is three times faster than
      // Buffer#indexOf per line feed): a byte of x is 0 where the byte was a line feed, and the
      // high bit of each byte of `nonzero` says it was not; adding them up counts the others.
      const whole = length >>> 2;
      for (let w = 0; w < whole; w++) {
        const x = (words[w] as number) ^ 0x0a0a0a0a;
        const nonzero = ((((x & 0x7f7f7f7f) + 0x7f7f7f7f) | x) & 0x80808080) >>> 7;
        line += 4 - (Math.imul(nonzero, 0x01010101) >>> 24);
      }
      for (let i = whole << 2; i < length; i++) if (bytes[i] === 10) line++;
      at += length;
    }
  } finally {
    closeSync(fd);
  }
  return line;
}

/** Copies the part's annotated copy into the whole file's, from byte `at` on. */
function appendCopy(part: string, whole: string, at: number): void {
  const from = openSync(part, 'r');
  const to = openSync(whole, 'r+');
  const bytes = Buffer.alloc(1 << 20);
  try {
    for (let position = at, length = readSync(from, bytes); length > 0; length = readSync(from, bytes)) {
      writeSync(to, bytes, 0, length, position);
      position += length;
    }
  } finally {
    closeSync(from);
    closeSync(to);
  }
}

let started: PartStart | undefined;
parentPort?.on('message', (message: PartStart | PartAppend) => {
  if ('path' in message) {
    started = message;
    checkPart(message).then(
      (outcome) => parentPort?.postMessage(outcome),
      (error: unknown) => parentPort?.postMessage({ kind: 'given-up', reason: String(error) } satisfies PartOutcome),
    );
    return;
  }
  try {
    if (started?.annotatedPath && started.wholeAnnotatedPath) {
      appendCopy(started.annotatedPath, started.wholeAnnotatedPath, message.at);
    }
    parentPort?.postMessage({} satisfies PartAppended);
  } catch (error) {
    parentPort?.postMessage({ error: String(error) } satisfies PartAppended);
  }
});
