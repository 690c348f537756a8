import Papa from 'papaparse';

/** One record as read: its fields, the physical line it starts on, and its text as written. */
export interface RecordHandler {
  /** Returns false to stop reading. `hasInvalidQuotes`: text follows a closing quote ("ab"c). */
  onRecord(fields: string[], line: number, raw: string, hasInvalidQuotes: boolean): boolean | undefined;
}

export type Delimiter = ',' | ';' | '\t';

export interface Dialect {
  delimiter: Delimiter;
  newline: '\n' | '\r\n' | '\r';
}

/** A record that has not ended after this many characters is an unclosed quote, not data. */
export const MAX_RECORD_CHARS = 4 * 1024 * 1024;

const QUOTE = 34;

const isInvalidQuotes = (e: Papa.ParseError) => e.code === 'InvalidQuotes';

/**
 * Picks the separator of the header line among comma, semicolon and tab (quotes respected).
 * Returns the separator a one-column header seems to use instead, for the message.
 */
export function detectDialect(text: string): Dialect | { unsupported: string } {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  const newline = lf > 0 && text[lf - 1] === '\r' ? '\r\n' : lf < 0 && cr >= 0 ? '\r' : '\n';
  const end = newline === '\r' ? cr : lf < 0 ? text.length : lf;
  const counts = new Map<string, number>();
  let isQuoted = false;
  for (let i = 0; i < end; i++) {
    const c = text[i] ?? '';
    if (c === '"') isQuoted = !isQuoted;
    else if (!isQuoted) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const ranked = ([',', ';', '\t'] as const).map((d) => [d, counts.get(d) ?? 0] as const).sort((a, b) => b[1] - a[1]);
  const best = ranked[0];
  if (best && best[1] > 0) return { delimiter: best[0], newline };
  const other = ['|', ':', '^', '~', '#'].find((d) => (counts.get(d) ?? 0) > 0);
  return other ? { unsupported: other } : { delimiter: ',', newline };
}

/**
 * Where the record starting at `start` ends (index of its line break, or -1 if not in `text`),
 * following the same quoting rule as the parser: a quote opens only at the start of a field.
 */
export function findRecordEnd(text: string, start: number, dialect: Dialect): number {
  const delim = dialect.delimiter.charCodeAt(0);
  const nl = dialect.newline.charCodeAt(0);
  let i = start;
  let atFieldStart = true;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (atFieldStart && c === QUOTE) {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) return -1;
        if (text.charCodeAt(q + 1) === QUOTE) i = q + 2;
        else {
          i = q + 1;
          break;
        }
      }
      atFieldStart = false;
      continue;
    }
    if (c === nl) return i;
    atFieldStart = c === delim;
    i++;
  }
  return -1;
}

/** Index of the quote that never closes in a record starting at `start`, or -1. */
export function findUnclosedQuote(text: string, start: number, dialect: Dialect): number {
  const delim = dialect.delimiter.charCodeAt(0);
  const nl = dialect.newline.charCodeAt(0);
  let atFieldStart = true;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (atFieldStart && c === QUOTE) {
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) return i;
        if (text.charCodeAt(q + 1) === QUOTE) j = q + 2;
        else {
          i = q;
          break;
        }
      }
      atFieldStart = false;
      continue;
    }
    atFieldStart = c === delim || c === nl;
  }
  return -1;
}

export function countChar(text: string, char: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf(char, from); i >= 0 && i < to; i = text.indexOf(char, i + 1)) n++;
  return n;
}

export interface UnclosedQuote {
  line: number;
}

/**
 * Streams delimited text through papaparse's core parser, one buffer at a time, and gives each
 * record with the physical line it starts on: papaparse returns fields and where the last whole
 * record ended, and line breaks inside quoted fields are counted here from the record's text.
 */
export class DelimitedReader {
  private readonly parser: Papa.Parser;
  private leftover = '';
  private line = 1;
  private readonly lineChar: string;
  private isStopped = false;

  constructor(
    private readonly dialect: Dialect,
    private readonly handler: RecordHandler,
  ) {
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

  /** Feeds decoded text; returns an unclosed quote when a record grows past MAX_RECORD_CHARS. */
  push(text: string): UnclosedQuote | undefined {
    if (this.isStopped) return undefined;
    const input = this.leftover + text;
    const result = this.parser.parse(input, 0, true);
    const consumed = this.emit(input, result.data as string[][], result.meta.cursor, result.errors);
    this.leftover = input.slice(consumed);
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
      const raw = input.slice(start, end);
      const lines = hasQuote ? 1 + countChar(raw, this.lineChar, 0, raw.length) : 1;
      const hasInvalidQuotes = invalid?.has(row++) === true;
      if (this.handler.onRecord(fields, this.line, raw, hasInvalidQuotes) === false) this.isStopped = true;
      this.line += lines;
      start = end + nlLength;
    }
    return Math.min(start, cursor);
  }
}
