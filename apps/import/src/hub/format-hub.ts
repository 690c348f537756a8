import type { DiffCounts } from '@ilms/db';
import { revisionReasons, type SubmissionStatus, submissionStatusMeanings } from '@ilms/domain';
import { formatBytes } from './progress.js';
import { displayWidth, padEnd, padStart, truncate } from './text-width.js';

/** One finding code of a submission with its first lines and the first message. */
export interface FindingGroupSummary {
  code: string;
  severity: string;
  count: number;
  firstLines: number[];
  firstMessage?: string | undefined;
}

const en = (n: number) => n.toLocaleString('en');
const plural = (n: number, one: string, many = `${one}s`) => `${en(n)} ${n === 1 ? one : many}`;

/** The findings as `ilms validate` prints them: counts, then each code with its first lines. */
export function formatFindingGroups(groups: FindingGroupSummary[]): string {
  const count = (severity: string) => groups.filter((g) => g.severity === severity).reduce((n, g) => n + g.count, 0);
  const lines = [`Findings: ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}`];
  for (const g of groups) {
    const more = g.count > g.firstLines.length ? ', …' : '';
    const where = g.firstLines.length > 0 ? ` (lines ${g.firstLines.join(', ')}${more})` : '';
    lines.push('', `${g.severity.toUpperCase()} ${g.code} × ${en(g.count)}${where}`);
    if (g.firstMessage) lines.push(`  ${g.firstMessage}`);
  }
  return `${lines.join('\n')}\n`;
}

/** One indicator's line of the dry-run preview, as `submissions.diff` returns it. */
export type DiffRow = DiffCounts;

/** A fixed-width table; numbers right-aligned, the rest left-aligned, widths from the content. */
export function formatTable(header: string[], rows: string[][], rightAligned: ReadonlySet<number>): string {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const render = (cells: string[]) =>
    cells
      .map((cell, i) => (rightAligned.has(i) ? padStart(cell, widths[i] ?? 0) : padEnd(cell, widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return `${[render(header), render(widths.map((w) => '-'.repeat(w))), ...rows.map(render)].join('\n')}\n`;
}

/** What publishing would do, per indicator: the dry-run preview. */
export function formatDiff(mode: string, counts: DiffRow[]): string {
  if (counts.length === 0) return 'Changes if published: none (no rows were staged).\n';
  const isDelete = mode === 'delete';
  const columns: (keyof Omit<DiffRow, 'indicator'>)[] = isDelete
    ? ['removed', 'absent']
    : mode === 'replace'
      ? ['new', 'changed', 'unchanged', 'removed']
      : ['new', 'changed', 'unchanged'];
  const total = (key: keyof Omit<DiffRow, 'indicator'>) => counts.reduce((n, row) => n + row[key], 0);
  const rows = counts.map((row) => [row.indicator, ...columns.map((key) => en(row[key]))]);
  if (counts.length > 1) rows.push(['total', ...columns.map((key) => en(total(key)))]);
  const header = ['indicator', ...columns.map((key) => (key === 'absent' ? 'not published' : key))];
  const title = `Changes if published (${mode} mode):`;
  return `${title}\n${formatTable(header, rows, new Set(columns.map((_, i) => i + 1)))}`;
}

/** Where the reports are; they need the same token (or a signed-in browser). */
export function formatReportLinks(hubUrl: string, country: string, id: number): string {
  const base = `${hubUrl}/api/submissions/${country}/${id}`;
  return [
    'Reports (send your token as "Authorization: Bearer …", or open them signed in to the hub):',
    `  findings, CSV:   ${base}/findings.csv`,
    `  findings, JSON:  ${base}/findings.json`,
    `  annotated file:  ${base}/annotated`,
    '',
  ].join('\n');
}

export interface SubmissionRow {
  id: number;
  country: string;
  status: string;
  status_changed_at: string | Date;
  file_name: string;
  file_size: number | string;
  row_count: number | null;
  error_count: number | null;
  warning_count: number | null;
  indicators: string[] | null;
}

/** `2026-11-23 16:05` in UTC, short enough for a table. */
export function formatTime(value: string | Date): string {
  const iso = (value instanceof Date ? value : new Date(value)).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

const count = (n: number | null) => (n === null ? '' : en(n));

export function formatSubmissionList(rows: SubmissionRow[]): string {
  if (rows.length === 0) return 'No submissions match.\n';
  const header = ['id', 'country', 'status', 'since (UTC)', 'file', 'rows', 'errors', 'warnings', 'indicators'];
  const cells = rows.map((r) => [
    String(r.id),
    r.country,
    r.status,
    formatTime(r.status_changed_at),
    truncate(r.file_name, 40),
    count(r.row_count),
    count(r.error_count),
    count(r.warning_count),
    truncate((r.indicators ?? []).join(' '), 60),
  ]);
  return formatTable(header, cells, new Set([0, 5, 6, 7]));
}

export interface SubmissionEvent {
  status: string;
  occurred_at: string | Date;
  comment: string | null;
  actor_email: string | null;
}

export interface SubmissionHeader extends SubmissionRow {
  mode: string;
  created_by_email?: string | null;
}

export function formatSubmissionHeader(s: SubmissionHeader): string {
  const lines = [
    `Submission ${s.id} of ${s.country}: ${s.status} (${submissionStatusMeanings[s.status as SubmissionStatus] ?? 'see docs/importing.md'})`,
    `  file: ${s.file_name} (${formatBytes(Number(s.file_size))}), ${s.mode} mode${s.created_by_email ? `, uploaded by ${s.created_by_email}` : ''}`,
  ];
  if (s.row_count !== null) {
    lines.push(
      `  rows: ${en(s.row_count)}; ${plural(s.error_count ?? 0, 'error')}, ${plural(s.warning_count ?? 0, 'warning')}`,
    );
  }
  if (s.indicators && s.indicators.length > 0) lines.push(`  indicators: ${s.indicators.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

export function formatEvents(events: SubmissionEvent[]): string {
  const lines = ['Status history (UTC):'];
  for (const e of events) {
    const by = e.actor_email ? ` by ${e.actor_email}` : '';
    lines.push(`  ${formatTime(e.occurred_at)}  ${e.status}${by}${e.comment ? `: ${e.comment}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

function describeRevision(reason: string | null, text: string | null): string {
  if (!reason && !text) return '';
  const label = revisionReasons.find((r) => r.code === reason)?.label ?? reason;
  return ` (revision: ${[label, text].filter(Boolean).join(': ')})`;
}

export interface PendingRelease {
  release_at: string | Date;
  scheduled_by_email: string;
  revision_reason: string | null;
  revision_text: string | null;
}

export interface PublishedVintage {
  seq: number;
  published_at: string | Date;
  revision_reason: string | null;
  revision_text: string | null;
}

/** The release still to come, or the vintage it became, in one line each. */
export function formatPublication(release: PendingRelease | null, vintage: PublishedVintage | null): string {
  const lines: string[] = [];
  if (release) {
    lines.push(
      `Release scheduled for ${formatTime(release.release_at)} UTC by ${release.scheduled_by_email}${describeRevision(release.revision_reason, release.revision_text)}`,
    );
  }
  if (vintage) {
    lines.push(
      `Published ${formatTime(vintage.published_at)} UTC as vintage ${vintage.seq}${describeRevision(vintage.revision_reason, vintage.revision_text)}`,
    );
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
