import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingCatalogue } from './findings/catalogue.js';
import { csv, HEADER, row, tempDir, writeFixture } from './testing/fixtures.js';
import { type ValidationResult, validateFile } from './validate-file.js';

const dir = tempDir();
let n = 0;

async function check(content: string | Buffer, options: Parameters<typeof validateFile>[1] = {}) {
  return validateFile(writeFixture(dir, `${n++}.csv`, content), options);
}

function found(result: ValidationResult): string[] {
  return (result.findings ?? []).map((f) => `${f.code}@${f.line}`);
}

const eco = (code: string, value: string) =>
  row({ indicator: 'MNA_OEMP_SEX_ECO_NB', classif1: `ECO_SECTOR_${code}`, value });

const stock = (indicator: string, classif1: string, value: string) =>
  row({ area: 'THA', source: 'BA:1', indicator, classif1, classif2: 'CCT_CIT_NONCIT', value });

describe('subtotals and same totals', () => {
  it('checks the subtotal ECO_SECTOR_NAG = IND + SER', async () => {
    const rows = [
      eco('TOTAL', '10'),
      eco('AGR', '2'),
      eco('NAG', '8'),
      eco('IND', '3'),
      eco('SER', '4'),
      eco('X', '1'),
    ];
    const r = await check(csv(rows));
    expect(found(r)).toEqual(['SUM_MISMATCH@4']);
    expect(r.findings?.[0]).toMatchObject({ value: '8.000', expected: '7.000' });
    expect(r.findings?.[0]?.message).toContain('ECO_SECTOR_NAG');
  });

  it('compares the totals of one population broken down by age and by education', async () => {
    const r = await check(
      csv([
        stock('MST_XWAP_SEX_AGE_CCT_NB', 'AGE_YTHADULT_YGE15', '100'),
        stock('MST_XWAP_SEX_EDU_CCT_NB', 'EDU_AGGREGATE_TOTAL', '101'),
        stock('MST_TEAP_SEX_AGE_CCT_NB', 'AGE_YTHADULT_YGE15', '70'),
        stock('MST_TEAP_SEX_EDU_CCT_NB', 'EDU_AGGREGATE_TOTAL', '70'),
      ]),
    );
    expect(found(r).filter((f) => f.startsWith('SAME_TOTAL'))).toEqual(['SAME_TOTAL_MISMATCH@3']);
    expect(r.findings?.find((f) => f.code === 'SAME_TOTAL_MISMATCH')?.expected).toBe('100.000 (line 2)');
  });
});

describe('dataset warnings in the annotated copy', () => {
  it('merges them into the rows they name, after the row findings', async () => {
    const out = join(dir, 'late-out');
    const rows = [
      eco('TOTAL', '10'),
      eco('AGR', 'x'),
      eco('IND', '3'),
      eco('SER', '4'),
      eco('X', '2'),
      eco('AGR', '2'),
    ];
    const path = writeFixture(dir, 'late.csv', csv(rows));
    const r = await validateFile(path, { outDir: out });
    expect(r.summary.map((s) => s.code)).toEqual(['NOT_A_NUMBER', 'SUM_MISMATCH']);
    const lines = readFileSync(join(out, 'late.annotated.csv'), 'utf8').split('\n');
    expect(lines[0]).toBe(`${HEADER},_finding_code,_finding_message`);
    expect(lines[1]?.startsWith(`${rows[0]},SUM_MISMATCH,"Line 2: the total ECO_SECTOR_TOTAL is 10.000`)).toBe(true);
    expect(lines[2]?.startsWith(`${rows[1]},NOT_A_NUMBER,`)).toBe(true);
    expect(lines[3]).toBe(`${rows[2]},,`);
    expect(lines).toHaveLength(rows.length + 2);
  });

  it('merges them on the right rows when blank lines come before the header', async () => {
    const out = join(dir, 'blank-out');
    const rows = [eco('TOTAL', '10'), eco('AGR', '3'), eco('IND', '3'), eco('SER', '4'), eco('X', '2')];
    const path = writeFixture(dir, 'blank.csv', `\n\n${csv(rows)}`);
    const r = await validateFile(path, { outDir: out });
    expect(r.summary.map((s) => [s.code, s.firstLines])).toEqual([['SUM_MISMATCH', [4]]]);
    const lines = readFileSync(join(out, 'blank.annotated.csv'), 'utf8').split('\n');
    expect(lines.slice(0, 3)).toEqual([',,', ',,', `${HEADER},_finding_code,_finding_message`]);
    expect(lines[3]?.startsWith(`${rows[0]},SUM_MISMATCH,"Line 4: the total ECO_SECTOR_TOTAL is 10.000`)).toBe(true);
    expect(lines[4]).toBe(`${rows[1]},,`);
    expect(lines).toHaveLength(rows.length + 4);
  });
});

describe('quotes and encodings', () => {
  it('reports text after a closing quote as INVALID_QUOTES with a fix', async () => {
    const r = await check(csv([row(), row({ time: '2023', comment: '"say "hi" now"' })]));
    expect(found(r)).toEqual(['INVALID_QUOTES@3']);
    expect(r.findings?.[0]?.message).toContain('double every quote');
  });

  it('reads UTF-16 LE and BE without a byte-order mark', async () => {
    const text = csv([row(), row({ time: '2024Q7', comment: 'ແຮງງານ' })]).replaceAll(',', '\t');
    const le = await check(Buffer.from(text, 'utf16le'));
    expect(le.encoding).toBe('utf-16le');
    expect(found(le)).toEqual(['INVALID_TIME@3']);
    const be = await check(Buffer.from(text, 'utf16le').swap16());
    expect(be.encoding).toBe('utf-16be');
    expect(found(be)).toEqual(['INVALID_TIME@3']);
  });
});

describe('memory window', () => {
  it('checks files grouped by area, source and time completely with a tiny window', async () => {
    const rows = ['2021', '2022', '2023'].flatMap((time) => [
      row({ time }),
      row({ time, sex: 'SEX_M', value: '669.963' }),
      row({ time, sex: 'SEX_F', value: time === '2022' ? '1' : '1157.836' }),
    ]);
    const r = await check(csv([...rows, row({ time: '2023', sex: 'SEX_F', value: '1' })]), { maxTrackedKeys: 8 });
    // The sum is reported before the later duplicate: block 2022 was checked and dropped mid-file.
    expect(found(r)).toEqual(['SUM_MISMATCH@5', 'DUPLICATE_KEY@11']);
  });

  it('says once when an ungrouped file returns to a block it had to drop', async () => {
    const rows = ['2021', '2022', '2023', '2021'].map((time, i) => row({ time, sex: i === 3 ? 'SEX_M' : 'SEX_T' }));
    const r = await check(csv(rows), { maxTrackedKeys: 2 });
    expect(found(r)).toEqual(['DUPLICATE_CHECK_LIMIT@5']);
  });
});

describe('docs/findings.md', () => {
  it('lists every code of the catalogue with its severity and message', () => {
    const doc = readFileSync(new URL('../../../docs/findings.md', import.meta.url), 'utf8');
    const codes = Object.keys(findingCatalogue);
    expect(doc).toContain(`Limits: ${codes.length} codes.`);
    for (const [code, entry] of Object.entries(findingCatalogue)) {
      const fatal = 'isFatal' in entry && entry.isFatal ? 'yes' : '';
      expect(doc).toContain(`| \`${code}\` | ${entry.severity} | ${fatal} | ${entry.message} |`);
    }
  });
});
