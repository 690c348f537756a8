import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { insertNationalScheme, readStagedRows } from '@ilms/db';
import { createTestDatabase } from '@ilms/db/testing';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createImportCallers,
  ensureSource,
  type FixtureRow,
  fixtureRow,
  formatFixtureRow,
  ILOSTAT_HEADER,
  publishRows,
  writeImportFile,
} from '../testing/import-fixture.js';

const { db } = await createTestDatabase();
const callers = await createImportCallers(db, 'LAO', () => new Date('2026-03-02T09:00:00Z'));
const { focal, coordinator } = callers;
const LFS = 'BA:HUB-7';
const OEMP = 'MNA_OEMP_SEX_CDS_NB';
const LAO_TEXT = 'ຂໍ້ມູນຈາກກົມແຮງງານ: ປີ 2024';
const row = (time: string, value: string, extra?: Partial<FixtureRow>) => fixtureRow(LFS, time, value, extra);
const stagedRows = (submissionId: number) => readStagedRows(db, submissionId);
/** Staging tables of every submission: one is created with the submission, in its transaction. */
const countStaged = async () =>
  (await sql<{ n: string }>`select count(*) as n from pg_tables where schemaname = 'staging'`.execute(db)).rows[0]?.n;

beforeAll(() => ensureSource(db, LFS, 'LAO', 'Labour force survey'));

describe('submissions through the validator', () => {
  it('stores every finding of a file once, on its physical line, and errors block submitting', async () => {
    const { id } = await focal.submissions.create({
      country: 'LAO',
      filePath: await writeImportFile('LAO', [
        row('2021', '1.000', { comment: 'first line\nsecond line' }),
        row('2022', '1,5'),
        row('2022', '2.000', { classif1: 'CDS_DES_ZZZ' }),
        row('2021', '1.100'),
        row('2023', '3.000', { comment: LAO_TEXT }),
      ]),
    });
    const { items } = await focal.submissions.findings({ country: 'LAO', id, offset: 0, limit: 50 });
    expect(items.map((f) => [f.code, f.severity, f.line, f.column])).toEqual([
      ['DECIMAL_COMMA', 'error', 4, 'obs_value'],
      ['UNKNOWN_CODE', 'error', 5, 'classif1'],
      ['DUPLICATE_KEY', 'error', 6, 'time'],
    ]);
    expect(items[2]?.expected).toBe('2');
    // The line with the unreadable value is not staged; the one with an unknown code is.
    expect((await stagedRows(id)).map((r) => r.line)).toEqual([2, 5, 6, 7]);
    await expect(focal.submissions.submit({ country: 'LAO', id })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
  });

  it('publishes a clean file with Lao text that reads back byte-identical', async () => {
    await publishRows(callers, 'LAO', [row('2019', '4.250', { comment: LAO_TEXT, noteSource: 'COV:3' })]);
    const published = await coordinator.observations.list({ refArea: 'LAO', indicator: OEMP, source: LFS });
    const cell = published.find((r) => r.time === '2019');
    expect(cell).toMatchObject({ value: '4.250' });
    expect(Buffer.from(cell?.comment ?? '')).toEqual(Buffer.from(LAO_TEXT));
  });

  it('stages the same rows from an .xlsx as from the CSV with the same cells', async () => {
    const rows = [row('2015', '1.500', { comment: LAO_TEXT }), row('2016', '', { obsStatus: 'M' })];
    const csvFile = await writeImportFile('LAO', rows);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Data');
    sheet.addRow(ILOSTAT_HEADER.split(','));
    for (const r of rows) sheet.addRow(formatFixtureRow(r, 'LAO').split(','));
    const xlsxFile = path.join(path.dirname(csvFile), 'same.xlsx');
    await workbook.xlsx.writeFile(xlsxFile);

    const fromCsv = await focal.submissions.create({ country: 'LAO', filePath: csvFile });
    const fromXlsx = await focal.submissions.create({ country: 'LAO', filePath: xlsxFile });
    const staged = await stagedRows(fromCsv.id);
    expect(staged).toHaveLength(2);
    expect(await stagedRows(fromXlsx.id)).toEqual(staged);
  });

  it('refuses a binary file and stores nothing of it', async () => {
    const file = path.join(path.dirname(await writeImportFile('LAO', [])), 'report.csv');
    await writeFile(file, Buffer.from('%PDF-1.7\n%\u00e2\u00e3\n\u0000\u0001\u0002 obj'));
    const before = await countStaged();
    await expect(focal.submissions.create({ country: 'LAO', filePath: file })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('This is not a text or Excel file'),
    });
    expect(await countStaged()).toEqual(before);
    const submissions = await db.selectFrom('submission').select('file_name').execute();
    expect(submissions.map((s) => s.file_name)).not.toContain('report.csv');
  });

  it('rolls back the rows staged before a refusal part-way through the file', async () => {
    const good = Array.from({ length: 2000 }, (_, i) =>
      formatFixtureRow(row(`${1950 + Math.floor(i / 12)}M${String((i % 12) + 1).padStart(2, '0')}`, '1.000'), 'LAO'),
    );
    const file = path.join(path.dirname(await writeImportFile('LAO', [])), 'late-latin1.csv');
    // Well past the first 64 kB, so rows were handed on before the byte that is not UTF-8.
    const text = `${[ILOSTAT_HEADER, ...good].join('\n')}\n`;
    await writeFile(
      file,
      Buffer.concat([
        Buffer.from(text),
        Buffer.from(formatFixtureRow(row('2020', '1.000'), 'LAO')),
        Buffer.from([0x2c, 0xe9, 0x0a]),
      ]),
    );
    const before = await countStaged();
    await expect(focal.submissions.create({ country: 'LAO', filePath: file })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining(`Line ${good.length + 2} is not valid UTF-8`),
    });
    expect(await countStaged()).toEqual(before);
  });

  it("accepts codes of the country's registered national classification, and only of its own", async () => {
    await insertNationalScheme(db, {
      scheme: {
        id: 'OCU_LAO-LSCO2019',
        dimension: 'OCU',
        label: 'Lao occupations 2019',
        country: 'LAO',
        version: '2019',
        valid_from: '2019-01-01',
        valid_to: null,
      },
      codes: ['TOTAL', '1', '2'].map((code, index) => ({
        code: `OCU_LAO-LSCO2019_${code}`,
        scheme_id: 'OCU_LAO-LSCO2019',
        local_code: code,
        sort_order: index,
        is_total: code === 'TOTAL',
        is_residual: false,
      })),
      labels: [],
      hierarchy: [],
    });
    const occupation = (classif1: string, time: string) =>
      row(time, '4.000', { indicator: 'MNA_OEMP_SEX_OCU_NB', classif1 });
    const { id } = await focal.submissions.create({
      country: 'LAO',
      filePath: await writeImportFile('LAO', [
        occupation('OCU_LAO-LSCO2019_1', '2024'),
        occupation('OCU_THA-TSCO2001_1', '2024'),
        occupation('OCU_LAO-LSCO2019_7', '2024'),
      ]),
    });
    const { items } = await focal.submissions.findings({ country: 'LAO', id, offset: 0, limit: 50 });
    expect(items.filter((f) => f.severity === 'error').map((f) => [f.code, f.line, f.value])).toEqual([
      ['UNKNOWN_CODE', 3, 'OCU_THA-TSCO2001_1'],
      ['UNKNOWN_CODE', 4, 'OCU_LAO-LSCO2019_7'],
    ]);
  });
});
