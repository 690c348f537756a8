import { type BreakdownKey, defineIndicator, type IndicatorEntry } from './define-indicator.js';

/*
 * Counted by the country of origin about its own citizens, so no criterion for identifying
 * migrants applies. Deployment and exit-clearance records only see regular channels.
 */

const outflowForEmployment = (token: string, detail: BreakdownKey, by: string): IndicatorEntry =>
  defineIndicator({
    code: `MNA_OEMP_SEX_${token}_NB`,
    subject: 'Outflow of nationals for employment',
    definition: `Citizens who left during the reference year to take up work abroad, by ${by}. Usually compiled from deployment, exit-clearance or contract registration records, which count regular departures only.`,
    topic: 'nationals_abroad',
    criterion: 'not_applicable',
    measure: { kind: 'count' },
    breakdowns: [detail],
    standard: {
      ageScope: { min: 15, max: null },
      referencePeriod: 'calendar_year',
      coverage: 'regular_migrant_workers',
    },
  });

export const nationalsAbroadIndicators: IndicatorEntry[] = [
  defineIndicator({
    code: 'MNA_TPOP_SEX_CRS_NB',
    subject: 'Nationals living abroad',
    definition:
      'Citizens aged 15 and over whose usual residence is in another country at the reference date, by country of residence; often compiled from the destination countries’ censuses, surveys or registers.',
    topic: 'nationals_abroad',
    criterion: 'not_applicable',
    measure: { kind: 'count' },
    breakdowns: ['RESIDENCE'],
    standard: {
      ageScope: { min: 15, max: null },
      referencePeriod: 'reference_date',
      coverage: 'nationals_resident_abroad',
    },
  }),
  defineIndicator({
    code: 'MNA_OPOP_SEX_CDS_NB',
    subject: 'Outflow of nationals',
    definition:
      'Citizens who left during the reference year to take up usual residence in another country, by country of destination.',
    topic: 'nationals_abroad',
    criterion: 'not_applicable',
    measure: { kind: 'count' },
    breakdowns: ['DESTINATION'],
    standard: { ageScope: { min: 0, max: null }, referencePeriod: 'calendar_year', coverage: 'departing_nationals' },
  }),
  outflowForEmployment('CDS', 'DESTINATION', 'country of destination'),
  outflowForEmployment('ECO', 'ECO', 'the economic activity of the job abroad'),
  outflowForEmployment('OCU', 'OCU', 'the occupation of the job abroad'),
  outflowForEmployment('EDU', 'EDU', 'the highest level of education completed'),
  defineIndicator({
    code: 'MNA_XRET_SEX_CPR_NB',
    subject: 'Returning nationals',
    definition:
      'Citizens aged 15 and over who came back during the reference year to live in the country after being usually resident abroad, by country of previous residence. Where the source records work abroad, these are the return international migrant workers of the 20th ICLS guidelines.',
    topic: 'nationals_abroad',
    criterion: 'not_applicable',
    measure: { kind: 'count' },
    breakdowns: ['PREVIOUS_RESIDENCE'],
    standard: { ageScope: { min: 15, max: null }, referencePeriod: 'calendar_year', coverage: 'returning_nationals' },
  }),
];
