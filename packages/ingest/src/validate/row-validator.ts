import type { FindingCollector } from '../findings/collector.js';
import { isZawgyi } from '../read/zawgyi.js';
import type { ColumnMap, Header } from './columns.js';
import {
  type CompiledCatalogue,
  type CompiledIndicator,
  nationalSchemeOf,
  type SlotCheck,
} from './compiled-catalogue.js';
import { RateGroups, SumGroups } from './dataset-rules.js';
import { HashIndex, KeyHash } from './key-hash.js';
import { formatThousandths, parseDecimal, parsedAsFloat, scaled, scaleParsed } from './numbers.js';

export interface RowCheckOptions {
  /** ISO alpha-3 of the submitting country: rows of other countries are errors. */
  country?: string;
  /** Source for rows whose source cell is empty (or for files without the column). */
  source?: string;
  /** Power of ten the count values are written in (3 = thousands, the ILOSTAT unit; 0 = persons). */
  unitMultiplier?: number;
  /** Registered national classifications: scheme id → its full codes. */
  nationalSchemes?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Series keys tracked for duplicates and totals before those checks stop (memory bound). */
  maxTrackedKeys?: number;
}

/** Excel's own limit for one cell. */
export const MAX_CELL_CHARS = 32_767;
export const DEFAULT_MAX_TRACKED_KEYS = 4_000_000;

const TIME = /^(?:19[5-9]\d|20\d\d|2100)(?:Q[1-4]|M(?:0[1-9]|1[0-2]))?$/;
const SOURCE = /^[A-Z]{2}:(?:\d+|HUB-\d+)$/;
const SOURCE_PREFIX = /^(?:AA|BA|CA|DA|EA|F[A-Z]):/;
const SLOT_COLUMNS = ['sex', 'classif1', 'classif2'] as const;
const SEEDS = { duplicate: 1, sex: 2, classif1: 3, classif2: 4, identity: 5, rate: 6 } as const;

/** Checks one row at a time with preloaded sets and maps; dataset rules are aggregated as numbers. */
export class RowValidator {
  private readonly c: ColumnMap;
  private readonly keys = new HashIndex();
  private readonly keyLines: Uint32Array[] = [];
  private readonly prefix = new KeyHash();
  private readonly h = new KeyHash();
  private readonly sums: SumGroups;
  private readonly rates: RateGroups;
  private readonly maxKeys: number;
  private isOverLimit = false;
  private readonly zawgyiColumns = new Set<number>();
  rows = 0;

  constructor(
    private readonly cat: CompiledCatalogue,
    private readonly findings: FindingCollector,
    private readonly header: Header,
    private readonly options: RowCheckOptions,
  ) {
    this.c = header.columns;
    this.sums = new SumGroups(cat.sums);
    this.rates = new RateGroups(cat.rates);
    this.maxKeys = options.maxTrackedKeys ?? DEFAULT_MAX_TRACKED_KEYS;
  }

  /** Bytes held for duplicates and dataset rules: the documented memory bound. */
  get stateBytes(): number {
    return this.keys.bytes + this.keyLines.length * 4 * 65536 + this.sums.bytes + this.rates.bytes;
  }

  private cell(index: number, fields: string[]): string {
    return index < 0 ? '' : (fields[index] ?? '');
  }

  /** Cell checks that apply to every column: length, formula start, Zawgyi. */
  private checkCells(fields: string[], line: number): boolean {
    let isOk = true;
    const obsValue = this.c.obs_value;
    for (let i = 0; i < fields.length; i++) {
      const text = fields[i] ?? '';
      if (text.length === 0) continue;
      const column = this.header.names[i] ?? '';
      if (text.length > MAX_CELL_CHARS) {
        this.findings.add('CELL_TOO_LONG', {
          line,
          column,
          value: text,
          detail: text.length.toLocaleString('en'),
          expected: MAX_CELL_CHARS.toLocaleString('en'),
        });
        isOk = false;
        continue;
      }
      const first = text.charCodeAt(0);
      if (i !== obsValue && (first === 61 || first === 43 || first === 45 || first === 64)) {
        this.findings.add('FORMULA_LIKE_CELL', { line, column, value: text, detail: text[0] });
      }
    }
    for (const i of this.header.textColumns) {
      const text = fields[i];
      if (text && text.length <= MAX_CELL_CHARS && isZawgyi(text)) {
        this.findings.add('ZAWGYI_TEXT', { line, column: this.header.names[i], value: text });
        this.zawgyiColumns.add(i);
      }
    }
    return isOk;
  }

