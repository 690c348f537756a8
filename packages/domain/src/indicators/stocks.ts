import { type BreakdownKey, defineIndicator, type IndicatorEntry, type IndicatorSpec } from './define-indicator.js';

/** The two ways of identifying an international migrant; every migrant-status stock exists in both. */
export const criteria = [
  {
    token: 'CBR',
    criterion: 'place_of_birth',
    breakdown: 'BIRTHPLACE',
    sentence:
      'Migrants are identified by place of birth: the foreign-born are usual residents born in another country, whatever citizenship they hold.',
  },
  {
    token: 'CCT',
    criterion: 'citizenship',
    breakdown: 'CITIZENSHIP',
    sentence:
      'Migrants are identified by citizenship: non-citizens are usual residents who do not hold the citizenship of the country, wherever they were born.',
  },
] as const;

const EMPLOYMENT =
  'Usual residents of working age who, in a short reference period such as a week, worked at least one hour for pay or profit, or had such work and were temporarily absent from it.';

interface LabourStatus {
  token: 'XWAP' | 'TEAP' | 'TEMP' | 'TUNE' | 'TEIP';
  subject: string;
  definition: string;
  rate?: { subject: string; definition: string; denominator: LabourStatus['token'] };
}

const labourStatuses: LabourStatus[] = [
  {
    token: 'XWAP',
    subject: 'Working-age population',
    definition: 'Usual residents aged 15 and over: the population whose labour force status is measured.',
  },
  {
    token: 'TEAP',
    subject: 'Labour force',
    definition:
      'Usual residents of working age who supply or offer their labour for pay or profit in the reference period: the employed plus the unemployed.',
    rate: {
      subject: 'Labour force participation rate',
      definition: 'The labour force as a percentage of the working-age population of the same group.',
      denominator: 'XWAP',
    },
  },
  {
    token: 'TEMP',
    subject: 'Employment',
    definition: EMPLOYMENT,
    rate: {
      subject: 'Employment-to-population ratio',
      definition: 'Employed persons as a percentage of the working-age population of the same group.',
      denominator: 'XWAP',
    },
  },
  {
    token: 'TUNE',
    subject: 'Unemployment',
    definition:
      'Usual residents of working age who had no employment in the reference period, took steps to find a job or start a business in a recent search period, and could start work at short notice.',
    rate: {
      subject: 'Unemployment rate',
      definition: 'Unemployed persons as a percentage of the labour force of the same group.',
      denominator: 'TEAP',
    },
  },
  {
    token: 'TEIP',
    subject: 'Persons outside the labour force',
    definition: 'Usual residents of working age who were neither employed nor unemployed in the reference period.',
    rate: {
      subject: 'Inactivity rate',
      definition: 'Persons outside the labour force as a percentage of the working-age population of the same group.',
      denominator: 'XWAP',
    },
  },
];

const stockStandard: IndicatorSpec['standard'] = {
  ageScope: { min: 15, max: null },
  referencePeriod: 'annual_average',
  coverage: 'usual_residents',
};

export const stockCode = (measure: string, tokens: string[], suffix: 'NB' | 'RT') =>
  ['MST', measure, 'SEX', ...tokens, suffix].join('_');

const byMigrantStatus: IndicatorEntry[] = criteria.flatMap((c) => {
  const statusBy = (measure: string, detail: BreakdownKey, suffix: 'NB' | 'RT') => ({
    code: stockCode(measure, [detail, c.token], suffix),
    topic: 'stock' as const,
    criterion: c.criterion,
    breakdowns: [detail, c.breakdown] satisfies BreakdownKey[],
    standard: stockStandard,
  });
  const labour = labourStatuses.flatMap((status) =>
    (['AGE', 'EDU'] as const).flatMap((detail) => {
      const count = defineIndicator({
        ...statusBy(status.token, detail, 'NB'),
        subject: status.subject,
        definition: `${status.definition} ${c.sentence}`,
        measure: { kind: 'count' },
      });
      if (!status.rate) return [count];
      const rate = defineIndicator({
        ...statusBy(status.token, detail, 'RT'),
        subject: status.rate.subject,
        definition: `${status.rate.definition} ${c.sentence}`,
        measure: {
          kind: 'rate',
          numerator: stockCode(status.token, [detail, c.token], 'NB'),
          denominator: stockCode(status.rate.denominator, [detail, c.token], 'NB'),
        },
      });
      return [count, rate];
    }),
  );
  const employmentDetail = (['ECO', 'OCU', 'STE'] as const).map((detail) =>
    defineIndicator({
      ...statusBy('TEMP', detail, 'NB'),
      subject: 'Employment',
      definition: `${EMPLOYMENT} ${c.sentence}`,
      measure: { kind: 'count' },
    }),
  );
  // ILOSTAT ends this code in _NB, yet it is a mean: the measure kind, not the suffix, decides.
  const earnings = defineIndicator({
    code: stockCode('EARA', [c.token], 'NB'),
    subject: 'Mean nominal monthly earnings of employees',
    definition: `Average gross monthly pay of employees in their main job, in national currency at current prices: cash and in-kind pay for time worked or work done, paid leave and regular bonuses, before tax and social contributions. ${c.sentence}`,
    topic: 'stock',
    criterion: c.criterion,
    measure: { kind: 'mean' },
    breakdowns: [c.breakdown],
    standard: stockStandard,
  });
  return [...labour, ...employmentDetail, earnings];
});

const byOrigin: IndicatorSpec[] = [
  {
    code: 'MST_FORP_SEX_CBR_NB',
    subject: 'Foreign-born working-age population',
    definition: 'Usual residents aged 15 and over who were born in another country, by their country of birth.',
    topic: 'stock',
    criterion: 'place_of_birth',
    measure: { kind: 'count' },
    breakdowns: ['BIRTH_COUNTRY'],
    standard: stockStandard,
  },
  {
    code: 'MST_FORE_SEX_CBR_NB',
    subject: 'Employed foreign-born persons',
    definition:
      'Employed usual residents aged 15 and over who were born in another country, by their country of birth.',
    topic: 'stock',
    criterion: 'place_of_birth',
    measure: { kind: 'count' },
    breakdowns: ['BIRTH_COUNTRY'],
    standard: stockStandard,
  },
  {
    code: 'MST_NCTP_SEX_CCT_NB',
    subject: 'Non-citizen working-age population',
    definition:
      'Usual residents aged 15 and over who do not hold the citizenship of the country, by the country whose citizenship they hold.',
    topic: 'stock',
    criterion: 'citizenship',
    measure: { kind: 'count' },
    breakdowns: ['CITIZENSHIP_COUNTRY'],
    standard: stockStandard,
  },
  {
    code: 'MST_NCTE_SEX_CCT_NB',
    subject: 'Employed non-citizens',
    definition:
      'Employed usual residents aged 15 and over who do not hold the citizenship of the country, by the country whose citizenship they hold.',
    topic: 'stock',
    criterion: 'citizenship',
    measure: { kind: 'count' },
    breakdowns: ['CITIZENSHIP_COUNTRY'],
    standard: stockStandard,
  },
];

export const stockIndicators: IndicatorEntry[] = [...byMigrantStatus, ...byOrigin.map(defineIndicator)];
