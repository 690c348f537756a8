import { formatClassificationCode, parseSchemeId, type StandardSchemeId } from '../codes.js';
import { type ClassificationCode, type HierarchyEdge, type Scheme, schemeSchema } from './scheme.schema.js';

/** A code as written in a scheme table: its full id is derived from the scheme's. */
export type CodeInput = Omit<ClassificationCode, 'id'>;

interface SchemeInput {
  id: StandardSchemeId;
  label: string;
  kind?: 'standard' | 'per_country';
  totalCode?: string;
  codes: ReadonlyArray<CodeInput | readonly [code: string, label: string]>;
  /** Defaults to a flat partition: the total is the sum of every other non-overlapping code. */
  edges?: HierarchyEdge[];
  overlapping?: string[];
}

/** Expands compact scheme tables into validated records, so full codes are never typed by hand. */
export function defineScheme(input: SchemeInput): Scheme {
  const totalCode = input.totalCode ?? 'TOTAL';
  const overlapping = input.overlapping ?? [];
  const codes = input.codes.map((row) => ('code' in row ? row : { code: row[0], label: row[1] }));
  const edges = input.edges ?? [
    {
      parent: totalCode,
      children: codes.map((c) => c.code).filter((code) => code !== totalCode && !overlapping.includes(code)),
    },
  ];
  return schemeSchema.parse({
    id: input.id,
    dimension: parseSchemeId(input.id)?.dimension,
    label: input.label,
    kind: input.kind ?? 'standard',
    totalCode,
    codes: codes.map((c) => ({ ...c, id: formatClassificationCode(input.id, c.code) })),
    edges,
    overlapping,
  });
}
