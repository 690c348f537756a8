import type { FindingCollector } from '../findings/collector.js';
import { formatThousandths } from './numbers.js';
import { BlockedTable, Column } from './packed-table.js';

const f64 = (n: number) => new Float64Array(n);
const u32 = (n: number) => new Uint32Array(n);

/**
 * Groups of three values per key, each with its line, in typed columns: a rate with its numerator
 * and denominator counts, or the totals of indicators that break one population down differently.
 */
class TripleGroups {
  protected readonly index = new BlockedTable();
  protected readonly block = new Column(u32);
  protected readonly kind = new Column(u32);
  protected readonly values = new Column(f64);
  protected readonly lines = new Column(u32);

  get size(): number {
    return this.index.size;
  }

  get bytes(): number {
    return this.index.bytes + this.block.bytes + this.kind.bytes + this.values.bytes + this.lines.bytes;
  }

  group(k0: number, k1: number, k2: number, k3: number, kind: number, block: number): number {
    const g = this.index.findOrAdd(block, k0, k1, k2, k3);
    if (!this.index.isNew) return g;
    this.block.ensure(g);
    this.kind.ensure(g);
    this.values.ensure(g * 3 + 2);
    this.lines.ensure(g * 3 + 2);
    this.block.data[g] = block;
    this.kind.data[g] = kind;
    this.values.data.fill(Number.NaN, g * 3, g * 3 + 3);
    return g;
  }

  set(g: number, role: number, value: number, line: number): void {
    this.values.data[g * 3 + role] = value;
    this.lines.data[g * 3 + role] = line;
  }

  /** Reports the groups of every block but `keepBlock` (-1: all) and drops them. */
  flush(findings: FindingCollector, keepBlock: number): void {
    for (let g = 0; g < this.index.size; g++) if (this.block.data[g] !== keepBlock) this.report(g, findings);
    const moved = this.index.compact((g) => this.block.data[g] === keepBlock);
    this.block.compact(moved);
    this.kind.compact(moved);
    this.values.compact(moved, 3);
    this.lines.compact(moved, 3);
  }

  protected report(_g: number, _findings: FindingCollector): void {}
}

/** role 0 = the rate (percent), 1 = numerator, 2 = denominator (thousandths). */
export class RateGroups extends TripleGroups {
  constructor(private readonly rates: readonly { code: string; numerator: string; denominator: string }[]) {
    super();
  }

  protected override report(g: number, findings: FindingCollector): void {
    const rate = this.values.data[g * 3] ?? Number.NaN;
    const numerator = this.values.data[g * 3 + 1] ?? Number.NaN;
    const denominator = this.values.data[g * 3 + 2] ?? Number.NaN;
    if (Number.isNaN(rate) || Number.isNaN(numerator) || !(denominator > 0)) return;
    const recomputed = (100 * numerator) / denominator;
    if (Math.abs(rate - recomputed) <= 0.05 + 1e-9) return;
    const spec = this.rates[this.kind.data[g] ?? 0];
    findings.add('RATE_MISMATCH', {
      line: this.lines.data[g * 3] ?? 0,
      column: 'obs_value',
      value: String(rate),
      expected: recomputed.toFixed(2),
      detail: `${spec?.numerator} (line ${this.lines.data[g * 3 + 1]}) and ${spec?.denominator} (line ${this.lines.data[g * 3 + 2]})`,
      indicator: spec?.code,
    });
  }
}

/**
 * `same_total` identities: one population broken down by age in one indicator and by education
 * in another has one total. The first total seen is kept; each later one is compared with it as
 * it is read, so the finding lands on the row that disagrees.
 */
export class SameTotalGroups extends TripleGroups {
  constructor(private readonly labels: readonly string[]) {
    super();
  }

  compare(g: number, value: number, line: number, findings: FindingCollector): void {
    const first = this.values.data[g * 3] ?? Number.NaN;
    if (Number.isNaN(first)) {
      this.set(g, 0, value, line);
      return;
    }
    if (Number.isNaN(value) || Math.abs(value - first) <= 1) return;
    findings.add('SAME_TOTAL_MISMATCH', {
      line,
      column: 'obs_value',
      value: formatThousandths(value),
      expected: `${formatThousandths(first)} (line ${this.lines.data[g * 3]})`,
      detail: this.labels[this.kind.data[g] ?? 0],
    });
  }
}
