import type { Severity } from '@ilms/domain';

export type { Severity };

/*
 * Every finding the importer can report, keyed by a stable code. Messages live here and only
 * here, so they can be translated later; `docs/findings.md` lists the same codes.
 * Placeholders: {line} {column} {value} {expected} {detail}.
 */

interface Entry {
  severity: Severity;
  /** Whether the file cannot be read at all past this finding. */
  isFatal?: boolean;
  message: string;
}

export const findingCatalogue = {
  EMPTY_FILE: {
    severity: 'error',
    isFatal: true,
    message: 'The file is empty. Export the sheet again and check that it has a header row and data rows.',
  },
  HEADER_ONLY: {
    severity: 'error',
    message: 'The file has a header row but no data rows. Add the observations below the header and upload again.',
  },
  BINARY_FILE: {
    severity: 'error',
    isFatal: true,
    message:
      'This is not a text or Excel file ({detail}). Upload the data as CSV (UTF-8), tab-separated Unicode text, .csv.gz or .xlsx.',
  },
  ENCODING_NOT_UTF8: {
    severity: 'error',
    isFatal: true,
    message:
      'Line {line} is not valid UTF-8; the file looks like {expected}. In Excel use "Save As" > "CSV UTF-8 (Comma delimited)", or upload again declaring the encoding (--encoding {expected}).',
  },
  ZAWGYI_TEXT: {
    severity: 'warning',
    message:
      'Column {column} holds Burmese text in the Zawgyi font encoding, not Unicode: it will show garbled on other computers. Convert it to Unicode (for example with the Rabbit or Parabaik converter) and upload again.',
  },
  DELIMITER_UNSUPPORTED: {
    severity: 'error',
    isFatal: true,
    message:
      'The header is one column and seems to be separated by "{detail}". Separate columns with a comma, semicolon or tab (in Excel: "Save As" > "CSV UTF-8").',
  },
  MISSING_COLUMN: {
    severity: 'error',
    message:
      'The required column {expected} is missing from the header on line 1. Add it (ILOSTAT layout: ref_area, source, indicator, sex, classif1, classif2, time, obs_value, obs_status, note_classif, note_indicator, note_source).',
  },
  MISSING_SOURCE: {
    severity: 'error',
    message:
      'Line {line} has no source: the file has no source column and none was given for the whole file. Add a source column (e.g. BA:448) or give the source for the whole file (--source).',
  },
  UNKNOWN_COLUMN: {
    severity: 'warning',
    message:
      'Column "{value}" is not part of the ILOSTAT layout and is ignored. Remove it or rename it to one of: {expected}.',
  },
  DUPLICATE_COLUMN: {
    severity: 'error',
    message: 'Column "{value}" appears more than once in the header. Keep one and delete or rename the others.',
  },
  UNCLOSED_QUOTE: {
    severity: 'error',
    isFatal: true,
    message:
      'A quote (") opened on line {line} is never closed, so the rest of the file reads as one cell. Close the quote or remove it, then upload again.',
  },
  INVALID_QUOTES: {
    severity: 'error',
    message:
      'Line {line} has a quoted cell with text after its closing quote (like "abc"def): the cell was read as {value}. Put the whole cell in quotes and double every quote inside it ("abc""def"), or remove the stray quote.',
  },
  RAGGED_ROW: {
    severity: 'error',
    message:
      'Line {line} has {value} columns but the header has {expected}. Check for a missing or extra separator, or a note with an unquoted comma.',
  },
  CELL_TOO_LONG: {
    severity: 'error',
    message:
      "The cell in column {column} on line {line} has {detail} characters; the limit is {expected} characters (Excel's own cell limit). Shorten it; long explanations belong in the definition metadata.",
  },
  FORMULA_LIKE_CELL: {
    severity: 'warning',
    message:
      'The cell in column {column} on line {line} starts with "{detail}", which spreadsheets run as a formula. Remove the leading character or start the text differently; reports show it with a leading apostrophe.',
  },
  UNKNOWN_INDICATOR: {
    severity: 'error',
    message:
      'Line {line}: "{value}" is not an indicator of the catalogue. Use an ILOSTAT ILMS code such as MST_TEMP_SEX_AGE_CCT_NB (see "ilms template <indicator>").',
  },
  UNKNOWN_REF_AREA: {
    severity: 'error',
    message: 'Line {line}: "{value}" is not a country or area code. Use the ISO 3166-1 alpha-3 code, e.g. THA.',
  },
  WRONG_COUNTRY: {
    severity: 'error',
    message:
      'Line {line}: ref_area is {value} but this submission is for {expected}. Remove rows of other countries, or submit them for their own country.',
  },
  UNKNOWN_SOURCE: {
    severity: 'error',
    message:
      'Line {line}: "{value}" is not a valid source. Use the ILOSTAT source id (two letters, colon, number, e.g. BA:448) or a hub id such as FX:HUB-12 registered for your country.',
  },
  MISSING_CODE: {
    severity: 'error',
    message: 'Line {line}: {column} is empty but {detail} needs a code from {expected}. Fill in the code.',
  },
  UNEXPECTED_CODE: {
    severity: 'error',
    message:
      'Line {line}: {column} is "{value}" but {detail} has no {column} breakdown. Leave the cell empty or check the indicator code.',
  },
  UNKNOWN_CODE: {
    severity: 'error',
    message:
      'Line {line}: "{value}" in {column} is not a code of any classification. Use a code such as {expected}; national codes need their classification registered first.',
  },
  SCHEME_NOT_ALLOWED: {
    severity: 'error',
    message:
      'Line {line}: "{value}" in {column} is from {detail}, which {indicator} does not use. Use a code from {expected}.',
  },
  INVALID_TIME: {
    severity: 'error',
    message:
      'Line {line}: time "{value}" is not a period. Write the year (2024), a quarter (2024Q2) or a month (2024M03).',
  },
  NOT_A_NUMBER: {
    severity: 'error',
    message:
      'Line {line}: obs_value "{value}" is not a number. Write digits with "." as the decimal point (1234.5), with no spaces, letters or currency signs.',
  },
  THOUSANDS_SEPARATOR: {
    severity: 'error',
    message:
      'Line {line}: obs_value "{value}" has thousands separators. Counts are in thousands with "." as the decimal point: 1,234,567 persons is written 1234.567.',
  },
  DECIMAL_COMMA: {
    severity: 'error',
    message:
      'Line {line}: obs_value "{value}" uses a comma; "." is the decimal point. Write {expected} (1.5 thousand = 1,500 persons).',
  },
  TOO_MANY_DECIMALS: {
    severity: 'warning',
    message:
      'Line {line}: obs_value "{value}" has more than 3 decimals; counts are in thousands, so 0.001 is one person. It is read as {expected}.',
  },
  OUT_OF_RANGE: {
    severity: 'error',
    message:
      'Line {line}: obs_value {value} is outside the valid range {expected} for {indicator}. Check the value and its unit.',
  },
  EMPTY_VALUE_WITHOUT_STATUS: {
    severity: 'error',
    message:
      'Line {line}: obs_value is empty and obs_status "{value}" does not mark it as missing. Enter the value, or set obs_status to a missing-value status ({expected}) so the cell is not read as 0.',
  },
  VALUE_WITH_MISSING_STATUS: {
    severity: 'warning',
    message:
      'Line {line}: obs_value is {value} but obs_status {detail} says the value is missing. Remove the value or change the status.',
  },
  UNKNOWN_OBS_STATUS: {
    severity: 'error',
    message: 'Line {line}: obs_status "{value}" is not in the code list. Use one of {expected}, or leave it empty.',
  },
  UNKNOWN_NOTE: {
    severity: 'error',
    message:
      'Line {line}: note "{value}" in {column} is not in the notes code list. Use codes like COV:3, several joined by "_" (COV:3_GEO:1); see the hub\'s note list.',
  },
  NOTE_WRONG_COLUMN: {
    severity: 'warning',
    message: 'Line {line}: note {value} is a {detail} note and belongs in {expected}, not {column}. Move it.',
  },
  DUPLICATE_KEY: {
    severity: 'error',
    message:
      'Line {line} repeats the observation on line {expected} (same ref_area, indicator, source, sex, classif1, classif2 and time). Keep one of the two.',
  },
  SUM_MISMATCH: {
    severity: 'warning',
    message:
      'Line {line}: the total {detail} is {value} but its components add up to {expected} (tolerance ±{tolerance}, in thousands). Check the total and the components.',
  },
  SUM_NOT_CHECKED: {
    severity: 'warning',
    message:
      'Line {line}: cannot check that the total {detail} equals the sum of its components: {expected}. Nothing to fix if that is intended.',
  },
  COMPONENT_EXCEEDS_TOTAL: {
    severity: 'warning',
    message: 'Line {line}: the component {detail} is {value}, larger than its total {expected}. Check both values.',
  },
  IDENTITY_MISMATCH: {
    severity: 'warning',
    message:
      'Line {line}: {detail}: the total is {value} but the components add up to {expected} (tolerance ±{tolerance}). Check both indicators for the same breakdown.',
  },
  SAME_TOTAL_MISMATCH: {
    severity: 'warning',
    message:
      'Line {line}: the total is {value} but the same population broken down differently in {detail} has {expected}. The totals of these indicators must agree for the same country, source, period and other codes; check both.',
  },
  OWN_COUNTRY_IN_FOREIGN_TABLE: {
    severity: 'warning',
    message:
      'Line {line}: {value} is the reporting country itself, in a table of foreign-born persons or non-citizens ({indicator}). Its own nationals or natives do not belong here; remove the row or check the code.',
  },
  RATE_MISMATCH: {
    severity: 'warning',
    message:
      'Line {line}: the rate is {value} but {detail} in this file give {expected} (difference over 0.05 points). Check the rate or its numerator and denominator.',
  },
  YEAR_ON_YEAR_JUMP: {
    severity: 'warning',
    message:
      'Line {line}: obs_value {value} moves by {detail} from {expected}, the previous published value of the same series: more than half and more than 1,000 persons. Check the value and its unit (thousands); if it is right, say why in the comment column so the coordinator can confirm it.',
  },
  DUPLICATE_CHECK_LIMIT: {
    severity: 'warning',
    message:
      'From line {line} on, duplicates and totals are not fully checked in this pass: the file holds more than {expected} series at once without being grouped by ref_area, source and time (or has too many distinct sources or national codes). Sort the file by ref_area, source and time, or rely on the check when the file is stored.',
  },
} as const satisfies Record<string, Entry>;

export type FindingCode = keyof typeof findingCatalogue;

export interface FindingParams {
  line: number;
  column?: string;
  value?: string;
  expected?: string;
  detail?: string;
  indicator?: string;
  tolerance?: string;
}

export function severityOf(code: FindingCode): Severity {
  return findingCatalogue[code].severity;
}

export function isFatal(code: FindingCode): boolean {
  const entry: Entry = findingCatalogue[code];
  return entry.isFatal === true;
}

/** Values longer than this are shortened in messages and reports (the full cell stays in the annotated copy). */
export const SHOWN_VALUE_LIMIT = 200;

/** Shortened, with line breaks shown as ⏎ so a message is always one line. */
export function showValue(value: string): string {
  const short = value.length > SHOWN_VALUE_LIMIT ? `${value.slice(0, SHOWN_VALUE_LIMIT)}…` : value;
  return short.replace(/\r\n|\n|\r/g, '⏎');
}

export function renderMessage(code: FindingCode, params: FindingParams): string {
  return findingCatalogue[code].message.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key as keyof FindingParams];
    return value === undefined ? '' : showValue(String(value));
  });
}
