import type { StandardSchemeId } from '../codes.js';
import { countries } from '../countries.js';
import { defineScheme } from './define-scheme.js';

export const placeOfBirth = defineScheme({
  id: 'CBR_BIR',
  label: 'Place of birth',
  codes: [
    ['TOTAL', 'Total'],
    ['NATIVE', 'Native-born'],
    ['FOREIGN', 'Foreign-born'],
    ['X', 'Place of birth not stated'],
  ],
});

export const citizenship = defineScheme({
  id: 'CCT_CIT',
  label: 'Citizenship',
  codes: [
    ['TOTAL', 'Total'],
    ['CITIZEN', 'Citizens'],
    ['NONCIT', 'Non-citizens'],
    ['X', 'Citizenship not stated'],
  ],
});

/*
 * One code per area of the country list, a TOTAL, and X for every country not shown separately
 * (including "not stated"). A partner hidden in X cannot be paired in mirror checks. An area that
 * groups others (CHI = GGY + JEY) is a subtotal, so the partition counts each person once.
 */
function perCountryScheme(id: StandardSchemeId, label: string) {
  const grouped = new Set(countries.flatMap((c) => c.components));
  return defineScheme({
    id,
    label,
    kind: 'per_country',
    codes: [
      ['TOTAL', 'Total'],
      ...countries.map((c) => [c.code, c.label] as const),
      ['X', 'Other or not stated countries'],
    ],
    edges: [
      { parent: 'TOTAL', children: [...countries.filter((c) => !grouped.has(c.code)).map((c) => c.code), 'X'] },
      ...countries.filter((c) => c.components.length > 0).map((c) => ({ parent: c.code, children: c.components })),
    ],
  });
}

export const countryOfBirth = perCountryScheme('CBR_BRT', 'Country of birth');
export const countryOfCitizenship = perCountryScheme('CCT_CTZ', 'Country of citizenship');
export const countryOfDestination = perCountryScheme('CDS_DES', 'Country of destination');
export const countryOfResidence = perCountryScheme('CRS_RES', 'Country of residence');
export const countryOfPreviousResidence = perCountryScheme('CPR_PRV', 'Country of previous residence');
