import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { csv, HEADER, row, tempDir, writeFixture } from './testing/fixtures.js';
import type { ValidatedRow } from './validate/validated-row.js';
import { type ValidationResult, validateFile } from './validate-file.js';

const dir = tempDir();
let n = 0;

async function check(content: string | Buffer, options: Parameters<typeof validateFile>[1] = {}, name = 'file.csv') {
  const path = writeFixture(dir, `${n++}-${name}`, content);
  return validateFile(path, options);
}

/** The findings as "CODE@line", in the order found. */
function found(result: ValidationResult): string[] {
  return (result.findings ?? []).map((f) => `${f.code}@${f.line}`);
}

describe('structure and containers', () => {
  it('refuses an empty file', async () => {
    const r = await check('');
    expect(found(r)).toEqual(['EMPTY_FILE@1']);
    expect(r.isRefused).toBe(true);
  });

  it('reports a header with no rows', async () => {
    expect(found(await check(`${HEADER}\n`))).toEqual(['HEADER_ONLY@1']);
  });

  it('refuses a PDF renamed .csv, naming what it is', async () => {
    const r = await check(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0, 1, 2, 3, 0xff])]));
    expect(found(r)).toEqual(['BINARY_FILE@1']);
    expect(r.findings?.[0]?.message).toContain('a PDF document');
  });

  it('refuses a pipe-separated file, naming the separator', async () => {
    const r = await check(`${HEADER.replaceAll(',', '|')}\n${row().replaceAll(',', '|')}\n`);
    expect(found(r)).toEqual(['DELIMITER_UNSUPPORTED@1']);
    expect(r.findings?.[0]?.message).toContain('"|"');
  });

  it('detects semicolons and tabs, and reads CRLF', async () => {
    const semi = await check(csv([row(), row({ sex: 'SEX_X' })], '\r\n').replaceAll(',', ';'));
    expect(semi.delimiter).toBe(';');
    expect(found(semi)).toEqual(['UNKNOWN_CODE@3']);
    const tab = await check(csv([row({ time: '24' })]).replaceAll(',', '\t'));
    expect(tab.delimiter).toBe('\t');
    expect(found(tab)).toEqual(['INVALID_TIME@2']);
  });

  it('reads UTF-8 with a byte-order mark', async () => {
    const r = await check(`\uFEFF${csv([row(), row({ indicator: 'NOPE_NB' })])}`);
    expect(r.encoding).toBe('utf-8');
    expect(found(r)).toEqual(['UNKNOWN_INDICATOR@3']);
  });

  it("reads Excel's Unicode text (UTF-16 LE, tab-separated) .txt", async () => {
    const text = csv([row({ comment: 'ແຮງງານ' }), row({ area: 'XYZ' })], '\r\n').replaceAll(',', '\t');
    const r = await check(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), {}, 'unicode.txt');
    expect(r.encoding).toBe('utf-16le');
    expect(found(r)).toEqual(['UNKNOWN_REF_AREA@3']);
  });

  it('reads .csv.gz', async () => {
    const r = await check(gzipSync(csv([row(), row({ time: '2024Q5' })])), {}, 'bulk.csv.gz');
    expect(r.format).toBe('gzip');
    expect(found(r)).toEqual(['INVALID_TIME@3']);
  });

  it('reports missing, unknown and repeated columns together, ignoring *.label columns', async () => {
    const r = await check(
      'ref_area,indicator,sex,sex,time,extra,ref_area.label\nPHL,X,SEX_T,SEX_T,2024,1,Philippines\n',
    );
    expect(found(r)).toEqual(['DUPLICATE_COLUMN@1', 'UNKNOWN_COLUMN@1', 'MISSING_COLUMN@1']);
    expect(r.findings?.[2]?.expected).toBe('obs_value');
  });

  it('reports an unclosed quote at the line it opens', async () => {
    const r = await check(csv([row(), row({ comment: '"never closed' }), row(), row()]));
    expect(found(r)).toEqual(['UNCLOSED_QUOTE@3']);
  });

  it('reports ragged rows and checks the others', async () => {
    const r = await check(csv([row(), `${row()},extra`, 'PHL,FX:1', row({ time: 'x' })]));
    expect(found(r)).toEqual(['RAGGED_ROW@3', 'RAGGED_ROW@4', 'INVALID_TIME@5']);
  });

  it('keeps physical lines right after a quoted note with embedded newlines', async () => {
    const r = await check(
      csv([row({ comment: '"first\nsecond\r\nthird"' }), row({ time: '2023' }), row({ time: '2022', value: 'abc' })]),
    );
    expect(found(r)).toEqual(['NOT_A_NUMBER@6']);
  });
});

