import { defineIndicator, type IndicatorEntry } from './define-indicator.js';

/*
 * SDG 10.7.1 has no ILOSTAT code in the ILMS set, so it lives in the hub namespace (HUB_…).
 * A corridor is origin × destination: origin by country of citizenship (classif1), destination
 * by country of destination (classif2). The value is the mean of individual ratios, so it is
 * never summed or averaged across corridors or countries.
 */
export const sdgIndicators: IndicatorEntry[] = [
  defineIndicator({
    code: 'HUB_SDG_1071_CORRIDOR_RT',
    subject: 'Recruitment cost relative to monthly earnings abroad (SDG 10.7.1)',
    definition:
      'For migrant workers who obtained a job abroad in the recent past, each worker’s recruitment costs (fees and related expenses paid to get the job, such as agency fees, documents, medical checks, training and travel) divided by that worker’s monthly earnings in the first job abroad; the value is the mean of these individual ratios within a corridor. A value of 1 means costs equal to one month of earnings.',
    topic: 'sdg',
    criterion: 'not_applicable',
    measure: { kind: 'ratio' },
    breakdowns: ['CITIZENSHIP_COUNTRY', 'DESTINATION'],
    standard: {
      ageScope: { min: 15, max: null },
      referencePeriod: 'past_three_years',
      coverage: 'recent_migrant_workers',
    },
  }),
];
