import { z } from 'zod';
import { dimensionIdSchema, formatClassificationCode, localCodeSchema, standardSchemeIdSchema } from '../codes.js';
import { ageBandSchema } from './age-band.js';

/** `national` schemes are registered at run time (see national-classification.ts), never shipped here. */
export const schemeKindSchema = z.enum(['standard', 'per_country', 'national']);
export type SchemeKind = z.infer<typeof schemeKindSchema>;

export const classificationCodeSchema = z.object({
  /** The full code as it appears in files: `AGE_YTHADULT_Y15-24`. */
  id: z.string().min(1),
  code: localCodeSchema,
  label: z.string().min(1),
  /** Present on every code of an AGE scheme, TOTAL included. */
  ageBand: ageBandSchema.optional(),
});
export type ClassificationCode = z.infer<typeof classificationCodeSchema>;

/**
 * `parent` equals the sum of `children`. A parent other than the scheme's total is a subtotal
 * (ECO_SECTOR_NAG = IND + SER); each code has at most one parent, so the edges form a tree.
 */
export const hierarchyEdgeSchema = z.object({
  parent: localCodeSchema,
  children: z.array(localCodeSchema).min(1),
});
export type HierarchyEdge = z.infer<typeof hierarchyEdgeSchema>;

export const schemeSchema = z
  .object({
    id: standardSchemeIdSchema,
    dimension: dimensionIdSchema,
    label: z.string().min(1),
    kind: z.enum(['standard', 'per_country']),
    totalCode: localCodeSchema,
    codes: z.array(classificationCodeSchema).min(2),
    edges: z.array(hierarchyEdgeSchema),
    /** Bands that overlap the partition and belong to no sum, such as AGE_YTHADULT_Y15-64. */
    overlapping: z.array(localCodeSchema),
  })
  .superRefine((scheme, ctx) => {
    for (const [index, code] of scheme.codes.entries()) {
      if (code.id !== formatClassificationCode(scheme.id, code.code)) {
        ctx.addIssue({ code: 'custom', path: ['codes', index, 'id'], message: `expected ${scheme.id}_${code.code}` });
      }
    }
  });
export type Scheme = z.infer<typeof schemeSchema>;

/**
 * How codes of one scheme regroup into another, written as target ← sources. Every non-total
 * source code appears in exactly one group; totals map to totals implicitly.
 */
export const schemeMappingSchema = z.object({
  source: standardSchemeIdSchema,
  target: standardSchemeIdSchema,
  groups: z.array(z.object({ target: localCodeSchema, sources: z.array(localCodeSchema).min(1) })).min(1),
  note: z.string().min(1).optional(),
});
export type SchemeMapping = z.infer<typeof schemeMappingSchema>;
