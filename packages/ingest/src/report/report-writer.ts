import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import type { Finding as DomainFinding } from '@ilms/domain';
import type { Finding, FindingSink } from '../findings/collector.js';
import { reportCell } from './csv-text.js';

/** The header line of findings.csv. */
export const FINDINGS_CSV_HEADER = 'code,severity,line,column,value,expected,message\n';

/** One line of findings.csv: cells quoted when needed and never runnable as spreadsheet formulas. */
export function formatFindingLine(f: DomainFinding): string {
  return `${reportCell(f.code)},${f.severity},${f.line},${reportCell(f.column)},${reportCell(f.value)},${reportCell(f.expected)},${reportCell(f.message)}\n`;
}

const FLUSH_AT = 65_536;

/**
 * Streams findings to findings.csv and findings.json as they are found, in 64 kB writes: one
 * stream write per finding cost a file-system request each once thousands of findings came.
 */
export class ReportWriter implements FindingSink {
  private readonly csv: WriteStream;
  private readonly json: WriteStream;
  private isFirst = true;
  private csvText = '';
  private jsonText = '';

  constructor(csvPath: string, jsonPath: string) {
    this.csv = createWriteStream(csvPath);
    this.json = createWriteStream(jsonPath);
    this.csv.write(`\uFEFF${FINDINGS_CSV_HEADER}`);
    this.json.write('{"findings":[');
  }

  write(f: Finding): void {
    this.csvText += formatFindingLine(f);
    this.jsonText += `${this.isFirst ? '\n' : ',\n'}${JSON.stringify(f)}`;
    this.isFirst = false;
    if (this.csvText.length + this.jsonText.length > FLUSH_AT) this.flush();
  }

  private flush(): void {
    this.csv.write(this.csvText);
    this.json.write(this.jsonText);
    this.csvText = '';
    this.jsonText = '';
  }

  get needsDrain(): boolean {
    return this.csv.writableNeedDrain || this.json.writableNeedDrain;
  }

  async drain(): Promise<void> {
    if (this.csv.writableNeedDrain) await once(this.csv, 'drain');
    if (this.json.writableNeedDrain) await once(this.json, 'drain');
  }

  /** Closes the JSON with the summary fields after the findings array. */
  async close(trailer: Record<string, unknown>): Promise<void> {
    this.flush();
    const rest = JSON.stringify(trailer).slice(1);
    this.json.end(`\n]${rest.length > 1 ? `,${rest}` : '}'}\n`);
    this.csv.end();
    await Promise.all([once(this.csv, 'finish'), once(this.json, 'finish')]);
  }
}
