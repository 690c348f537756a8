import { MAX_CELL_CHARS } from './cell-checks.js';
import type { ColumnMap, Header, LayoutColumn } from './columns.js';
import type { CodeInfo, CompiledCatalogue, CompiledIndicator } from './compiled-catalogue.js';
import { parsed, parsedAsFloat, scaled, scaleParsed } from './numbers.js';
import type { RowCheckOptions } from './row-context.js';
import { SOURCE, SOURCE_PREFIX, TIME } from './row-patterns.js';
import type { SeriesRow, SeriesTracker } from './series-window.js';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SLOTS = 1 << 13;
/** Distinct texts remembered per column; past it, a text is judged each time it is met. */
const MAX_TEXTS = SLOTS >> 1;
/** Longer cells are no code, period or source: their rows take the full checks, and no memory holds them. */
const MAX_TEXT_CHARS = 128;
const MAX_DIGITS = 15;
/** Characters from U+1000 on (Burmese, Khmer …) may need the Zawgyi check: such cells take the full path. */
const HIGH_CHAR = 0x1000;

/** A copy that holds no reference to the (much larger) record buffer it was cut from. */
function ownCopy(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, 'utf16le').toString('utf16le');
}

/**
 * The verdicts on the distinct texts of one column, looked up by the FNV-1a hash of the cell's
 * UTF-16 code units and compared with the record's text in place, so a cell met before is never
 * cut into a string. `judge` returns null for a text that could raise a finding: the row then
 * goes to the full checks.
 */
export class CellVerdicts<T> {
  private readonly texts: (string | undefined)[] = new Array(SLOTS).fill(undefined);
  private readonly verdicts: (T | null)[] = new Array(SLOTS).fill(null);
  private size = 0;
  /** Rows repeat their neighbours' cells: the last text found is tried before the table. */
  lastText = '';
  lastVerdict: T | null;

  constructor(private readonly judge: (text: string) => T | null) {
    this.lastVerdict = judge('');
  }

  /** The verdict on `input[start, end)`, whose hash is `hash`; null also for a text too long to hold. */
  find(input: string, start: number, end: number, hash: number): T | null {
    const length = end - start;
    if (length > MAX_TEXT_CHARS) return null;
    const mask = SLOTS - 1;
    let slot = hash & mask;
    for (let text = this.texts[slot]; text !== undefined; text = this.texts[slot]) {
      if (text.length === length && input.startsWith(text, start)) {
        this.lastText = text;
        this.lastVerdict = this.verdicts[slot] as T | null;
        return this.lastVerdict;
      }
      slot = (slot + 1) & mask;
    }
    const text = ownCopy(input.slice(start, end));
    const verdict = this.judge(text);
    if (this.size < MAX_TEXTS) {
      this.texts[slot] = text;
      this.verdicts[slot] = verdict;
      this.size++;
    }
    this.lastText = text;
    this.lastVerdict = verdict;
    return verdict;
  }
}

/** A code cell as met: its text (held by the table, so rows share it) and its catalogue entry. */
interface CodeCell {
  text: string;
  info: CodeInfo | undefined;
}

const NOTE_COLUMNS = ['note_classif', 'note_indicator', 'note_source'] as const;
const EMPTY_CODE: CodeCell = { text: '', info: undefined };
/** How a column's cells are read. */
const LOOKED_UP = 0;
const VALUE = 1;
const FREE_TEXT = 2;

/**
 * The full checks' answer for rows that raise no finding, found in one pass over the record's
 * text without splitting it: used for records without quotes (see `RecordHandler.onPlainRecord`).
 * `check` returns false, having changed nothing, for any row that could raise a finding or that
 * it might not read alike; the full checks then read that row as they read every row. It returns
 * true only when the full checks would have found nothing and tracked the same key.
 */
export class PlainRowCheck {
  private readonly last: number;
  private readonly kinds: Uint8Array;
  /** Per column: its verdict table (looked-up columns only). */
  private readonly tables: (CellVerdicts<unknown> | null)[];
  /** Per column: the verdict on an empty cell (null: such a row takes the full checks). */
  private readonly empties: unknown[];
  /** The row being read: each looked-up column's verdict. */
  private readonly found: unknown[];
  private readonly c: ColumnMap;
  private readonly delimiter: number;
  /** The file's source for rows without a source column. */
  private readonly defaultSource: string | null;
  private mantissa = 0;
  private decimals = 0;

