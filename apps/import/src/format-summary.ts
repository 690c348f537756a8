import type { ValidationResult } from '@ilms/ingest';

/** The plain-text summary `ilms validate` prints: counts, then each code with its first lines. */
export function formatSummary(r: ValidationResult): string {
  const lines = [
    `File: ${r.file} (${r.format}${r.encoding ? `, ${r.encoding}` : ''}${r.delimiter ? `, ${r.delimiter === '\t' ? 'tab' : `"${r.delimiter}"`}-separated` : ''})`,
    `Rows read: ${r.rows.toLocaleString('en')}; counts read in units of 10^${r.unitMultiplier} persons`,
    `Findings: ${r.errors.toLocaleString('en')} errors, ${r.warnings.toLocaleString('en')} warnings${r.stored < r.total ? ` (${r.stored.toLocaleString('en')} listed in full; the rest counted per code)` : ''}`,
  ];
  if (r.isRefused) lines.push('The file could not be read to the end; fix the first error below and validate again.');
  for (const s of r.summary) {
    const more = s.count > s.firstLines.length ? ', …' : '';
    lines.push(
      '',
      `${s.severity.toUpperCase()} ${s.code} × ${s.count.toLocaleString('en')} (lines ${s.firstLines.join(', ')}${more})`,
      `  ${s.firstMessage}`,
    );
  }
  if (r.reports) {
    lines.push(
      '',
      `Full report: ${r.reports.csv}`,
      `            ${r.reports.json}`,
      `Annotated copy: ${r.reports.annotated}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
