import type { FindingCollector } from '../findings/collector.js';
import { checkCells, MAX_CELL_CHARS } from './cell-checks.js';
import type { ColumnMap, Header } from './columns.js';
import {
  type CompiledCatalogue,
  type CompiledIndicator,
  nationalSchemeOf,
  type SlotCheck,
} from './compiled-catalogue.js';
import { formatThousandths, parseDecimal, parsedAsFloat, scaled, scaleParsed } from './numbers.js';
import { DEFAULT_MAX_TRACKED_KEYS, type SeriesRow, SeriesWindow } from './series-window.js';

export interface RowCheckOptions {
  /** ISO alpha-3 of the submitting country: rows of other countries are errors. */
  country?: string;
  /** Source for rows whose source cell is empty (or for files without the column). */
  source?: string;
  /** Power of ten the count values are written in (3 = thousands, the ILOSTAT unit; 0 = persons). */
  unitMultiplier?: number;
  /** Registered national classifications: scheme id → its full codes. */
  nationalSchemes?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Series keys (and rule groups) held at once for duplicates and dataset rules (memory bound). */
  maxTrackedKeys?: number;
}

export { DEFAULT_MAX_TRACKED_KEYS, MAX_CELL_CHARS };

const TIME = /^(?:19[5-9]\d|20\d\d|2100)(?:Q[1-4]|M(?:0[1-9]|1[0-2]))?$/;
const SOURCE = /^[A-Z]{2}:(?:\d+|HUB-\d+)$/;
const SOURCE_PREFIX = /^(?:AA|BA|CA|DA|EA|F[A-Z]):/;
const SLOT_COLUMNS = ['sex', 'classif1', 'classif2'] as const;
/** No cell equals it, so the first source and period are always checked. */
const NEVER = '\u0000';

/** Checks one row at a time with preloaded sets and maps; keys and dataset rules go to a SeriesWindow. */
export class RowValidator {
  private readonly c: ColumnMap;
  private readonly window: SeriesWindow;
  /** The row handed to the window: one object for the whole file. */
  private readonly series: SeriesRow;
  /** Sources and periods repeat row after row: the last valid one skips the regular expressions. */
  private lastSource = NEVER;
  private lastTime = NEVER;
  rows = 0;

