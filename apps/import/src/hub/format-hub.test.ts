import { describe, expect, it } from 'vitest';
import {
  formatDiff,
  formatEvents,
  formatPublication,
  formatReportLinks,
  formatSubmissionHeader,
  formatSubmissionList,
} from './format-hub.js';

describe('formatDiff', () => {
  const counts = [
    { indicator: 'MFL_FEMP_SEX_CCT_NB', new: 1200, changed: 3, unchanged: 0, removed: 5, absent: 0 },
    { indicator: 'MNA_OEMP_SEX_CDS_NB', new: 4, changed: 0, unchanged: 10, removed: 0, absent: 0 },
  ];

  it('shows the columns of the mode, right-aligned, with a total', () => {
    expect(formatDiff('replace', counts)).toBe(
      [
        'Changes if published (replace mode):',
        'indicator              new  changed  unchanged  removed',
        '-------------------  -----  -------  ---------  -------',
        'MFL_FEMP_SEX_CCT_NB  1,200        3          0        5',
        'MNA_OEMP_SEX_CDS_NB      4        0         10        0',
        'total                1,204        3         10        5',
        '',
      ].join('\n'),
    );
    expect(formatDiff('merge', counts.slice(1))).toContain('indicator            new  changed  unchanged\n');
    expect(formatDiff('delete', counts.slice(0, 1))).toContain('removed  not published');
  });

  it('says so when nothing was staged', () => {
    expect(formatDiff('merge', [])).toBe('Changes if published: none (no rows were staged).\n');
  });
});

describe('formatSubmissionList', () => {
  it('lines up columns by display width, Lao file names included', () => {
    const row = {
      country: 'LAO',
      status: 'draft' as const,
      status_changed_at: '2026-11-23T16:05:09.000Z',
      file_size: 100,
      row_count: 1234,
      error_count: 0,
      warning_count: 2,
      indicators: ['MNA_OEMP_SEX_CDS_NB'],
    };
    const text = formatSubmissionList([
      { ...row, id: 12, file_name: 'ແຮງງານ ປີ 2024.csv' },
      { ...row, id: 9, file_name: 'plain.csv', row_count: 0, error_count: 0, warning_count: 0, indicators: [] },
    ]);
    const lines = text.split('\n');
    expect(lines[0]).toBe(
      'id  country  status  since (UTC)       file                rows  errors  warnings  indicators',
    );
    expect(lines[2]).toBe(
      '12  LAO      draft   2026-11-23 16:05  ແຮງງານ ປີ 2024.csv  1,234       0         2  MNA_OEMP_SEX_CDS_NB',
    );
    expect(lines[3]).toBe(' 9  LAO      draft   2026-11-23 16:05  plain.csv              0       0         0');
  });

  it('says when nothing matches', () => {
    expect(formatSubmissionList([])).toBe('No submissions match.\n');
  });
});

describe('submission details', () => {
  it('explains the status and lists the history in UTC', () => {
    const header = formatSubmissionHeader({
      id: 4,
      country: 'KHM',
      status: 'returned',
      status_changed_at: '2026-11-23T10:00:00Z',
      mode: 'merge',
      file_name: 'ទិន្នន័យ.csv',
      file_size: 1536,
      row_count: 10,
      error_count: 1,
      warning_count: 0,
      indicators: ['A', 'B'],
      created_by_email: 'fp@example.org',
    });
    expect(header).toBe(
      [
        'Submission 4 of KHM: returned (sent back by the coordinator with a comment; fix and submit again)',
        '  file: ទិន្នន័យ.csv (1.5 kB), merge mode, uploaded by fp@example.org',
        '  rows: 10; 1 error, 0 warnings',
        '  indicators: A, B',
        '',
      ].join('\n'),
    );
    const events = formatEvents([
      { status: 'draft', occurred_at: '2026-11-23T09:00:00Z', comment: null, actor_email: 'fp@example.org' },
      { status: 'returned', occurred_at: '2026-11-23T10:00:00Z', comment: 'Check 2023', actor_email: null },
    ]);
    expect(events).toBe(
      'Status history (UTC):\n  2026-11-23 09:00  draft by fp@example.org\n  2026-11-23 10:00  returned: Check 2023\n',
    );
  });

  it('links the three reports of a submission', () => {
    const text = formatReportLinks('https://hub.example', 'LAO', 12);
    expect(text).toContain('https://hub.example/api/submissions/LAO/12/findings.csv');
    expect(text).toContain('https://hub.example/api/submissions/LAO/12/findings.json');
    expect(text).toContain('https://hub.example/api/submissions/LAO/12/annotated');
  });
});

describe('formatPublication', () => {
  it('shows a pending release and a published vintage with the revision reason as labelled', () => {
    const release = {
      release_at: '2026-12-01T00:00:00.000Z',
      scheduled_by_email: 'coord@example.org',
      revision_reason: 'correction' as const,
      revision_text: 'ສົກປີ 2023 ຖືກແກ້ໄຂ',
    };
    const vintage = { seq: 3, published_at: '2026-11-20T08:30:00Z', revision_reason: null, revision_text: null };
    expect(formatPublication(release, null)).toBe(
      'Release scheduled for 2026-12-01 00:00 UTC by coord@example.org (revision: Correction: ສົກປີ 2023 ຖືກແກ້ໄຂ)\n',
    );
    expect(formatPublication(null, vintage)).toBe('Published 2026-11-20 08:30 UTC as vintage 3\n');
    expect(formatPublication(null, null)).toBe('');
  });
});
