import { z } from 'zod';

/**
 * ILOSTAT aggregate areas the hub publishes. Codes are ILOSTAT's X-codes (X01 World; X84 ASEAN,
 * as used in ILO aggregation scripts). `dated` membership lives in membership.ts.
 */
export const regionSchema = z.object({
  code: z.string().regex(/^X\d{2}$/, 'use an ILOSTAT aggregate code such as X84'),
  label: z.string().min(1),
  membership: z.enum(['all_countries', 'dated']),
});
export type Region = z.infer<typeof regionSchema>;

export const WORLD = 'X01';
export const ASEAN = 'X84';

export const regions: Region[] = z.array(regionSchema).parse([
  { code: WORLD, label: 'World', membership: 'all_countries' },
  { code: ASEAN, label: 'ASEAN', membership: 'dated' },
]);
