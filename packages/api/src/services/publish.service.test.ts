import { createTestDatabase } from '@ilms/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createImportCallers,
  ensureSource,
  type FixtureRow,
  fixtureRow,
  publishRows,
  writeImportFile,
} from '../testing/import-fixture.js';

const { db } = await createTestDatabase();
let clock = new Date('2026-03-02T09:00:00Z');
const callers = await createImportCallers(db, 'PHL', () => clock);
const { focal, coordinator } = callers;

const LFS = 'BA:HUB-1';
const ADMIN = 'FX:HUB-2';
const SUMS = 'BA:HUB-3';
const OEMP = 'MNA_OEMP_SEX_CDS_NB';
const row = (source: string, sex: string, time: string, value: string, extra: Partial<FixtureRow> = {}) =>
  fixtureRow(source, time, value, { sex, ...extra });
const read = (source: string, asOf?: { vintage: number } | { at: string }) =>
  coordinator.observations.list({ refArea: 'PHL', indicator: OEMP, source, asOf });
const cells = (rows: Awaited<ReturnType<typeof read>>) => rows.map((r) => `${r.sex} ${r.time} ${r.value}`);
/** Publishes at a later instant each time, so "as of" times tell vintages apart. */
const publishAt = (rows: FixtureRow[], mode?: 'merge' | 'replace' | 'delete') => {
  clock = new Date(clock.getTime() + 3_600_000);
  return publishRows(callers, 'PHL', rows, mode);
};

beforeAll(async () => {
  await ensureSource(db, LFS, 'PHL', 'Labour force survey');
  await ensureSource(db, ADMIN, 'PHL', 'Deployment records');
  await ensureSource(db, SUMS, 'PHL', 'Survey for sums');
});

