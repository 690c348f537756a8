import { ageAggregate, ageFiveYearBands, ageTenYearBands, ageYouthAdult } from './age.js';
import { economicActivityAggregate, economicActivityIsic4, economicActivitySector } from './economic-activity.js';
import { educationAggregate, educationIsced11 } from './education.js';
import {
  citizenship,
  countryOfBirth,
  countryOfCitizenship,
  countryOfDestination,
  countryOfPreviousResidence,
  countryOfResidence,
  placeOfBirth,
} from './migration.js';
import { occupationIsco08, occupationSkill } from './occupation.js';
import type { Scheme } from './scheme.schema.js';
import { sex } from './sex.js';
import { statusAggregate, statusIcse93 } from './status-in-employment.js';

export const schemes: Scheme[] = [
  sex,
  ageYouthAdult,
  ageAggregate,
  ageTenYearBands,
  ageFiveYearBands,
  educationIsced11,
  educationAggregate,
  economicActivityIsic4,
  economicActivityAggregate,
  economicActivitySector,
  occupationIsco08,
  occupationSkill,
  statusIcse93,
  statusAggregate,
  placeOfBirth,
  citizenship,
  countryOfBirth,
  countryOfCitizenship,
  countryOfDestination,
  countryOfResidence,
  countryOfPreviousResidence,
];

export const schemesById: ReadonlyMap<string, Scheme> = new Map(schemes.map((s) => [s.id, s]));
