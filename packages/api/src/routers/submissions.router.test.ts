import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { hasStagingTable, readStagedRows, readSubmissionFile } from '@ilms/db';
import { createTestDatabase } from '@ilms/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../context.js';
import { createCaller } from '../root.js';
import {
  createImportCallers,
  ensureSource,
  type FixtureRow,
  fixtureRow,
  publishRows,
  writeImportFile,
} from '../testing/import-fixture.js';
import { createTestAccount } from '../testing/index.js';

const { db } = await createTestDatabase();
const now = new Date('2026-03-02T09:00:00Z');
const callers = await createImportCallers(db, 'KHM', () => now);
const { focal, coordinator } = callers;
const LFS = 'BA:HUB-5';
const row = (time: string, value: string, extra?: Partial<FixtureRow>) => fixtureRow(LFS, time, value, extra);
const create = async (rows: FixtureRow[]) =>
  focal.submissions.create({ country: 'KHM', filePath: await writeImportFile('KHM', rows) });

beforeAll(() => ensureSource(db, LFS, 'KHM'));

describe('submissions', () => {
  it('returns one submission when the same file is sent twice at the same moment', async () => {
    const filePath = await writeImportFile('KHM', [row('2018', '2.000'), row('2017', '2.500')]);
    const both = await Promise.all([
      focal.submissions.create({ country: 'KHM', filePath }),
      focal.submissions.create({ country: 'KHM', filePath }),
    ]);
    expect(both[0].id).toBe(both[1].id);
    expect(both.map((r) => r.isExisting).sort()).toEqual([false, true]);
    expect(await readStagedRows(db, both[0].id)).toHaveLength(2);
  });

  it('stores the raw file and returns the existing submission for an identical file', async () => {
    const filePath = await writeImportFile('KHM', [row('2019', '1.000')]);
    const first = await focal.submissions.create({ country: 'KHM', filePath, fileName: 'khm-2019.csv' });
    const again = await focal.submissions.create({ country: 'KHM', filePath });
    expect(again).toEqual({ id: first.id, isExisting: true });
    // Not silently the merge submission when replace was asked for.
    await expect(focal.submissions.create({ country: 'KHM', filePath, mode: 'replace' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `This file was already uploaded as submission ${first.id} in merge mode. To use it in replace mode, delete submission ${first.id} first (or ask a coordinator to return it), then upload again.`,
    });
    const original = await readFile(filePath);
    const stored = [];
    for await (const chunk of readSubmissionFile(db, first.id)) stored.push(chunk);
    expect(Buffer.concat(stored)).toEqual(original);
    const submission = await focal.submissions.get({ country: 'KHM', id: first.id });
    expect(submission).toMatchObject({
      file_name: 'khm-2019.csv',
      sha256: createHash('sha256').update(original).digest('hex'),
      status: 'draft',
      mode: 'merge',
      row_count: 1,
      indicators: ['MNA_OEMP_SEX_CDS_NB'],
    });
  });

  it('finds duplicate keys, other countries and unregistered sources in SQL, and errors block submitting', async () => {
    const { id } = await create([
      row('2020', '1.000'),
      row('2021', '2.000'),
      row('2020', '1.500'),
      row('2020', '1.000', { refArea: 'LAO' }),
      row('2021', '2.000', { source: 'FX:HUB-404' }),
      row('2020', '3.000'),
    ]);
    const { groups, items } = await focal.submissions.findings({ country: 'KHM', id, limit: 2, offset: 0 });
    expect(groups).toEqual([
      { code: 'DUPLICATE_KEY', severity: 'error', count: 2, first_line: 4 },
      { code: 'UNKNOWN_SOURCE', severity: 'error', count: 1, first_line: 6 },
      { code: 'WRONG_COUNTRY', severity: 'error', count: 1, first_line: 5 },
    ]);
    expect(items.map((f) => [f.line, f.code, f.expected])).toEqual([
      [4, 'DUPLICATE_KEY', '2'],
      [5, 'WRONG_COUNTRY', 'KHM'],
    ]);
    const duplicates = await focal.submissions.findings({
      country: 'KHM',
      id,
      code: 'DUPLICATE_KEY',
      offset: 1,
      limit: 10,
    });
    expect(duplicates.items).toEqual([
      expect.objectContaining({
        line: 7,
        message:
          'Line 7 repeats the observation on line 2 (same ref_area, indicator, source, sex, classif1, classif2 and time). Keep one of the two.',
      }),
    ]);
    await expect(focal.submissions.submit({ country: 'KHM', id })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: `Submission ${id} has 4 error(s), so it cannot be submitted. Fix them in the file and upload it again.`,
    });
  });

  it('warns about year-on-year jumps against published data without blocking', async () => {
    await publishRows(callers, 'KHM', [row('2022', '10.000'), row('2022', '0.400', { sex: 'SEX_F' })]);
    const { id } = await create([
      row('2023', '16.000'),
      row('2023', '14.700', { sex: 'SEX_M' }),
      row('2023', '1.300', { sex: 'SEX_F' }),
    ]);
    const { items } = await focal.submissions.findings({ country: 'KHM', id, offset: 0, limit: 10 });
    // +6.000 is both > 50 % and > 1.0 thousand; F's +0.900 is > 50 % but under a thousand persons.
    expect(items).toEqual([
      {
        code: 'YEAR_ON_YEAR_JUMP',
        severity: 'warning',
        line: 2,
        column: 'obs_value',
        value: '16.000',
        expected: '10.000',
        message:
          'Line 2: 16.000 for 2023 is 60% above the 2022 value 10.000 of the same series (change +6.000). Check the value; if it is right, say why in the comment column.',
      },
    ]);
    await expect(focal.submissions.submit({ country: 'KHM', id })).resolves.toEqual({ id, status: 'submitted' });
  });

  it('compares with the last published period before, of the same frequency, across gaps and removals', async () => {
    const to = (code: string) => ({ classif1: `CDS_DES_${code}` });
    await publishRows(callers, 'KHM', [
      row('2015', '10.000', to('MYS')),
      row('2023M12', '10.000', to('SGP')),
      row('2023Q4', '10.000', to('BRN')),
      row('2016', '10.000', to('IDN')),
      row('2017', '10.000', to('IDN')),
      row('2023', '100.000', to('VNM')),
    ]);
    await publishRows(callers, 'KHM', [row('2017', '10.000', to('IDN'))], 'delete');
    const { id } = await create([
      row('2017', '16.000', to('MYS')), // 2016 never published: against 2015
      row('2024M01', '4.000', to('SGP')), // January: against December of the year before
      row('2024Q1', '10.500', to('BRN')), // +5 %: no warning
      row('2024Q2', '20.000', to('BRN')), // 2024Q1 is only staged: against 2023Q4
      row('2018', '16.000', to('IDN')), // 2017 was removed: against 2016
      row('2024M01', '10.000', to('VNM')), // no monthly value published: the annual one does not count
    ]);
    const { items } = await focal.submissions.findings({
      country: 'KHM',
      id,
      code: 'YEAR_ON_YEAR_JUMP',
      offset: 0,
      limit: 10,
    });
    expect(items.map((f) => [f.line, f.value, f.expected, f.message])).toEqual([
      [
        2,
        '16.000',
        '10.000',
        'Line 2: 16.000 for 2017 is 60% above the 2015 value 10.000 of the same series (change +6.000). Check the value; if it is right, say why in the comment column.',
      ],
      [
        3,
        '4.000',
        '10.000',
        'Line 3: 4.000 for 2024M01 is 60% below the 2023M12 value 10.000 of the same series (change -6.000). Check the value; if it is right, say why in the comment column.',
      ],
      [
        5,
        '20.000',
        '10.000',
        'Line 5: 20.000 for 2024Q2 is 100% above the 2023Q4 value 10.000 of the same series (change +10.000). Check the value; if it is right, say why in the comment column.',
      ],
      [
        6,
        '16.000',
        '10.000',
        'Line 6: 16.000 for 2018 is 60% above the 2016 value 10.000 of the same series (change +6.000). Check the value; if it is right, say why in the comment column.',
      ],
    ]);
  });

  it('checks jumps again at submit only when the country has published something since', async () => {
    const toThailand = { classif1: 'CDS_DES_THA' };
    const { id } = await create([row('2031', '20.000', toThailand)]);
    const jumpIds = () =>
      db
        .selectFrom('finding')
        .select('id')
        .where('submission_id', '=', id)
        .where('code', '=', 'YEAR_ON_YEAR_JUMP')
        .execute();
    expect(await jumpIds()).toEqual([]);

    await publishRows(callers, 'KHM', [row('2030', '5.000', toThailand)]);
    await focal.submissions.submit({ country: 'KHM', id });
    const { items } = await focal.submissions.findings({
      country: 'KHM',
      id,
      code: 'YEAR_ON_YEAR_JUMP',
      offset: 0,
      limit: 10,
    });
    expect(items.map((f) => [f.line, f.value, f.expected])).toEqual([[2, '20.000', '5.000']]);
    const found = await jumpIds();
    expect(found).toHaveLength(1);
    expect((await focal.submissions.get({ country: 'KHM', id })).warning_count).toBe(1);

    // Nothing published since: the second submit keeps the same finding rather than checking again.
    await coordinator.submissions.return({ country: 'KHM', id, comment: 'Explain the jump in the comment column.' });
    await focal.submissions.submit({ country: 'KHM', id });
    expect(await jumpIds()).toEqual(found);
  });

  it('goes draft → submitted → returned with a comment → submitted → published, each step recorded', async () => {
    const { id } = await create([row('2018', '4.000')]);
    await focal.submissions.submit({ country: 'KHM', id });
    await coordinator.submissions.return({ country: 'KHM', id, comment: 'Source should be the 2018 LFS round.' });
    await expect(coordinator.submissions.publish({ country: 'KHM', id })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    await focal.submissions.submit({ country: 'KHM', id });
    expect(await hasStagingTable(db, id)).toBe(true);
    await coordinator.submissions.publish({ country: 'KHM', id });
    // The staged copy goes with the publish: the values live in the store, with their file lines.
    expect(await hasStagingTable(db, id)).toBe(false);
    await expect(coordinator.submissions.diff({ country: 'KHM', id })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: `Submission ${id} is published, so there is nothing to preview: its values are in the published data now (read them with observations, by vintage).`,
    });
    const { events, status, vintage } = await coordinator.submissions.get({ country: 'KHM', id });
    expect(status).toBe('published');
    expect(vintage).not.toBeNull();
    expect(events.map((e) => [e.status, e.comment])).toEqual([
      ['draft', null],
      ['submitted', null],
      ['returned', 'Source should be the 2018 LFS round.'],
      ['submitted', null],
      ['published', null],
    ]);
    const audited = await db
      .selectFrom('audit_event')
      .select('action')
      .where('target', '=', `submission:${id}`)
      .execute();
    expect(audited.map((a) => a.action)).toEqual([
      'submissions.create',
      'submissions.submit',
      'submissions.return',
      'submissions.submit',
      'submissions.publish',
    ]);
    await expect(focal.submissions.delete({ country: 'KHM', id })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
  });

  it('lists by status and indicator, and deletes a draft with everything staged for it', async () => {
    const { id } = await create([row('2017', '5.000')]);
    const drafts = await coordinator.submissions.list({ status: 'draft', indicator: 'MNA_OEMP_SEX_CDS_NB' });
    expect(drafts.map((s) => s.id)).toContain(id);
    expect(await coordinator.submissions.list({ indicator: 'MST_TEMP_SEX_AGE_CBR_NB' })).toEqual([]);
    await focal.submissions.delete({ country: 'KHM', id });
    await expect(focal.submissions.get({ country: 'KHM', id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await hasStagingTable(db, id)).toBe(false);
  });

  it("hides another country's submission from a focal point naming their own country", async () => {
    const { id } = await create([row('2016', '6.000')]);
    const lao = await createTestAccount(db, { role: 'focal_point', countries: ['LAO'], now });
    const laoCaller = createCaller(createContext({ db, now: () => now }, 'lao', { principal: lao.principal }));
    await expect(laoCaller.submissions.get({ country: 'LAO', id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a server file path from a caller over HTTP, whatever address it claims', async () => {
    const account = await createTestAccount(db, { role: 'focal_point', countries: ['KHM'], now });
    const overHttp = createCaller(
      createContext({ db, now: () => now }, 'http', {
        principal: account.principal,
        clientAddress: 'in-process',
        isInProcess: false,
      }),
    );
    await expect(overHttp.submissions.create({ country: 'KHM', filePath: '/etc/passwd' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
