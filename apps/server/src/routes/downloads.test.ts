import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createCaller, createContext } from '@ilms/api';
import { createTestAccount, type TestAccount } from '@ilms/api/testing';
import { FILE_CHUNK_BYTES, insertSource } from '@ilms/db';
import { createTestDatabase } from '@ilms/db/testing';
import ExcelJS from 'exceljs';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';

const { db } = await createTestDatabase();
const app = await buildApp({ deps: { db, now: () => new Date() }, logger: pino({ level: 'silent' }), adminDist: null });
afterAll(() => app.close());

const HEADER =
  'ref_area,source,indicator,sex,classif1,classif2,time,obs_value,obs_status,note_classif,note_indicator,note_source,comment';
const LAO = 'ຂໍ້ມູນຈາກກົມແຮງງານ';
const KHMER = 'ស្ថិតិការងារ';
const THAI = 'สถิติแรงงาน';
const folder = await mkdtemp(path.join(os.tmpdir(), 'ilms-downloads-'));

/** One data line of MNA_OEMP_SEX_CDS_NB for Laos; `comment` is written as given (quote it yourself). */
const line = (classif1: string, time: string, value: string, comment = '', sex = 'SEX_T') =>
  `LAO,BA:HUB-7,MNA_OEMP_SEX_CDS_NB,${sex},${classif1},,${time},${value},,,,,${comment}`;

/** Header on line 1; a quoted line break puts the first row on lines 2-3, so the errors are on 4 to 7. */
const rows = [
  line('CDS_DES_THA', '2021', '1.000', '"first line\nsecond line"'),
  line('CDS_DES_THA', '2022', '"1,5"'),
  line('CDS_DES_ZZZ', '2022', '2.000', LAO),
  line('CDS_DES_THA', '2021', '1.100'),
  line('CDS_DES_THA', '2023', '=1+2', 'ສະບາຍດີ'),
];
const csvText = `${[HEADER, ...rows].join('\n')}\n`;

const message = {
  decimalComma:
    'Line 4: obs_value ""1,5"" uses a comma; ""."" is the decimal point. Write 1.5 (1.5 thousand = 1,500 persons).',
  unknownCode:
    'Line 5: ""CDS_DES_ZZZ"" in classif1 is not a code of any classification. Use a code such as CDS_DES_*; national codes need their classification registered first.',
  duplicate:
    'Line 6 repeats the observation on line 2 (same ref_area, indicator, source, sex, classif1, classif2 and time). Keep one of the two.',
  notANumber:
    'Line 7: obs_value ""=1+2"" is not a number. Write digits with ""."" as the decimal point (1234.5), with no spaces, letters or currency signs.',
};

let focal: TestAccount;
let otherFocal: TestAccount;
let coordinator: TestAccount;
let viewer: TestAccount;
let csvId: number;
let thaId: number;

async function submit(account: TestAccount, country: string, name: string, content: string | Buffer) {
  const filePath = path.join(await mkdtemp(path.join(folder, 'f-')), name);
  await writeFile(filePath, content);
  const caller = createCaller(createContext({ db, now: () => new Date() }, 'test', { principal: account.principal }));
  return (await caller.submissions.create({ country, filePath })).id;
}

const session = (account: TestAccount) => ({ cookie: `ilms_session=${account.sessionToken}` });

function download(url: string, headers: Record<string, string> = session(focal)) {
  return app.inject({ method: 'GET', url, headers });
}

beforeAll(async () => {
  for (const country of ['LAO', 'THA']) {
    await insertSource(db, {
      id: 'BA:HUB-7',
      country,
      type_prefix: 'BA',
      name: 'Labour force survey',
      agency: 'Statistics office',
      first_year: null,
      last_year: null,
    });
  }
  focal = await createTestAccount(db, { role: 'focal_point', countries: ['LAO'] });
  otherFocal = await createTestAccount(db, { role: 'focal_point', countries: ['THA'] });
  coordinator = await createTestAccount(db, { role: 'coordinator' });
  viewer = await createTestAccount(db, { role: 'viewer' });
  csvId = await submit(focal, 'LAO', 'ລາວ 2024.csv', csvText);
  thaId = await submit(otherFocal, 'THA', 'tha.csv', `${HEADER}\n${line('CDS_DES_LAO', '2020', '1.000')}\n`);
});

