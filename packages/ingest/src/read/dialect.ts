export type Delimiter = ',' | ';' | '\t';

export interface Dialect {
  delimiter: Delimiter;
  newline: '\n' | '\r\n' | '\r';
}

const QUOTE = 34;

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
  const isCrlf = dialect.newline === '\r\n';
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
    // A lone CR in a CRLF file is data, as the parser reads it.
    if (c === nl && (!isCrlf || text.charCodeAt(i + 1) === 10)) return i;
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
