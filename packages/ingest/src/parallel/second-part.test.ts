import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csv, row, tempDir, writeFixture } from '../testing/fixtures.js';
import { type ValidateFileOptions, type ValidationResult, validateFile } from '../validate-file.js';

const dir = tempDir();
let n = 0;

/** Byte offset where physical line `line` (1-based) starts. */
function lineStart(bytes: Buffer, line: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) at = bytes.indexOf(10, at) + 1;
  return at;
}

function found(result: ValidationResult): string[] {
  return (result.findings ?? []).map((f) => `${f.code}@${f.line}`);
}

/** Every report file, by name. */
function reports(outDir: string): Record<string, Buffer> {
  return Object.fromEntries(readdirSync(outDir).map((name) => [name, readFileSync(join(outDir, name))]));
}

/**
 * Validates a file on one thread and split at `line`, with reports and without; expects the very
 * same reports, findings and result, and returns the split run's (with findings) for assertions.
 */
async function compare(content: string | Buffer, line: number, options: ValidateFileOptions = {}) {
  const path = writeFixture(dir, `${n++}.csv`, content);
  const parallel = { minBytes: 0, splitAt: lineStart(Buffer.from(content), line) };
  const one = await validateFile(path, { ...options, parallel: { minBytes: Number.POSITIVE_INFINITY } });
  const two = await validateFile(path, { ...options, parallel });
  expect({ ...two, threads: 1 }).toEqual(one);
  const oneDir = join(dir, `${n}-one`);
  const twoDir = join(dir, `${n}-two`);
  const oneReported = await validateFile(path, { ...options, outDir: oneDir, parallel: { minBytes: Infinity } });
  const twoReported = await validateFile(path, { ...options, outDir: twoDir, parallel });
  expect(twoReported.threads).toBe(two.threads);
  expect({ ...twoReported, threads: 1, reports: undefined }).toEqual({ ...oneReported, reports: undefined });
  const written = reports(twoDir);
  expect(Object.keys(written).sort()).toEqual(Object.keys(reports(oneDir)).sort());
  for (const [name, bytes] of Object.entries(reports(oneDir))) expect(written[name]?.equals(bytes), name).toBe(true);
  return two;
}

const times = (count: number, make: (i: number) => string) => Array.from({ length: count }, (_, i) => make(i));
const year = (i: number) => String(1960 + (i % 60));
/** Row `i` of a file without duplicate keys or sums: a source of its own. */
const unique = (i: number, spec: Parameters<typeof row>[0] = {}) => row({ source: `FX:${i}`, ...spec });

