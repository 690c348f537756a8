import type { ObservationRow } from '@ilms/domain';
import { noteCodes } from './code-checks.js';
import type { ColumnMap } from './columns.js';

/** What the checks learned about a row beyond its cells. */
export interface RowVerdict {
  /** Whether an error finding was raised on this row (warnings do not count). */
  hasError: boolean;
  /**
   * Whether obs_value was written but could not be read as a number in the stored unit (not a
   * number, separators, or an unknown indicator): `value` is then null without meaning "missing".
   */
  hasUnreadableValue: boolean;
}

/**
 * One row as checked, for the next stage (staging the submission): the domain's observation row
 * (see `ObservationRow`: `value` is an exact decimal in the stored unit, as written when no unit
 * multiplier applies, otherwise its decimal point moved; null when empty or unreadable), except
 * that `source` is null when neither the row nor the file gives one, since a row without a source
 * is still checked and reported.
 */
export interface ValidatedRow extends Omit<ObservationRow, 'source'>, RowVerdict {
  source: string | null;
}

/**
 * Called once per checked row, in file order. A returned promise is awaited before the next
 * 64 kB of the file is read, so a slow consumer slows the reader instead of piling up rows.
 */
export type RowHook = (row: ValidatedRow) => void | Promise<void>;

function cellOrNull(index: number, fields: readonly string[]): string | null {
  const text = index < 0 ? '' : (fields[index] as string);
  return text === '' ? null : text;
}

function notes(index: number, fields: readonly string[]): string[] {
  return index < 0 ? [] : noteCodes(fields[index] as string);
}

/** Builds the row handed to the hook; only called when there is a hook. */
export function buildValidatedRow(
  fields: readonly string[],
  line: number,
  c: ColumnMap,
  source: string,
  value: string | null,
  verdict: RowVerdict,
): ValidatedRow {
  return {
    line,
    refArea: c.ref_area < 0 ? '' : (fields[c.ref_area] as string),
    indicator: c.indicator < 0 ? '' : (fields[c.indicator] as string),
    source: source === '' ? null : source,
    sex: cellOrNull(c.sex, fields),
    classif1: cellOrNull(c.classif1, fields),
    classif2: cellOrNull(c.classif2, fields),
    time: c.time < 0 ? '' : (fields[c.time] as string),
    value,
    obsStatus: cellOrNull(c.obs_status, fields),
    noteClassif: notes(c.note_classif, fields),
    noteIndicator: notes(c.note_indicator, fields),
    noteSource: notes(c.note_source, fields),
    comment: cellOrNull(c.comment, fields),
    hasError: verdict.hasError,
    hasUnreadableValue: verdict.hasUnreadableValue,
  };
}

/**
 * Moves the decimal point of a checked decimal (`-?\d+(\.\d+)?`) `shift` places to the right
 * (left when negative), exactly, as text: 1234 persons with shift -3 is "1.234" thousand.
 */
export function shiftDecimal(text: string, shift: number): string {
  if (shift === 0) return text;
  const sign = text.charCodeAt(0) === 45 ? '-' : '';
  const body = sign === '' ? text : text.slice(1);
  const dot = body.indexOf('.');
  let digits = dot < 0 ? body : body.slice(0, dot) + body.slice(dot + 1);
  let point = (dot < 0 ? body.length : dot) + shift;
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const fraction = digits.slice(point).replace(/0+$/, '');
  return `${sign}${whole}${fraction === '' ? '' : `.${fraction}`}`;
}