  validate(fields: string[], line: number): void {
    this.rows++;
    this.checkCells(fields, line);
    if (!this.header.isUsable) return;
    const f = this.findings;
    const c = this.c;
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
    if (source === '') f.add('MISSING_SOURCE', { line, column: 'source' });
    else if (!SOURCE.test(source) || !SOURCE_PREFIX.test(source)) {
      f.add('UNKNOWN_SOURCE', { line, column: 'source', value: source });
    }

    const codes = [this.cell(c.sex, fields), this.cell(c.classif1, fields), this.cell(c.classif2, fields)] as const;
    let areCodesOk = true;
    if (indicator) {
      for (let s = 0; s < 3; s++) {
        if (!this.checkCode(indicator, indicator.slots[s] ?? null, SLOT_COLUMNS[s] ?? 'sex', codes[s] ?? '', line)) {
          areCodesOk = false;
        }
      }
      if (indicator.isForeignTable && codes[1].length > 4 && codes[1].endsWith(`_${area}`)) {
        f.add('OWN_COUNTRY_IN_FOREIGN_TABLE', { line, column: 'classif1', value: codes[1], indicator: indicator.code });
      }
    }

    const time = this.cell(c.time, fields);
    if (!TIME.test(time)) f.add('INVALID_TIME', { line, column: 'time', value: time });

    const status = this.cell(c.obs_status, fields);
    const isStatusKnown = status === '' || this.cat.obsStatuses.has(status);
    if (!isStatusKnown) {
      f.add('UNKNOWN_OBS_STATUS', {
        line,
        column: 'obs_status',
        value: status,
        expected: [...this.cat.obsStatuses].join(', '),
      });
    }
    this.checkNotes(fields, line);

    const value = this.checkValue(indicator, this.cell(c.obs_value, fields), status, line);
    if (!indicator || !areCodesOk || value === undefined) return;
    this.track(indicator, area, source, time, codes, value, line);
  }

  /** Returns whether the code can take part in key and sum checks. */
  private checkCode(
    indicator: CompiledIndicator,
    slot: SlotCheck | null,
    column: string,
    code: string,
    line: number,
  ): boolean {
    const f = this.findings;
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

  private track(
    indicator: CompiledIndicator,
    area: string,
    source: string,
    time: string,
    codes: readonly [string, string, string],
    value: number,
    line: number,
  ): void {
    const canAdd = !this.isOverLimit;
    const h = this.h
      .reset(SEEDS.duplicate)
      .add(area)
      .add(indicator.code)
      .add(source)
      .add(codes[0])
      .add(codes[1])
      .add(codes[2])
      .add(time);
    const before = this.keys.size;
    if (!canAdd && this.keys.size >= this.maxKeys) return;
    const k = this.keys.findOrAdd(h);
    if (!this.keys.isNew) {
      const page = this.keyLines[k >>> 16];
      this.findings.add('DUPLICATE_KEY', { line, expected: String(page?.[k & 0xffff] ?? 0) });
      return;
    }
    if (k === before) {
      if (k >>> 16 >= this.keyLines.length) this.keyLines.push(new Uint32Array(65536));
      const page = this.keyLines[k >>> 16];
      if (page) page[k & 0xffff] = line;
    }
    if (this.keys.size >= this.maxKeys && !this.isOverLimit) {
      this.isOverLimit = true;
      this.findings.add('DUPLICATE_CHECK_LIMIT', { line, expected: this.maxKeys.toLocaleString('en') });
    }
    this.prefix.reset(0).add(area).add(source).add(time);
    if (indicator.kind === 'count') this.trackSums(indicator, codes, value, line, canAdd);
    if (indicator.kind === 'rate' && indicator.rateIndex >= 0) {
      const g = this.rateGroup(indicator.rateIndex, codes, canAdd);
      if (g >= 0) this.rates.set(g, 0, value, line);
    }
    for (const role of indicator.rateRoles) {
      const g = this.rateGroup(role.rateIndex, codes, canAdd);
      if (g >= 0) this.rates.set(g, role.role === 'numerator' ? 1 : 2, value, line);
    }
  }

  private rateGroup(rateIndex: number, codes: readonly [string, string, string], canAdd: boolean): number {
    const h = this.h
      .from(this.prefix, SEEDS.rate * 1000 + rateIndex)
      .add(codes[0])
      .add(codes[1])
      .add(codes[2]);
    return this.rates.group(h, rateIndex, canAdd);
  }

  private trackSums(
    indicator: CompiledIndicator,
    codes: readonly [string, string, string],
    value: number,
    line: number,
    canAdd: boolean,
  ): void {
    for (let s = 0; s < 3; s++) {
      const code = codes[s] ?? '';
      const info = this.cat.codes.get(code);
      if (!info || (!info.isTotal && !info.isComponent)) continue;
      const h = this.h
        .from(this.prefix, SEEDS.sex + s)
        .add(indicator.code)
        .add(info.scheme);
      for (let o = 0; o < 3; o++) if (o !== s) h.add(codes[o] ?? '');
      const g = this.sums.group(h, info.sumIndex, canAdd);
      if (g < 0) continue;
      if (info.isTotal) this.sums.addTotal(g, value, line);
      else this.sums.addComponent(g, info.bit, value, line);
    }
    for (const role of indicator.identityRoles) {
      const specIndex = this.cat.identitySums[role.identityIndex] ?? -1;
      if (specIndex < 0) continue;
      const h = this.h
        .from(this.prefix, SEEDS.identity * 1000 + role.identityIndex)
        .add(codes[0])
        .add(codes[1])
        .add(codes[2]);
      const g = this.sums.group(h, specIndex, canAdd);
      if (g < 0) continue;
      if (role.bit === 0) this.sums.addTotal(g, value, line);
      else this.sums.addComponent(g, role.bit, value, line);
    }
  }

  /** Reports the dataset rules once every row is read. */
  finish(): void {
    this.sums.report(this.findings);
    this.rates.report(this.findings);
  }
}