  constructor(
    cat: CompiledCatalogue,
    header: Header,
    private readonly options: RowCheckOptions,
    /** The country rows must be from, when checked here. */
    country: string | undefined,
    delimiter: string,
    private readonly r: SeriesRow,
    private readonly window: SeriesTracker,
  ) {
    const c = header.columns;
    this.c = c;
    this.delimiter = delimiter.charCodeAt(0);
    const width = header.names.length;
    this.last = width - 1;
    const fallback = options.source ?? '';
    this.defaultSource = fallback === '' ? null : validSource(fallback);
    const code = (text: string): CodeCell | null => {
      if (text === '') return EMPTY_CODE;
      const info = cat.codes.get(text);
      return info === undefined ? null : { text, info };
    };
    const tables = new Map<number, CellVerdicts<unknown>>([
      [c.indicator, new CellVerdicts((text) => cat.indicators.get(text) ?? null)],
      [c.ref_area, new CellVerdicts((text) => (cat.areas.has(text) && (country ?? text) === text ? text : null))],
      [c.source, new CellVerdicts((text) => (text === '' ? this.defaultSource : validSource(text)))],
      [c.time, new CellVerdicts((text) => (TIME.test(text) ? text : null))],
      [
        c.obs_status,
        new CellVerdicts((text) =>
          text === '' || (cat.obsStatuses.has(text) && !cat.missingStatuses.has(text)) ? true : null,
        ),
      ],
      [c.sex, new CellVerdicts(code)],
      [c.classif1, new CellVerdicts(code)],
      [c.classif2, new CellVerdicts(code)],
      ...NOTE_COLUMNS.map(
        (column) => [c[column], new CellVerdicts((text) => (areNotesValid(cat, column, text) ? true : null))] as const,
      ),
    ]);
    this.kinds = new Uint8Array(width);
    this.tables = [];
    this.empties = [];
    for (let i = 0; i < width; i++) {
      const table = tables.get(i) ?? null;
      this.kinds[i] = table !== null ? LOOKED_UP : i === c.obs_value ? VALUE : FREE_TEXT;
      this.tables.push(table);
      this.empties.push(table === null ? (i === c.obs_value ? null : true) : table.lastVerdict);
    }
    this.found = new Array(width).fill(null);
  }

  /** Checks the record `input[start, end)` on physical line `line`; false: leave it to the full checks. */
  check(input: string, start: number, end: number, line: number): boolean {
    const { kinds, tables, empties, found } = this;
    const delimiter = this.delimiter;
    const last = this.last;
    let at = start;
    for (let i = 0; ; i++) {
      // Where the cell ends: at the next delimiter, or at the record's end for the last column.
      let cellEnd = at;
      if (at === end || input.charCodeAt(at) === delimiter) {
        const verdict = empties[i];
        if (verdict === null) return false;
        found[i] = verdict;
      } else if (kinds[i] === LOOKED_UP) {
        const table = tables[i] as CellVerdicts<unknown>;
        const known = table.lastText;
        const after = at + known.length;
        if (
          known.length > 0 &&
          (after === end || (after < end && input.charCodeAt(after) === delimiter)) &&
          input.startsWith(known, at)
        ) {
          cellEnd = after;
          const verdict = table.lastVerdict;
          if (verdict === null) return false;
          found[i] = verdict;
        } else {
          let hash = FNV_OFFSET;
          for (; cellEnd < end; cellEnd++) {
            const ch = input.charCodeAt(cellEnd);
            if (ch === delimiter) break;
            hash = Math.imul(hash ^ ch, FNV_PRIME);
          }
          const verdict = table.find(input, at, cellEnd, hash);
          if (verdict === null) return false;
          found[i] = verdict;
        }
      } else if (kinds[i] === VALUE) {
        cellEnd = this.readNumber(input, at, end);
        if (cellEnd < 0) return false;
      } else {
        cellEnd = endOfPlainText(input, at, end, delimiter);
        if (cellEnd < 0) return false;
      }
      if (i === last) {
        // Text after the last column's cell is a further cell: a ragged row.
        if (cellEnd !== end) return false;
        break;
      }
      if (cellEnd === end) return false;
      at = cellEnd + 1;
    }
    return this.track(line);
  }

