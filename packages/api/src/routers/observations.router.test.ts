import { createTestDatabase } from '@ilms/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../context.js';
import { createCaller } from '../root.js';
import { createImportCallers, ensureSource, type FixtureRow, publishRows } from '../testing/import-fixture.js';
import { createTestAccount } from '../testing/index.js';

const { db } = await createTestDatabase();
let clock = new Date('2026-03-02T09:00:00Z');
const callers = await createImportCallers(db, 'PHL', () => clock);
const viewerAccount = await createTestAccount(db, { role: 'viewer', now: clock });
const viewer = createCaller(createContext({ db, now: () => clock }, 'viewer', { principal: viewerAccount.principal }));

/*
 * ILOSTAT's published series for the Philippines: outflow of nationals for employment, 2024, in
 * thousands (1,827.799 = 1,157.836 F + 669.963 M). The ILOSTAT source id is not reproduced here;
 * the series is registered under a hub source id.
 */
const SOURCE = 'FX:HUB-1';
const total: FixtureRow = {
  source: SOURCE,
  indicator: 'MNA_OEMP_SEX_CDS_NB',
  sex: 'SEX_T',
  classif1: 'CDS_DES_TOTAL',
  time: '2024',
  value: '1827.799',
};
const phl2024: FixtureRow[] = [
  total,
  {
    source: SOURCE,
    indicator: 'MNA_OEMP_SEX_CDS_NB',
    sex: 'SEX_F',
    classif1: 'CDS_DES_TOTAL',
    time: '2024',
    value: '1157.836',
  },
  {
    source: SOURCE,
    indicator: 'MNA_OEMP_SEX_CDS_NB',
    sex: 'SEX_M',
    classif1: 'CDS_DES_TOTAL',
    time: '2024',
    value: '669.963',
  },
];

beforeAll(() => ensureSource(db, SOURCE, 'PHL', 'Outflow of nationals for employment (ILOSTAT series)'));

describe('observations', () => {
  it('reads the published ILOSTAT series back unchanged, to any signed-in reader', async () => {
    const published = await publishRows(callers, 'PHL', phl2024);
    const rows = await viewer.observations.list({ refArea: 'PHL', indicator: 'MNA_OEMP_SEX_CDS_NB' });
    expect(
      rows.map((r) => ({
        source: r.source,
        indicator: r.indicator,
        sex: r.sex,
        classif1: r.classif1,
        time: r.time,
        value: r.value,
      })),
    ).toEqual([phl2024[1], phl2024[2], phl2024[0]].map((r) => ({ ...r, classif1: 'CDS_DES_TOTAL' })));
    expect(
      rows.every((r) => r.obsStatus === null && r.noteSource.length === 0 && r.vintageId === published.vintageId),
    ).toBe(true);
    await expect(viewer.submissions.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('reads a revision and, as of the first vintage, the data before it', async () => {
    const first = await viewer.observations.list({ refArea: 'PHL', indicator: 'MNA_OEMP_SEX_CDS_NB', sex: 'SEX_T' });
    clock = new Date('2026-04-01T09:00:00Z');
    await publishRows(callers, 'PHL', [{ ...total, value: '1828.000', obsStatus: 'P' }]);
    const now = await viewer.observations.list({ refArea: 'PHL', indicator: 'MNA_OEMP_SEX_CDS_NB', sex: 'SEX_T' });
    expect(now.map((r) => [r.value, r.obsStatus])).toEqual([['1828.000', 'P']]);
    const vintage = first[0]?.vintageId ?? 0;
    const asOfVintage = await viewer.observations.list({
      refArea: 'PHL',
      indicator: 'MNA_OEMP_SEX_CDS_NB',
      sex: 'SEX_T',
      asOf: { vintage },
    });
    expect(asOfVintage).toEqual(first);
    const asOfMarch = await viewer.observations.list({
      refArea: 'PHL',
      indicator: 'MNA_OEMP_SEX_CDS_NB',
      sex: 'SEX_T',
      asOf: { at: '2026-03-15T00:00:00+08:00' },
    });
    expect(asOfMarch).toEqual(first);
    await expect(
      viewer.observations.list({ refArea: 'PHL', indicator: 'MNA_OEMP_SEX_CDS_NB', asOf: { vintage: 999 } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('never places a publication before one it followed, so as-of a time stays exact', async () => {
    // A publish whose request started earlier than the last one (it waited for locks) is stamped
    // no earlier than that last one: as of a time between the two, it is not there yet.
    clock = new Date('2026-03-20T09:00:00Z');
    await publishRows(callers, 'PHL', [{ ...total, value: '1830.000' }]);
    const asOfLateMarch = await viewer.observations.list({
      refArea: 'PHL',
      indicator: 'MNA_OEMP_SEX_CDS_NB',
      sex: 'SEX_T',
      asOf: { at: '2026-03-25T00:00:00Z' },
    });
    expect(asOfLateMarch.map((r) => r.value)).toEqual(['1827.799']);
    const latest = await viewer.observations.list({ refArea: 'PHL', indicator: 'MNA_OEMP_SEX_CDS_NB', sex: 'SEX_T' });
    expect(latest.map((r) => r.value)).toEqual(['1830.000']);
  });
});
