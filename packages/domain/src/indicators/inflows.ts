import { defineIndicator, type IndicatorEntry, type IndicatorSpec } from './define-indicator.js';

/*
 * A flow counts arrivals during a calendar year. Someone becomes a new usual resident when the
 * stay is meant to last, or has lasted, twelve months. Population inflows cover all ages (so
 * they can be mirrored against the origin's outflows); working-age and for-work flows 15+.
 */
const allAges: IndicatorSpec['standard'] = {
  ageScope: { min: 0, max: null },
  referencePeriod: 'calendar_year',
  coverage: 'new_usual_residents',
};
const workingAge: IndicatorSpec['standard'] = { ...allAges, ageScope: { min: 15, max: null } };
const forWork: IndicatorSpec['standard'] = { ...workingAge, coverage: 'for_work_migrants' };

const groups = [
  {
    letter: 'F',
    criterion: 'place_of_birth',
    who: 'born in another country',
    population: {
      code: 'MFL_FPOP_SEX_CBR_NB',
      subject: 'Inflow of foreign-born population',
      breakdown: 'BIRTH_COUNTRY',
      by: 'country of birth',
    },
    subjects: { WAP: 'Inflow of working-age foreign-born population', EMP: 'Inflow of employed foreign-born persons' },
  },
  {
    letter: 'N',
    criterion: 'citizenship',
    who: 'not holding the citizenship of the country',
    population: {
      code: 'MFL_NCIT_SEX_CCT_NB',
      subject: 'Inflow of non-citizens',
      breakdown: 'CITIZENSHIP_COUNTRY',
      by: 'country of citizenship',
    },
    subjects: { WAP: 'Inflow of working-age non-citizens', EMP: 'Inflow of employed non-citizens' },
  },
] as const;

export const inflowIndicators: IndicatorEntry[] = groups.flatMap((g) => [
  defineIndicator({
    code: g.population.code,
    subject: g.population.subject,
    definition: `Persons ${g.who} who became usual residents of the country during the reference year, by ${g.population.by}.`,
    topic: 'inflow',
    criterion: g.criterion,
    measure: { kind: 'count' },
    breakdowns: [g.population.breakdown],
    standard: allAges,
  }),
  defineIndicator({
    code: `MFL_${g.letter}WAP_SEX_EDU_NB`,
    subject: g.subjects.WAP,
    definition: `Persons aged 15 and over ${g.who} who became usual residents of the country during the reference year, by the highest level of education they completed.`,
    topic: 'inflow',
    criterion: g.criterion,
    measure: { kind: 'count' },
    breakdowns: ['EDU'],
    standard: workingAge,
  }),
  ...(['ECO', 'OCU'] as const).map((detail) =>
    defineIndicator({
      code: `MFL_${g.letter}EMP_SEX_${detail}_NB`,
      subject: g.subjects.EMP,
      definition: `Persons ${g.who} who arrived during the reference year to work or look for work (for-work international migrants) and took up employment, by the ${detail === 'ECO' ? 'economic activity' : 'occupation'} of their job.`,
      topic: 'inflow',
      criterion: g.criterion,
      measure: { kind: 'count' },
      breakdowns: [detail],
      standard: forWork,
    }),
  ),
]);
