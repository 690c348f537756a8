import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { DelimitedReader, detectDialect, RecordSpan } from '../read/delimited-reader.js';
import { countChar, type Dialect } from '../read/dialect.js';
import { makeDecoder } from '../read/read-text.js';
import { readSheetRecords, SHEET_DIALECT } from '../read/read-workbook.js';
import { detectBom, detectContainer, detectUtf16WithoutBom } from '../read/sniff.js';
import { Annotated, type LineAnnotation, LineAnnotations } from './annotated.js';

export type { LineAnnotation };

/**
 * Text parsed at a time, as `readText` reads it: also the most text whose findings are held
 * at once (the lines it may reach), however large the pieces the bytes come in.
 */
const TEXT_PIECE = 1 << 16;

/**
 * The annotated copy of a file given as its bytes (plain, gzip or .xlsx), with the findings
 * already known: the same copy `ilms validate` writes, made without validating again. The
 * annotations come in line order and are read only as far as the records reached so far, and the
 * copy is produced a piece at a time: neither the file nor its findings are ever held whole.
 */
export async function* streamAnnotatedCopy(
  bytes: AsyncIterable<Buffer>,
  annotations: AsyncIterable<LineAnnotation>,
): AsyncGenerator<string> {
  const { head, all } = await peek(bytes);
  const findings = new AnnotationCursor(annotations);
  const container = head.length === 0 ? 'text' : detectContainer(head);
  try {
    if (container === 'xlsx') yield* annotateSheet(Readable.from(all), findings);
    else yield* annotateText(container === 'gzip' ? gunzip(all) : all, findings);
  } finally {
    await findings.close();
  }
}

