import { MAX_CELL_CHARS } from './cell-checks.js';
import { noteCodes } from './code-checks.js';
import type { ColumnMap, Header, LayoutColumn } from './columns.js';
import type { CodeInfo, CompiledCatalogue, CompiledIndicator } from './compiled-catalogue.js';
import { parsed, parsedAsFloat, scaled, scaleParsed } from './numbers.js';
import type { RowCheckOptions } from './row-context.js';
import { isValidSource, TIME } from './row-patterns.js';
import type { SeriesRow, SeriesTracker } from './series-window.js';
import { unitShift } from './value-check.js';

const SLOTS = 1 << 12;
/** Distinct texts remembered per column; past it, a text is judged each time it is met. */
const MAX_TEXTS = SLOTS >> 1;
/** Characters packed in one word of a cell's key: 7 of 7 bits each, exact in a double (49 < 53 bits). */
const CHARS_PER_WORD = 7;
/** Longer cells are no code, period or source: their rows take the full checks. */
const MAX_KEY_CHARS = 4 * CHARS_PER_WORD;
const MAX_DIGITS = 15;
/** Characters from U+1000 on (Burmese, Khmer …) may need the Zawgyi check: such cells take the full path. */
const HIGH_CHAR = 0x1000;

/**
 * A copy that holds no reference to the (much larger) record buffer it was cut from (V8 cuts
 * longer slices as views of their parent).
 */
function ownCopy(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, 'latin1').toString('latin1');
}

/**
 * A looked-up cell as read: its length and its ASCII characters packed 7 to a word, which is an
 * exact key (no two texts share one), so cells are compared as numbers, never as strings.
 * One object per check, overwritten for every cell.
 */
class CellKey {
  length = 0;
  w0 = 0;
  w1 = 0;
  w2 = 0;
  w3 = 0;
  /** Where the cell ends in the record (at a delimiter, or the record's end). */
  end = 0;

  /** Reads the cell at `start`; false when it is longer than a key holds or not all ASCII. */
  read(input: string, start: number, end: number, delimiter: number): boolean {
    let w0 = 0;
    let w1 = 0;
    let w2 = 0;
    let w3 = 0;
    let i = start;
    for (; i < end; i++) {
      const ch = input.charCodeAt(i);
      if (ch === delimiter) break;
      if (ch >= 128) return false;
      const n = i - start;
      if (n < CHARS_PER_WORD) w0 = w0 * 128 + ch;
      else if (n < 2 * CHARS_PER_WORD) w1 = w1 * 128 + ch;
      else if (n < 3 * CHARS_PER_WORD) w2 = w2 * 128 + ch;
      else if (n < MAX_KEY_CHARS) w3 = w3 * 128 + ch;
      else return false;
    }
    this.length = i - start;
    this.w0 = w0;
    this.w1 = w1;
    this.w2 = w2;
    this.w3 = w3;
    this.end = i;
    return true;
  }
}

/**
 * The verdicts on the distinct texts of one column, by their packed keys (CellKey), so a cell met
 * before is never cut into a string. `judge` returns null for a text that could raise a finding:
 * the row then goes to the full checks.
 */
export class CellVerdicts<T> {
  private readonly lengths = new Uint8Array(SLOTS);
  private readonly words = new Float64Array(SLOTS * 4);
  private readonly verdicts: (T | null)[] = new Array(SLOTS).fill(null);
  private size = 0;
  /** Rows repeat their neighbours' cells: the last key found is tried before the table. */
  private lastLength = -1;
  private last0 = 0;
  private last1 = 0;
  private last2 = 0;
  private last3 = 0;
  private lastVerdict: T | null = null;
  /** The verdict on an empty cell. */
  readonly empty: T | null;
  /** Whether the last `find` was for the same text as the one before. */
  wasLast = false;

  constructor(private readonly judge: (text: string) => T | null) {
    this.empty = judge('');
  }

