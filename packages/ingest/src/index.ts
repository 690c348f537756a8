export {
  type FindingCode,
  type FindingParams,
  findingCatalogue,
  isFatal,
  renderMessage,
  type Severity,
  severityOf,
} from './findings/catalogue.js';
export {
  ArraySink,
  type CodeSummary,
  DEFAULT_FINDING_LIMIT,
  type Finding,
  FindingCollector,
  type FindingSink,
} from './findings/collector.js';
export {
  DelimitedReader,
  type Delimiter,
  type Dialect,
  detectDialect,
  MAX_RECORD_CHARS,
} from './read/delimited-reader.js';
export { SUPPORTED_ENCODINGS, type TextEncoding } from './read/sniff.js';
export { SheetNotFoundError } from './read/xlsx-rows.js';
export { isZawgyi } from './read/zawgyi.js';
export { type LineAnnotation, streamAnnotatedCopy } from './report/annotated-stream.js';
export { reportBaseName } from './report/report-files.js';
export { FINDINGS_CSV_HEADER, formatFindingLine } from './report/report-writer.js';
export { buildTemplate } from './template.js';
export { LAYOUT } from './validate/columns.js';
export { type CompiledCatalogue, compileCatalogue } from './validate/compiled-catalogue.js';
export { DEFAULT_MAX_TRACKED_KEYS, MAX_CELL_CHARS, type RowCheckOptions } from './validate/row-validator.js';
export type { RowHook, RowVerdict, ValidatedRow } from './validate/validated-row.js';
export { type ValidateFileOptions, type ValidationResult, validateFile } from './validate-file.js';