describe('encodings', () => {
  const thai = 'ข้อมูลแรงงานข้ามชาติ';
  // Written the way Windows-1258 stores it: base letters with combining tone marks.
  const vietnamese = 'Vi\u00ea\u0323t Nam lao \u0111\u00f4\u0323ng';
  const thaiFile = () =>
    Buffer.concat([
      Buffer.from(`${csv([row()])}`),
      iconv.encode(`${row({ sex: 'SEX_M', value: '1', comment: thai })}\n`, 'windows-874'),
    ]);
  const vietFile = () =>
    Buffer.concat([
      Buffer.from(`${csv([row(), row({ sex: 'SEX_M', value: '2' })])}`),
      iconv.encode(`${row({ sex: 'SEX_F', value: '3', comment: vietnamese })}\n`, 'windows-1258'),
    ]);

  it('refuses undeclared Windows-874 Thai, naming the encoding and the line', async () => {
    const r = await check(thaiFile());
    expect(found(r)).toEqual(['ENCODING_NOT_UTF8@3']);
    expect(r.findings?.[0]?.expected).toBe('windows-874');
    expect(r.findings?.[0]?.message).toContain('CSV UTF-8');
  });

  it('decodes declared Windows-874 Thai into the annotated copy as UTF-8', async () => {
    const out = join(dir, 'thai-out');
    const r = await validateFile(writeFixture(dir, 'thai.csv', thaiFile()), { encoding: 'windows-874', outDir: out });
    expect(r.errors).toBe(0);
    expect(readFileSync(join(out, 'thai.annotated.csv'), 'utf8')).toContain(thai);
  });

  it('refuses undeclared Windows-1258 Vietnamese and decodes it when declared', async () => {
    const refused = await check(vietFile());
    expect(found(refused)).toEqual(['ENCODING_NOT_UTF8@4']);
    expect(refused.findings?.[0]?.expected).toBe('windows-1258');
    const out = join(dir, 'viet-out');
    const r = await validateFile(writeFixture(dir, 'viet.csv', vietFile()), { encoding: 'windows-1258', outDir: out });
    expect(r.errors).toBe(0);
    expect(readFileSync(join(out, 'viet.annotated.csv'), 'utf8')).toContain(vietnamese);
  });

  it('warns about Burmese in Zawgyi but not Burmese in Unicode', async () => {
    const r = await check(csv([row({ comment: 'ျပည္ေထာင္စု' }), row({ time: '2023', comment: 'ပြည်ထောင်စု' })]));
    expect(found(r)).toEqual(['ZAWGYI_TEXT@2']);
  });

  it('passes Lao, Khmer, Burmese and Thai text byte-identical into the annotated copy', async () => {
    const texts = ['ສະຖິຕິແຮງງານ', 'ស្ថិតិការងារ', 'အလုပ်သမားစာရင်း', 'สถิติแรงงาน'];
    const content = csv(texts.map((t, i) => row({ time: String(2020 + i), comment: t, value: i === 3 ? 'x' : '1' })));
    const out = join(dir, 'unicode-out');
    await validateFile(writeFixture(dir, 'unicode.csv', content), { outDir: out });
    const annotated = readFileSync(join(out, 'unicode.annotated.csv'));
    for (const t of texts) expect(annotated.includes(Buffer.from(t, 'utf8'))).toBe(true);
    const lines = annotated.toString('utf8').split('\n');
    expect(lines[0]).toBe(`${HEADER},_finding_code,_finding_message`);
    expect(lines[1]).toBe(`${content.split('\n')[1]},,`);
    expect(lines[4]?.startsWith(`${content.split('\n')[4]},NOT_A_NUMBER,"Line 5:`)).toBe(true);
  });
});

