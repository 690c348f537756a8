export type * from './catalogue.schema.js';
export { findIndicator, type IndicatorFilter, listIndicators } from './indicator.repository.js';
export {
  insertNationalScheme,
  listNationalCodes,
  type NationalSchemeRows,
  schemeExists,
} from './national-scheme.repository.js';
export {
  insertSource,
  listCountries,
  listMembersOn,
  listNotes,
  listObsStatuses,
  listSources,
  listSourceTypes,
} from './reference.repository.js';
export { findScheme, listCodesOfSchemes, listSchemes, type SchemeFilter } from './scheme.repository.js';
export { type SeedResult, seedCatalogue } from './seed-catalogue.js';
