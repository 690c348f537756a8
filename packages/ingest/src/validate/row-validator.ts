import type { FindingCollector } from '../findings/collector.js';
import { checkCells, MAX_CELL_CHARS } from './cell-checks.js';
import { checkCode, checkNotes } from './code-checks.js';
import type { ColumnMap, Header } from './columns.js';
import type { CompiledCatalogue, CompiledIndicator } from './compiled-catalogue.js';
import { PlainRowCheck } from './plain-row.js';
import type { RowCheckOptions, RowContext } from './row-context.js';
import { isValidSource, TIME } from './row-patterns.js';
import { DEFAULT_MAX_TRACKED_KEYS, type SeriesTracker, SeriesWindow } from './series-window.js';
import { buildValidatedRow, shiftDecimal, type ValidatedRow } from './validated-row.js';
import { checkedValue, checkValue } from './value-check.js';

export type { RowCheckOptions };
export { DEFAULT_MAX_TRACKED_KEYS, MAX_CELL_CHARS };

/** No cell equals it, so the first source and period are always checked. */
const NEVER = '\u0000';

/** Checks one row at a time with preloaded sets and maps; keys and dataset rules go to a SeriesWindow. */
export class RowValidator {
  private readonly c: ColumnMap;
  /** The window (or the recorder standing in for it in a second thread). */
  readonly window: SeriesTracker;
  private readonly ctx: RowContext;
  /** Sources and periods repeat row after row: the last valid one skips the regular expressions. */
  private lastSource = NEVER;
  private lastTime = NEVER;
  /** The last row's source after the file-level default, for `validatedRow`. */
  private source = '';
  /** The country rows are checked against here; undefined when the database checks it. */
  private readonly country: string | undefined;
  private readonly reportsUnknownSource: boolean;
  /** The check of plain records, made for the file's delimiter on the first one. */
  private plain: PlainRowCheck | undefined;
  rows = 0;

  constructor(
    cat: CompiledCatalogue,
    findings: FindingCollector,
    private readonly header: Header,
    private readonly options: RowCheckOptions,
    /** Where keyed rows go (default: a SeriesWindow of this file). */
    tracker?: SeriesTracker,
  ) {
    this.c = header.columns;
    const hasDatabaseChecks = options.hasDatabaseChecks === true;
    this.window =
      tracker ??
      new SeriesWindow(cat, findings, options.maxTrackedKeys ?? DEFAULT_MAX_TRACKED_KEYS, !hasDatabaseChecks);
    this.country = hasDatabaseChecks ? undefined : options.country;
    this.reportsUnknownSource = !hasDatabaseChecks;
    const first = cat.indicators.values().next().value as CompiledIndicator;
    const series = {
      indicator: first,
      area: '',
      source: '',
      time: '',
      codes: ['', '', ''] as [string, string, string],
      infos: [undefined, undefined, undefined] as RowContext['series']['infos'],
      value: 0,
      line: 0,
    };
    this.ctx = { cat, findings, options, series };
  }

  /** Most bytes held for duplicates and dataset rules: the documented memory bound. */
  get stateBytes(): number {
    return this.window.bytes;
  }

  private cell(index: number, fields: string[]): string {
    return index < 0 ? '' : (fields[index] as string);
  }

  validate(fields: string[], line: number): void {
    this.rows++;
    const { cat, findings: f, series: r } = this.ctx;
    checkCells(fields, line, this.header, f);
    if (!this.header.isUsable) return;
    const c = this.c;
    const indicatorCode = this.cell(c.indicator, fields);
    const indicator = cat.indicators.get(indicatorCode);
    if (!indicator) f.add('UNKNOWN_INDICATOR', { line, column: 'indicator', value: indicatorCode });

    const area = this.cell(c.ref_area, fields);
    if (!cat.areas.has(area)) f.add('UNKNOWN_REF_AREA', { line, column: 'ref_area', value: area });
    else if (this.country !== undefined && area !== this.country) {
      f.add('WRONG_COUNTRY', { line, column: 'ref_area', value: area, expected: this.country });
    }

    let source = this.cell(c.source, fields);
    if (source === '') source = this.options.source ?? '';
    this.source = source;
    let isKeyOk = this.checkSource(source, line);

    let areCodesOk = true;
    for (let s = 0; s < 3; s++) {
      const code = this.cell(s === 0 ? c.sex : s === 1 ? c.classif1 : c.classif2, fields);
      r.codes[s] = code;
      r.infos[s] = undefined;
      if (indicator && !checkCode(this.ctx, indicator, s, code, line)) areCodesOk = false;
    }
    const c1 = r.codes[1];
    if (indicator?.isForeignTable && c1.endsWith(area) && c1.charCodeAt(c1.length - area.length - 1) === 95) {
      f.add('OWN_COUNTRY_IN_FOREIGN_TABLE', { line, column: 'classif1', value: r.codes[1], indicator: indicator.code });
    }

    const time = this.cell(c.time, fields);
    if (time !== this.lastTime) {
      if (TIME.test(time)) this.lastTime = time;
      else {
        f.add('INVALID_TIME', { line, column: 'time', value: time });
        isKeyOk = false;
      }
    }

    const status = this.cell(c.obs_status, fields);
    if (status !== '' && !cat.obsStatuses.has(status)) {
      f.add('UNKNOWN_OBS_STATUS', { line, column: 'obs_status', value: status, expected: cat.obsStatusList });
    }
    checkNotes(this.ctx, c, fields, line);

    const value = checkValue(this.ctx, indicator, this.cell(c.obs_value, fields), status, line);
    if (!indicator || !areCodesOk || !isKeyOk || value === undefined) return;
    r.indicator = indicator;
    r.area = area;
    r.source = source;
    r.time = time;
    r.value = value;
    r.line = line;
    this.window.track(r);
  }

  /** The row just validated, for the row hook: built only when there is one. */
  validatedRow(fields: string[], line: number): ValidatedRow {
    const text = this.cell(this.c.obs_value, fields);
    const value = checkedValue.isNumber ? shiftDecimal(text, checkedValue.shift) : null;
    const hasUnreadableValue = value === null && text !== '';
    return buildValidatedRow(fields, line, this.c, this.source, value, {
      hasError: this.ctx.findings.rowHasError,
      hasUnreadableValue,
    });
  }

  /** Whether the source can be part of a key. */
  private checkSource(source: string, line: number): boolean {
    if (source === this.lastSource) return true;
    if (source === '') {
      this.ctx.findings.add('MISSING_SOURCE', { line, column: 'source' });
      return false;
    }
    if (!isValidSource(source)) {
      if (this.reportsUnknownSource) this.ctx.findings.add('UNKNOWN_SOURCE', { line, column: 'source', value: source });
      return false;
    }
    this.lastSource = source;
    return true;
  }

  /**
   * Checks a record without quotes from its text (`input[start, end)`), as `validate` would its
   * fields; false, having changed nothing, when the row could raise a finding or is not read
   * alike (see PlainRowCheck): `validate` then checks its fields.
   */
  validatePlain(input: string, start: number, end: number, line: number, delimiter: string): boolean {
    if (!this.header.isUsable) return false;
    this.plain ??= new PlainRowCheck(
      this.ctx.cat,
      this.header,
      this.options,
      this.country,
      delimiter,
      this.ctx.series,
      this.window,
    );
    if (!this.plain.check(input, start, end, line)) return false;
    this.rows++;
    return true;
  }

  /** Reports the dataset rules once every row is read. */
  finish(): void {
    this.window.finish();
  }
}
