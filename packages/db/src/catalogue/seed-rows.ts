import { catalogue, findCountry, formatClassificationCode, type Scheme } from '@ilms/domain';
import type { Insertable } from 'kysely';
import type { Database } from '../schema.js';

type Rows<T extends keyof Database> = Insertable<Database[T]>[];

function schemeRows(scheme: Scheme) {
  const full = (code: string) => formatClassificationCode(scheme.id, code);
  const parents = new Set(scheme.edges.map((edge) => edge.parent));
  const codes: Rows<'classification_code'> = scheme.codes.map((code, index) => ({
    code: code.id,
    scheme_id: scheme.id,
    local_code: code.code,
    sort_order: index,
    lower_bound: code.ageBand?.lower ?? null,
    upper_bound: code.ageBand?.upper ?? null,
    is_total: code.code === scheme.totalCode,
    is_residual: code.code === 'X',
  }));
  // Per-country codes (CBR_BRT_THA) also carry the country's name in the region's languages.
  const labels: Rows<'code_label'> = scheme.codes.flatMap((code) => {
    const names = scheme.kind === 'per_country' ? (findCountry(code.code)?.names ?? {}) : {};
    return Object.entries({ ...names, en: code.label }).map(([lang, label]) => ({ code: code.id, lang, label }));
  });
  const hierarchy: Rows<'code_hierarchy'> = [
    ...scheme.edges.flatMap((edge) =>
      edge.children.map((child) => ({
        parent_code: full(edge.parent),
        child_code: full(child),
        role: parents.has(child) ? ('subtotal' as const) : ('component' as const),
      })),
    ),
    ...scheme.overlapping.map((code) => ({
      parent_code: full(scheme.totalCode),
      child_code: full(code),
      role: 'overlap' as const,
    })),
  ];
  return { codes, labels, hierarchy };
}

/** The whole shipped catalogue as table rows, in an order that satisfies foreign keys. */
export function buildCatalogueRows() {
  const perScheme = catalogue.schemes.map(schemeRows);
  const standards = new Map(catalogue.regionalStandards.map((s) => [s.indicator, s]));
  return {
    classification_scheme: catalogue.schemes.map((s) => ({
      id: s.id,
      dimension: s.dimension,
      kind: s.kind,
      label: s.label,
      total_code: formatClassificationCode(s.id, s.totalCode),
      country: null,
      version: null,
      valid_from: null,
      valid_to: null,
    })) satisfies Rows<'classification_scheme'>,
    classification_code: perScheme.flatMap((s) => s.codes),
    code_label: perScheme.flatMap((s) => s.labels),
    code_hierarchy: perScheme.flatMap((s) => s.hierarchy),
    code_mapping: catalogue.mappings.flatMap((m) =>
      m.groups.flatMap((g) =>
        g.sources.map((source) => ({
          from_code: formatClassificationCode(m.source, source),
          to_code: formatClassificationCode(m.target, g.target),
        })),
      ),
    ) satisfies Rows<'code_mapping'>,
    country: catalogue.countries.map((c) => ({
      code: c.code,
      iso2: c.iso2,
      iso_numeric: c.isoNumeric,
      ilo_label: c.label,
      aliases: c.aliases,
      components: c.components,
    })) satisfies Rows<'country'>,
    country_label: catalogue.countries.flatMap((c) =>
      Object.entries(c.names).map(([lang, label]) => ({ country: c.code, lang, label })),
    ) satisfies Rows<'country_label'>,
    region: catalogue.regions.map((r) => ({ code: r.code, label: r.label, membership: r.membership })),
    membership: [...catalogue.membershipPeriods, ...catalogue.reportingPeriods].map((p) => ({
      group_code: p.group,
      country: p.country,
      valid_from: p.from,
      valid_to: p.to,
    })) satisfies Rows<'membership'>,
    indicator: catalogue.indicators.map((i) => ({
      code: i.code,
      namespace: i.namespace,
      label: i.label,
      definition: i.definition,
      topic: i.topic,
      criterion: i.criterion,
      measure_type: i.measure.kind,
      unit: i.unit,
      unit_multiplier: i.unitMultiplier,
      min_value: i.validRange.min,
      max_value: i.validRange.max,
      numerator_code: i.measure.kind === 'rate' ? i.measure.numerator : null,
      denominator_code: i.measure.kind === 'rate' ? i.measure.denominator : null,
      standard: JSON.stringify(standards.get(i.code) ?? null),
    })) satisfies Rows<'indicator'>,
    indicator_slot: catalogue.indicators.flatMap((i) =>
      i.dimensions.map((d) => ({
        indicator_code: i.code,
        slot: d.slot,
        dimension: d.dimension,
        scheme_ids: d.standardSchemes,
        accepts_national: d.acceptsNational,
      })),
    ) satisfies Rows<'indicator_slot'>,
    indicator_identity: catalogue.identities.map((identity) =>
      identity.kind === 'sum'
        ? {
            id: `sum:${identity.total}=${identity.components.join('+')}`,
            kind: identity.kind,
            total_code: identity.total,
            member_codes: identity.components,
          }
        : {
            id: `same_total:${identity.indicators.join('~')}`,
            kind: identity.kind,
            total_code: null,
            member_codes: identity.indicators,
          },
    ) satisfies Rows<'indicator_identity'>,
    obs_status: catalogue.obsStatuses.map((s) => ({
      code: s.code,
      label: s.label,
      description: s.description,
      allows_empty_value: s.allowsEmptyValue,
      takes_precedence: s.takesPrecedence,
    })) satisfies Rows<'obs_status'>,
    note_type: catalogue.noteTypes.map((t) => ({ id: t.id, label: t.label, note_column: t.column })),
    note: catalogue.notes.map((n) => ({ code: n.code, note_type: n.type, text: n.text })),
    source_type: catalogue.sourceTypes.map((t) => ({ prefix: t.prefix, category: t.category, label: t.label })),
  };
}

export type CatalogueRows = ReturnType<typeof buildCatalogueRows>;
