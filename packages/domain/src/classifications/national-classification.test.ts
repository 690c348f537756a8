import { describe, expect, it } from 'vitest';
import { additiveComponents } from '../hierarchy.js';
import { type NationalClassification, nationalClassificationSchema } from './national-classification.js';

const laoAgeBands = {
  id: 'AGE_LAO-LFS',
  country: 'LAO',
  dimension: 'AGE',
  version: '2022',
  labels: { en: 'LFS age groups', lo: 'ກຸ່ມອາຍຸ' },
  totalCode: 'TOTAL',
  codes: [
    { code: 'TOTAL', labels: { en: 'Total', lo: 'ລວມ' } },
    { code: 'Y15-29', labels: { en: '15-29' } },
    { code: 'Y30-59', labels: { en: '30-59' } },
    { code: 'OLD', labels: { en: '60 and over' }, ageBand: { lower: 60, upper: null } },
  ],
  edges: [{ parent: 'TOTAL', children: ['Y15-29', 'Y30-59', 'OLD'] }],
  validFrom: '2022-01-01',
  validTo: null,
};

const messages = (input: unknown) =>
  nationalClassificationSchema.safeParse(input).error?.issues.map((issue) => issue.message) ?? [];

describe('nationalClassificationSchema', () => {
  it('accepts a national scheme with labels in its own language', () => {
    const parsed: NationalClassification = nationalClassificationSchema.parse(laoAgeBands);
    expect(parsed.labels.lo).toBe('ກຸ່ມອາຍຸ');
    expect(additiveComponents(parsed)).toEqual(['Y15-29', 'Y30-59', 'OLD']);
  });

  it('refuses ids that could be taken for standard schemes or another country', () => {
    expect(messages({ ...laoAgeBands, id: 'AGE_AGGREGATE' })[0]).toMatch(/not a national scheme id/);
    expect(messages({ ...laoAgeBands, id: 'AGE_THA-LFS' })).toEqual(['id names THA but the country is LAO']);
    expect(messages({ ...laoAgeBands, id: 'EDU_LAO-LFS' })).toEqual(['id starts with EDU but the dimension is AGE']);
  });

  it('refuses broken hierarchies, unbounded age codes and inverted validity', () => {
    const orphan = { ...laoAgeBands, edges: [{ parent: 'TOTAL', children: ['Y15-29', 'Y30-59'] }] };
    expect(messages(orphan)).toEqual(['OLD is not reachable from the total TOTAL']);
    const unbounded = { ...laoAgeBands, codes: laoAgeBands.codes.map(({ ageBand: _, ...c }) => c) };
    expect(messages(unbounded)).toEqual(['age code OLD needs lower and upper bounds']);
    expect(messages({ ...laoAgeBands, validTo: '2021-12-31' })).toEqual([
      'validTo 2021-12-31 is before validFrom 2022-01-01',
    ]);
  });

  it('refuses labels without a valid language tag', () => {
    expect(nationalClassificationSchema.safeParse({ ...laoAgeBands, labels: { Lao: 'x' } }).success).toBe(false);
  });
});