describe('two threads', () => {
  it('gives the same findings, reports and annotated copy, with errors on both sides of the seam', async () => {
    const rows = times(400, (i) => unique(i, { value: String(i) }));
    rows[197] = unique(197, { value: '"1,5"' });
    rows[198] = unique(198, { value: '1.234.567' });
    rows[199] = unique(199, { status: 'ZZ' });
    rows[200] = unique(200, { time: '20x4' });
    const two = await compare(csv(rows), 201);
    expect(two.threads).toBe(2);
    expect(found(two)).toEqual([
      'DECIMAL_COMMA@199',
      'THOUSANDS_SEPARATOR@200',
      'UNKNOWN_OBS_STATUS@201',
      'INVALID_TIME@202',
    ]);
  });

  it('reads on itself when the seam falls inside a quoted cell with line breaks', async () => {
    const rows = times(100, (i) => row({ time: year(i), sex: i < 60 ? 'SEX_M' : 'SEX_F', value: String(i) }));
    rows[49] = row({ time: '2099', comment: '"one\ntwo\nthree"' });
    rows[51] = row({ time: '2098', value: '"1,5"' });
    const content = csv(rows);
    const inside = await compare(content, 52);
    expect(inside.threads).toBe(1);
    expect(found(inside)).toContain('DECIMAL_COMMA@55');
    // Split just after the quoted cell ends: line numbers in the second part count its line breaks.
    const after = await compare(content, 54);
    expect(after.threads).toBe(2);
    expect(found(after)).toContain('DECIMAL_COMMA@55');
  });

  it('checks a block that straddles the seam as one: sums and duplicate keys across it', async () => {
    const before = times(50, (i) => row({ time: year(i), value: '1' }));
    const block = [
      row({ time: '2024', value: '10' }),
      row({ time: '2024', sex: 'SEX_M', value: '6' }),
      row({ time: '2024', sex: 'SEX_F', value: '3' }),
      row({ time: '2024', value: '11' }),
    ];
    const two = await compare(csv([...before, ...block]), 54);
    expect(two.threads).toBe(2);
    expect(found(two)).toEqual(['DUPLICATE_KEY@55', 'SUM_MISMATCH@52']);
    expect(two.findings?.[0]?.expected).toBe('52');
  });

  it('gives the same findings for an unsorted file whose window drops blocks', async () => {
    const rows = times(120, (i) =>
      row({ time: year(i % 7), sex: ['SEX_T', 'SEX_M', 'SEX_F'][i % 3], value: i % 3 === 0 ? '5' : '2' }),
    );
    rows[60] = rows[59] as string;
    const tiny = await compare(csv(rows), 62, { maxTrackedKeys: 4 });
    expect(tiny.threads).toBe(2);
    expect(found(tiny)).toEqual(['DUPLICATE_CHECK_LIMIT@9', 'SUM_MISMATCH@8']);
    // With the default window every block stays held: duplicates across the seam are found.
    const wide = await compare(csv(rows), 62);
    expect(wide.threads).toBe(2);
    expect(found(wide)).toContain('DUPLICATE_KEY@62');
    expect(wide.findings?.find((f) => f.line === 62)?.expected).toBe('19');
  });

  it('stores and groups 10,000 identical errors from both threads', async () => {
    const rows = times(10_000, (i) => unique(i, { value: '"1,5"' }));
    const two = await compare(csv(rows), 3_001);
    expect(two.threads).toBe(2);
    expect(two.stored).toBe(10_000);
    expect(two.summary.map((s) => [s.code, s.count, s.firstLines.length])).toEqual([['DECIMAL_COMMA', 10_000, 10]]);
    expect(found(two).at(-1)).toBe('DECIMAL_COMMA@10001');
  });

  it('leaves the second part to the first thread when the findings limit falls in it', async () => {
    const rows = times(300, (i) => unique(i, { value: i % 2 === 0 ? '"1,5"' : '1' }));
    const two = await compare(csv(rows), 101, { findingLimit: 120 });
    expect(two.threads).toBe(1);
    expect(two.stored).toBe(120);
    expect(two.total).toBe(150);
  });

  it('repeats the run on one thread when the limit falls among duplicates found past the seam', async () => {
    // The part's own findings fit under the limit, but the duplicates the window finds between
    // them (only known when this thread replays them) fill it first.
    const rows = times(100, (i) => unique(i));
    for (let i = 0; i < 20; i++) rows.push(i % 2 === 0 ? unique(i) : unique(1000 + i, { value: '"1,5"' }));
    const two = await compare(csv(rows), 60, { findingLimit: 12 });
    expect(two.threads).toBe(1);
    expect(two.total).toBe(20);
    expect(two.stored).toBe(12);
  });

  it('keeps CRLF, semicolons and a byte-order mark', async () => {
    const rows = times(200, (i) => unique(i, { value: i === 120 ? 'x' : '1', comment: 'ແຮງງານ' }));
    const content = `\uFEFF${csv(rows, '\r\n').replaceAll(',', ';')}`;
    const two = await compare(Buffer.from(content), 100);
    expect(two.threads).toBe(2);
    expect(found(two)).toContain('NOT_A_NUMBER@122');
  });

  it('reads UTF-16 on one thread (its line feeds are two bytes)', async () => {
    const rows = times(200, (i) => unique(i, { value: i === 150 ? 'x' : '1' }));
    const text = csv(rows).replaceAll(',', '\t');
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const path = writeFixture(dir, `${n++}.txt`, bytes);
    const split = await validateFile(path, { parallel: { minBytes: 0, splitAt: bytes.length / 2 } });
    expect(split.threads).toBe(1);
    expect(split.encoding).toBe('utf-16le');
    expect(found(split)).toEqual(['NOT_A_NUMBER@152']);
  });

  it('numbers sources across the seam as one thread does', async () => {
    const rows = times(200, (i) => row({ source: `FX:${(i * 7) % 5}`, time: year(i % 20) }));
    const two = await compare(csv(rows), 97);
    expect(two.threads).toBe(2);
    // Keys repeat every 20 rows: every row from line 22 on repeats the first 20 (lines 2–21).
    expect(found(two)).toEqual(times(180, (i) => `DUPLICATE_KEY@${i + 22}`));
    expect(two.findings?.find((f) => f.line === 97)?.expected).toBe('17');
  });

  it('leaves a part with codes outside the catalogue (national or unknown) to the first thread', async () => {
    const schemes = new Map([['CDS_PHL-NAT', new Set(['CDS_PHL-NAT_A', 'CDS_PHL-NAT_B'])]]);
    const rows = times(200, (i) =>
      unique(i % 50, { classif1: i % 4 === 0 ? `CDS_PHL-NAT_${i % 8 === 0 ? 'A' : 'B'}` : 'CDS_DES_TOTAL' }),
    );
    rows[150] = unique(150, { classif1: 'CDS_DES_NOPE' });
    const two = await compare(csv(rows), 97, { nationalSchemes: schemes });
    expect(two.threads).toBe(1);
    expect(found(two)).toContain('UNKNOWN_CODE@152');
  });

  it('reads the file again on one thread when the worker gives up after part of its log was taken in', async () => {
    // The first part ends after line 11, so this thread replays the log as the worker writes it,
    // 8,192 rows at a time; the worker gives up only at the last row (a national code, which this
    // indicator does not take).
    const schemes = new Map([['CDS_PHL-NAT', new Set(['CDS_PHL-NAT_A'])]]);
    const rows = times(30_000, (i) => unique(i, { value: String(i % 997) }));
    rows[20_000] = unique(20_000, { value: '"1,5"' });
    rows[29_999] = unique(29_999, { classif1: 'CDS_PHL-NAT_A' });
    const again = await compare(csv(rows), 12, { nationalSchemes: schemes });
    expect(again.threads).toBe(1);
    expect(found(again)).toEqual(['DECIMAL_COMMA@20002', 'SCHEME_NOT_ALLOWED@30001']);
  });

  it('leaves a refusal in the second part to the first thread, which reports it where it is', async () => {
    const text = csv(times(200, (i) => unique(i)));
    const bad = Buffer.concat([Buffer.from(text), Buffer.from([0xe9, 0x0a])]);
    const refused = await compare(bad, 100);
    expect(refused.threads).toBe(1);
    expect(found(refused)).toEqual(['ENCODING_NOT_UTF8@202']);
    const unclosed = await compare(`${text}PHL,"FX:1\n`, 100);
    expect(unclosed.threads).toBe(1);
    expect(found(unclosed)).toEqual(['UNCLOSED_QUOTE@202']);
  });
});