describe('row findings', () => {
  it('reads 1.234 as a count, and refuses 1,5 and 1.234.567 with a hint', async () => {
    const r = await check(
      csv([row({ value: '1.234' }), row({ sex: 'SEX_M', value: '"1,5"' }), row({ sex: 'SEX_F', value: '1.234.567' })]),
    );
    expect(found(r)).toEqual(['DECIMAL_COMMA@3', 'THOUSANDS_SEPARATOR@4']);
    expect(r.findings?.[0]?.message).toContain('Write 1.5');
  });

  it('warns on more than 3 decimals and applies a declared unit multiplier', async () => {
    const r = await check(csv([row({ value: '1.2345' })]));
    expect(found(r)).toEqual(['TOO_MANY_DECIMALS@2']);
    const persons = await check(
      csv([row({ value: '1827799' }), row({ sex: 'SEX_M', value: '669963' }), row({ sex: 'SEX_F', value: '1157836' })]),
      {
        unitMultiplier: 0,
      },
    );
    expect(found(persons)).toEqual([]);
    expect(persons.unitMultiplier).toBe(0);
  });

  it('allows an empty value only with a missing-value status', async () => {
    const r = await check(
      csv([
        row({ value: '', status: 'Q' }),
        row({ sex: 'SEX_M', value: '' }),
        row({ sex: 'SEX_F', value: '', status: 'E' }),
      ]),
    );
    expect(found(r)).toEqual(['EMPTY_VALUE_WITHOUT_STATUS@3', 'EMPTY_VALUE_WITHOUT_STATUS@4']);
  });

  it('flags cells that a spreadsheet would run as formulas', async () => {
    const r = await check(
      csv(['=cmd', '+1', '-2', '@SUM(A1)'].map((c, i) => row({ time: String(2020 + i), comment: c }))),
    );
    expect(found(r)).toEqual([
      'FORMULA_LIKE_CELL@2',
      'FORMULA_LIKE_CELL@3',
      'FORMULA_LIKE_CELL@4',
      'FORMULA_LIKE_CELL@5',
    ]);
  });

  it('treats SQL-looking text as text', async () => {
    const sql = "'; DROP TABLE observations; --";
    const r = await check(csv([row({ comment: sql }), row({ time: '2023', noteSource: 'x"); DELETE FROM notes' })]));
    expect(found(r)).toEqual(['UNKNOWN_NOTE@3']);
  });

  it('refuses a 100 kB note, stating the limit', async () => {
    const r = await check(csv([row({ noteSource: 'a'.repeat(100_000) })]));
    expect(found(r)).toEqual(['CELL_TOO_LONG@2']);
    expect(r.findings?.[0]?.message).toContain('the limit is 32,767 characters');
    expect(r.findings?.[0]?.value.length).toBeLessThan(300);
  });

  it('reports a wrong country, an unknown indicator and a code from the wrong scheme', async () => {
    const r = await check(
      csv([
        row({ area: 'THA' }),
        row({ indicator: 'MNA_OEMP_SEX_XXX_NB' }),
        row({ classif1: 'CRS_RES_TOTAL' }),
        row({ classif1: 'OCU_PHL-PSOC_1' }),
      ]),
      { country: 'PHL' },
    );
    expect(found(r)).toEqual([
      'WRONG_COUNTRY@2',
      'UNKNOWN_INDICATOR@3',
      'SCHEME_NOT_ALLOWED@4',
      'SCHEME_NOT_ALLOWED@5',
    ]);
    expect(r.findings?.[2]?.message).toContain('CDS_DES_*');
  });

  it('checks status and note code lists, and the source', async () => {
    const r = await check(
      csv([
        row({ status: 'Z' }),
        row({ time: '2023', noteSource: 'COV:3_COV:99' }),
        row({ time: '2022', noteSource: 'DEF:1', source: 'survey' }),
      ]),
    );
    expect(found(r)).toEqual(['UNKNOWN_OBS_STATUS@2', 'UNKNOWN_NOTE@3', 'UNKNOWN_SOURCE@4', 'NOTE_WRONG_COLUMN@4']);
  });

  it('needs a source per row or for the whole file', async () => {
    const rows = [row({ source: '' }), row({ time: '2023', source: '' })];
    expect(found(await check(csv(rows)))).toEqual(['MISSING_SOURCE@2', 'MISSING_SOURCE@3']);
    expect(found(await check(csv(rows), { source: 'FX:1234' }))).toEqual([]);
  });

  it('reports duplicate keys with the earlier line', async () => {
    const r = await check(csv([row(), row({ time: '2023' }), row()]));
    expect(found(r)).toEqual(['DUPLICATE_KEY@4']);
    expect(r.findings?.[0]?.message).toContain('on line 2');
  });

  it('stores 10,000 identical errors and groups them in the summary', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => row({ time: String(1950 + (i % 100)), sex: `SEX_${i}` }));
    const r = await check(csv(rows));
    expect(r.findings).toHaveLength(10_000);
    expect(r.summary).toHaveLength(1);
    expect(r.summary[0]).toMatchObject({
      code: 'UNKNOWN_CODE',
      count: 10_000,
      firstLines: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
    });
  });

  it('stores findings up to the limit and counts the rest per code', async () => {
    const r = await check(csv(Array.from({ length: 10 }, (_, i) => row({ time: `x${i}` }))), { findingLimit: 4 });
    expect(r).toMatchObject({ total: 10, stored: 4 });
    expect(r.findings).toHaveLength(4);
    expect(r.summary[0]?.count).toBe(10);
  });
});

