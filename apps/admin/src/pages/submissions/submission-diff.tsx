import { useQuery } from '@tanstack/react-query';
import { errorText } from '../../auth/error-text.js';
import { formatCount } from '../../format/numbers.js';
import { useTRPC } from '../../trpc.js';
import type { SubmissionDiff as Diff } from './submission-types.js';

const DIFF_SAMPLE_SIZE = 20;

/** The diff query, shared (same cache entry) by the preview and the publish form. */
export function useSubmissionDiff(country: string, id: number, isEnabled: boolean) {
  const trpc = useTRPC();
  return useQuery(
    trpc.submissions.diff.queryOptions({ country, id, sampleSize: DIFF_SAMPLE_SIZE }, { enabled: isEnabled }),
  );
}

/** Whether publishing changes or removes values already published: then a revision reason is required. */
export const isRevision = (diff: Diff | undefined) =>
  !!diff && diff.counts.some((row) => row.changed > 0 || row.removed > 0);

type CountKey = 'new' | 'changed' | 'unchanged' | 'removed' | 'absent';

/** The count columns: a delete file only removes values, or finds none published to remove. */
const countColumns: Record<'apply' | 'delete', readonly { key: CountKey; label: string }[]> = {
  apply: [
    { key: 'new', label: 'New' },
    { key: 'changed', label: 'Changed' },
    { key: 'unchanged', label: 'Unchanged' },
    { key: 'removed', label: 'Removed' },
  ],
  delete: [
    { key: 'removed', label: 'Removed' },
    { key: 'absent', label: 'Not published (nothing to remove)' },
  ],
};

const signed = (value: string | null) => (value === null ? '–' : value.startsWith('-') ? value : `+${value}`);

/** What publishing the submission now would add, change and remove, with the largest changes. */
export function SubmissionDiffPreview({ country, id }: { country: string; id: number }) {
  const diff = useSubmissionDiff(country, id, true);
  if (diff.isPending) return <p role="status">Comparing with the published data…</p>;
  if (diff.isError) return <p role="alert">Could not compare with the published data: {errorText(diff.error)}</p>;
  const { counts, changedSample, mode } = diff.data;
  const columns = countColumns[mode === 'delete' ? 'delete' : 'apply'];
  return (
    <section aria-labelledby="diff-heading">
      <h2 id="diff-heading">Changes to the published data</h2>
      <p>What publishing this submission now would do, compared with the data published today.</p>
      {counts.length === 0 ? (
        <p>The file has no rows to compare.</p>
      ) : (
        <table className="data-table diff-counts">
          <caption>Values per indicator</caption>
          <thead>
            <tr>
              <th scope="col">Indicator</th>
              {columns.map((column) => (
                <th key={column.key} scope="col" className="number">
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {counts.map((row) => (
              <tr key={row.indicator}>
                <th scope="row">
                  <code>{row.indicator}</code>
                </th>
                {columns.map((column) => (
                  <td key={column.key} className="number">
                    {formatCount(row[column.key])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {changedSample.length > 0 && (
        <table className="data-table diff-sample">
          <caption>
            Changed values, largest change first
            {changedSample.length === DIFF_SAMPLE_SIZE ? ` (the first ${DIFF_SAMPLE_SIZE})` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="number">
                Line
              </th>
              <th scope="col">Indicator</th>
              <th scope="col">Series</th>
              <th scope="col">Time</th>
              <th scope="col" className="number">
                Published
              </th>
              <th scope="col" className="number">
                New
              </th>
              <th scope="col" className="number">
                Change
              </th>
            </tr>
          </thead>
          <tbody>
            {changedSample.map((cell) => (
              <tr key={cell.line}>
                <td className="number">{cell.line}</td>
                <td>
                  <code>{cell.indicator}</code>
                </td>
                <td>
                  <code>{[cell.source, cell.sex, cell.classif1, cell.classif2].filter(Boolean).join(' · ')}</code>
                </td>
                <td>{cell.time}</td>
                <td className="number">{cell.oldValue ?? '–'}</td>
                <td className="number">
                  <span aria-hidden="true">→ </span>
                  {cell.newValue ?? '–'}
                </td>
                <td className="number">
                  {signed(cell.change)}
                  {cell.changePercent !== null ? ` (${signed(cell.changePercent)}%)` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
