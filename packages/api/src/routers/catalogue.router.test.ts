import { createTestDatabase } from '@ilms/db/testing';
import type { NationalClassification } from '@ilms/domain';
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { createContext } from '../context.js';
import { createCaller } from '../root.js';
import { createTestAccount } from '../testing/index.js';

const { db } = await createTestDatabase();
const now = new Date('2026-02-01T09:00:00Z');
const callerFor = async (role: 'coordinator' | 'viewer' | 'focal_point') => {
  const { principal } = await createTestAccount(db, { role, now, countries: role === 'focal_point' ? ['LAO'] : [] });
  return createCaller(createContext({ db, now: () => now }, `test-${role}`, { principal }));
};
const coordinator = await callerFor('coordinator');
const viewer = await callerFor('viewer');
const laoFocalPoint = await callerFor('focal_point');

const laoOccupations: NationalClassification = {
  id: 'OCU_LAO-LSCO2019',
  country: 'LAO',
  dimension: 'OCU',
  version: '2019',
  labels: { en: 'Lao Standard Classification of Occupations 2019', lo: 'ການຈັດປະເພດອາຊີບມາດຕະຖານລາວ' },
  totalCode: 'TOTAL',
  codes: [
    { code: 'TOTAL', labels: { en: 'Total', lo: 'ລວມ' } },
    { code: '1', labels: { en: 'Managers', lo: 'ຜູ້ຈັດການ' } },
    { code: '2', labels: { en: 'Professionals', lo: 'ນັກວິຊາການ' } },
  ],
  edges: [{ parent: 'TOTAL', children: ['1', '2'] }],
  overlapping: [],
  validFrom: '2019-01-01',
  validTo: null,
};

async function failure(call: Promise<unknown>): Promise<TRPCError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

