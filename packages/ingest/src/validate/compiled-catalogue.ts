import {
  additiveComponents,
  catalogue,
  childrenOf,
  codeRole,
  type Indicator,
  identities,
  type MeasureKind,
  parseClassificationCode,
  type Slot,
} from '@ilms/domain';

/** A sum that a total must equal: one classification scheme, or an identity between indicators. */
export interface SumSpec {
  label: string;
  totalCode: string;
  /** Bits of the components that must all be present for the check (sex: M and F; O is optional). */
  requiredMask: number;
  componentCount: number;
  /** Per-country lists: the X residual holds every country not listed, so X is what must be present. */
  isPerCountry: boolean;
  /** Between indicators (XWAP = TEAP + TEIP), not within one scheme. */
  isIdentity: boolean;
}

/** A code's place in one sum: the scheme's total, or a subtotal such as ECO_SECTOR_NAG = IND + SER. */
export interface SumRole {
  sumIndex: number;
  /** Component bit within the sum (0 for its total); for per-country totals 1 = X. */
  bit: number;
  isTotal: boolean;
}

export interface CodeInfo {
  /** Small id (1 …) packed into series keys. */
  id: number;
  scheme: string;
  isTotal: boolean;
  /** Sums the code is the total or a component of (a subtotal is both). */
  sumRoles: SumRole[];
}

export interface SlotCheck {
  slot: Slot;
  allowed: ReadonlySet<string>;
  acceptsNational: boolean;
  dimension: string;
  /** Example codes for messages: the totals of the allowed schemes. */
  examples: string;
}

export interface RateRole {
  rateIndex: number;
  role: 'numerator' | 'denominator';
}

export interface IdentityRole {
  identityIndex: number;
  bit: number;
}

/** An indicator in a `same_total` identity: its total is where `varyingSlot` holds a total code. */
export interface SameTotalRole {
  sameTotalIndex: number;
  varyingSlot: number;
}

export interface CompiledIndicator {
  code: string;
  index: number;
  kind: MeasureKind;
  min: number;
  max: number | null;
  unitMultiplier: number;
  slots: [SlotCheck | null, SlotCheck | null, SlotCheck | null];
  /** A table of foreign-born persons or non-citizens by country, where the reporter's own code is suspect. */
  isForeignTable: boolean;
  rateRoles: RateRole[];
  identityRoles: IdentityRole[];
  sameTotalRoles: SameTotalRole[];
  /** For rate indicators: their own index among rates. */
  rateIndex: number;
}

export interface CompiledCatalogue {
  indicators: Map<string, CompiledIndicator>;
  codes: Map<string, CodeInfo>;
  sums: SumSpec[];
  /** Identity sums, indexed like `identities`: their SumSpec index. */
  identitySums: number[];
  rates: { code: string; numerator: string; denominator: string }[];
  /** `same_total` identities: labels for messages. */
  sameTotals: string[];
  areas: ReadonlySet<string>;
  obsStatuses: ReadonlySet<string>;
  missingStatuses: ReadonlySet<string>;
  /** The two sets as the `expected` of their findings, joined once rather than per finding. */
  obsStatusList: string;
  missingStatusList: string;
  notes: ReadonlyMap<string, string>;
  noteColumns: ReadonlyMap<string, string>;
  /**
   * The scheme of a code that is not a standard one (see `nationalSchemeOf`). A field rather than
   * an import so a second thread can check rows with the rest of the catalogue as data, without
   * loading the domain package (parallel/part-worker.ts).
   */
  nationalSchemeOf: (code: string) => NationalScheme | undefined;
}

export interface NationalScheme {
  scheme: string;
  dimension: string;
}

const slotNames: Slot[] = ['sex', 'classif1', 'classif2'];
const FOREIGN_TABLE_SCHEMES = new Set(['CBR_BRT', 'CCT_CTZ']);

function compileSlot(indicator: Indicator, slot: Slot): SlotCheck | null {
  const d = indicator.dimensions.find((x) => x.slot === slot);
  if (!d) return null;
  return {
    slot,
    allowed: new Set(d.standardSchemes),
    acceptsNational: d.acceptsNational,
    dimension: d.dimension,
    examples:
      d.standardSchemes.map((s) => `${s}_*`).join(', ') + (d.acceptsNational ? ' or a registered national scheme' : ''),
  };
}

