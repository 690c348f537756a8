import { z } from 'zod';

/**
 * Classification codes follow the ILOSTAT grammar `<DIM>_<SCHEME>_<CODE>` (`AGE_YTHADULT_Y15-24`,
 * `ECO_ISIC4_A`). Sex is the one exception ILOSTAT makes: `SEX_<CODE>`, so its scheme id is just `SEX`.
 *
 * National schemes registered at run time put their country in the scheme token after a hyphen:
 * `OCU_PHL-PSOC2012_1111`. ILOSTAT scheme tokens never contain a hyphen, so a national scheme id
 * can never collide with a standard one, today or after ILOSTAT adds schemes.
 */
export const dimensionSchema = z.object({
  id: z.enum(['SEX', 'AGE', 'EDU', 'ECO', 'OCU', 'STE', 'CBR', 'CCT', 'CDS', 'CRS', 'CPR']),
  label: z.string().min(1),
});
export type Dimension = z.infer<typeof dimensionSchema>;

export const dimensionIdSchema = dimensionSchema.shape.id;
export type DimensionId = z.infer<typeof dimensionIdSchema>;

export const dimensions: Dimension[] = z.array(dimensionSchema).parse([
  { id: 'SEX', label: 'Sex' },
  { id: 'AGE', label: 'Age' },
  { id: 'EDU', label: 'Level of education' },
  { id: 'ECO', label: 'Economic activity' },
  { id: 'OCU', label: 'Occupation' },
  { id: 'STE', label: 'Status in employment' },
  { id: 'CBR', label: 'Place or country of birth' },
  { id: 'CCT', label: 'Citizenship or country of citizenship' },
  { id: 'CDS', label: 'Country of destination' },
  { id: 'CRS', label: 'Country of residence' },
  { id: 'CPR', label: 'Country of previous residence' },
]);

export const standardSchemeIdSchema = z.enum([
  'SEX',
  'AGE_YTHADULT',
  'AGE_AGGREGATE',
  'AGE_10YRBANDS',
  'AGE_5YRBANDS',
  'EDU_ISCED11',
  'EDU_AGGREGATE',
  'ECO_ISIC4',
  'ECO_AGGREGATE',
  'ECO_SECTOR',
  'OCU_ISCO08',
  'OCU_SKILL',
  'STE_ICSE93',
  'STE_AGGREGATE',
  'CBR_BIR',
  'CCT_CIT',
  'CBR_BRT',
  'CCT_CTZ',
  'CDS_DES',
  'CRS_RES',
  'CPR_PRV',
]);
export type StandardSchemeId = z.infer<typeof standardSchemeIdSchema>;

const CODE_TOKEN = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;
const STANDARD_SCHEME_TOKEN = /^[A-Z0-9]+$/;
const NATIONAL_SCHEME_TOKEN = /^([A-Z]{3})-[A-Z0-9]+$/;

/** The part after the scheme id: `Y15-24`, `TOTAL`, `THA`. */
export const localCodeSchema = z.string().regex(CODE_TOKEN, 'use upper-case letters, digits and inner hyphens');

export interface ParsedSchemeId {
  dimension: DimensionId;
  scheme: string;
  /** ISO alpha-3 of the owning country, for national schemes only. */
  country: string | null;
}

export interface ParsedClassificationCode extends ParsedSchemeId {
  code: string;
}

function isDimensionId(value: string | undefined): value is DimensionId {
  return dimensionIdSchema.safeParse(value).success;
}

/** Splits a scheme id by grammar alone; whether the scheme exists is the catalogue's business. */
export function parseSchemeId(value: string): ParsedSchemeId | null {
  if (value === 'SEX') return { dimension: 'SEX', scheme: 'SEX', country: null };
  const [dimension, token, ...rest] = value.split('_');
  if (rest.length > 0 || token === undefined || !isDimensionId(dimension) || dimension === 'SEX') return null;
  if (STANDARD_SCHEME_TOKEN.test(token)) return { dimension, scheme: value, country: null };
  const national = NATIONAL_SCHEME_TOKEN.exec(token);
  return national?.[1] ? { dimension, scheme: value, country: national[1] } : null;
}

/** `parseClassificationCode('AGE_YTHADULT_Y15-24')` → `{ dimension: 'AGE', scheme: 'AGE_YTHADULT', code: 'Y15-24' }`. */
export function parseClassificationCode(value: string): ParsedClassificationCode | null {
  const cut = value.lastIndexOf('_');
  if (cut <= 0) return null;
  const code = value.slice(cut + 1);
  const scheme = parseSchemeId(value.slice(0, cut));
  return scheme && CODE_TOKEN.test(code) ? { ...scheme, code } : null;
}

export function formatClassificationCode(schemeId: string, code: string): string {
  return `${schemeId}_${code}`;
}