describe('catalogue', () => {
  it('filters indicators by measure type and criterion, and searches labels', async () => {
    const rates = await viewer.catalogue.listIndicators({ measureType: 'rate', criterion: 'citizenship' });
    expect(rates).toHaveLength(8);
    expect(rates.every((i) => i.code.endsWith('_CCT_RT'))).toBe(true);
    const found = await viewer.catalogue.listIndicators({ search: 'MNA_OEMP' });
    expect(found.map((i) => i.code)).toEqual([
      'MNA_OEMP_SEX_CDS_NB',
      'MNA_OEMP_SEX_ECO_NB',
      'MNA_OEMP_SEX_EDU_NB',
      'MNA_OEMP_SEX_OCU_NB',
    ]);
    expect(await viewer.catalogue.listIndicators({ search: '100%_' })).toEqual([]);
  });

  it('describes an indicator with its dimensions and the codes of each allowed scheme', async () => {
    const indicator = await viewer.catalogue.getIndicator({ code: 'MST_TEMP_SEX_ECO_CBR_NB', lang: 'en' });
    expect(indicator.measure_type).toBe('count');
    expect(indicator.slots.map((s) => [s.slot, s.dimension])).toEqual([
      ['sex', 'SEX'],
      ['classif1', 'ECO'],
      ['classif2', 'CBR'],
    ]);
    const eco = indicator.slots[1];
    expect(eco?.schemes.map((s) => s.id)).toEqual(['ECO_ISIC4', 'ECO_AGGREGATE', 'ECO_SECTOR']);
    expect(eco?.schemes[0]?.codes.map((c) => c.code)).toContain('ECO_ISIC4_A');
    expect(indicator.identities.length).toBeGreaterThan(0);
  });

  it('says what to do when an indicator is unknown', async () => {
    const error = await failure(viewer.catalogue.getIndicator({ code: 'MST_NOPE_SEX_NB', lang: 'en' }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe(
      'Indicator MST_NOPE_SEX_NB is not in the catalogue. Check the code, or search the catalogue.',
    );
  });

  it('lists ASEAN members on a date: ten before Timor-Leste joined, eleven from 26 October 2025', async () => {
    expect(await viewer.catalogue.listMemberStates({ on: '2025-10-25' })).toHaveLength(10);
    const after = await viewer.catalogue.listMemberStates({ on: '2025-10-26' });
    expect(after.map((m) => m.code)).toContain('TLS');
    expect(after).toHaveLength(11);
  });

  it('registers a national classification with labels in Lao kept intact', async () => {
    expect(await coordinator.catalogue.registerNationalClassification(laoOccupations)).toEqual({
      id: 'OCU_LAO-LSCO2019',
      codes: 3,
    });
    const scheme = await viewer.catalogue.getScheme({ id: 'OCU_LAO-LSCO2019' });
    expect(scheme).toMatchObject({ kind: 'national', country: 'LAO', total_code: 'OCU_LAO-LSCO2019_TOTAL' });
    expect(scheme.codes.find((c) => c.code === 'OCU_LAO-LSCO2019_2')?.labels).toEqual({
      en: 'Professionals',
      lo: 'ນັກວິຊາການ',
    });
    expect(scheme.hierarchy).toHaveLength(2);
    const national = await viewer.catalogue.listSchemes({ kind: 'national', country: 'LAO' });
    expect(national.map((s) => [s.id, s.code_count])).toEqual([['OCU_LAO-LSCO2019', 3]]);
  });

  it('refuses a second registration under the same id, and a viewer registering at all', async () => {
    const duplicate = await failure(coordinator.catalogue.registerNationalClassification(laoOccupations));
    expect(duplicate.code).toBe('CONFLICT');
    expect(duplicate.message).toContain('OCU_LAO-LSCO2019 is registered already');
    const denied = await failure(
      viewer.catalogue.registerNationalClassification({ ...laoOccupations, id: 'OCU_LAO-OTHER' }),
    );
    expect(denied.code).toBe('FORBIDDEN');
    expect(
      await db.selectFrom('classification_scheme').select('id').where('id', '=', 'OCU_LAO-OTHER').execute(),
    ).toEqual([]);
  });

  it('refuses a national classification whose hierarchy names an unknown code, writing nothing', async () => {
    const broken = { ...laoOccupations, id: 'OCU_LAO-BROKEN', edges: [{ parent: 'TOTAL', children: ['1', '9'] }] };
    const error = await failure(coordinator.catalogue.registerNationalClassification(broken));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/9/);
    expect(
      await db.selectFrom('classification_scheme').select('id').where('id', '=', 'OCU_LAO-BROKEN').execute(),
    ).toEqual([]);
  });

  it("lets a focal point add a source to their own country's registry, once", async () => {
    const survey = {
      id: 'BA:9001',
      country: 'LAO',
      type: 'BA',
      name: 'Labour Force Survey',
      agency: 'Lao Statistics Bureau',
      startYear: 2017,
    };
    expect(await laoFocalPoint.catalogue.registerSource(survey)).toEqual({ id: 'BA:9001' });
    expect(await viewer.catalogue.listSources({ country: 'LAO' })).toEqual([
      expect.objectContaining({ id: 'BA:9001', type_prefix: 'BA', agency: 'Lao Statistics Bureau', first_year: 2017 }),
    ]);
    const again = await failure(laoFocalPoint.catalogue.registerSource(survey));
    expect(again.code).toBe('CONFLICT');
    const elsewhere = await failure(
      laoFocalPoint.catalogue.registerSource({ ...survey, id: 'BA:9002', country: 'THA' }),
    );
    expect(elsewhere.code).toBe('FORBIDDEN');
    expect(await viewer.catalogue.listSources({ country: 'THA' })).toEqual([]);
  });

  it('refuses a source whose id does not match its type', async () => {
    const error = await failure(
      coordinator.catalogue.registerSource({ id: 'FX:HUB-1', country: 'PHL', type: 'BA', name: 'x', agency: 'y' }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('does not start with BA:');
  });
});