  /** Hands the row's key to the window once its cells are all valid; false if the row as a whole is not. */
  private track(line: number): boolean {
    const { c, found, r } = this;
    const indicator = found[c.indicator] as CompiledIndicator;
    const area = found[c.ref_area] as string;
    const source = c.source < 0 ? this.defaultSource : (found[c.source] as string | null);
    if (source === null) return false;
    for (let s = 0; s < 3; s++) {
      const i = s === 0 ? c.sex : s === 1 ? c.classif1 : c.classif2;
      const cell = i < 0 ? EMPTY_CODE : (found[i] as CodeCell);
      const slot = indicator.slots[s] ?? null;
      if (slot === null ? cell.info !== undefined : cell.info === undefined || !slot.allowed.has(cell.info.scheme)) {
        return false;
      }
      r.codes[s] = cell.text;
      r.infos[s] = cell.info;
    }
    const c1 = r.codes[1];
    if (indicator.isForeignTable && c1.endsWith(area) && c1.charCodeAt(c1.length - area.length - 1) === 95) {
      return false;
    }
    const value = this.value(indicator);
    if (value === undefined) return false;
    r.indicator = indicator;
    r.area = area;
    r.source = source;
    r.time = found[c.time] as string;
    r.value = value;
    r.line = line;
    this.window.track(r);
    return true;
  }

  /**
   * Reads a non-negative decimal as `parseDecimal` does (digits, at most one inner point, at most
   * 15 significant digits); returns where it ends, or -1 for anything else.
   */
  private readNumber(input: string, start: number, end: number): number {
    let mantissa = 0;
    let decimals = 0;
    let digits = 0;
    let point = -1;
    let i = start;
    for (; i < end; i++) {
      const ch = input.charCodeAt(i);
      if (ch >= 48 && ch <= 57) {
        if (digits > 0 || ch !== 48) digits++;
        mantissa = mantissa * 10 + (ch - 48);
        if (point >= 0) decimals++;
      } else if (ch === 46 && point < 0 && i > start) {
        point = i;
      } else if (ch === this.delimiter) {
        break;
      } else {
        return -1;
      }
    }
    if (point === i - 1 || digits > MAX_DIGITS) return -1;
    this.mantissa = mantissa;
    this.decimals = decimals;
    return i;
  }

  /** The value as `checkValue` gives it when it raises nothing; undefined otherwise. */
  private value(indicator: CompiledIndicator): number | undefined {
    parsed.mantissa = this.mantissa;
    parsed.decimals = this.decimals;
    parsed.isNegative = false;
    const isCount = indicator.kind === 'count';
    const shift = isCount ? (this.options.unitMultiplier ?? indicator.unitMultiplier) - indicator.unitMultiplier : 0;
    const asFloat = parsedAsFloat(shift);
    if (asFloat < indicator.min || (indicator.max !== null && asFloat > indicator.max)) return undefined;
    if (!isCount) return asFloat;
    scaleParsed(3, shift);
    return scaled.isExact ? scaled.value : undefined;
  }
}

/**
 * Where a cell of free text (comment, labels, unknown columns) ends, when `checkCells` raises
 * nothing for it: not too long, no formula start, and no character from U+1000 on (Burmese,
 * Khmer …), for which the full checks look for Zawgyi; -1 otherwise.
 */
function endOfPlainText(input: string, start: number, end: number, delimiter: number): number {
  if (isFormulaStart(input.charCodeAt(start))) return -1;
  let i = start;
  for (; i < end; i++) {
    const ch = input.charCodeAt(i);
    if (ch === delimiter) break;
    if (ch >= HIGH_CHAR) return -1;
  }
  return i - start > MAX_CELL_CHARS ? -1 : i;
}

/** `=`, `+`, `-`, `@`: what a spreadsheet would take for a formula. */
function isFormulaStart(ch: number): boolean {
  return ch === 61 || ch === 43 || ch === 45 || ch === 64;
}

function validSource(text: string): string | null {
  return SOURCE.test(text) && SOURCE_PREFIX.test(text) ? text : null;
}

/** Whether `checkNotes` and `checkCells` find nothing in this note cell. */
function areNotesValid(cat: CompiledCatalogue, column: LayoutColumn, text: string): boolean {
  if (text.length > MAX_CELL_CHARS || isFormulaStart(text.charCodeAt(0))) return false;
  const cell = text.trim();
  if (cell === '') return true;
  for (const note of cell.split('_')) if (cat.noteColumns.get(note) !== column) return false;
  return true;
}
