import { z } from 'zod';
import { countryCodeSchema } from './countries.js';

export const sourceCategorySchema = z.enum([
  'census',
  'household_survey',
  'establishment_survey',
  'official_estimate',
  'administrative_records',
]);
export type SourceCategory = z.infer<typeof sourceCategorySchema>;

/** The two letters before the colon of an ILOSTAT source id (`BA:448`) name the kind of source. */
export const sourceTypeSchema = z.object({
  prefix: z.string().regex(/^[A-Z]{2}$/),
  category: sourceCategorySchema,
  label: z.string().min(1),
});
export type SourceType = z.infer<typeof sourceTypeSchema>;

/* Only prefixes whose meaning is settled are listed; other F* prefixes resolve to administrative
   records through sourceCategoryOf, without inventing a label. */
export const sourceTypes: SourceType[] = z.array(sourceTypeSchema).parse([
  { prefix: 'AA', category: 'census', label: 'Population census' },
  { prefix: 'BA', category: 'household_survey', label: 'Household or labour force survey' },
  { prefix: 'CA', category: 'establishment_survey', label: 'Establishment census or survey' },
  { prefix: 'DA', category: 'establishment_survey', label: 'Establishment survey' },
  { prefix: 'EA', category: 'official_estimate', label: 'Official estimates' },
  { prefix: 'FA', category: 'administrative_records', label: 'Employment office records' },
  { prefix: 'FB', category: 'administrative_records', label: 'Insurance records' },
  { prefix: 'FX', category: 'administrative_records', label: 'Other administrative records' },
]);

export function sourceCategoryOf(sourceIdOrPrefix: string): SourceCategory | undefined {
  const prefix = sourceIdOrPrefix.slice(0, 2);
  const listed = sourceTypes.find((t) => t.prefix === prefix)?.category;
  return listed ?? (/^F[A-Z]$/.test(prefix) ? 'administrative_records' : undefined);
}

/**
 * Source ids keep the ILOSTAT shape `<TYPE>:<n>`. Sources the hub registers itself, before or
 * without an ILOSTAT number, use `<TYPE>:HUB-<n>`, so the prefix still tells the kind of source.
 */
export const sourceIdSchema = z
  .string()
  .regex(/^[A-Z]{2}:(?:\d+|HUB-\d+)$/, 'use an ILOSTAT source id such as BA:448, or a hub id such as FX:HUB-12');

/** One entry of a country's source registry (stored in the database, one row per source). */
export const sourceRegistryEntrySchema = z
  .object({
    id: sourceIdSchema,
    country: countryCodeSchema,
    type: z.string().regex(/^[A-Z]{2}$/),
    name: z.string().min(1),
    agency: z.string().min(1),
    startYear: z.int().min(1900).max(2100).optional(),
    endYear: z.int().min(1900).max(2100).optional(),
  })
  .superRefine((entry, ctx) => {
    if (!entry.id.startsWith(`${entry.type}:`)) {
      ctx.addIssue({ code: 'custom', path: ['type'], message: `id ${entry.id} does not start with ${entry.type}:` });
    }
    if (sourceCategoryOf(entry.type) === undefined) {
      ctx.addIssue({ code: 'custom', path: ['type'], message: `unknown source type ${entry.type}` });
    }
    if (entry.startYear !== undefined && entry.endYear !== undefined && entry.endYear < entry.startYear) {
      ctx.addIssue({ code: 'custom', path: ['endYear'], message: 'endYear is before startYear' });
    }
  });
export type SourceRegistryEntry = z.infer<typeof sourceRegistryEntrySchema>;
