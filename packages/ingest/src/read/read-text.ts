import { createReadStream, type ReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import iconv from 'iconv-lite';
import { Annotated } from '../report/annotated.js';
import { drainOutputs, onRecord, type RunState, refuse } from '../run-state.js';
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
function openBytes(path: string, isGzip: boolean): { stream: Readable; file: ReadStream } {
  const file = createReadStream(path, { highWaterMark: CHUNK });
  return { stream: isGzip ? file.pipe(createGunzip({ chunkSize: CHUNK })) : file, file };
}

/** Streams a delimited text file (plain or gzip): sniffs, decodes and parses it chunk by chunk. */
export async function readText(path: string, state: RunState): Promise<void> {
  const declared = state.options.encoding === undefined ? undefined : normaliseEncoding(state.options.encoding);
  let decode: ((bytes: Buffer, isLast?: boolean) => string) | undefined;
  let reader: DelimitedReader | undefined;
  let isFirst = true;
  let pending = '';
  let stream: Readable;
  try {
    let file: ReadStream;
    ({ stream, file } = openBytes(path, state.format === 'gzip'));
    for await (const chunk of stream) {
      state.options.onBytesRead?.(file.bytesRead);
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
    state.annotated = new Annotated(state.annotatedPath, dialect, state.hadBom);
  }
  return new DelimitedReader(dialect, {
    onRecord: (fields, line, record, hasInvalidQuotes) => onRecord(state, fields, line, record, hasInvalidQuotes),
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