describe('dataset rules (warnings)', () => {
  it('checks SEX_T = M + F within tolerance, exactly in thousandths', async () => {
    const ok = await check(
      csv([row(), row({ sex: 'SEX_F', value: '1157.836' }), row({ sex: 'SEX_M', value: '669.963' })]),
    );
    expect(found(ok)).toEqual([]);
    const off = await check(
      csv([row(), row({ sex: 'SEX_F', value: '1157.836' }), row({ sex: 'SEX_M', value: '669.960' })]),
    );
    expect(found(off)).toEqual(['SUM_MISMATCH@2']);
    expect(off.findings?.[0]).toMatchObject({ value: '1827.799', expected: '1827.796' });
  });

  it('checks TOTAL = components including X within one scheme, and says when it cannot', async () => {
    const eco = (code: string, value: string, status = '') =>
      row({ indicator: 'MNA_OEMP_SEX_ECO_NB', classif1: `ECO_SECTOR_${code}`, value, status });
    const r = await check(
      csv([eco('TOTAL', '10'), eco('AGR', '2'), eco('IND', '3'), eco('SER', '4'), eco('X', '2'), eco('NAG', '7')]),
    );
    expect(found(r)).toEqual(['SUM_MISMATCH@2']);
    const suppressed = await check(
      csv([eco('TOTAL', '10'), eco('AGR', '2'), eco('IND', '', 'Q'), eco('SER', '4'), eco('X', '1')]),
    );
    expect(found(suppressed)).toEqual(['SUM_NOT_CHECKED@2']);
    const larger = await check(csv([eco('TOTAL', '10'), eco('AGR', '12')]));
    expect(found(larger)).toEqual(['COMPONENT_EXCEEDS_TOTAL@3', 'SUM_NOT_CHECKED@2']);
  });

  it('checks per-country totals when the X residual is there', async () => {
    const dest = (code: string, value: string) => row({ classif1: `CDS_DES_${code}`, value });
    expect(found(await check(csv([dest('TOTAL', '10'), dest('SAU', '6'), dest('X', '3')])))).toEqual([
      'SUM_MISMATCH@2',
    ]);
    expect(found(await check(csv([dest('TOTAL', '10'), dest('SAU', '6')])))).toEqual(['SUM_NOT_CHECKED@2']);
  });

  it('checks XWAP = TEAP + TEIP and TEAP = TEMP + TUNE for the same breakdown', async () => {
    const stock = (measure: string, value: string) =>
      row({
        area: 'THA',
        source: 'BA:1',
        indicator: `MST_${measure}_SEX_AGE_CCT_NB`,
        classif1: 'AGE_YTHADULT_YGE15',
        classif2: 'CCT_CIT_NONCIT',
        value,
      });
    const r = await check(
      csv([stock('XWAP', '100'), stock('TEAP', '70'), stock('TEIP', '31'), stock('TEMP', '65'), stock('TUNE', '5')]),
    );
    expect(found(r)).toEqual(['IDENTITY_MISMATCH@2']);
    expect(r.findings?.[0]?.message).toContain(
      'MST_XWAP_SEX_AGE_CCT_NB = MST_TEAP_SEX_AGE_CCT_NB + MST_TEIP_SEX_AGE_CCT_NB',
    );
  });

  it("warns about the reporting country's own code in a non-citizen table", async () => {
    const r = await check(
      csv([row({ area: 'THA', indicator: 'MST_NCTE_SEX_CCT_NB', classif1: 'CCT_CTZ_THA', value: '1' })]),
    );
    expect(found(r)).toEqual(['OWN_COUNTRY_IN_FOREIGN_TABLE@2']);
  });

  it('recomputes rates from numerator and denominator in the same file', async () => {
    const stock = (code: string, value: string) =>
      row({
        area: 'THA',
        source: 'BA:1',
        indicator: code,
        classif1: 'AGE_YTHADULT_YGE15',
        classif2: 'CCT_CIT_NONCIT',
        value,
      });
    const r = await check(
      csv([
        stock('MST_TUNE_SEX_AGE_CCT_RT', '7.2'),
        stock('MST_TUNE_SEX_AGE_CCT_NB', '5'),
        stock('MST_TEAP_SEX_AGE_CCT_NB', '70'),
        stock('MST_TEAP_SEX_AGE_CCT_RT', '70'),
      ]),
    );
    expect(found(r)).toEqual(['SUM_NOT_CHECKED@4', 'RATE_MISMATCH@2']);
    expect(r.findings?.[0]?.message).toContain('only 1 of the');
    expect(r.findings?.[1]?.expected).toBe('7.14');
  });
});