describe('findings.csv', () => {
  it('lists every finding in file order with the columns and quoting of `ilms validate`', async () => {
    const response = await download(`/api/submissions/LAO/${csvId}/findings.csv`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="___ 2024.findings.csv"; filename*=UTF-8''%E0%BA%A5%E0%BA%B2%E0%BA%A7%202024.findings.csv`,
    );
    expect(response.headers['cache-control']).toBe('private, no-store');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(response.body).toBe(
      [
        '\uFEFFcode,severity,line,column,value,expected,message',
        `DECIMAL_COMMA,error,4,obs_value,"1,5",1.5,"${message.decimalComma}"`,
        `UNKNOWN_CODE,error,5,classif1,CDS_DES_ZZZ,CDS_DES_*,"${message.unknownCode}"`,
        `DUPLICATE_KEY,error,6,time,2021,2,"${message.duplicate}"`,
        // A value Excel would run as a formula is written as text.
        `NOT_A_NUMBER,error,7,obs_value,'=1+2,,"${message.notANumber}"`,
        '',
      ].join('\n'),
    );
  });
});

describe('findings.json', () => {
  it('is the submission, its findings by code and every finding in file order', async () => {
    const response = await download(`/api/submissions/LAO/${csvId}/findings.json`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="___ 2024.findings.json"; filename*=UTF-8''%E0%BA%A5%E0%BA%B2%E0%BA%A7%202024.findings.json`,
    );
    const report = response.json();
    expect(Object.keys(report)).toEqual(['submission', 'summary', 'findings']);
    expect(report.submission).toMatchObject({
      id: csvId,
      country: 'LAO',
      status: 'draft',
      file_name: 'ລາວ 2024.csv',
      file_size: Buffer.byteLength(csvText),
      row_count: 3,
      error_count: 4,
      warning_count: 0,
      created_by_email: focal.principal.email,
      file_purged_at: null,
    });
    expect(report.summary).toEqual([
      { code: 'DECIMAL_COMMA', severity: 'error', count: 1, first_line: 4 },
      { code: 'DUPLICATE_KEY', severity: 'error', count: 1, first_line: 6 },
      { code: 'NOT_A_NUMBER', severity: 'error', count: 1, first_line: 7 },
      { code: 'UNKNOWN_CODE', severity: 'error', count: 1, first_line: 5 },
    ]);
    expect(report.findings.map((f: { code: string; line: number }) => `${f.code}@${f.line}`)).toEqual([
      'DECIMAL_COMMA@4',
      'UNKNOWN_CODE@5',
      'DUPLICATE_KEY@6',
      'NOT_A_NUMBER@7',
    ]);
    expect(report.findings[3]).toEqual({
      code: 'NOT_A_NUMBER',
      severity: 'error',
      line: 7,
      column: 'obs_value',
      value: '=1+2',
      expected: '',
      message: message.notANumber.replaceAll('""', '"'),
    });
  });
});

describe('the annotated copy', () => {
  it('is the user’s CSV with the findings of each record, a quoted line break kept', async () => {
    const response = await download(`/api/submissions/LAO/${csvId}/annotated`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="___ 2024.annotated.csv"; filename*=UTF-8''%E0%BA%A5%E0%BA%B2%E0%BA%A7%202024.annotated.csv`,
    );
    expect(response.body).toBe(
      [
        `${HEADER},_finding_code,_finding_message`,
        `${rows[0]},,`,
        `${rows[1]},DECIMAL_COMMA,"${message.decimalComma}"`,
        `${rows[2]},UNKNOWN_CODE,"${message.unknownCode}"`,
        `${rows[3]},DUPLICATE_KEY,"${message.duplicate}"`,
        `${rows[4]},NOT_A_NUMBER,"${message.notANumber}"`,
        '',
      ].join('\n'),
    );
    expect(response.rawPayload.includes(Buffer.from(LAO, 'utf8'))).toBe(true);
  });

  it('joins several findings of one record, codes with "; " and messages with " | "', async () => {
    const text = `${HEADER}\n${line('CDS_DES_ZZZ', '2019', 'x', KHMER)}\n`;
    const id = await submit(focal, 'LAO', 'two.csv', text);
    const response = await download(`/api/submissions/LAO/${id}/annotated`);
    const [, annotated] = response.body.split('\n');
    expect(annotated).toBe(
      `${line('CDS_DES_ZZZ', '2019', 'x', KHMER)},UNKNOWN_CODE; NOT_A_NUMBER,"Line 2: ""CDS_DES_ZZZ"" in classif1 is not a code of any classification. Use a code such as CDS_DES_*; national codes need their classification registered first. | Line 2: obs_value ""x"" is not a number. Write digits with ""."" as the decimal point (1234.5), with no spaces, letters or currency signs."`,
    );
  });

  it('writes an .xlsx sheet as UTF-8 CSV, Lao, Khmer and Thai text byte-identical', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Data');
    sheet.addRow(HEADER.split(','));
    const cells = (classif1: string, time: string, value: string, comment: string) => [
      ...line(classif1, time, value).split(',').slice(0, -1),
      comment,
    ];
    sheet.addRow(cells('CDS_DES_THA', '2018', '1.250', LAO));
    sheet.addRow(cells('CDS_DES_THA', '2019', 'n/a', KHMER));
    sheet.addRow(cells('CDS_DES_THA', '2020', '3.000', `${THAI}, "2020"`));
    const id = await submit(focal, 'LAO', 'ແຮງງານ.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));

    const response = await download(`/api/submissions/LAO/${id}/annotated`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="______.annotated.csv"; filename*=UTF-8''${encodeURIComponent('ແຮງງານ')}.annotated.csv`,
    );
    expect(response.body).toBe(
      [
        `\uFEFF${HEADER},_finding_code,_finding_message`,
        `${line('CDS_DES_THA', '2018', '1.250', LAO)},,`,
        `${line('CDS_DES_THA', '2019', 'n/a', KHMER)},NOT_A_NUMBER,"Line 3: obs_value ""n/a"" is not a number. Write digits with ""."" as the decimal point (1234.5), with no spaces, letters or currency signs."`,
        `${line('CDS_DES_THA', '2020', '3.000', `"${THAI}, ""2020"""`)},,`,
        '',
      ].join('\n'),
    );
    for (const text of [LAO, KHMER, THAI]) expect(response.rawPayload.includes(Buffer.from(text, 'utf8'))).toBe(true);
  });

  it('writes UTF-16 tab-separated text as UTF-8, keeping its tabs', async () => {
    const rowsOfTabs = [line('CDS_DES_THA', '2017', '1.000', THAI), line('CDS_DES_THA', '2018', 'x', KHMER)].map((r) =>
      r.replaceAll(',', '\t'),
    );
    const text = `${[HEADER.replaceAll(',', '\t'), ...rowsOfTabs].join('\r\n')}\r\n`;
    const content = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const id = await submit(focal, 'LAO', 'unicode.txt', content);
    const response = await download(`/api/submissions/LAO/${id}/annotated`);
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="unicode.annotated.csv"; filename*=UTF-8''unicode.annotated.csv`,
    );
    const lines = response.body.split('\r\n');
    expect(lines[0]).toBe(`\uFEFF${HEADER.replaceAll(',', '\t')}\t_finding_code\t_finding_message`);
    expect(lines[1]).toBe(`${rowsOfTabs[0]}\t\t`);
    expect(lines[2]).toBe(
      `${rowsOfTabs[1]}\tNOT_A_NUMBER\t"Line 3: obs_value ""x"" is not a number. Write digits with ""."" as the decimal point (1234.5), with no spaces, letters or currency signs."`,
    );
    expect(lines).toHaveLength(4);
    for (const t of [THAI, KHMER]) expect(response.rawPayload.includes(Buffer.from(t, 'utf8'))).toBe(true);
  });

  it('unpacks a .csv.gz and names the copy without either extension', async () => {
    const text = `${HEADER}\n${line('CDS_DES_THA', '2016', 'x')}\n`;
    const id = await submit(focal, 'LAO', 'packed.csv.gz', gzipSync(text));
    const response = await download(`/api/submissions/LAO/${id}/annotated`);
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="packed.annotated.csv"; filename*=UTF-8''packed.annotated.csv`,
    );
    expect(response.body.split('\n')[1]).toMatch(/^LAO,.*,2016,x,,,,,,NOT_A_NUMBER,"Line 2: obs_value ""x"" is not/);
  });

  it('streams a file stored in several chunks, with thousands of findings, over a real connection', async () => {
    const destinations = ['CDS_DES_THA', 'CDS_DES_MYS', 'CDS_DES_SGP', 'CDS_DES_KOR'];
    const bigRows = Array.from({ length: 6000 }, (_, i) => {
      const month = Math.floor(i / 4);
      const time = `${1950 + Math.floor(month / 12)}M${String((month % 12) + 1).padStart(2, '0')}`;
      return line(destinations[i % 4] ?? '', time, i % 2 === 1 ? 'x' : '1.000', `${LAO} ${KHMER} ${THAI} ${i}`);
    });
    const text = `${[HEADER, ...bigRows].join('\n')}\n`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(FILE_CHUNK_BYTES);
    const id = await submit(focal, 'LAO', 'big.csv', text);
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const response = await fetch(`${address}/api/submissions/LAO/${id}/annotated`, { headers: session(focal) });
    expect(response.status).toBe(200);
    expect(response.headers.get('transfer-encoding')).toBe('chunked');
    const lines = (await response.text()).split('\n');
    expect(lines).toHaveLength(bigRows.length + 2);
    bigRows.forEach((row, i) => {
      const annotation =
        i % 2 === 1
          ? `,NOT_A_NUMBER,"Line ${i + 2}: obs_value ""x"" is not a number. Write digits with ""."" as the decimal point (1234.5), with no spaces, letters or currency signs."`
          : ',,';
      expect(lines[i + 1]).toBe(row + annotation);
    });
    const findings = await fetch(`${address}/api/submissions/LAO/${id}/findings.csv`, { headers: session(focal) });
    expect((await findings.text()).split('\n')).toHaveLength(3000 + 2);
  });

  it('answers 410 once retention has deleted the file, and the findings stay downloadable', async () => {
    const id = await submit(focal, 'LAO', 'old.csv', `${HEADER}\n${line('CDS_DES_THA', '2015', 'x')}\n`);
    await db
      .updateTable('submission')
      .set({ file_purged_at: new Date('2026-06-30T12:00:00Z') })
      .where('id', '=', id)
      .execute();
    await db.deleteFrom('submission_file_chunk').where('submission_id', '=', id).execute();
    const response = await download(`/api/submissions/LAO/${id}/annotated`);
    expect(response.statusCode).toBe(410);
    expect(response.json()).toEqual({
      error: {
        code: 'GONE',
        message: `The file of submission ${id} was deleted on 2026-06-30: it is past the retention period, so no annotated copy can be made. Download the findings report (findings.csv or findings.json) instead.`,
      },
    });
    expect((await download(`/api/submissions/LAO/${id}/findings.csv`)).statusCode).toBe(200);
  });

  it('answers 409 while the file is still being checked', async () => {
    const id = await submit(focal, 'LAO', 'busy.csv', `${HEADER}\n${line('CDS_DES_THA', '2014', '1.000')}\n`);
    await db.updateTable('submission').set({ status: 'processing' }).where('id', '=', id).execute();
    for (const report of ['findings.csv', 'findings.json', 'annotated']) {
      const response = await download(`/api/submissions/LAO/${id}/${report}`);
      expect(response.statusCode).toBe(409);
      expect(response.json()).toEqual({
        error: {
          code: 'CONFLICT',
          message: `Submission ${id} of LAO is still being checked, so its findings are not complete. Download the reports when processing has ended.`,
        },
      });
    }
  });
});

describe('who may download', () => {
  const reports = ['findings.csv', 'findings.json', 'annotated'];

  it.each(reports)('%s: anonymous callers are asked to sign in (401)', async (report) => {
    const response = await download(`/api/submissions/LAO/${csvId}/${report}`, {});
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Sign in to do this.' } });
  });

  it.each(reports)('%s: viewers are refused (403)', async (report) => {
    const response = await download(`/api/submissions/LAO/${csvId}/${report}`, session(viewer));
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({
      error: { code: 'FORBIDDEN', message: 'As a viewer you may not use submissions.findings.' },
    });
  });

  it.each(reports)('%s: a focal point of another country gets 403 for its country, 404 for the id', async (report) => {
    const asOther = await download(`/api/submissions/LAO/${csvId}/${report}`, session(otherFocal));
    expect(asOther.statusCode).toBe(403);
    expect(asOther.json()).toEqual({
      error: {
        code: 'FORBIDDEN',
        message: 'You are a focal point for THA; this request is for LAO, which you are not assigned to.',
      },
    });
    const underOwnCountry = await download(`/api/submissions/THA/${csvId}/${report}`, session(otherFocal));
    expect(underOwnCountry.statusCode).toBe(404);
    expect(underOwnCountry.json()).toEqual({
      error: {
        code: 'NOT_FOUND',
        message: `Submission ${csvId} of THA does not exist. Check the number and the country.`,
      },
    });
    expect((await download(`/api/submissions/THA/${thaId}/${report}`, session(otherFocal))).statusCode).toBe(200);
  });

  it.each(reports)('%s: coordinators download any country’s', async (report) => {
    expect((await download(`/api/submissions/LAO/${csvId}/${report}`, session(coordinator))).statusCode).toBe(200);
  });

  it('accepts an API token, and refuses one that is not valid', async () => {
    const caller = createCaller(createContext({ db, now: () => new Date() }, 'test', { principal: focal.principal }));
    const { token } = await caller.tokens.create({ name: 'reports script', expiresInDays: 1 });
    const withToken = await download(`/api/submissions/LAO/${csvId}/findings.csv`, {
      authorization: `Bearer ${token}`,
    });
    expect(withToken.statusCode).toBe(200);
    expect(withToken.body.split('\n')).toHaveLength(6);
    const forged = await download(`/api/submissions/LAO/${csvId}/findings.csv`, {
      authorization: `Bearer ${token.slice(0, -4)}AAAA`,
    });
    expect(forged.statusCode).toBe(401);
    expect(forged.json().error.code).toBe('UNAUTHENTICATED');
    expect(forged.json().error.message).toContain('This API token is not valid');
  });

  it('refuses an address that names no submission (400)', async () => {
    const response = await download('/api/submissions/LAO/twelve/findings.csv', session(coordinator));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: {
        code: 'INVALID_INPUT',
        message:
          '/api/submissions/LAO/twelve/… does not name a submission: write the country as its three-letter code in capitals and the submission by its number, e.g. /api/submissions/LAO/12/findings.csv.',
      },
    });
  });
});
