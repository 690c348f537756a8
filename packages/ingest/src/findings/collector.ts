import type { Finding as DomainFinding } from '@ilms/domain';
import { joinCode, joinMessage, type LineAnnotation } from '../report/annotated.js';
import {
  type FindingCode,
  type FindingParams,
  findingCatalogue,
  renderMessage,
  type Severity,
  showValue,
} from './catalogue.js';

/** The domain's finding, its code one of the catalogue's. */
export interface Finding extends DomainFinding {
  code: FindingCode;
}

/** Where stored findings go: report files, or an array in tests. */
export interface FindingSink {
  write(finding: Finding): void;
}

export interface CodeSummary {
  code: FindingCode;
  severity: Severity;
  count: number;
  /** The first lines it was found on, in file order (at most FIRST_LINES). */
  firstLines: number[];
  /** The message of its first occurrence. */
  firstMessage: string;
}

const FIRST_LINES = 10;

/** The default number of findings stored in full per file; past it only counts per code go on. */
export const DEFAULT_FINDING_LIMIT = 1_000_000;

/**
 * Counts every finding, stores the first `limit` in full, and keeps the codes and messages of
 * the row being read so the annotated copy can carry them.
 */
export class FindingCollector {
  readonly byCode = new Map<FindingCode, CodeSummary>();
  total = 0;
  stored = 0;
  errors = 0;
  warnings = 0;
  rowCodes = '';
  rowMessages = '';
  /** Whether an error was raised on the row being read (for the row hook's `hasError`). */
  rowHasError = false;
  /**
   * While set, findings are about rows already written to the annotated copy (dataset rules
   * checked after their block): they are kept in `late` and merged into the copy afterwards.
   */
  isLate = false;
  readonly late: LineAnnotation[] = [];
  /** Whether late findings are kept for the annotated copy (without one there is nothing to merge). */
  keepsLate = true;

  constructor(
    private readonly sink: FindingSink,
    readonly limit = DEFAULT_FINDING_LIMIT,
  ) {}

  beginRow(): void {
    this.rowCodes = '';
    this.rowMessages = '';
    this.rowHasError = false;
  }

  add(code: FindingCode, params: FindingParams): void {
    const severity = findingCatalogue[code].severity;
    this.total++;
    if (severity === 'error') {
      this.errors++;
      this.rowHasError = true;
    } else this.warnings++;
    let summary = this.byCode.get(code);
    const message = summary === undefined || this.stored < this.limit ? renderMessage(code, params) : '';
    if (summary === undefined) {
      summary = { code, severity, count: 0, firstLines: [], firstMessage: message };
      this.byCode.set(code, summary);
    }
    summary.count++;
    if (summary.firstLines.length < FIRST_LINES) summary.firstLines.push(params.line);
    if (this.stored >= this.limit) return;
    this.stored++;
    if (this.isLate) {
      if (this.keepsLate) this.late.push({ line: params.line, code, message });
    } else {
      this.rowCodes = joinCode(this.rowCodes, code);
      this.rowMessages = joinMessage(this.rowMessages, message);
    }
    this.sink.write({
      code,
      severity,
      line: params.line,
      column: params.column ?? '',
      value: params.value === undefined ? '' : showValue(params.value),
      expected: params.expected ?? '',
      message,
    });
  }

  /** Codes in order of severity (errors first), then by count. */
  summary(): CodeSummary[] {
    return [...this.byCode.values()].sort(
      (a, b) =>
        (a.severity === b.severity ? b.count - a.count : a.severity === 'error' ? -1 : 1) || (a.code < b.code ? -1 : 1),
    );
  }
}

export class ArraySink implements FindingSink {
  readonly findings: Finding[] = [];
  write(finding: Finding): void {
    this.findings.push(finding);
  }
}
