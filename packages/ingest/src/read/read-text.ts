import { createReadStream, type ReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import iconv from 'iconv-lite';
import { Annotated } from '../report/annotated.js';
import { drainOutputs, onRecord, plainRecordHandler, type RunState, refuse } from '../run-state.js';
import { DelimitedReader, detectDialect } from './delimited-reader.js';
import {
  describeBinary,
  detectBom,
  detectUtf16WithoutBom,
  firstInvalidUtf8,
  guessLegacyEncoding,
  normaliseEncoding,
  type TextEncoding,
} from './sniff.js';

const CHUNK = 1 << 16;

/** The first 64 kB, to tell the container (gzip, xlsx, text) apart. */
export async function readHead(path: string): Promise<Buffer> {
  const stream = createReadStream(path, { start: 0, end: CHUNK - 1 });
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/** The decoded byte stream, and the file stream whose `bytesRead` (compressed for .gz) measures progress. */
function openBytes(path: string, isGzip: boolean, start = 0, end?: number): { stream: Readable; file: ReadStream } {
  const range = end === undefined ? { start } : { start, end: end - 1 };
  const file = createReadStream(path, { highWaterMark: CHUNK, ...range });
  return { stream: isGzip ? file.pipe(createGunzip({ chunkSize: CHUNK })) : file, file };
}

/** Where a second thread takes over a text file (see parallel/second-part.ts). */
export interface TextSeam {
  /** Byte offset just after a line feed: the second part starts here. */
  readonly start: number;
  /** Called after each chunk: starts the second part once the header and dialect are known. */
  begin(state: RunState): void;
  /** Adds the second part's findings and copy once this thread has read up to the seam; false: read on here. */
  merge(state: RunState, nextLine: number | undefined): Promise<boolean>;
}

/** Streams a delimited text file (plain or gzip): sniffs, decodes and parses it chunk by chunk. */
export async function readText(path: string, state: RunState, seam?: TextSeam): Promise<void> {
  const run = new TextRun(state);
  try {
    if (seam === undefined) {
      if (!(await run.readRange(path, 0))) return;
    } else {
      // Whole chunks up to the one holding the seam, as without a seam (a refusal names the same bytes).
      const end = Math.ceil(seam.start / CHUNK) * CHUNK;
      if (!(await run.readRange(path, 0, end, seam.start, () => seam.begin(state)))) {
        await seam.merge(state, undefined);
        return;
      }
      if (await seam.merge(state, run.seamLine)) return;
      if (!run.pushRest()) return;
      if (!(await run.readRange(path, end))) return;
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'Z_DATA_ERROR') {
      refuse(state, 'BINARY_FILE', 1, { detail: 'the .gz archive is damaged' });
      return;
    }
    throw error;
  }
  run.finish();
}

/** One text file being read: its decoder and reader, across the byte ranges read. */
class TextRun {
  private readonly declared: TextEncoding | undefined;
  private decode: ((bytes: Buffer, isLast?: boolean) => string) | undefined;
  private reader: DelimitedReader | undefined;
  private isFirst = true;
  private pending = '';
  /** Text of the chunk holding the seam, past it: read here only if the second part is not merged. */
  private rest = '';

  constructor(private readonly state: RunState) {
    const encoding = state.options.encoding;
    this.declared = encoding === undefined ? undefined : normaliseEncoding(encoding);
  }

  /** The physical line of the next record, when the text so far ended where a record ends. */
  get seamLine(): number | undefined {
    const reader = this.reader;
    return reader?.isAtRecordStart && this.pending === '' && !this.state.isRefused ? reader.nextLine : undefined;
  }

  /** Reads bytes [start, end); the chunk holding `seam` is read only up to it. False once refused. */
  async readRange(path: string, start: number, end?: number, seam = -1, afterChunk?: () => void): Promise<boolean> {
    const state = this.state;
    const { stream, file } = openBytes(path, state.format === 'gzip', start, end);
    let offset = start;
    for await (const chunk of stream) {
      state.options.onBytesRead?.(start + file.bytesRead);
      const bytes = chunk as Buffer;
      const cut = seam > offset && seam <= offset + bytes.length ? seam - offset : -1;
      offset += bytes.length;
      if (!this.pushChunk(bytes, cut)) {
        stream.destroy();
        return false;
      }
      afterChunk?.();
      await drainOutputs(state);
    }
    return true;
  }

  /** Reads the text past the seam here after all. */
  pushRest(): boolean {
    const text = this.rest;
    this.rest = '';
    return text === '' || this.pushText(text);
  }

  private pushChunk(chunk: Buffer, cut: number): boolean {
    const state = this.state;
    let bytes = chunk;
    let at = cut;
    if (this.isFirst) {
      this.isFirst = false;
      const bom = detectBom(bytes);
      const binary = describeBinary(bytes, bom);
      if (binary) {
        refuse(state, 'BINARY_FILE', 1, { detail: binary });
        return false;
      }
      state.hadBom = bom !== undefined;
      state.encoding = bom?.encoding ?? this.declared ?? detectUtf16WithoutBom(bytes) ?? 'utf-8';
      if (bom) {
        bytes = bytes.subarray(bom.length);
        if (at >= 0) at -= bom.length;
      }
      this.decode = makeDecoder(state.encoding);
    }
    let text: string;
    try {
      const decode = this.decode;
      if (decode === undefined) text = '';
      else if (at < 0) text = decode(bytes);
      else {
        text = decode(bytes.subarray(0, at));
        this.rest = decode(bytes.subarray(at));
      }
    } catch {
      const offset = Math.max(firstInvalidUtf8(bytes), 0);
      const line =
        (this.reader?.nextLine ?? 1) + countNewlines(this.pending) + countBytes(bytes.subarray(0, offset), 0x0a);
      refuse(state, 'ENCODING_NOT_UTF8', line, { expected: guessLegacyEncoding(bytes) });
      return false;
    }
    return this.pushText(text);
  }

  private pushText(input: string): boolean {
    let text = input;
    if (this.reader === undefined) {
      this.pending += text;
      if (!this.pending.includes('\n') && !this.pending.includes('\r') && this.pending.length < CHUNK) return true;
      text = this.pending;
      this.pending = '';
      this.reader = startReader(this.state, text);
      if (this.reader === undefined) return false;
    }
    const unclosed = this.reader.push(text);
    if (unclosed) {
      refuse(this.state, 'UNCLOSED_QUOTE', unclosed.line);
      return false;
    }
    return true;
  }

  /** Reads what the decoder and the reader still hold once the bytes have ended. */
  finish(): void {
    const state = this.state;
    let tail = '';
    try {
      tail = this.decode?.(Buffer.alloc(0), true) ?? '';
    } catch {
      refuse(state, 'ENCODING_NOT_UTF8', this.reader?.nextLine ?? 1, { expected: 'windows-1252' });
      return;
    }
    let reader = this.reader;
    if (reader === undefined) {
      const pending = this.pending + tail;
      if (pending.trim() === '') return;
      reader = startReader(state, pending);
      if (reader === undefined) return;
      tail = pending;
    }
    const unclosed = (tail === '' ? undefined : reader.push(tail)) ?? reader.end();
    if (unclosed) refuse(state, 'UNCLOSED_QUOTE', unclosed.line);
  }
}

function startReader(state: RunState, firstText: string): DelimitedReader | undefined {
  const dialect = detectDialect(firstText);
  if ('unsupported' in dialect) {
    refuse(state, 'DELIMITER_UNSUPPORTED', 1, { detail: dialect.unsupported });
    return undefined;
  }
  state.dialect = dialect;
  if (state.annotatedPath) {
    state.annotated = new Annotated(state.annotatedPath, dialect, state.hadBom);
  }
  return new DelimitedReader(dialect, {
    onRecord: (fields, line, record, hasInvalidQuotes) => onRecord(state, fields, line, record, hasInvalidQuotes),
    onPlainRecord: plainRecordHandler(state),
  });
}

/**
 * Decodes a stream of bytes piece by piece (characters split between pieces are carried over).
 * UTF-8 throws on bytes that are not UTF-8 unless `isFatal` is false, which puts U+FFFD instead.
 */
export function makeDecoder(encoding: TextEncoding, isFatal = true): (bytes: Buffer, isLast?: boolean) => string {
  if (encoding === 'utf-8') {
    const decoder = new TextDecoder('utf-8', { fatal: isFatal, ignoreBOM: true });
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
