import type { FindingCollector } from '../findings/collector.js';
import type { CodeInfo, CompiledCatalogue, CompiledIndicator } from './compiled-catalogue.js';
import { SumGroups } from './dataset-rules.js';
import { BlockedTable, Column } from './packed-table.js';
import { RateGroups, SameTotalGroups } from './rate-groups.js';
import { SeriesKeys } from './series-keys.js';

/** Default number of series keys (and of rule groups) held at once: about 20 MB of typed arrays. */
export const DEFAULT_MAX_TRACKED_KEYS = 1 << 17;

const SCHEME_SUM = 1 << 30;
const IDENTITY_SUM = 2 << 30;
const u32 = (n: number) => new Uint32Array(n);
const u8 = (n: number) => new Uint8Array(n);

/** One row's key fields, already checked; reused for every row. */
export interface SeriesRow {
  indicator: CompiledIndicator;
  area: string;
  source: string;
  time: string;
  codes: [string, string, string];
  infos: [CodeInfo | undefined, CodeInfo | undefined, CodeInfo | undefined];
  value: number;
  line: number;
}

/** Where the row checks hand each keyed row: the window itself, or a recorder for another thread's window. */
export interface SeriesTracker {
  track(r: SeriesRow): void;
  finish(): void;
  /** Most bytes held for duplicates and dataset rules. */
  readonly bytes: number;
}

/**
 * Duplicate keys and dataset rules in bounded memory. A block is one ref_area, source and time:
 * every duplicate and every rule compares rows of one block only. State is kept per block in
 * exact packed keys; when it reaches `maxKeys` entries, every block but the current one is
 * checked, reported and dropped. Files grouped by block (ILOSTAT's are sorted by series) are
 * therefore checked completely in constant memory; a file that returns to a dropped block is
 * reported once with DUPLICATE_CHECK_LIMIT and its later rows of such blocks are not compared.
 */
export class SeriesWindow implements SeriesTracker {
  readonly keys: SeriesKeys;
  private readonly blocks = new BlockedTable();
  private readonly isBlockDone = new Column(u8);
  private readonly dups = new BlockedTable();
  private readonly dupLine = new Column(u32);
  private readonly dupBlock = new Column(u32);
  private readonly sums: SumGroups;
  private readonly rates: RateGroups;
  private readonly sameTotals: SameTotalGroups;
  private isLimitReported = false;
  /** Rows of a block come together, and blocks are never renumbered: the last one skips a lookup. */
  private lastBlock = -1;
  private lastBlockAt = -1;
  private lastBlockSource = -1;
  private peakBytes = 0;

  constructor(
    private readonly cat: CompiledCatalogue,
    private readonly findings: FindingCollector,
    private readonly maxKeys = DEFAULT_MAX_TRACKED_KEYS,
    /** False when the caller finds duplicates itself (in SQL over the stored rows). */
    private readonly reportsDuplicates = true,
  ) {
    this.keys = new SeriesKeys(cat);
    this.sums = new SumGroups(cat.sums);
    this.rates = new RateGroups(cat.rates);
    this.sameTotals = new SameTotalGroups(cat.sameTotals);
  }

  /** Most bytes held at once for duplicates and rules: the documented memory bound. */
  get bytes(): number {
    return Math.max(this.peakBytes, this.currentBytes);
  }

  private get currentBytes(): number {
    return (
      this.blocks.bytes +
      this.isBlockDone.bytes +
      this.dups.bytes +
      this.dupLine.bytes +
      this.dupBlock.bytes +
      this.sums.bytes +
      this.rates.bytes +
      this.sameTotals.bytes
    );
  }

  track(r: SeriesRow): void {
    const source = this.keys.source(r.source);
    const c0 = this.keys.code(r.codes[0], r.infos[0]);
    const c1 = this.keys.code(r.codes[1], r.infos[1]);
    const c2 = this.keys.code(r.codes[2], r.infos[2]);
    this.trackKeys(r, this.keys.areaTime(r.area, r.time), source, c0, c1, c2);
  }

