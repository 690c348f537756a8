import {
  type DimensionSlot,
  HUB_CODE_PREFIX,
  type Indicator,
  type Measure,
  type MeasureKind,
  type RegionalStandard,
  type Slot,
} from './indicator.schema.js';

/** A dimension slot of an indicator before its slot is known, with the words naming it in labels. */
type Breakdown = Omit<DimensionSlot, 'slot'> & { phrase: string };

/*
 * What each classification token of an indicator code stands for. The migrant-status splits
 * (CBR_BIR, CCT_CIT) and the country lists take no national schemes: they are the hub's common
 * frame for comparing countries.
 */
export const breakdowns = {
  SEX: { dimension: 'SEX', standardSchemes: ['SEX'], acceptsNational: false, phrase: 'sex' },
  AGE: {
    dimension: 'AGE',
    standardSchemes: ['AGE_YTHADULT', 'AGE_AGGREGATE', 'AGE_10YRBANDS', 'AGE_5YRBANDS'],
    acceptsNational: true,
    phrase: 'age',
  },
  EDU: {
    dimension: 'EDU',
    standardSchemes: ['EDU_ISCED11', 'EDU_AGGREGATE'],
    acceptsNational: true,
    phrase: 'education',
  },
  ECO: {
    dimension: 'ECO',
    standardSchemes: ['ECO_ISIC4', 'ECO_AGGREGATE', 'ECO_SECTOR'],
    acceptsNational: true,
    phrase: 'economic activity',
  },
  OCU: { dimension: 'OCU', standardSchemes: ['OCU_ISCO08', 'OCU_SKILL'], acceptsNational: true, phrase: 'occupation' },
  STE: {
    dimension: 'STE',
    standardSchemes: ['STE_ICSE93', 'STE_AGGREGATE'],
    acceptsNational: true,
    phrase: 'status in employment',
  },
  BIRTHPLACE: { dimension: 'CBR', standardSchemes: ['CBR_BIR'], acceptsNational: false, phrase: 'place of birth' },
  CITIZENSHIP: { dimension: 'CCT', standardSchemes: ['CCT_CIT'], acceptsNational: false, phrase: 'citizenship' },
  BIRTH_COUNTRY: { dimension: 'CBR', standardSchemes: ['CBR_BRT'], acceptsNational: false, phrase: 'country of birth' },
  CITIZENSHIP_COUNTRY: {
    dimension: 'CCT',
    standardSchemes: ['CCT_CTZ'],
    acceptsNational: false,
    phrase: 'country of citizenship',
  },
  DESTINATION: {
    dimension: 'CDS',
    standardSchemes: ['CDS_DES'],
    acceptsNational: false,
    phrase: 'country of destination',
  },
  RESIDENCE: { dimension: 'CRS', standardSchemes: ['CRS_RES'], acceptsNational: false, phrase: 'country of residence' },
  PREVIOUS_RESIDENCE: {
    dimension: 'CPR',
    standardSchemes: ['CPR_PRV'],
    acceptsNational: false,
    phrase: 'country of previous residence',
  },
} satisfies Record<string, Breakdown>;
export type BreakdownKey = Exclude<keyof typeof breakdowns, 'SEX'>;

/** Unit, scale and plausible range follow from the kind of measure alone. */
const conventions: Record<MeasureKind, Pick<Indicator, 'unit' | 'unitMultiplier' | 'validRange'> & { suffix: string }> =
  {
    count: { unit: 'persons', unitMultiplier: 3, validRange: { min: 0, max: null }, suffix: ' (thousands)' },
    rate: { unit: 'percent', unitMultiplier: 0, validRange: { min: 0, max: 100 }, suffix: ' (%)' },
    mean: { unit: 'local_currency', unitMultiplier: 0, validRange: { min: 0, max: null }, suffix: ' (local currency)' },
    ratio: { unit: 'ratio', unitMultiplier: 0, validRange: { min: 0, max: null }, suffix: '' },
  };

export interface IndicatorSpec {
  code: string;
  subject: string;
  definition: string;
  topic: Indicator['topic'];
  criterion: Indicator['criterion'];
  measure: Measure;
  /** Classification tokens after SEX, in code order: they fill classif1 then classif2. */
  breakdowns: BreakdownKey[];
  standard: Omit<RegionalStandard, 'indicator' | 'criterion'>;
}

export interface IndicatorEntry {
  indicator: Indicator;
  standard: RegionalStandard;
}

const slotNames: Slot[] = ['sex', 'classif1', 'classif2'];

function joinPhrases(phrases: string[]): string {
  return phrases.length < 2 ? phrases.join('') : `${phrases.slice(0, -1).join(', ')} and ${phrases.at(-1)}`;
}

/** Builds the record and its regional standard; both are validated when the catalogue loads. */
export function defineIndicator(spec: IndicatorSpec): IndicatorEntry {
  const used = [breakdowns.SEX, ...spec.breakdowns.map((key) => breakdowns[key])];
  const { suffix, ...convention } = conventions[spec.measure.kind];
  return {
    indicator: {
      code: spec.code,
      namespace: spec.code.startsWith(HUB_CODE_PREFIX) ? 'hub' : 'ilostat',
      label: `${spec.subject} by ${joinPhrases(used.map((b) => b.phrase))}${suffix}`,
      definition: spec.definition,
      topic: spec.topic,
      criterion: spec.criterion,
      measure: spec.measure,
      ...convention,
      dimensions: used.map((b, i) => ({
        slot: slotNames[i] ?? 'classif2',
        dimension: b.dimension,
        standardSchemes: b.standardSchemes,
        acceptsNational: b.acceptsNational,
      })),
    },
    standard: { indicator: spec.code, criterion: spec.criterion, ...spec.standard },
  };
}
