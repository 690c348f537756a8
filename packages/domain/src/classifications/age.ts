import type { CodeInput } from './define-scheme.js';
import { defineScheme } from './define-scheme.js';

type BandRow = readonly [code: string, label: string, lower: number, upper: number | null];

const bands = (rows: BandRow[]): CodeInput[] =>
  rows.map(([code, label, lower, upper]) => ({ code, label, ageBand: { lower, upper } }));

/*
 * Bounds are written out rather than parsed from the codes, so the catalogue test can check the
 * two against each other. TOTAL of a scheme that has an under-15 band covers all ages (0+); in an
 * indicator whose regional standard scopes ages to 15+, the under-15 bands are out of scope and
 * that TOTAL therefore means 15+. AGE_YTHADULT is a working-age scheme: its total is YGE15 itself.
 */

export const ageYouthAdult = defineScheme({
  id: 'AGE_YTHADULT',
  label: 'Age (youth and adults)',
  totalCode: 'YGE15',
  codes: bands([
    ['YGE15', '15+', 15, null],
    ['Y15-24', '15-24', 15, 24],
    ['YGE25', '25+', 25, null],
    ['Y15-64', '15-64', 15, 64],
  ]),
  overlapping: ['Y15-64'],
});

export const ageAggregate = defineScheme({
  id: 'AGE_AGGREGATE',
  label: 'Age (aggregate bands)',
  codes: bands([
    ['TOTAL', 'Total', 0, null],
    ['YLT15', 'Under 15', 0, 14],
    ['Y15-24', '15-24', 15, 24],
    ['Y25-54', '25-54', 25, 54],
    ['Y55-64', '55-64', 55, 64],
    ['YGE65', '65+', 65, null],
  ]),
});

export const ageTenYearBands = defineScheme({
  id: 'AGE_10YRBANDS',
  label: 'Age (10-year bands)',
  codes: bands([
    ['TOTAL', 'Total', 0, null],
    ['YLT15', 'Under 15', 0, 14],
    ['Y15-24', '15-24', 15, 24],
    ['Y25-34', '25-34', 25, 34],
    ['Y35-44', '35-44', 35, 44],
    ['Y45-54', '45-54', 45, 54],
    ['Y55-64', '55-64', 55, 64],
    ['YGE65', '65+', 65, null],
  ]),
});

const pad = (n: number) => String(n).padStart(2, '0');
const fiveYearRows: BandRow[] = Array.from({ length: 13 }, (_, i): BandRow => {
  const lower = i * 5;
  const upper = lower + 4;
  return [`Y${pad(lower)}-${pad(upper)}`, `${lower}-${upper}`, lower, upper];
});

export const ageFiveYearBands = defineScheme({
  id: 'AGE_5YRBANDS',
  label: 'Age (5-year bands)',
  codes: bands([['TOTAL', 'Total', 0, null], ...fiveYearRows, ['YGE65', '65+', 65, null]]),
});
