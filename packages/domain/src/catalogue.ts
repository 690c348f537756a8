import { mappings } from './classifications/mappings.js';
import type { Scheme, SchemeMapping } from './classifications/scheme.schema.js';
import { schemes, schemesById } from './classifications/schemes.js';
import { dimensions, parseSchemeId } from './codes.js';
import { type Country, countries } from './countries.js';
import { identities } from './indicators/identities.js';
import type { Indicator, Slot } from './indicators/indicator.schema.js';
import { indicators, regionalStandards } from './indicators/indicators.js';
import { membershipPeriods, reportingPeriods } from './membership.js';
import { notes, noteTypes } from './notes.js';
import { type ObsStatus, obsStatuses } from './obs-status.js';
import { regions } from './regions.js';
import { sourceTypes } from './sources.js';

/** Everything the importer, seeding, API and admin UI read, as plain validated data. */
export const catalogue = {
  dimensions,
  schemes,
  mappings,
  countries,
  regions,
  membershipPeriods,
  reportingPeriods,
  indicators,
  regionalStandards,
  identities,
  obsStatuses,
  sourceTypes,
  noteTypes,
  notes,
} as const;

// Lookups are preloaded maps: importers call them once per row.
const indicatorsByCode = new Map(indicators.map((i) => [i.code, i]));
const countriesByCode = new Map(countries.flatMap((c) => [c.code, ...c.aliases].map((code) => [code, c] as const)));
const obsStatusesByCode = new Map(obsStatuses.map((s) => [s.code, s]));

export function findIndicator(code: string): Indicator | undefined {
  return indicatorsByCode.get(code);
}

export function findScheme(id: string): Scheme | undefined {
  return schemesById.get(id);
}

/** Resolves ILOSTAT-only and alias codes too: `findCountry('XKX')` is Kosovo (KOS). */
export function findCountry(code: string): Country | undefined {
  return countriesByCode.get(code);
}

export function findObsStatus(code: string): ObsStatus | undefined {
  return obsStatusesByCode.get(code);
}

export function findMapping(source: string, target: string): SchemeMapping | undefined {
  return mappings.find((m) => m.source === source && m.target === target);
}

/** The target code a source code regroups into; totals map to totals. */
export function mapCode(mapping: SchemeMapping, code: string): string | undefined {
  if (code === findScheme(mapping.source)?.totalCode) return findScheme(mapping.target)?.totalCode;
  return mapping.groups.find((g) => g.sources.includes(code))?.target;
}

/**
 * Whether a slot of an indicator takes codes of a scheme: one of its standard schemes, or a
 * national scheme of the slot's dimension when the slot accepts national schemes.
 */
export function isSchemeAllowed(indicator: Indicator, slot: Slot, schemeId: string): boolean {
  const dimension = indicator.dimensions.find((d) => d.slot === slot);
  if (!dimension) return false;
  if (dimension.standardSchemes.some((s) => s === schemeId)) return true;
  const parsed = parseSchemeId(schemeId);
  return (
    dimension.acceptsNational && parsed !== null && parsed.country !== null && parsed.dimension === dimension.dimension
  );
}
