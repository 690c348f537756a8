import { insertNationalScheme, type NationalSchemeRows, schemeExists } from '@ilms/db';
import { formatClassificationCode, type NationalClassification, parseAgeBandCode } from '@ilms/domain';
import type { Context } from '../context.js';
import { DomainError } from '../errors.js';

/** Flattens a validated national classification into catalogue rows under its own scheme id. */
export function toSchemeRows(input: NationalClassification): NationalSchemeRows {
  const full = (code: string) => formatClassificationCode(input.id, code);
  const overlapping = new Set(input.overlapping);
  const subtotals = new Set(input.edges.map((edge) => edge.parent).filter((code) => code !== input.totalCode));
  return {
    scheme: {
      id: input.id,
      dimension: input.dimension,
      label: input.labels.en ?? Object.values(input.labels)[0] ?? input.id,
      country: input.country,
      version: input.version,
      valid_from: input.validFrom,
      valid_to: input.validTo,
    },
    codes: input.codes.map((code, index) => {
      const band = code.ageBand ?? parseAgeBandCode(code.code);
      return {
        code: full(code.code),
        scheme_id: input.id,
        local_code: code.code,
        sort_order: index,
        lower_bound: band?.lower ?? null,
        upper_bound: band?.upper ?? null,
        is_total: code.code === input.totalCode,
        is_residual: code.code === 'X',
      };
    }),
    labels: input.codes.flatMap((code) =>
      Object.entries(code.labels).map(([lang, label]) => ({ code: full(code.code), lang, label })),
    ),
    hierarchy: [
      ...input.edges.flatMap((edge) =>
        edge.children.map((child) => ({
          parent_code: full(edge.parent),
          child_code: full(child),
          role: subtotals.has(child) ? ('subtotal' as const) : ('component' as const),
        })),
      ),
      ...input.overlapping
        .filter((code) => overlapping.has(code))
        .map((code) => ({ parent_code: full(input.totalCode), child_code: full(code), role: 'overlap' as const })),
    ],
  };
}

export async function registerNationalClassification({ db }: Pick<Context, 'db'>, input: NationalClassification) {
  if (await schemeExists(db, input.id)) {
    throw new DomainError(
      'CONFLICT',
      `A classification with id ${input.id} is registered already. Register a new version under a new id (e.g. ${input.id}V2).`,
    );
  }
  const rows = toSchemeRows(input);
  // Mutations run inside one transaction opened by the tRPC kernel, so the scheme lands whole or not at all.
  await insertNationalScheme(db, rows);
  return { id: input.id, codes: rows.codes.length };
}
