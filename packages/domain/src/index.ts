export {
  catalogue,
  findCountry,
  findIndicator,
  findMapping,
  findObsStatus,
  findScheme,
  isSchemeAllowed,
  mapCode,
} from './catalogue.js';
export { type AgeBand, ageBandSchema, bandContains, parseAgeBandCode } from './classifications/age-band.js';
export { mappings } from './classifications/mappings.js';
export {
  type NationalClassification,
  nationalClassificationSchema,
} from './classifications/national-classification.js';
export {
  type ClassificationCode,
  classificationCodeSchema,
  type HierarchyEdge,
  hierarchyEdgeSchema,
  type Scheme,
  type SchemeKind,
  type SchemeMapping,
  schemeKindSchema,
  schemeMappingSchema,
  schemeSchema,
} from './classifications/scheme.schema.js';
export { schemes } from './classifications/schemes.js';
export {
  type Dimension,
  type DimensionId,
  dimensionIdSchema,
  dimensionSchema,
  dimensions,
  formatClassificationCode,
  localCodeSchema,
  type ParsedClassificationCode,
  type ParsedSchemeId,
  parseClassificationCode,
  parseSchemeId,
  type StandardSchemeId,
  standardSchemeIdSchema,
} from './codes.js';
export { type Country, countries, countryCodeSchema, countryNameLanguages, countrySchema } from './countries.js';
export { type Finding, findingSchema, type Severity, severitySchema } from './finding.js';
export {
  additiveComponents,
  type CodeRole,
  childrenOf,
  codeRole,
  findHierarchyProblems,
  type HierarchyShape,
  leavesUnder,
} from './hierarchy.js';
export { identities } from './indicators/identities.js';
export {
  criterionSchema,
  dimensionSlotSchema,
  HUB_CODE_PREFIX,
  type Identity,
  type Indicator,
  identitySchema,
  indicatorCodeSchema,
  indicatorSchema,
  type Measure,
  type MeasureKind,
  measureSchema,
  type RegionalStandard,
  regionalStandardSchema,
  type Slot,
  slotSchema,
  topicSchema,
} from './indicators/indicator.schema.js';
export { indicators, regionalStandards } from './indicators/indicators.js';
export { type Labels, type LanguageTag, labelsSchema, languageTagSchema } from './language-tag.js';
export {
  ILMS_REPORTING,
  type MembershipPeriod,
  memberStatesOn,
  membershipPeriodSchema,
  membershipPeriods,
  reportingPeriods,
  reportingStatesOn,
} from './membership.js';
export {
  type Note,
  type NoteType,
  noteCodeSchema,
  noteColumnSchema,
  noteListSchema,
  noteSchema,
  notes,
  noteTypeSchema,
  noteTypes,
} from './notes.js';
export { type ObsStatus, obsStatuses, obsStatusSchema } from './obs-status.js';
export { decimalTextSchema, type ObservationRow, observationRowSchema } from './observation-row.js';
export { ASEAN, type Region, regionSchema, regions, WORLD } from './regions.js';
export { revisionReasonSchema } from './revision-reason.schema.js';
export { type RevisionReason, revisionReasonCodes, revisionReasons } from './revision-reasons.js';
export {
  type SourceCategory,
  type SourceRegistryEntry,
  type SourceType,
  sourceCategoryOf,
  sourceCategorySchema,
  sourceIdSchema,
  sourceRegistryEntrySchema,
  sourceTypeSchema,
  sourceTypes,
} from './sources.js';
export {
  type SubmissionStatus,
  stagedStatuses,
  submissionStatuses,
  submissionStatusLabels,
  submissionStatusMeanings,
} from './submission-status.js';
