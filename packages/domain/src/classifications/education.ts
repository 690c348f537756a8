import { defineScheme } from './define-scheme.js';

/** Levels of ISCED 2011, plus X for persons who never attended school and 9 for unknown level. */
export const educationIsced11 = defineScheme({
  id: 'EDU_ISCED11',
  label: 'Education (ISCED 2011)',
  codes: [
    ['TOTAL', 'Total'],
    ['X', 'No schooling'],
    ['0', 'Early childhood education'],
    ['1', 'Primary education'],
    ['2', 'Lower secondary education'],
    ['3', 'Upper secondary education'],
    ['4', 'Post-secondary non-tertiary education'],
    ['5', 'Short-cycle tertiary education'],
    ['6', "Bachelor's or equivalent level"],
    ['7', "Master's or equivalent level"],
    ['8', 'Doctoral or equivalent level'],
    ['9', 'Level not stated'],
  ],
});

export const educationAggregate = defineScheme({
  id: 'EDU_AGGREGATE',
  label: 'Education (aggregate levels)',
  codes: [
    ['TOTAL', 'Total'],
    ['LTB', 'Less than basic'],
    ['BAS', 'Basic'],
    ['INT', 'Intermediate'],
    ['ADV', 'Advanced'],
    ['X', 'Level not stated'],
  ],
});
