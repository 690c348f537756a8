import type { ValidationResult } from '@ilms/ingest';

/** One finding code with its first lines and first message: a file's, or a submission's on the hub. */
export interface FindingGroupSummary {
  code: string;
  severity: string;
  count: number;
  firstLines: number[];
  firstMessage?: string | undefined;
}

const en = (n: number) => n.toLocaleString('en');
const plural = (n: number, one: string) => `${en(n)} ${n === 1 ? one : `${one}s`}`;

/**
 * The findings as `ilms validate` and `ilms upload` print them: counts, any `notes`, then each
 * code with its first lines and message.
 */
export function formatFindingGroups(groups: FindingGroupSummary[], notes: string[] = []): string {
  const count = (severity: string) => groups.filter((g) => g.severity === severity).reduce((n, g) => n + g.count, 0);
  const lines = [`Findings: ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}`, ...notes];
  for (const g of groups) {
    const more = g.count > g.firstLines.length ? ', …' : '';
    const where = g.firstLines.length > 0 ? ` (lines ${g.firstLines.join(', ')}${more})` : '';
    lines.push('', `${g.severity.toUpperCase()} ${g.code} × ${en(g.count)}${where}`);
    if (g.firstMessage) lines.push(`  ${g.firstMessage}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The plain-text summary `ilms validate` prints: the file, its rows, then the findings by code. */
export function formatSummary(r: ValidationResult): string {
  const delimiter = r.delimiter === '\t' ? 'tab' : `"${r.delimiter}"`;
  const lines = [
    `File: ${r.file} (${r.format}${r.encoding ? `, ${r.encoding}` : ''}${r.delimiter ? `, ${delimiter}-separated` : ''})`,
    `Rows read: ${en(r.rows)}; counts read in units of 10^${r.unitMultiplier} persons`,
  ];
  const notes: string[] = [];
  if (r.stored < r.total) notes.push(`(${en(r.stored)} listed in full; the rest counted per code)`);
  if (r.isRefused) notes.push('The file could not be read to the end; fix the first error below and validate again.');
  let text = `${lines.join('\n')}\n${formatFindingGroups(r.summary, notes)}`;
  if (r.reports) {
    text += [
      '',
      `Full report: ${r.reports.csv}`,
      `            ${r.reports.json}`,
      `Annotated copy: ${r.reports.annotated}`,
      '',
    ].join('\n');
  }
  return text;
}
