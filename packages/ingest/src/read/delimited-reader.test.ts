import { describe, expect, it } from 'vitest';
import { DelimitedReader, type Dialect } from './delimited-reader.js';

interface Seen {
  fields: string[];
  line: number;
  text: string;
  lines: number;
  hasInvalidQuotes: boolean;
}

/** Everything a reader gives for `text` pushed in `pieces`, plain records split (no onPlainRecord). */
function read(dialect: Dialect, pieces: string[], usesPapaparseOnly: boolean, takesPlain = false) {
  const seen: Seen[] = [];
  const plain: number[] = [];
  const reader = new DelimitedReader(
    dialect,
    {
      onRecord: (fields, line, record, hasInvalidQuotes) => {
        seen.push({ fields: [...fields], line, text: record.text, lines: record.lines, hasInvalidQuotes });
        return true;
      },
      ...(takesPlain
        ? {
            onPlainRecord: (record, line) => {
              // Takes every other plain record, as a row check that declines some would.
              if (line % 2 === 0) return false;
              plain.push(line);
              seen.push({
                fields: record.text.split(dialect.delimiter),
                line,
                text: record.text,
                lines: record.lines,
                hasInvalidQuotes: false,
              });
              return true;
            },
          }
        : {}),
    },
    1,
    usesPapaparseOnly,
  );
  const unclosed: (number | undefined)[] = [];
  for (const piece of pieces) unclosed.push(reader.push(piece)?.line);
  unclosed.push(reader.end()?.line);
  return { seen, unclosed, plain };
}

/** A deterministic generator (the same cases on every run). */
function random(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s >>> 8) % n;
  };
}

const ALPHABET = ['a', 'b', 'ກ', 'ខ', ' ', ',', ';', '\t', '"', '"', '""', '\n', '\r', '\r\n', '12.5', 'SEX_M'];

function splitRandomly(text: string, next: (n: number) => number): string[] {
  const pieces: string[] = [];
  for (let at = 0; at < text.length; ) {
    const length = 1 + next(40);
    pieces.push(text.slice(at, at + length));
    at += length;
  }
  return pieces;
}

describe('DelimitedReader', () => {
  it('reads plain, quoted and malformed records exactly as papaparse over whole buffers does', () => {
    const dialects: Dialect[] = [
      { delimiter: ',', newline: '\n' },
      { delimiter: ';', newline: '\r\n' },
      { delimiter: '\t', newline: '\n' },
      { delimiter: ',', newline: '\r' },
    ];
    const next = random(7);
    let compared = 0;
    let quotedRecords = 0;
    for (let round = 0; round < 3000; round++) {
      const dialect = dialects[round % dialects.length] as Dialect;
      const parts: string[] = [];
      const length = 1 + next(60);
      for (let i = 0; i < length; i++) {
        // Mostly well-formed rows, with stray characters now and then.
        if (next(4) === 0) parts.push(ALPHABET[next(ALPHABET.length)] as string);
        else if (next(3) === 0) parts.push(`"x${dialect.newline}y""z"`, dialect.delimiter, 'v', dialect.newline);
        else parts.push('LAO', dialect.delimiter, 'SEX_F', dialect.delimiter, '1.5', dialect.newline);
      }
      const text = parts.join('');
      const pieces = splitRandomly(text, next);
      const reference = read(dialect, pieces, true);
      expect(read(dialect, pieces, false), text).toEqual(reference);
      expect(read(dialect, [text], false).seen, text).toEqual(read(dialect, [text], true).seen);
      const taking = read(dialect, pieces, false, true);
      expect(taking.seen, text).toEqual(reference.seen);
      expect(taking.unclosed, text).toEqual(reference.unclosed);
      compared += reference.seen.length;
      quotedRecords += reference.seen.filter((r) => r.text.includes('"')).length;
    }
    // The cases must reach every branch: many records, quoted ones among them.
    expect(compared).toBeGreaterThan(20_000);
    expect(quotedRecords).toBeGreaterThan(2_000);
  });

  it('gives plain records to onPlainRecord, with their lines, and quoted ones to onRecord', () => {
    const { seen, plain } = read({ delimiter: ',', newline: '\n' }, ['a,b\n"c\nd",e\nf,g\n', 'h,i\n'], false, true);
    expect(seen.map((r) => [r.line, r.fields])).toEqual([
      [1, ['a', 'b']],
      [2, ['c\nd', 'e']],
      [4, ['f', 'g']],
      [5, ['h', 'i']],
    ]);
    // Line 4 was declined (even lines are) and split; lines 1 and 5 were taken whole.
    expect(plain).toEqual([1, 5]);
  });

  it('reads a lone CR in a CRLF file as data, also in a record with quotes, in both modes', () => {
    // Once the CR ended the quoted record: the next record was read twice, from the wrong place.
    for (const usesPapaparseOnly of [false, true]) {
      const { seen } = read({ delimiter: ',', newline: '\r\n' }, ['"a",b\rc\r\nd,e\r\n'], usesPapaparseOnly);
      expect(seen.map((r) => [r.line, r.fields, r.text])).toEqual([
        [1, ['a', 'b\rc'], '"a",b\rc'],
        [2, ['d', 'e'], 'd,e'],
      ]);
    }
  });
});
