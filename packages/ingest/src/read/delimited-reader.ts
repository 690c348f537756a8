import Papa from 'papaparse';
import { countChar, type Dialect, findRecordEnd, findUnclosedQuote } from './dialect.js';

export { type Delimiter, type Dialect, detectDialect } from './dialect.js';

/** A record that has not ended after this many characters is an unclosed quote, not data. */
export const MAX_RECORD_CHARS = 4 * 1024 * 1024;

const isInvalidQuotes = (e: Papa.ParseError) => e.code === 'InvalidQuotes';

/**
 * Where a record's text is, without copying it: `input.slice(start, end)` (no line break). One
 * object per reader, valid during `onRecord` only; most rows never need their text as a string.
 */
export class RecordSpan {
  input = '';
  start = 0;
  end = 0;
  /** Physical lines the record spans (more than 1 with line breaks inside quotes). */
  lines = 1;

  get text(): string {
    return this.input.slice(this.start, this.end);
  }

  /** Points the span at a whole string (a record built rather than read, as from a sheet). */
  static of(text: string): RecordSpan {
    const span = new RecordSpan();
    span.input = text;
    span.end = text.length;
    return span;
  }
}

/** One record as read: its fields, the physical line it starts on, and where its text is. */
export interface RecordHandler {
  /** Returns false to stop reading. `hasInvalidQuotes`: text follows a closing quote ("ab"c). */
  onRecord(fields: string[], line: number, record: RecordSpan, hasInvalidQuotes: boolean): boolean | undefined;
  /**
   * Offered each record without a quote before its fields are split: returns true when it has
   * taken the record from its text alone (so no field strings are made), anything else to have
   * it split and given to `onRecord` as usual.
   */
  onPlainRecord?(record: RecordSpan, line: number): boolean;
}

export interface UnclosedQuote {
  line: number;
}

/**
 * Streams delimited text, one buffer at a time, and gives each record with the physical line it
 * starts on. A record without a quote is split at its delimiters here (papaparse splits such
 * records the same way); a record with quotes is parsed alone by papaparse's core parser and
 * used when it parses cleanly as one record ending where `findRecordEnd` says. Anything else
 * (a quote that closes before other text, which papaparse reads past the line's end) hands the
 * rest of the buffer to papaparse, as every buffer once was: `usesPapaparseOnly` keeps that
 * reference behaviour throughout. Line breaks inside quoted fields are counted from the
 * record's text.
 */
export class DelimitedReader {
  private readonly parser: Papa.Parser;
  private leftover = '';
  private line: number;
  private readonly lineChar: string;
  private isStopped = false;
  private readonly span = new RecordSpan();
  /** Set when `scan` handed the rest of its buffer to papaparse. */
  private wasHandedOn = false;

  constructor(
    private readonly dialect: Dialect,
    private readonly handler: RecordHandler,
    /** Physical line of the first record (a reader may start part-way into a file). */
    firstLine = 1,
    /** Every buffer through papaparse, as the reference the scanner is tested against. */
    private readonly usesPapaparseOnly = false,
  ) {
    this.line = firstLine;
    this.parser = new Papa.Parser({ delimiter: dialect.delimiter, newline: dialect.newline, quoteChar: '"' });
    this.lineChar = dialect.newline === '\r' ? '\r' : '\n';
  }

  /** The physical line the next record starts on. */
  get nextLine(): number {
    return this.line + countChar(this.leftover, this.lineChar, 0, this.leftover.length);
  }

  get stopped(): boolean {
    return this.isStopped;
  }

  /** Whether every record pushed so far is complete: the text so far ended where a record ends. */
  get isAtRecordStart(): boolean {
    return !this.isStopped && this.leftover === '';
  }

  /** Feeds decoded text; returns an unclosed quote when a record grows past MAX_RECORD_CHARS. */
  push(text: string): UnclosedQuote | undefined {
    if (this.isStopped) return undefined;
    const head = this.leftover.length;
    const input = head === 0 ? text : this.leftover + text;
    if (this.usesPapaparseOnly) {
      this.leftover = input.slice(this.parseRest(input, 0));
    } else {
      // Only the record begun in the last text is read from the joined string: V8 keeps a joined
      // string as a pair, and reading characters through it cost the row checks a third more.
      this.wasHandedOn = false;
      const reached = head === 0 ? 0 : this.scan(input, 0, head);
      // After papaparse read the rest of a buffer, what it left waits for the next, as it always has.
      if (reached < head || this.isStopped || this.wasHandedOn) this.leftover = input.slice(reached);
      else this.leftover = text.slice(this.scan(text, reached - head, text.length));
    }
    if (this.leftover.length > MAX_RECORD_CHARS) return this.unclosed();
    return undefined;
  }