  /**
   * `track` once the row's key is ids (see SeriesKeys): also for rows checked by another thread,
   * whose `r` carries only the indicator, code infos, value and line.
   */
  trackKeys(r: SeriesRow, at: number, source: number, c0: number, c1: number, c2: number): void {
    if (source < 0 || c0 < 0 || c1 < 0 || c2 < 0) {
      this.reportLimit(r.line);
      return;
    }
    let block = this.lastBlock;
    if (at !== this.lastBlockAt || source !== this.lastBlockSource) {
      block = this.blocks.findOrAdd(0, at, source, 0, 0);
      this.isBlockDone.ensure(block);
      this.lastBlock = block;
      this.lastBlockAt = at;
      this.lastBlockSource = source;
    }
    if (this.isBlockDone.data[block] === 1) {
      this.reportLimit(r.line);
      return;
    }
    if (this.isFull) {
      this.flush(block);
      if (this.isFull) {
        this.reportLimit(r.line);
        return;
      }
    }
    const ind = r.indicator;
    const d = this.dups.findOrAdd(block, at, source | (ind.index << 16), c0 | (c1 << 16), c2);
    if (!this.dups.isNew) {
      if (this.reportsDuplicates)
        this.findings.add('DUPLICATE_KEY', { line: r.line, expected: String(this.dupLine.data[d]) });
      return;
    }
    this.dupLine.ensure(d);
    this.dupBlock.ensure(d);
    this.dupLine.data[d] = r.line;
    this.dupBlock.data[d] = block;
    if (ind.kind === 'count') this.trackSums(r, at, source, c0, c1, c2, block);
    if (ind.kind === 'rate' && ind.rateIndex >= 0) {
      this.rates.set(
        this.rates.group(at, source | (ind.rateIndex << 16), c0 | (c1 << 16), c2, ind.rateIndex, block),
        0,
        r.value,
        r.line,
      );
    }
    for (const role of ind.rateRoles) {
      const g = this.rates.group(at, source | (role.rateIndex << 16), c0 | (c1 << 16), c2, role.rateIndex, block);
      this.rates.set(g, role.role === 'numerator' ? 1 : 2, r.value, r.line);
    }
  }

  private trackSums(r: SeriesRow, at: number, source: number, c0: number, c1: number, c2: number, block: number): void {
    const ind = r.indicator;
    const k1 = source | (ind.index << 16);
    for (let s = 0; s < 3; s++) {
      const info = r.infos[s];
      if (info === undefined || info.sumRoles.length === 0) continue;
      const others = s === 0 ? c1 | (c2 << 16) : s === 1 ? c0 | (c2 << 16) : c0 | (c1 << 16);
      for (const role of info.sumRoles) {
        const g = this.sums.group(at, k1, others, SCHEME_SUM | (s << 24) | role.sumIndex, role.sumIndex, block);
        if (role.isTotal) this.sums.addTotal(g, r.value, r.line);
        else this.sums.addComponent(g, role.bit, r.value, r.line);
      }
    }
    for (const role of ind.identityRoles) {
      const spec = this.cat.identitySums[role.identityIndex] ?? -1;
      if (spec < 0) continue;
      const g = this.sums.group(
        at,
        source | (role.identityIndex << 16),
        c0 | (c1 << 16),
        IDENTITY_SUM | c2,
        spec,
        block,
      );
      if (role.bit === 0) this.sums.addTotal(g, r.value, r.line);
      else this.sums.addComponent(g, role.bit, r.value, r.line);
    }
    for (const role of ind.sameTotalRoles) {
      if (r.infos[role.varyingSlot]?.isTotal !== true) continue;
      const v = role.varyingSlot;
      const others = v === 0 ? c1 | (c2 << 16) : v === 1 ? c0 | (c2 << 16) : c0 | (c1 << 16);
      const g = this.sameTotals.group(at, source | (role.sameTotalIndex << 16), others, 0, role.sameTotalIndex, block);
      this.sameTotals.compare(g, r.value, r.line, this.findings);
    }
  }

  private get isFull(): boolean {
    const max = this.maxKeys;
    return this.dups.size >= max || this.sums.size >= max || this.rates.size >= max || this.sameTotals.size >= max;
  }

  /** Checks and drops every block but `keepBlock` (-1: all); their findings are late (annotated afterwards). */
  private flush(keepBlock: number): void {
    this.peakBytes = Math.max(this.peakBytes, this.currentBytes);
    // Restored rather than cleared: rows replayed from another thread are late throughout.
    const wasLate = this.findings.isLate;
    this.findings.isLate = true;
    this.sums.flush(this.findings, keepBlock);
    this.rates.flush(this.findings, keepBlock);
    this.sameTotals.flush(this.findings, keepBlock);
    this.findings.isLate = wasLate;
    for (let b = 0; b < this.blocks.size; b++) if (b !== keepBlock) this.isBlockDone.data[b] = 1;
    const moved = this.dups.compact((d) => this.dupBlock.data[d] === keepBlock);
    this.dupLine.compact(moved);
    this.dupBlock.compact(moved);
  }

  private reportLimit(line: number): void {
    if (this.isLimitReported) return;
    this.isLimitReported = true;
    this.findings.add('DUPLICATE_CHECK_LIMIT', { line, expected: this.maxKeys.toLocaleString('en') });
  }

  /** Reports the dataset rules of the blocks still held, once every row is read. */
  finish(): void {
    this.flush(-1);
  }
}