  /** The verdict on the cell `key` read from `input` at `start`. */
  find(key: CellKey, input: string, start: number): T | null {
    const { length, w0, w1, w2, w3 } = key;
    if (
      length === this.lastLength &&
      w0 === this.last0 &&
      w1 === this.last1 &&
      w2 === this.last2 &&
      w3 === this.last3
    ) {
      this.wasLast = true;
      return this.lastVerdict;
    }
    this.wasLast = false;
    let hash = Math.imul(length ^ (w0 % 0x40000000), 0x85ebca6b);
    hash = Math.imul(hash ^ (hash >>> 15) ^ (w1 % 0x40000000), 0xc2b2ae35);
    hash = Math.imul(hash ^ (hash >>> 13) ^ (w2 % 0x40000000) ^ (w3 % 0x40000000), 0x85ebca6b);
    const mask = SLOTS - 1;
    let slot = (hash ^ (hash >>> 16)) & mask;
    const words = this.words;
    let verdict: T | null;
    for (;;) {
      const at = slot * 4;
      if (this.lengths[slot] === 0) {
        verdict = this.judge(ownCopy(input.slice(start, key.end)));
        if (this.size < MAX_TEXTS) {
          this.lengths[slot] = length;
          words[at] = w0;
          words[at + 1] = w1;
          words[at + 2] = w2;
          words[at + 3] = w3;
          this.verdicts[slot] = verdict;
          this.size++;
        }
        break;
      }
      if (
        this.lengths[slot] === length &&
        words[at] === w0 &&
        words[at + 1] === w1 &&
        words[at + 2] === w2 &&
        words[at + 3] === w3
      ) {
        verdict = this.verdicts[slot] as T | null;
        break;
      }
      slot = (slot + 1) & mask;
    }
    this.lastLength = length;
    this.last0 = w0;
    this.last1 = w1;
    this.last2 = w2;
    this.last3 = w3;
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
  private readonly key = new CellKey();
  /** Per column: the length of the last row's cell, and where it ended (from the record's start). */
  private readonly lengths: Int32Array;
  private readonly ends: Int32Array;
  /**
   * The last row's first cells with their delimiters, and how many cells that is: 0 for none,
   * -1 when the last row was not read to its end (then `found` and `lengths` are partly its).
   */
  private prefix = '';
  private prefixFields = -1;

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
      this.empties.push(table === null ? (i === c.obs_value ? null : true) : table.empty);
    }
    this.found = new Array(width).fill(null);
    this.lengths = new Int32Array(width).fill(-1);
    this.ends = new Int32Array(width);
  }

  /** Checks the record `input[start, end)` on physical line `line`; false: leave it to the full checks. */
  check(input: string, start: number, end: number, line: number): boolean {
    const { kinds, tables, empties, found, lengths, ends } = this;
    const delimiter = this.delimiter;
    const last = this.last;
    // Rows repeat their neighbours' first cells (area, source, indicator …): one comparison of
    // the text those took in the last row stands for reading them again.
    const known = this.prefixFields;
    this.prefixFields = -1;
    let at = start;
    let i = 0;
    const prefix = this.prefix;
    // Cut and compared whole: V8 compares flat strings a machine word at a time, where
    // startsWith goes a character at a time.
    if (known > 0 && start + prefix.length <= end && input.slice(start, start + prefix.length) === prefix) {
      at = start + prefix.length;
      i = known;
    }
    /** The first cell unlike the last row's. */
    let changed = known < 0 ? 0 : -1;
    for (; ; i++) {
      // Where the cell ends: at the next delimiter, or at the record's end for the last column.
      let cellEnd = at;
      let isSame = false;
      if (at === end || input.charCodeAt(at) === delimiter) {
        const verdict = empties[i];
        if (verdict === null) return false;
        found[i] = verdict;
        isSame = lengths[i] === 0;
      } else if (kinds[i] === LOOKED_UP) {
        const key = this.key;
        if (!key.read(input, at, end, delimiter)) return false;
        const table = tables[i] as CellVerdicts<unknown>;
        const verdict = table.find(key, input, at);
        if (verdict === null) return false;
        found[i] = verdict;
        cellEnd = key.end;
        isSame = table.wasLast && lengths[i] === key.length;
      } else if (kinds[i] === VALUE) {
        cellEnd = this.readNumber(input, at, end);
        if (cellEnd < 0) return false;
      } else {
        cellEnd = endOfPlainText(input, at, end, delimiter);
        if (cellEnd < 0) return false;
      }
      if (!isSame && changed < 0) changed = i;
      lengths[i] = cellEnd - at;
      ends[i] = cellEnd - start;
      if (i === last) {
        // Text after the last column's cell is a further cell: a ragged row.
        if (cellEnd !== end) return false;
        break;
      }
      if (cellEnd === end) return false;
      at = cellEnd + 1;
    }
    const fields = changed < 0 ? last : Math.min(changed, last);
    if (fields !== known)
      this.prefix = fields === 0 ? '' : input.slice(start, start + (ends[fields - 1] as number) + 1);
    this.prefixFields = fields;
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
    const shift = unitShift(indicator, this.options);
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
  return isValidSource(text) ? text : null;
}

/** Whether `checkNotes` and `checkCells` find nothing in this note cell. */
function areNotesValid(cat: CompiledCatalogue, column: LayoutColumn, text: string): boolean {
  if (text.length > MAX_CELL_CHARS || isFormulaStart(text.charCodeAt(0))) return false;
  for (const note of noteCodes(text)) if (cat.noteColumns.get(note) !== column) return false;
  return true;
}