/** The first piece of a stream, and the whole stream again. */
async function peek(bytes: AsyncIterable<Buffer>): Promise<{ head: Buffer; all: AsyncIterable<Buffer> }> {
  const iterator = bytes[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head = first.done ? Buffer.alloc(0) : first.value;
  async function* all() {
    if (first.done) return;
    try {
      yield head;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      await iterator.return?.();
    }
  }
  return { head, all: all() };
}

function gunzip(bytes: AsyncIterable<Buffer>): AsyncIterable<Buffer> {
  const unzip = createGunzip({ chunkSize: 1 << 16 });
  pipeline(Readable.from(bytes), unzip).catch((error: unknown) => unzip.destroy(error as Error));
  return unzip;
}

/** The findings of the line being written, read from `annotations` only as far as needed. */
class AnnotationCursor {
  private readonly iterator: AsyncIterator<LineAnnotation>;
  private readonly held = new LineAnnotations();
  private isDone = false;

  constructor(annotations: AsyncIterable<LineAnnotation>) {
    this.iterator = annotations[Symbol.asyncIterator]();
  }

  /** Reads ahead until every annotation up to `line` is held. */
  async loadThrough(line: number): Promise<void> {
    while (!this.isDone && this.held.lastLine <= line) {
      const next = await this.iterator.next();
      if (next.done) this.isDone = true;
      else this.held.add(next.value);
    }
  }

  /** Stops reading annotations (the copy ended, or its reader went away). */
  async close(): Promise<void> {
    await this.iterator.return?.();
  }

  take(line: number): { codes: string; messages: string } {
    return this.held.take(line);
  }
}

/** Collects what an `Annotated` writes, to be handed on between records. */
class Pieces {
  private pieces: string[] = [];
  readonly out = new Writable({
    decodeStrings: false,
    write: (text: string, _encoding, done) => {
      this.pieces.push(text);
      done();
    },
  });

  take(): string[] {
    const taken = this.pieces;
    this.pieces = [];
    return taken;
  }
}

/** Writes one record to the copy as `onRecord` does while validating: blank lines, header, rows. */
class RecordWriter {
  private hasHeader = false;

  constructor(
    readonly copy: Annotated,
    private readonly findings: AnnotationCursor,
  ) {}

  write(fields: string[], line: number, record: RecordSpan): void {
    if (!this.hasHeader) {
      if (fields.length === 1 && fields[0]?.trim() === '') {
        this.copy.row(record.text, '', '');
        return;
      }
      this.hasHeader = true;
      this.copy.header(record.text, line);
      return;
    }
    const { codes, messages } = this.findings.take(line);
    if (codes === '') this.copy.cleanRecord(record);
    else this.copy.row(record.text, codes, messages);
  }
}

async function* annotateSheet(bytes: Readable, findings: AnnotationCursor): AsyncGenerator<string> {
  const pieces = new Pieces();
  const writer = new RecordWriter(new Annotated(pieces.out, SHEET_DIALECT, true), findings);
  for await (const record of readSheetRecords(bytes, undefined, true)) {
    await findings.loadThrough(record.line);
    writer.write(record.fields, record.line, RecordSpan.of(record.text));
    yield* pieces.take();
  }
  await writer.copy.close();
  yield* pieces.take();
}

async function* annotateText(bytes: AsyncIterable<Buffer>, findings: AnnotationCursor): AsyncGenerator<string> {
  const pieces = new Pieces();
  let decode: ((bytes: Buffer, isLast?: boolean) => string) | undefined;
  let hadBom = false;
  let pending = '';
  let reader: TextRecords | undefined;
  for await (const chunk of bytes) {
    let piece = chunk;
    if (decode === undefined) {
      const bom = detectBom(piece);
      hadBom = bom !== undefined;
      if (bom) piece = piece.subarray(bom.length);
      // Without a mark the file was read as UTF-8 (or UTF-16 by its NULs); a byte that is not
      // UTF-8 was reported then, so it is shown as U+FFFD here rather than ending the copy.
      decode = makeDecoder(bom?.encoding ?? detectUtf16WithoutBom(chunk) ?? 'utf-8', false);
    }
    pending += decode(piece);
    if (reader === undefined) {
      if (!/[\r\n]/.test(pending) && pending.length < TEXT_PIECE) continue;
      reader = new TextRecords(pending, pieces, hadBom, findings);
    }
    await reader.push(pending);
    pending = '';
    yield* pieces.take();
  }
  pending += decode?.(Buffer.alloc(0), true) ?? '';
  if (reader === undefined && pending.trim() === '') return;
  reader ??= new TextRecords(pending, pieces, hadBom, findings);
  if (pending !== '') await reader.push(pending);
  await reader.end();
  yield* pieces.take();
}

/** The delimited records of decoded text, each written to the copy with its findings. */
class TextRecords {
  private readonly reader: DelimitedReader;
  private readonly writer: RecordWriter;
  private readonly lineChar: string;

  constructor(
    firstText: string,
    pieces: Pieces,
    hadBom: boolean,
    private readonly findings: AnnotationCursor,
  ) {
    const dialect = detectDialect(firstText);
    if ('unsupported' in dialect) {
      throw new Error(
        `The file's header is separated by "${dialect.unsupported}", which the hub does not read; no annotated copy can be made of it.`,
      );
    }
    this.writer = new RecordWriter(new Annotated(pieces.out, dialect, hadBom), findings);
    this.reader = new DelimitedReader(dialect, {
      onRecord: (fields, line, record) => {
        this.writer.write(fields, line, record);
        return true;
      },
    });
    this.lineChar = lineCharOf(dialect);
  }

  /** Parses more text a piece at a time, once the findings of every line a piece can reach are held. */
  async push(text: string): Promise<void> {
    for (let start = 0; start < text.length; start += TEXT_PIECE) {
      const piece = text.slice(start, start + TEXT_PIECE);
      await this.findings.loadThrough(this.reader.nextLine + countChar(piece, this.lineChar, 0, piece.length));
      const unclosed = this.reader.push(piece);
      if (unclosed) throw unclosedQuote(unclosed.line);
    }
  }

  async end(): Promise<void> {
    const unclosed = this.reader.end();
    if (unclosed) throw unclosedQuote(unclosed.line);
    await this.writer.copy.close();
  }
}

const lineCharOf = (dialect: Dialect) => (dialect.newline === '\r' ? '\r' : '\n');

function unclosedQuote(line: number): Error {
  return new Error(
    `Line ${line} opens a quoted field that never closes, so the annotated copy stops there. Download the findings report instead.`,
  );
}
