import { defineScheme } from './define-scheme.js';

/*
 * ILOSTAT publishes ICSE-93 without an X code: group 6 (not classifiable by status) is the
 * residual, so a file carrying STE_ICSE93_X is rejected as an unknown code.
 */
export const statusIcse93 = defineScheme({
  id: 'STE_ICSE93',
  label: 'Status in employment (ICSE-93)',
  codes: [
    ['TOTAL', 'Total'],
    ['1', 'Employees'],
    ['2', 'Employers'],
    ['3', 'Own-account workers'],
    ['4', "Members of producers' cooperatives"],
    ['5', 'Contributing family workers'],
    ['6', 'Workers not classifiable by status'],
  ],
});

export const statusAggregate = defineScheme({
  id: 'STE_AGGREGATE',
  label: 'Status in employment (aggregate)',
  codes: [
    ['TOTAL', 'Total'],
    ['EES', 'Employees'],
    ['SLF', 'Self-employed'],
    ['X', 'Not classifiable by status'],
  ],
});