describe('publishing', () => {
  it('keys series by source: an LFS replace leaves the admin-records series of the same year untouched', async () => {
    await publishAt([
      row(LFS, 'SEX_T', '2020', '10.000'),
      row(LFS, 'SEX_F', '2020', '6.000'),
      row(ADMIN, 'SEX_F', '2020', '7.500'),
    ]);
    await publishAt([row(LFS, 'SEX_T', '2020', '11.000')], 'replace');
    expect(cells(await read(LFS))).toEqual(['SEX_T 2020 11.000']);
    expect(cells(await read(ADMIN))).toEqual(['SEX_F 2020 7.500']);
  });

  it('merges: upserts the listed cells and keeps the others', async () => {
    await publishAt([row(LFS, 'SEX_M', '2020', '5.000'), row(LFS, 'SEX_T', '2021', '12.000')]);
    expect(cells(await read(LFS))).toEqual(['SEX_M 2020 5.000', 'SEX_T 2020 11.000', 'SEX_T 2021 12.000']);
  });

  it('deletes the listed cells as tombstones, counting the ones that were not there', async () => {
    const published = await publishAt(
      [row(LFS, 'SEX_M', '2020', '5.000'), row(LFS, 'SEX_M', '1999', '1.000')],
      'delete',
    );
    expect(published.counts).toEqual({ [OEMP]: { removed: 1, absent: 1 } });
    expect(cells(await read(LFS))).toEqual(['SEX_T 2020 11.000', 'SEX_T 2021 12.000']);
    const rows = await db
      .selectFrom('observation as o')
      .innerJoin('series as s', 's.id', 'o.series_id')
      .select(['o.value', 'o.is_tombstone', 'o.file_line'])
      .where('s.source', '=', LFS)
      .where('s.sex', '=', 'SEX_M')
      .where('o.valid_to_seq', 'is', null)
      .execute();
    expect(rows).toEqual([{ value: null, is_tombstone: true, file_line: 2 }]);
  });

  it('brings a removed cell back as new', async () => {
    const published = await publishAt([row(LFS, 'SEX_M', '2020', '5.500')]);
    expect(published.counts).toEqual({ [OEMP]: { new: 1 } });
    expect(cells(await read(LFS))).toContain('SEX_M 2020 5.500');
  });

  it('previews the diff of a worked example: counts per indicator and the changed cells, largest first', async () => {
    const file = await writeImportFile('PHL', [
      row(LFS, 'SEX_T', '2020', '11.000'),
      row(LFS, 'SEX_M', '2020', '5.250', { comment: 'revised weights' }),
      row(LFS, 'SEX_T', '2021', '15.000'),
      row(LFS, 'SEX_T', '2022', '13.000'),
    ]);
    const { id } = await focal.submissions.create({ country: 'PHL', mode: 'replace', filePath: file });
    const diff = await focal.submissions.diff({ country: 'PHL', id, sampleSize: 5 });
    // 2020: T unchanged, M changed, F was tombstoned earlier so nothing to remove; 2021 T changed; 2022 new.
    expect(diff.counts).toEqual([{ indicator: OEMP, new: 1, changed: 2, unchanged: 1, removed: 0, absent: 0 }]);
    expect(
      diff.changedSample.map((c) => [c.line, c.time, c.sex, c.oldValue, c.newValue, c.change, c.changePercent]),
    ).toEqual([
      [4, '2021', 'SEX_T', '12.000', '15.000', '3.000', '25.0'],
      [3, '2020', 'SEX_M', '5.500', '5.250', '-0.250', '-4.5'],
    ]);
    await focal.submissions.delete({ country: 'PHL', id });
  });

  it('counts what replace removes in the preview and then removes exactly that', async () => {
    const file = await writeImportFile('PHL', [
      row(LFS, 'SEX_T', '2020', '11.000'),
      row(LFS, 'SEX_T', '2021', '12.000'),
    ]);
    const { id } = await focal.submissions.create({ country: 'PHL', mode: 'replace', filePath: file });
    const diff = await focal.submissions.diff({ country: 'PHL', id });
    expect(diff.counts).toEqual([{ indicator: OEMP, new: 0, changed: 0, unchanged: 2, removed: 1, absent: 0 }]);
    await focal.submissions.submit({ country: 'PHL', id });
    clock = new Date(clock.getTime() + 3_600_000);
    const published = await coordinator.submissions.publish({ country: 'PHL', id, revisionReason: 'correction' });
    expect(published.counts).toEqual({ [OEMP]: { unchanged: 2, removed: 1 } });
    expect(cells(await read(LFS))).toEqual(['SEX_T 2020 11.000', 'SEX_T 2021 12.000']);
  });

  it('reads every past vintage back exactly, by vintage and by time', async () => {
    const vintages = await db.selectFrom('vintage').select(['id', 'published_at']).orderBy('seq').execute();
    const expected = [
      ['SEX_F 2020 6.000', 'SEX_T 2020 10.000'],
      ['SEX_T 2020 11.000'],
      ['SEX_M 2020 5.000', 'SEX_T 2020 11.000', 'SEX_T 2021 12.000'],
      ['SEX_T 2020 11.000', 'SEX_T 2021 12.000'],
      ['SEX_M 2020 5.500', 'SEX_T 2020 11.000', 'SEX_T 2021 12.000'],
      ['SEX_T 2020 11.000', 'SEX_T 2021 12.000'],
    ];
    expect(vintages).toHaveLength(expected.length);
    for (const [i, vintage] of vintages.entries()) {
      expect(cells(await read(LFS, { vintage: vintage.id })), `vintage ${i + 1}`).toEqual(expected[i]);
      const justAfter = new Date(vintage.published_at.getTime() + 1000).toISOString();
      expect(cells(await read(LFS, { at: justAfter })), `at ${justAfter}`).toEqual(expected[i]);
    }
    expect(await read(LFS, { at: '2026-03-02T09:00:00Z' })).toEqual([]);
  });

  it('traces every published value to its submission and file line', async () => {
    const file = await writeImportFile('PHL', [
      row(ADMIN, 'SEX_M', '2023', '3.100'),
      row(ADMIN, 'SEX_F', '2023', '4.200'),
    ]);
    const { id } = await focal.submissions.create({ country: 'PHL', filePath: file });
    await focal.submissions.submit({ country: 'PHL', id });
    await coordinator.submissions.publish({ country: 'PHL', id });
    const rows = await coordinator.observations.list({ refArea: 'PHL', indicator: OEMP, source: ADMIN, sex: 'SEX_M' });
    expect(rows.map((r) => [r.time, r.submissionId, r.fileLine])).toEqual([['2023', id, 2]]);
    const female = await coordinator.observations.list({
      refArea: 'PHL',
      indicator: OEMP,
      source: ADMIN,
      sex: 'SEX_F',
    });
    expect(female.map((r) => [r.time, r.submissionId, r.fileLine])).toEqual([
      ['2020', expect.any(Number), 4],
      ['2023', id, 3],
    ]);
  });

  it('publishes a submission once, however often it is asked', async () => {
    const file = await writeImportFile('PHL', [row(ADMIN, 'SEX_T', '2023', '7.300')]);
    const { id } = await focal.submissions.create({ country: 'PHL', filePath: file });
    await focal.submissions.submit({ country: 'PHL', id });
    const first = await coordinator.submissions.publish({ country: 'PHL', id });
    const again = await coordinator.submissions.publish({ country: 'PHL', id });
    expect(again).toMatchObject({ vintageId: first.vintageId, seq: first.seq, isRepeat: true });
    const vintages = await db.selectFrom('vintage').select('id').where('submission_id', '=', id).execute();
    expect(vintages).toHaveLength(1);
  });

  it('keeps values exact: the sum of 2,000 three-decimal values', async () => {
    // 2,000 distinct periods the validator accepts: every month from 1950, then quarters.
    const period = (i: number) =>
      i < 1812
        ? `${1950 + Math.floor(i / 12)}M${String((i % 12) + 1).padStart(2, '0')}`
        : `${1950 + Math.floor((i - 1812) / 4)}Q${((i - 1812) % 4) + 1}`;
    const rows = Array.from({ length: 2000 }, (_, i) =>
      row(SUMS, 'SEX_T', period(i), `${(i % 97) + 1}.${String((i * 37) % 1000).padStart(3, '0')}`),
    );
    await publishAt(rows);
    const expectedMillis = rows.reduce((sum, r) => sum + BigInt(r.value.replace('.', '')), 0n);
    const total = await db
      .selectFrom('observation as o')
      .innerJoin('series as s', 's.id', 'o.series_id')
      .select((eb) => eb.fn.sum<string>('o.value').as('total'))
      .where('s.source', '=', SUMS)
      .where('o.valid_to_seq', 'is', null)
      .executeTakeFirst();
    expect(total?.total).toBe(`${expectedMillis / 1000n}.${String(expectedMillis % 1000n).padStart(3, '0')}`);
    const back = await coordinator.observations.list({ refArea: 'PHL', indicator: OEMP, source: SUMS, limit: 10_000 });
    const byTime = new Map(back.map((r) => [r.time, r.value]));
    expect(rows.every((r) => byTime.get(r.time) === r.value)).toBe(true);
  });
});
