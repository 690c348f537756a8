import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { DelimitedReader, type Dialect, type RecordSpan } from '../read/delimited-reader.js';
import { quoteFor } from './csv-text.js';

/** One finding to show on the record that starts on `line`. */
export interface LineAnnotation {
  line: number;
  code: string;
  message: string;
}

/** A row's findings share its two cells: codes joined by "; ", messages by " | ". */
export const joinCode = (codes: string, code: string) => (codes === '' ? code : `${codes}; ${code}`);
export const joinMessage = (messages: string, message: string) =>
  messages === '' ? message : `${messages} | ${message}`;

/**
 * Annotations in line order, taken a line at a time as the copy's records go by. Those of lines
 * no record starts on (the header, the inside of a quoted field) are passed over.
 */
export class LineAnnotations {
  private held: LineAnnotation[];
  private at = 0;

  constructor(inLineOrder: LineAnnotation[] = []) {
    this.held = inLineOrder;
  }

  /** The line of the last annotation held (0 when none). */
  get lastLine(): number {
    return this.held.at(-1)?.line ?? 0;
  }

  add(annotation: LineAnnotation): void {
    this.held.push(annotation);
  }

  /** Appends the annotations of `line` to a row's cells. */
  take(line: number, codes = '', messages = ''): { codes: string; messages: string } {
    let joinedCodes = codes;
    let joinedMessages = messages;
    while (this.at < this.held.length && (this.held[this.at]?.line ?? 0) < line) this.at++;
    for (; this.at < this.held.length && this.held[this.at]?.line === line; this.at++) {
      const a = this.held[this.at] as LineAnnotation;
      joinedCodes = joinCode(joinedCodes, a.code);
      joinedMessages = joinMessage(joinedMessages, a.message);
    }
    if (this.at > 4096) {
      this.held = this.held.slice(this.at);
      this.at = 0;
    }
    return { codes: joinedCodes, messages: joinedMessages };
  }
}

/**
 * The user's file with `_finding_code` and `_finding_message` appended. Row text is copied as
 * read and buffered here, so the stream sees one write per 64 kB rather than one per row.
 * Consecutive rows without findings are kept as one span of the input and copied in one
 * `replaceAll` that appends the two empty columns to each, instead of a string per row.
 * Written to a file (a path), or to any stream (the hub's download of a stored file).
 */
export class Annotated {
  readonly path: string;
  private readonly out: Writable;
  private buffer = '';
  private readonly empty: string;
  /** Physical line of the header: lines before it (blank) are copied as they are. */
  headerLine = 1;
  /** The run of clean single-line rows not yet copied: input.slice(runStart, runEnd). */
  private runInput = '';
  private runStart = 0;
  private runEnd = -1;

  constructor(
    target: string | Writable,
    readonly dialect: Dialect,
    readonly withBom: boolean,
  ) {
    this.path = typeof target === 'string' ? target : '';
    this.out = typeof target === 'string' ? createWriteStream(target) : target;
    if (withBom) this.buffer = '\uFEFF';
    this.empty = `${dialect.delimiter}${dialect.delimiter}${dialect.newline}`;
  }

  header(raw: string, line: number): void {
    this.copyRun();
    this.headerLine = line;
    const d = this.dialect.delimiter;
    this.buffer += `${raw}${d}_finding_code${d}_finding_message${this.dialect.newline}`;
  }

  /** A line before the header, copied unchanged so later lines keep their numbers. */
  verbatim(raw: string): void {
    this.copyRun();
    this.buffer += raw + this.dialect.newline;
  }

  /** A row without findings: joins the run when it follows it directly in the same input. */
  cleanRecord(record: RecordSpan): void {
    const isNext = record.input === this.runInput && record.start === this.runEnd + this.dialect.newline.length;
    if (record.lines !== 1) {
      this.row(record.text, '', '');
    } else if (isNext) {
      this.runEnd = record.end;
    } else {
      this.copyRun();
      this.runInput = record.input;
      this.runStart = record.start;
      this.runEnd = record.end;
    }
  }

  private copyRun(): void {
    if (this.runEnd < 0) return;
    const nl = this.dialect.newline;
    this.buffer += this.runInput.slice(this.runStart, this.runEnd).replaceAll(nl, this.empty) + this.empty;
    this.runInput = '';
    this.runEnd = -1;
    if (this.buffer.length > 65_536) this.flush();
  }

  row(raw: string, codes: string, messages: string): void {
    this.copyRun();
    const d = this.dialect.delimiter;
    this.buffer +=
      codes === ''
        ? raw + this.empty
        : `${raw}${d}${quoteFor(d, codes)}${d}${quoteFor(d, messages)}${this.dialect.newline}`;
    if (this.buffer.length > 65_536) this.flush();
  }

  private flush(): void {
    this.out.write(this.buffer);
    this.buffer = '';
  }

  /**
   * Writes out everything so far and waits until the file holds it; returns its length in bytes,
   * where a copy of the rest of the file made elsewhere (a second thread's) is written.
   */
  async settle(): Promise<number> {
    this.copyRun();
    this.flush();
    await new Promise<void>((resolve, reject) => this.out.write('', (error) => (error ? reject(error) : resolve())));
    return (this.out as WriteStream).bytesWritten;
  }

  get needsDrain(): boolean {
    return this.out.writableNeedDrain;
  }

  async drain(): Promise<void> {
    if (this.out.writableNeedDrain) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    this.copyRun();
    this.flush();
    this.out.end();
    await once(this.out, 'finish');
  }
}

/**
 * Second, streaming pass over the annotated copy: adds the findings that were known only after
 * their rows were written (dataset rules) to the rows they name. Only runs when there are some.
 */
export async function mergeLateAnnotations(copy: Annotated, late: readonly LineAnnotation[]): Promise<void> {
  if (late.length === 0) return;
  const annotations = new LineAnnotations([...late].sort((a, b) => a.line - b.line));
  const { delimiter: d } = copy.dialect;
  const next = new Annotated(`${copy.path}.tmp`, copy.dialect, copy.withBom);
  const reader = new DelimitedReader(copy.dialect, {
    onRecord: (fields, line, record) => {
      const raw = record.text;
      if (line < copy.headerLine) {
        next.verbatim(raw);
        return true;
      }
      if (line === copy.headerLine) {
        next.header(raw.slice(0, raw.lastIndexOf(d, raw.lastIndexOf(d) - 1)), line);
        return true;
      }
      const written = { codes: fields.at(-2) ?? '', messages: fields.at(-1) ?? '' };
      const base = raw.slice(
        0,
        raw.length - (quoteFor(d, written.codes).length + quoteFor(d, written.messages).length + 2),
      );
      const { codes, messages } = annotations.take(line, written.codes, written.messages);
      next.row(base, codes, messages);
      return true;
    },
  });
  let isFirst = true;
  for await (const chunk of createReadStream(copy.path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    let text = chunk as string;
    if (isFirst && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    isFirst = false;
    reader.push(text);
    await next.drain();
  }
  reader.end();
  await next.close();
  await rename(next.path, copy.path);
}