describe('xlsx', () => {
  it('gives the same findings and rows as the same data in CSV', async () => {
    const rows = [
      row(),
      row({ sex: 'SEX_M', value: '"1,5"' }),
      row({ area: 'XYZ', sex: 'SEX_F' }),
      row({ time: '2024Q9', comment: 'ສະຖິຕິ' }),
    ];
    const csvRows: ValidatedRow[] = [];
    const fromCsv = await check(csv(rows), { onRow: (r) => void csvRows.push(r) });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Data');
    for (const line of csv(rows).trimEnd().split('\n')) {
      sheet.addRow(
        line
          .match(/("[^"]*"|[^,]*)(,|$)/g)
          ?.slice(0, 13)
          .map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '')) ?? [],
      );
    }
    const path = join(dir, 'same.xlsx');
    await workbook.xlsx.writeFile(path);
    const xlsxRows: ValidatedRow[] = [];
    const fromXlsx = await validateFile(path, { onRow: (r) => void xlsxRows.push(r) });
    expect(fromXlsx.format).toBe('xlsx');
    expect(xlsxRows).toEqual(csvRows);
    expect(xlsxRows.map((r) => [r.line, r.hasError])).toEqual([
      [2, false],
      [3, true],
      [4, true],
      [5, true],
    ]);
    expect(found(fromXlsx)).toEqual(found(fromCsv));
    expect(found(fromXlsx)).toEqual(['DECIMAL_COMMA@3', 'UNKNOWN_REF_AREA@4', 'INVALID_TIME@5']);
  });
});
