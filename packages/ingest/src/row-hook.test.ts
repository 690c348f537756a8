import { setTimeout as sleep } from 'node:timers/promises';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { csv, row, tempDir, writeFixture } from './testing/fixtures.js';
import { shiftDecimal, type ValidatedRow } from './validate/validated-row.js';
import { type ValidateFileOptions, validateFile } from './validate-file.js';

const dir = tempDir();
let n = 0;

/** Validates `content` and returns the rows the hook received. */
async function rowsOf(content: string | Buffer, options: ValidateFileOptions = {}): Promise<ValidatedRow[]> {
  const rows: ValidatedRow[] = [];
  await validateFile(writeFixture(dir, `${n++}.csv`, content), { ...options, onRow: (r) => void rows.push(r) });
  return rows;
}

describe('onRow', () => {
  it('hands on every field of a row exactly, with the file-level source when the cell is empty', async () => {
    const rows = await rowsOf(
      csv([
        row({ source: '', value: '1827.799', noteSource: 'COV:3_GEO:1', comment: 'ok' }),
        row({ sex: 'SEX_M', value: '', status: 'M' }),
      ]),
      { source: 'BA:448' },
    );
    expect(rows).toEqual([
      {
        line: 2,
        refArea: 'PHL',
        indicator: 'MNA_OEMP_SEX_CDS_NB',
        source: 'BA:448',
        sex: 'SEX_T',
        classif1: 'CDS_DES_TOTAL',
        classif2: null,
        time: '2024',
        value: '1827.799',
        obsStatus: null,
        noteClassif: [],
        noteIndicator: [],
        noteSource: ['COV:3', 'GEO:1'],
        comment: 'ok',
        hasError: false,
        hasUnreadableValue: false,
      },
      expect.objectContaining({ line: 3, source: 'FX:1234', sex: 'SEX_M', value: null, obsStatus: 'M', comment: null }),
    ]);
  });

  it('gives the physical line of each row after a quoted cell with embedded newlines', async () => {
    const rows = await rowsOf(
      csv([row({ comment: '"first\nsecond\r\nthird"' }), row({ sex: 'SEX_M' }), row({ sex: 'SEX_F' })]),
    );
    expect(rows.map((r) => [r.line, r.sex, r.comment])).toEqual([
      [2, 'SEX_T', 'first\nsecond\r\nthird'],
      [5, 'SEX_M', null],
      [6, 'SEX_F', null],
    ]);
  });

  it('applies the declared unit multiplier exactly, as text', async () => {
    const values = ['1827799', '5', '1234.5', '0'];
    const rows = await rowsOf(csv(values.map((value, i) => row({ time: String(2020 + i), value }))), {
      unitMultiplier: 0,
    });
    expect(rows.map((r) => r.value)).toEqual(['1827.799', '0.005', '1.2345', '0']);
  });

  it('flags rows with an error (a duplicate included), not rows with only warnings, and values it could not read', async () => {
    const rows = await rowsOf(
      csv([
        row({ value: '10' }),
        row({ sex: 'SEX_M', value: '1.2345' }),
        row({ sex: 'SEX_F', value: '"1,5"' }),
        row({ sex: 'SEX_X' }),
        row({ value: '10' }),
        row({ indicator: 'NOT_AN_INDICATOR' }),
        row({ time: '2023', value: '' }),
      ]),
    );
    expect(rows.map((r) => [r.line, r.hasError, r.value, r.hasUnreadableValue])).toEqual([
      [2, false, '10', false],
      [3, false, '1.2345', false],
      [4, true, null, true],
      [5, true, '1827.799', false],
      [6, true, '10', false],
      [7, true, null, true],
      [8, true, null, false],
    ]);
  });

  it('hands on no rows of a file refused at its start, and skips ragged and blank rows', async () => {
    expect(await rowsOf(Buffer.from('%PDF-1.7\n\u0000\u0001'))).toEqual([]);
    const thai = iconv.encode(csv([row({ comment: 'ข้อมูล' })]), 'windows-874');
    expect(await rowsOf(thai)).toEqual([]);
    const rows = await rowsOf(csv([row(), 'PHL,FX:1', '', row({ sex: 'SEX_M' })]));
    expect(rows.map((r) => r.line)).toEqual([2, 5]);
  });

  it('waits for a returned promise before reading on', async () => {
    let settled = 0;
    const path = writeFixture(dir, `${n++}.csv`, csv([row(), row({ sex: 'SEX_M' }), row({ sex: 'SEX_F' })]));
    await validateFile(path, {
      onRow: async () => {
        await sleep(5);
        settled++;
      },
    });
    expect(settled).toBe(3);
  });
});

describe('shiftDecimal', () => {
  it('moves the decimal point both ways without rounding', () => {
    expect(shiftDecimal('1.234', 0)).toBe('1.234');
    expect(shiftDecimal('-1234', -3)).toBe('-1.234');
    expect(shiftDecimal('0.5', -3)).toBe('0.0005');
    expect(shiftDecimal('1.5', 3)).toBe('1500');
    expect(shiftDecimal('12.30', 1)).toBe('123');
  });
});
