import { z } from 'zod';
import { dimensionIdSchema, standardSchemeIdSchema } from '../codes.js';

/**
 * Indicator codes follow ILOSTAT: `<TOPIC>_<MEASURE>_<SEX>_<classification tokens>_<NB|RT>`.
 * Codes the hub defines itself (series ILOSTAT does not publish) start with `HUB_` and then
 * follow the same grammar; ILOSTAT has no HUB topic, so the two namespaces cannot meet.
 */
export const HUB_CODE_PREFIX = 'HUB_';

export const indicatorCodeSchema = z
  .string()
  .regex(/^[A-Z0-9]+(?:_[A-Z0-9]+)+_(?:NB|RT)$/, 'use upper-case tokens joined by "_" and ending in _NB or _RT');

export const topicSchema = z.enum(['stock', 'inflow', 'nationals_abroad', 'sdg']);
export const criterionSchema = z.enum(['place_of_birth', 'citizenship', 'not_applicable']);

/**
 * What may be done with the numbers. Counts add up across the codes of one scheme; rates are
 * recomputed from their numerator and denominator; means need weights and, across countries,
 * a currency conversion; SDG 10.7.1 ratios are never aggregated.
 */
export const measureSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('count') }),
  z.object({ kind: z.literal('rate'), numerator: indicatorCodeSchema, denominator: indicatorCodeSchema }),
  z.object({ kind: z.literal('mean') }),
  z.object({ kind: z.literal('ratio') }),
]);
export type Measure = z.infer<typeof measureSchema>;
export type MeasureKind = Measure['kind'];

export const slotSchema = z.enum(['sex', 'classif1', 'classif2']);
export type Slot = z.infer<typeof slotSchema>;

/**
 * A dimension slot lists the standard schemes it takes. When `acceptsNational` is set, a
 * national scheme of the same dimension registered at run time is accepted too.
 */
export const dimensionSlotSchema = z.object({
  slot: slotSchema,
  dimension: dimensionIdSchema,
  standardSchemes: z.array(standardSchemeIdSchema).min(1),
  acceptsNational: z.boolean(),
});
export type DimensionSlot = z.infer<typeof dimensionSlotSchema>;

export const indicatorSchema = z
  .object({
    code: indicatorCodeSchema,
    namespace: z.enum(['ilostat', 'hub']),
    label: z.string().min(1),
    definition: z.string().min(1),
    topic: topicSchema,
    criterion: criterionSchema,
    measure: measureSchema,
    unit: z.enum(['persons', 'percent', 'local_currency', 'ratio']),
    /** Power of ten the stored value is expressed in: 3 = thousands (SDMX UNIT_MULT). */
    unitMultiplier: z.int().min(0),
    validRange: z.object({ min: z.number(), max: z.number().nullable() }),
    dimensions: z.array(dimensionSlotSchema).min(1),
  })
  .superRefine((indicator, ctx) => {
    const expected = indicator.code.startsWith(HUB_CODE_PREFIX) ? 'hub' : 'ilostat';
    if (indicator.namespace !== expected) {
      ctx.addIssue({
        code: 'custom',
        path: ['namespace'],
        message: `code ${indicator.code} is in the ${expected} namespace`,
      });
    }
    const order = indicator.dimensions.map((d) => d.slot).join(',');
    if (!['sex', 'sex,classif1', 'sex,classif1,classif2'].includes(order)) {
      ctx.addIssue({
        code: 'custom',
        path: ['dimensions'],
        message: `slots must be sex, classif1, classif2 in order; got ${order}`,
      });
    }
  });
export type Indicator = z.infer<typeof indicatorSchema>;

/**
 * The regional standard an indicator is measured against (20th ICLS guidelines as adopted for
 * ASEAN); harmonisation grades each national definition against these fields.
 */
export const regionalStandardSchema = z.object({
  indicator: indicatorCodeSchema,
  criterion: criterionSchema,
  ageScope: z.object({ min: z.int().min(0), max: z.int().min(0).nullable() }),
  referencePeriod: z.enum(['annual_average', 'reference_date', 'calendar_year', 'past_three_years']),
  coverage: z.enum([
    'usual_residents',
    'new_usual_residents',
    'for_work_migrants',
    'nationals_resident_abroad',
    'departing_nationals',
    'regular_migrant_workers',
    'returning_nationals',
    'recent_migrant_workers',
  ]),
});
export type RegionalStandard = z.infer<typeof regionalStandardSchema>;

/**
 * Arithmetic that must hold between indicators for the same country, period, source and codes:
 * `sum`: total = sum of components, cell by cell; `same_total`: the indicators break one
 * population down differently, so their totals (TOTAL of the varying classification) agree.
 */
export const identitySchema = z.discriminatedUnion('kind', [
  z.object({
    id: z.string().min(1),
    kind: z.literal('sum'),
    total: indicatorCodeSchema,
    components: z.array(indicatorCodeSchema).min(2),
  }),
  z.object({ id: z.string().min(1), kind: z.literal('same_total'), indicators: z.array(indicatorCodeSchema).min(2) }),
]);
export type Identity = z.infer<typeof identitySchema>;
