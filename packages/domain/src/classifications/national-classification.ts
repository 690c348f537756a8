import { z } from 'zod';
import { dimensionIdSchema, localCodeSchema, parseSchemeId } from '../codes.js';
import { countryCodeSchema } from '../countries.js';
import { findHierarchyProblems } from '../hierarchy.js';
import { labelsSchema } from '../language-tag.js';
import { ageBandSchema, parseAgeBandCode } from './age-band.js';
import { hierarchyEdgeSchema } from './scheme.schema.js';

const isoDateSchema = z.iso.date();

/**
 * A country's own classification, registered at run time by a coordinator and stored in the
 * database. Its id is `<DIM>_<ISO3>-<NAME>` (e.g. `OCU_PHL-PSOC2012`), so its codes read
 * `OCU_PHL-PSOC2012_1111` and can never be mistaken for a standard ILOSTAT code.
 */
export const nationalClassificationSchema = z
  .object({
    id: z.string().min(1),
    country: countryCodeSchema,
    dimension: dimensionIdSchema,
    version: z.string().min(1),
    labels: labelsSchema,
    totalCode: localCodeSchema,
    codes: z
      .array(
        z.object({
          code: localCodeSchema,
          labels: labelsSchema,
          /** Required for AGE schemes whose codes do not spell their bounds (`Y15-19` does). */
          ageBand: ageBandSchema.optional(),
        }),
      )
      .min(2),
    edges: z.array(hierarchyEdgeSchema).min(1),
    overlapping: z.array(localCodeSchema).default([]),
    validFrom: isoDateSchema,
    validTo: isoDateSchema.nullable(),
  })
  .superRefine((scheme, ctx) => {
    const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const parsed = parseSchemeId(scheme.id);
    if (!parsed?.country) {
      issue(['id'], `"${scheme.id}" is not a national scheme id; use <DIM>_<ISO3>-<NAME>, e.g. OCU_PHL-PSOC2012`);
    } else {
      if (parsed.dimension !== scheme.dimension) {
        issue(['id'], `id starts with ${parsed.dimension} but the dimension is ${scheme.dimension}`);
      }
      if (parsed.country !== scheme.country) {
        issue(['id'], `id names ${parsed.country} but the country is ${scheme.country}`);
      }
    }
    if (scheme.validTo !== null && scheme.validTo < scheme.validFrom) {
      issue(['validTo'], `validTo ${scheme.validTo} is before validFrom ${scheme.validFrom}`);
    }
    const seen = new Set<string>();
    for (const [index, { code, ageBand }] of scheme.codes.entries()) {
      if (seen.has(code)) issue(['codes', index, 'code'], `code ${code} appears twice`);
      seen.add(code);
      if (scheme.dimension === 'AGE' && code !== scheme.totalCode && !ageBand && !parseAgeBandCode(code)) {
        issue(['codes', index, 'ageBand'], `age code ${code} needs lower and upper bounds`);
      }
    }
    for (const problem of findHierarchyProblems(scheme)) issue(['edges'], problem);
  });
export type NationalClassification = z.infer<typeof nationalClassificationSchema>;
