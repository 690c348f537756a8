import { z } from 'zod';
import { type Identity, identitySchema } from './indicator.schema.js';
import { criteria, stockCode } from './stocks.js';

const details = ['AGE', 'EDU'] as const;

/*
 * Labour force accounting for each breakdown (age, education) and criterion: the working-age
 * population splits into the labour force and those outside it, the labour force into employed
 * and unemployed. And one population broken down in different ways has one total.
 */
export const identities: Identity[] = z.array(identitySchema).parse(
  criteria.flatMap(({ token }) => {
    const code = (measure: string, detail: string) => stockCode(measure, [detail, token], 'NB');
    const sum = (total: string, components: string[]): Identity => ({
      id: `sum:${total}`,
      kind: 'sum',
      total,
      components,
    });
    const sameTotal = (measure: string, over: readonly string[]): Identity => ({
      id: `same_total:MST_${measure}_${token}`,
      kind: 'same_total',
      indicators: over.map((d) => code(measure, d)),
    });
    return [
      ...details.flatMap((d) => [
        sum(code('XWAP', d), [code('TEAP', d), code('TEIP', d)]),
        sum(code('TEAP', d), [code('TEMP', d), code('TUNE', d)]),
      ]),
      ...['XWAP', 'TEAP', 'TUNE', 'TEIP'].map((m) => sameTotal(m, details)),
      sameTotal('TEMP', ['AGE', 'EDU', 'ECO', 'OCU', 'STE']),
    ];
  }),
);
