import { describe, expect, it } from 'vitest';
import { findIndicator, isSchemeAllowed } from './catalogue.js';
import { parseClassificationCode, parseSchemeId } from './codes.js';

describe('parseClassificationCode', () => {
  it('splits standard, sex and national codes', () => {
    expect(parseClassificationCode('AGE_YTHADULT_Y15-24')).toEqual({
      dimension: 'AGE',
      scheme: 'AGE_YTHADULT',
      code: 'Y15-24',
      country: null,
    });
    expect(parseClassificationCode('SEX_F')).toEqual({ dimension: 'SEX', scheme: 'SEX', code: 'F', country: null });
    expect(parseClassificationCode('OCU_PHL-PSOC2012_1111')).toEqual({
      dimension: 'OCU',
      scheme: 'OCU_PHL-PSOC2012',
      code: '1111',
      country: 'PHL',
    });
  });

  it('rejects what the grammar does not allow', () => {
    for (const bad of ['AGE_TOTAL', 'XYZ_ISIC4_A', 'ECO_ISIC4_', 'ECO_ISIC4_a', 'SEX_AGG_T', 'OCU_EQ_11_11-121', '']) {
      expect(parseClassificationCode(bad), bad).toBeNull();
    }
  });

  it('tells national scheme ids from standard ones', () => {
    expect(parseSchemeId('ECO_ISIC4')?.country).toBeNull();
    expect(parseSchemeId('AGE_THA-LFS')?.country).toBe('THA');
    expect(parseSchemeId('AGE_TH-LFS')).toBeNull();
  });
});

describe('isSchemeAllowed', () => {
  const stock = findIndicator('MST_TEMP_SEX_ECO_CBR_NB');
  if (!stock) throw new Error('MST_TEMP_SEX_ECO_CBR_NB missing');

  it('takes the standard schemes of a slot and national schemes of its dimension', () => {
    expect(isSchemeAllowed(stock, 'classif1', 'ECO_SECTOR')).toBe(true);
    expect(isSchemeAllowed(stock, 'classif1', 'ECO_MYS-MSIC2008')).toBe(true);
    expect(isSchemeAllowed(stock, 'classif1', 'OCU_ISCO08')).toBe(false);
    expect(isSchemeAllowed(stock, 'classif1', 'OCU_MYS-MASCO2013')).toBe(false);
  });

  it('keeps migrant-status slots to the common standard schemes', () => {
    expect(isSchemeAllowed(stock, 'classif2', 'CBR_BIR')).toBe(true);
    expect(isSchemeAllowed(stock, 'classif2', 'CCT_CIT')).toBe(false);
    expect(isSchemeAllowed(stock, 'classif2', 'CBR_MYS-BIRTH')).toBe(false);
  });
});
