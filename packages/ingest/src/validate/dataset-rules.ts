import type { FindingCollector } from '../findings/collector.js';
import type { SumSpec } from './compiled-catalogue.js';
import { formatThousandths } from './numbers.js';
import { BlockedTable, Column } from './packed-table.js';

const HAS_TOTAL = 1;
const TOTAL_SUPPRESSED = 2;
const COMPONENT_SUPPRESSED = 4;
const HAS_COMPONENT = 8;

const f64 = (n: number) => new Float64Array(n);
const u32 = (n: number) => new Uint32Array(n);
const u8 = (n: number) => new Uint8Array(n);

/**
 * Sum checks aggregated per group (one total and its components), as numbers in typed columns:
 * about 50 bytes per group plus the table's 40, never a row object. Values are integer
 * thousandths for counts, so sums are exact. Each group remembers its block (series-window.ts)
 * so groups of finished blocks can be reported and dropped.
 */
export class SumGroups {
  private readonly index = new BlockedTable();
  private readonly block = new Column(u32);
  private readonly spec = new Column(u32);
  private readonly flags = new Column(u8);
  private readonly mask = new Column(u32);
  private readonly count = new Column(u32);
  private readonly total = new Column(f64);
  private readonly sum = new Column(f64);
  private readonly totalLine = new Column(u32);
  private readonly maxComponent = new Column(f64);
  private readonly maxLine = new Column(u32);

  constructor(private readonly specs: readonly SumSpec[]) {}

  get size(): number {
    return this.index.size;
  }

  get bytes(): number {
    return this.index.bytes + this.columns.reduce((n, c) => n + c.bytes, 0);
  }

  /** Listed once: a getter built a new array per group, which was garbage on every row. */
  private readonly columns = [
    this.block,
    this.spec,
    this.flags,
    this.mask,
    this.count,
    this.totalLine,
    this.maxLine,
  ] as const;
  private readonly floats = [this.total, this.sum, this.maxComponent] as const;

  /** The group for a key (words as in series-keys.ts), created in `block`. */
  group(k0: number, k1: number, k2: number, k3: number, specIndex: number, block: number): number {
    const g = this.index.findOrAdd(block, k0, k1, k2, k3);
    if (!this.index.isNew) return g;
    // Columns grow together: one comparison instead of ten calls for most new groups.
    if (g >= this.block.data.length) {
      for (const c of this.columns) c.ensure(g);
      for (const c of this.floats) c.ensure(g);
    }
    this.block.data[g] = block;
    this.spec.data[g] = specIndex;
    this.flags.data[g] = 0;
    this.mask.data[g] = 0;
    this.count.data[g] = 0;
    this.sum.data[g] = 0;
    this.maxComponent.data[g] = -1;
    return g;
  }

  /** `value` is NaN for a suppressed or missing cell. */
  addTotal(g: number, value: number, line: number): void {
    this.flags.data[g] = (this.flags.data[g] ?? 0) | (Number.isNaN(value) ? TOTAL_SUPPRESSED : HAS_TOTAL);
    this.total.data[g] = value;
    this.totalLine.data[g] = line;
  }

  addComponent(g: number, bit: number, value: number, line: number): void {
    if (Number.isNaN(value)) {
      this.flags.data[g] = (this.flags.data[g] ?? 0) | COMPONENT_SUPPRESSED;
      return;
    }
    this.flags.data[g] = (this.flags.data[g] ?? 0) | HAS_COMPONENT;
    this.mask.data[g] = (this.mask.data[g] ?? 0) | bit;
    this.count.data[g] = (this.count.data[g] ?? 0) + 1;
    this.sum.data[g] = (this.sum.data[g] ?? 0) + value;
    if (value > (this.maxComponent.data[g] ?? -1)) {
      this.maxComponent.data[g] = value;
      this.maxLine.data[g] = line;
    }
  }

  /** Reports the groups of every block but `keepBlock` (-1: all) and drops them. */
  flush(findings: FindingCollector, keepBlock: number): void {
    for (let g = 0; g < this.index.size; g++) if (this.block.data[g] !== keepBlock) this.report(g, findings);
    const moved = this.index.compact((g) => this.block.data[g] === keepBlock);
    for (const c of this.columns) c.compact(moved);
    for (const c of this.floats) c.compact(moved);
  }

  private report(g: number, findings: FindingCollector): void {
    const flags = this.flags.data[g] ?? 0;
    if ((flags & HAS_TOTAL) === 0 || (flags & (HAS_COMPONENT | COMPONENT_SUPPRESSED)) === 0) return;
    const spec = this.specs[this.spec.data[g] ?? 0];
    if (!spec) return;
    const total = this.total.data[g] ?? 0;
    const line = this.totalLine.data[g] ?? 0;
    const isIdentity = spec.isIdentity;
    const max = this.maxComponent.data[g] ?? -1;
    if (max > total) {
      findings.add('COMPONENT_EXCEEDS_TOTAL', {
        line: this.maxLine.data[g] ?? 0,
        column: 'obs_value',
        value: formatThousandths(max),
        expected: `${formatThousandths(total)} (line ${line})`,
        detail: `of ${spec.totalCode}`,
      });
    }
    const mask = this.mask.data[g] ?? 0;
    const count = this.count.data[g] ?? 0;
    const isComplete = spec.isPerCountry ? (mask & 1) === 1 : (mask & spec.requiredMask) === spec.requiredMask;
    if ((flags & COMPONENT_SUPPRESSED) !== 0 || !isComplete) {
      findings.add('SUM_NOT_CHECKED', {
        line,
        column: 'obs_value',
        value: formatThousandths(total),
        detail: isIdentity ? spec.label : spec.totalCode,
        expected:
          (flags & COMPONENT_SUPPRESSED) !== 0
            ? 'a component is suppressed or missing (empty value), so the total is not knowable from them'
            : spec.isPerCountry
              ? 'the X (other countries) row is missing'
              : `only ${count} of the ${spec.label === 'SEX' ? 'M and F' : spec.componentCount} components are in the file`,
      });
      return;
    }
    const sum = this.sum.data[g] ?? 0;
    const tolerance = 0.5 * (count + 1);
    if (Math.abs(total - sum) > tolerance) {
      findings.add(isIdentity ? 'IDENTITY_MISMATCH' : 'SUM_MISMATCH', {
        line,
        column: 'obs_value',
        value: formatThousandths(total),
        expected: formatThousandths(sum),
        detail: isIdentity ? spec.label : spec.totalCode,
        tolerance: (tolerance / 1000).toFixed(4),
      });
    }
  }
}
