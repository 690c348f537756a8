import { defineScheme } from './define-scheme.js';

/** SEX_O appears only in newer data; where it is not reported, SEX_T = SEX_M + SEX_F. */
export const sex = defineScheme({
  id: 'SEX',
  label: 'Sex',
  totalCode: 'T',
  codes: [
    ['T', 'Total'],
    ['M', 'Male'],
    ['F', 'Female'],
    ['O', 'Other'],
  ],
});
