import { describe, expect, it } from 'vitest';
import { catalogue, findCountry, findMapping, findObsStatus, mapCode } from './catalogue.js';
import { noteListSchema } from './notes.js';
import { sourceCategoryOf, sourceRegistryEntrySchema } from './sources.js';

describe('countries', () => {
  it('show ILO labels and keep ISO names in the region languages', () => {
    expect(findCountry('TWN')?.label).toBe('Taiwan, China');
    expect(findCountry('HKG')?.label).toBe('Hong Kong, China');
    expect(findCountry('THA')?.names).toMatchObject({ en: 'Thailand', th: 'ไทย' });
    expect(Object.keys(findCountry('LAO')?.names ?? {})).not.toContain('lo');
  });

  it('use ILOSTAT codes outside ISO', () => {
    expect(findCountry('XKX')?.code).toBe('KOS');
    expect(catalogue.countries.some((c) => c.code === 'XKX')).toBe(false);
    expect(findCountry('CHI')?.components).toEqual(['GGY', 'JEY']);
  });
});

describe('obs_status', () => {
  it('lets only missing-type flags stand on an empty value', () => {
    const empty = catalogue.obsStatuses.filter((s) => s.allowsEmptyValue).map((s) => s.code);
    expect(empty).toEqual(['K', 'L', 'M', 'O', 'Q']);
    expect(findObsStatus('B')?.takesPrecedence).toBe(true);
  });
});

describe('notes', () => {
  it('parse a cell of codes joined by underscores, ILOSTAT ones included', () => {
    expect(noteListSchema.parse('COV:3_DEF:1_T2:84')).toEqual(['COV:3', 'DEF:1', 'T2:84']);
    expect(noteListSchema.parse('')).toEqual([]);
    expect(noteListSchema.safeParse('COV:3_free text').success).toBe(false);
  });
});

describe('sources', () => {
  it('read the type from the prefix of the source id', () => {
    expect(sourceCategoryOf('BA:448')).toBe('household_survey');
    expect(sourceCategoryOf('FD:12')).toBe('administrative_records');
    expect(sourceCategoryOf('ZZ:1')).toBeUndefined();
  });

  it('validate registry entries', () => {
    const entry = { id: 'FX:HUB-3', country: 'PHL', type: 'FX', name: 'Deployment records', agency: 'DMW' };
    expect(sourceRegistryEntrySchema.safeParse(entry).success).toBe(true);
    expect(sourceRegistryEntrySchema.safeParse({ ...entry, type: 'BA' }).success).toBe(false);
    expect(sourceRegistryEntrySchema.safeParse({ ...entry, startYear: 2020, endYear: 2019 }).success).toBe(false);
  });
});

describe('mapCode', () => {
  it('regroups codes and maps totals to totals', () => {
    const mapping = findMapping('ECO_ISIC4', 'ECO_AGGREGATE');
    if (!mapping) throw new Error('mapping missing');
    expect(mapCode(mapping, 'R')).toBe('PUB');
    expect(mapCode(mapping, 'TOTAL')).toBe('TOTAL');
  });
});