  constructor(
    private readonly cat: CompiledCatalogue,
    private readonly findings: FindingCollector,
    private readonly header: Header,
    private readonly options: RowCheckOptions,
  ) {
    this.c = header.columns;
    this.window = new SeriesWindow(cat, findings, options.maxTrackedKeys ?? DEFAULT_MAX_TRACKED_KEYS);
    const first = cat.indicators.values().next().value as CompiledIndicator;
    this.series = {
      indicator: first,
      area: '',
      source: '',
      time: '',
      codes: ['', '', ''],
      infos: [undefined, undefined, undefined],
      value: 0,
      line: 0,
    };
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
    checkCells(fields, line, this.header, this.findings);
    if (!this.header.isUsable) return;
    const f = this.findings;
    const c = this.c;
    const r = this.series;
    const indicatorCode = this.cell(c.indicator, fields);
    const indicator = this.cat.indicators.get(indicatorCode);
    if (!indicator) f.add('UNKNOWN_INDICATOR', { line, column: 'indicator', value: indicatorCode });

    const area = this.cell(c.ref_area, fields);
    if (!this.cat.areas.has(area)) f.add('UNKNOWN_REF_AREA', { line, column: 'ref_area', value: area });
    else if (this.options.country !== undefined && area !== this.options.country) {
      f.add('WRONG_COUNTRY', { line, column: 'ref_area', value: area, expected: this.options.country });
    }

    let source = this.cell(c.source, fields);
    if (source === '') source = this.options.source ?? '';
    let isKeyOk = this.checkSource(source, line);

    let areCodesOk = true;
    for (let s = 0; s < 3; s++) {
      const code = this.cell(s === 0 ? c.sex : s === 1 ? c.classif1 : c.classif2, fields);
      r.codes[s] = code;
      r.infos[s] = undefined;
      if (indicator && !this.checkCode(indicator, s, code, line)) areCodesOk = false;
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
    if (status !== '' && !this.cat.obsStatuses.has(status)) {
      f.add('UNKNOWN_OBS_STATUS', {
        line,
        column: 'obs_status',
        value: status,
        expected: [...this.cat.obsStatuses].join(', '),
      });
    }
    this.checkNotes(fields, line);

    const value = this.checkValue(indicator, this.cell(c.obs_value, fields), status, line);
    if (!indicator || !areCodesOk || !isKeyOk || value === undefined) return;
    r.indicator = indicator;
    r.area = area;
    r.source = source;
    r.time = time;
    r.value = value;
    r.line = line;
    this.window.track(r);
  }

  /** Whether the source can be part of a key. */
  private checkSource(source: string, line: number): boolean {
    if (source === this.lastSource) return true;
    if (source === '') {
      this.findings.add('MISSING_SOURCE', { line, column: 'source' });
      return false;
    }
    if (!SOURCE.test(source) || !SOURCE_PREFIX.test(source)) {
      this.findings.add('UNKNOWN_SOURCE', { line, column: 'source', value: source });
      return false;
    }
    this.lastSource = source;
    return true;
  }

  /** Returns whether the code can take part in key and sum checks. */
  private checkCode(indicator: CompiledIndicator, s: number, code: string, line: number): boolean {
    const f = this.findings;
    const slot: SlotCheck | null = indicator.slots[s] ?? null;
    const column = SLOT_COLUMNS[s] ?? 'sex';
    if (slot === null) {
      if (code === '') return true;
      f.add('UNEXPECTED_CODE', { line, column, value: code, detail: indicator.code });
      return false;
    }
    if (code === '') {
      f.add('MISSING_CODE', { line, column, detail: indicator.code, expected: slot.examples });
      return false;
    }
    const info = this.cat.codes.get(code);
    if (info) {
      this.series.infos[s] = info;
      if (slot.allowed.has(info.scheme)) return true;
      f.add('SCHEME_NOT_ALLOWED', {
        line,
        column,
        value: code,
        detail: info.scheme,
        expected: slot.examples,
        indicator: indicator.code,
      });
      return false;
    }
    const national = nationalSchemeOf(code);
    if (national && slot.acceptsNational && national.dimension === slot.dimension) {
      if (this.options.nationalSchemes?.get(national.scheme)?.has(code)) return true;
    } else if (national) {
      f.add('SCHEME_NOT_ALLOWED', {
        line,
        column,
        value: code,
        detail: national.scheme,
        expected: slot.examples,
        indicator: indicator.code,
      });
      return false;
    }
    f.add('UNKNOWN_CODE', { line, column, value: code, expected: slot.examples });
    return false;
  }

  private checkNotes(fields: string[], line: number): void {
    for (const column of ['note_classif', 'note_indicator', 'note_source'] as const) {
      const cell = this.cell(this.c[column], fields).trim();
      if (cell === '' || cell.length > MAX_CELL_CHARS) continue;
      for (const note of cell.split('_')) {
        const home = this.cat.noteColumns.get(note);
        if (home === undefined) this.findings.add('UNKNOWN_NOTE', { line, column, value: note });
        else if (home !== column) {
          this.findings.add('NOTE_WRONG_COLUMN', {
            line,
            column,
            value: note,
            expected: home,
            detail: this.cat.notes.get(note),
          });
        }
      }
    }
  }

  /** The value as integer thousandths (counts) or a float (others); NaN when missing; undefined when wrong. */
  private checkValue(
    indicator: CompiledIndicator | undefined,
    text: string,
    status: string,
    line: number,
  ): number | undefined {
    const f = this.findings;
    const isMissingStatus = this.cat.missingStatuses.has(status);
    if (text === '') {
      if (isMissingStatus) return Number.NaN;
      f.add('EMPTY_VALUE_WITHOUT_STATUS', {
        line,
        column: 'obs_value',
        value: status,
        expected: [...this.cat.missingStatuses].join(', '),
      });
      return undefined;
    }
    const shape = parseDecimal(text);
    if (shape !== 'ok') {
      const code =
        shape === 'thousands_separator'
          ? 'THOUSANDS_SEPARATOR'
          : shape === 'decimal_comma'
            ? 'DECIMAL_COMMA'
            : 'NOT_A_NUMBER';
      f.add(code, {
        line,
        column: 'obs_value',
        value: text,
        expected: code === 'DECIMAL_COMMA' ? text.replace(',', '.') : '',
      });
      return undefined;
    }
    if (isMissingStatus) f.add('VALUE_WITH_MISSING_STATUS', { line, column: 'obs_value', value: text, detail: status });
    if (!indicator) return undefined;
    const isCount = indicator.kind === 'count';
    const shift = isCount ? (this.options.unitMultiplier ?? indicator.unitMultiplier) - indicator.unitMultiplier : 0;
    const asFloat = parsedAsFloat(shift);
    if (asFloat < indicator.min || (indicator.max !== null && asFloat > indicator.max)) {
      f.add('OUT_OF_RANGE', {
        line,
        column: 'obs_value',
        value: text,
        expected: `${indicator.min} to ${indicator.max ?? 'no upper limit'}`,
        indicator: indicator.code,
      });
      return undefined;
    }
    if (!isCount) return asFloat;
    scaleParsed(3, shift);
    if (!scaled.isExact) {
      f.add('TOO_MANY_DECIMALS', { line, column: 'obs_value', value: text, expected: formatThousandths(scaled.value) });
    }
    return isMissingStatus ? Number.NaN : scaled.value;
  }

  /** Reports the dataset rules once every row is read. */
  finish(): void {
    this.window.finish();
  }
}
