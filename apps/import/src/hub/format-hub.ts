import { revisionReasons, submissionStatusMeanings } from '@ilms/domain';
import type { SubmissionDetail, SubmissionDiff, SubmissionListRow } from './hub-types.js';
import { formatBytes } from './progress.js';
import { displayWidth, padEnd, padStart, truncate } from './text-width.js';

const en = (n: number) => n.toLocaleString('en');
const plural = (n: number, one: string, many = `${one}s`) => `${en(n)} ${n === 1 ? one : many}`;

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

/** One indicator's line of the dry-run preview, as `submissions.diff` returns it. */
type DiffRow = SubmissionDiff['counts'][number];
type DiffColumn = Exclude<keyof DiffRow, 'indicator'>;

/** What publishing would do, per indicator: the dry-run preview. */
export function formatDiff(mode: string, counts: DiffRow[]): string {
  if (counts.length === 0) return 'Changes if published: none (no rows were staged).\n';
  const isDelete = mode === 'delete';
  const columns: DiffColumn[] = isDelete
    ? ['removed', 'absent']
    : mode === 'replace'
      ? ['new', 'changed', 'unchanged', 'removed']
      : ['new', 'changed', 'unchanged'];
  const total = (key: DiffColumn) => counts.reduce((n, row) => n + row[key], 0);
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

type SubmissionSummary = Pick<
  SubmissionListRow,
  | 'id'
  | 'country'
  | 'status'
  | 'status_changed_at'
  | 'file_name'
  | 'row_count'
  | 'error_count'
  | 'warning_count'
  | 'indicators'
>;

/** `2026-11-23 16:05` in UTC, short enough for a table. */
export function formatTime(value: string): string {
  const iso = new Date(value).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

export function formatSubmissionList(rows: SubmissionSummary[]): string {
  if (rows.length === 0) return 'No submissions match.\n';
  const header = ['id', 'country', 'status', 'since (UTC)', 'file', 'rows', 'errors', 'warnings', 'indicators'];
  const cells = rows.map((r) => [
    String(r.id),
    r.country,
    r.status,
    formatTime(r.status_changed_at),
    truncate(r.file_name, 40),
    en(r.row_count),
    en(r.error_count),
    en(r.warning_count),
    truncate(r.indicators.join(' '), 60),
  ]);
  return formatTable(header, cells, new Set([0, 5, 6, 7]));
}

export function formatSubmissionHeader(
  s: SubmissionSummary & Pick<SubmissionDetail, 'mode' | 'file_size' | 'created_by_email'>,
): string {
  const lines = [
    `Submission ${s.id} of ${s.country}: ${s.status} (${submissionStatusMeanings[s.status] ?? 'see docs/importing.md'})`,
    `  file: ${s.file_name} (${formatBytes(Number(s.file_size))}), ${s.mode} mode${s.created_by_email ? `, uploaded by ${s.created_by_email}` : ''}`,
  ];
  lines.push(`  rows: ${en(s.row_count)}; ${plural(s.error_count, 'error')}, ${plural(s.warning_count, 'warning')}`);
  if (s.indicators.length > 0) lines.push(`  indicators: ${s.indicators.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

export function formatEvents(events: SubmissionDetail['events']): string {
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

type PendingRelease = Pick<
  NonNullable<SubmissionDetail['release']>,
  'release_at' | 'scheduled_by_email' | 'revision_reason' | 'revision_text'
>;
type PublishedVintage = Pick<
  NonNullable<SubmissionDetail['vintage']>,
  'seq' | 'published_at' | 'revision_reason' | 'revision_text'
>;

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