/** Turns the catalogue into hash maps and sets once, so each row is checked without zod or searches. */
export function compileCatalogue(): CompiledCatalogue {
  const sums: SumSpec[] = [];
  const codes = new Map<string, CodeInfo>();
  for (const scheme of catalogue.schemes) {
    const isPerCountry = scheme.kind === 'per_country';
    const roles = new Map<string, SumRole[]>(scheme.codes.map((c) => [c.code, []]));
    const addSum = (parent: string, components: string[], isMain: boolean) => {
      const sumIndex = sums.length;
      const isCountryList = isMain && isPerCountry;
      const optional = scheme.id === 'SEX' ? 'O' : undefined;
      let requiredMask = 0;
      components.forEach((code, i) => {
        if (code !== optional && !isCountryList && i < 31) requiredMask |= 1 << i;
      });
      sums.push({
        label: scheme.id,
        totalCode: `${scheme.id}_${parent}`,
        requiredMask,
        componentCount: components.length,
        isPerCountry: isCountryList,
        isIdentity: false,
      });
      roles.get(parent)?.push({ sumIndex, bit: 0, isTotal: true });
      components.forEach((code, i) => {
        const bit = isCountryList ? (code === 'X' ? 1 : 0) : i < 31 ? 1 << i : 0;
        roles.get(code)?.push({ sumIndex, bit, isTotal: false });
      });
    };
    addSum(scheme.totalCode, additiveComponents(scheme), true);
    for (const code of scheme.codes) {
      if (codeRole(scheme, code.code) === 'subtotal') addSum(code.code, childrenOf(scheme, code.code), false);
    }
    for (const code of scheme.codes) {
      codes.set(code.id, {
        id: codes.size + 1,
        scheme: scheme.id,
        isTotal: code.code === scheme.totalCode,
        sumRoles: roles.get(code.code) ?? [],
      });
    }
  }
  const identitySums = identities.map((identity) => {
    if (identity.kind !== 'sum') return -1;
    sums.push({
      label: `${identity.total} = ${identity.components.join(' + ')}`,
      totalCode: identity.total,
      requiredMask: (1 << identity.components.length) - 1,
      componentCount: identity.components.length,
      isPerCountry: false,
      isIdentity: true,
    });
    return sums.length - 1;
  });
  const rates = catalogue.indicators.flatMap((i) =>
    i.measure.kind === 'rate'
      ? [{ code: i.code, numerator: i.measure.numerator, denominator: i.measure.denominator }]
      : [],
  );
  const sameTotals = identities.flatMap((identity) => (identity.kind === 'same_total' ? [identity] : []));
  const indicators = new Map<string, CompiledIndicator>();
  catalogue.indicators.forEach((indicator, index) => {
    const slots = slotNames.map((slot) => compileSlot(indicator, slot)) as CompiledIndicator['slots'];
    indicators.set(indicator.code, {
      code: indicator.code,
      index,
      kind: indicator.measure.kind,
      min: indicator.validRange.min,
      max: indicator.validRange.max,
      unitMultiplier: indicator.unitMultiplier,
      slots,
      isForeignTable:
        /^(MST|MFL)_/.test(indicator.code) && [...(slots[1]?.allowed ?? [])].some((s) => FOREIGN_TABLE_SCHEMES.has(s)),
      rateRoles: rates.flatMap((r, rateIndex) => [
        ...(r.numerator === indicator.code ? [{ rateIndex, role: 'numerator' as const }] : []),
        ...(r.denominator === indicator.code ? [{ rateIndex, role: 'denominator' as const }] : []),
      ]),
      identityRoles: identities.flatMap((identity, identityIndex) => {
        if (identity.kind !== 'sum') return [];
        if (identity.total === indicator.code) return [{ identityIndex, bit: 0 }];
        const position = identity.components.indexOf(indicator.code);
        return position >= 0 ? [{ identityIndex, bit: 1 << position }] : [];
      }),
      sameTotalRoles: sameTotals.flatMap((identity, sameTotalIndex) =>
        identity.indicators.includes(indicator.code)
          ? [{ sameTotalIndex, varyingSlot: varyingSlot(indicator, identity.indicators) }]
          : [],
      ),
      rateIndex: rates.findIndex((r) => r.code === indicator.code),
    });
  });
  const noteTypeColumn = new Map(catalogue.noteTypes.map((t) => [t.id, t.column]));
  const obsStatuses = catalogue.obsStatuses.map((s) => s.code);
  const missingStatuses = catalogue.obsStatuses.filter((s) => s.allowsEmptyValue).map((s) => s.code);
  return {
    indicators,
    codes,
    sums,
    identitySums,
    rates,
    sameTotals: sameTotals.map((identity) => identity.indicators.join(', ')),
    areas: new Set(catalogue.countries.flatMap((c) => [c.code, ...c.aliases])),
    obsStatuses: new Set(obsStatuses),
    missingStatuses: new Set(missingStatuses),
    obsStatusList: obsStatuses.join(', '),
    missingStatusList: missingStatuses.join(', '),
    notes: new Map(catalogue.notes.map((n) => [n.code, n.type])),
    noteColumns: new Map(catalogue.notes.map((n) => [n.code, noteTypeColumn.get(n.type) ?? ''])),
    nationalSchemeOf,
  };
}

/** The slot whose dimension differs from the other indicators of a `same_total` identity. */
function varyingSlot(indicator: Indicator, codes: readonly string[]): number {
  const others = catalogue.indicators.filter((i) => i.code !== indicator.code && codes.includes(i.code));
  const dimension = (i: Indicator, slot: Slot) => i.dimensions.find((d) => d.slot === slot)?.dimension;
  const slot = slotNames.findIndex((s) => others.some((o) => dimension(o, s) !== dimension(indicator, s)));
  return Math.max(slot, 0);
}

/** Scheme of a code that is not a standard one: a national scheme, or undefined when not a code at all. */
export function nationalSchemeOf(code: string): NationalScheme | undefined {
  const parsed = parseClassificationCode(code);
  return parsed?.country ? { scheme: parsed.scheme, dimension: parsed.dimension } : undefined;
}