  /** Reads what is left; returns an unclosed quote if the last record never closes its quote. */
  end(): UnclosedQuote | undefined {
    if (this.isStopped || this.leftover === '') return undefined;
    const input = this.leftover;
    const result = this.parser.parse(input, 0, false);
    if ((result.errors as Papa.ParseError[]).some((e) => e.code === 'MissingQuotes')) {
      const rows = result.data as string[][];
      this.emit(input, rows.slice(0, -1), input.length, result.errors);
      return this.unclosed();
    }
    this.emit(input, result.data as string[][], input.length, result.errors);
    this.leftover = '';
    return undefined;
  }

  /**
   * Gives every whole record of `input` from `from` on that starts before `limit`; returns where
   * the records given end. The rest (a record whose line break has not come yet) waits for the
   * next buffer.
   */
  private scan(input: string, from: number, limit: number): number {
    const { delimiter, newline } = this.dialect;
    const span = this.span;
    span.input = input;
    let start = from;
    let nextQuote = input.indexOf('"', from);
    while (start < input.length && start < limit) {
      if (this.isStopped) return input.length;
      if (nextQuote >= 0 && nextQuote < start) nextQuote = input.indexOf('"', start);
      let end = input.indexOf(newline, start);
      const isQuoted = nextQuote >= 0 && (end < 0 || nextQuote < end);
      if (isQuoted) end = findRecordEnd(input, start, this.dialect);
      if (end < 0) return start;
      span.start = start;
      span.end = end;
      span.lines = isQuoted ? 1 + countChar(input, this.lineChar, start, end) : 1;
      if (isQuoted) {
        const result = this.parser.parse(input.slice(start, end), 0, false);
        const rows = result.data as string[][];
        if (rows.length !== 1 || result.errors.length > 0) {
          this.wasHandedOn = true;
          return this.parseRest(input, start);
        }
        if (this.handler.onRecord(rows[0] as string[], this.line, span, false) === false) this.isStopped = true;
      } else if (this.handler.onPlainRecord?.(span, this.line) !== true) {
        const fields = input.slice(start, end).split(delimiter);
        if (this.handler.onRecord(fields, this.line, span, false) === false) this.isStopped = true;
      }
      this.line += span.lines;
      start = end + newline.length;
    }
    return start;
  }

  /** Parses `input` from `start` on with papaparse, as a whole; returns how far its records reached. */
  private parseRest(input: string, start: number): number {
    const rest = start === 0 ? input : input.slice(start);
    const result = this.parser.parse(rest, 0, true);
    return start + this.emit(rest, result.data as string[][], result.meta.cursor, result.errors);
  }

  private unclosed(): UnclosedQuote {
    this.isStopped = true;
    const quote = findUnclosedQuote(this.leftover, 0, this.dialect);
    const line = this.line + countChar(this.leftover, this.lineChar, 0, Math.max(quote, 0));
    this.leftover = '';
    return { line };
  }

  /** Calls the handler for each record; returns how much of `input` the records covered. */
  private emit(input: string, rows: string[][], cursor: number, errors: Papa.ParseError[]): number {
    const invalid = errors.length === 0 ? undefined : new Set(errors.filter(isInvalidQuotes).map((e) => e.row));
    let row = 0;
    let start = 0;
    let nextQuote = input.indexOf('"');
    const nlLength = this.dialect.newline.length;
    for (const fields of rows) {
      if (this.isStopped) return cursor;
      if (nextQuote >= 0 && nextQuote < start) nextQuote = input.indexOf('"', start);
      let end = input.indexOf(this.dialect.newline, start);
      const hasQuote = nextQuote >= 0 && (end < 0 || nextQuote < end);
      if (hasQuote) end = findRecordEnd(input, start, this.dialect);
      if (end < 0 || end > cursor) end = cursor;
      const span = this.span;
      span.input = input;
      span.start = start;
      span.end = end;
      span.lines = hasQuote ? 1 + countChar(input, this.lineChar, start, end) : 1;
      const hasInvalidQuotes = invalid?.has(row++) === true;
      if (this.handler.onRecord(fields, this.line, span, hasInvalidQuotes) === false) this.isStopped = true;
      this.line += span.lines;
      start = end + nlLength;
    }
    return Math.min(start, cursor);
  }
}
