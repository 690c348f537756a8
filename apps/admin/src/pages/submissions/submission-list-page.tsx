import { useQueries, useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import { errorText } from '../../auth/error-text.js';
import { useCountryChoices } from '../../auth/use-country-choices.js';
import { useCan } from '../../auth/use-me.js';
import { DateTime, zoneLabel } from '../../components/date-time.js';
import { PageHeading } from '../../components/page-heading.js';
import { nextSort, SortHeader, type SortState, sortRows } from '../../components/sort-header.js';
import { formatBytes, formatCount } from '../../format/numbers.js';
import { useTRPC } from '../../trpc.js';
import { useUrlFilters } from '../../use-url-filters.js';
import { SubmissionFilters, type SubmissionFilterValues } from './submission-filters.js';
import { StatusBadge, statuses } from './submission-status.js';
import { type SubmissionRow, submissionPath } from './submission-types.js';

const PAGE_SIZE = 50;

type Column = 'id' | 'country' | 'file_name' | 'status' | 'created_at' | 'status_changed_at' | 'rows' | 'errors';

const columns: readonly { key: Column; label: string; isNumber?: true }[] = [
  { key: 'id', label: 'No.', isNumber: true },
  { key: 'country', label: 'Country' },
  { key: 'file_name', label: 'File' },
  { key: 'status', label: 'Status' },
  { key: 'created_at', label: 'Uploaded' },
  { key: 'status_changed_at', label: 'Status since' },
  { key: 'rows', label: 'Rows', isNumber: true },
  { key: 'errors', label: 'Errors / warnings', isNumber: true },
];

function sortValue(row: SubmissionRow, key: Column): string | number | null {
  switch (key) {
    case 'rows':
      return row.row_count;
    case 'errors':
      return row.error_count * 1_000_000 + row.warning_count;
    case 'created_at':
    case 'status_changed_at':
      return new Date(row[key]).getTime();
    default:
      return row[key];
  }
}

/** An indicator code that may wrap after its underscores (`MNA_OEMP_…`), never inside a part. */
const breakableCode = (code: string) =>
  code.split('_').map((part, index, parts) => (
    <Fragment key={`${index}-${part}`}>
      {part}
      {index < parts.length - 1 && (
        <>
          _<wbr />
        </>
      )}
    </Fragment>
  ));

const pickStatus = (value: string | null) => statuses.find((status) => status === value);

/** Uploaded files and where each stands; filters live in the URL so a view can be shared. */
export function SubmissionListPage() {
  const trpc = useTRPC();
  const [params, setFilter] = useUrlFilters();
  const { choices, isRegional, defaultCountry, isPending } = useCountryChoices();
  const canUpload = useCan('submissions.upload');
  const [cursors, setCursors] = useState<number[]>([]);
  const [sort, setSort] = useState<SortState<Column>>({ key: 'id', direction: 'descending' });
  const status = pickStatus(params.get('status'));
  const values: SubmissionFilterValues = {
    country: params.get('country') ?? defaultCountry,
    status: status ?? '',
    indicator: params.get('indicator') ?? '',
  };
  const filter = {
    country: values.country || undefined,
    status,
    indicator: values.indicator || undefined,
    limit: PAGE_SIZE,
  };
  // A focal point must name a country: wait until we know theirs.
  const isReady = !isPending && (isRegional || !!filter.country);
  const indicators = useQuery(trpc.catalogue.listIndicators.queryOptions({}, { staleTime: 300_000 }));
  const pages = useQueries({
    queries: [undefined, ...cursors].map((before) =>
      trpc.submissions.list.queryOptions({ ...filter, before }, { enabled: isReady }),
    ),
  });
  const rows = pages.flatMap((page) => page.data ?? []);
  const lastPage = pages.at(-1)?.data;
  const failed = pages.find((page) => page.isError);
  const isLoading = pages.some((page) => page.isPending && isReady);

  const update = (key: keyof SubmissionFilterValues, value: string) => {
    setFilter(key, value);
    setCursors([]);
  };
  const loadMore = () => {
    const oldest = lastPage?.at(-1);
    if (oldest) setCursors([...cursors, oldest.id]);
  };

  return (
    <>
      <PageHeading>Submissions</PageHeading>
      <p>
        Files uploaded by national focal points: their findings, the changes they bring to published data, review and
        publishing.
        {canUpload && (
          <>
            {' '}
            <Link to="/submissions/upload">Upload a file</Link>.
          </>
        )}
      </p>
      <SubmissionFilters
        values={values}
        countryChoices={choices}
        allowAllCountries={isRegional}
        indicatorCodes={indicators.data?.map((indicator) => indicator.code) ?? []}
        onChange={update}
      />
      {failed && <p role="alert">Could not load the submissions: {errorText(failed.error)}</p>}
      <p role="status" aria-live="polite">
        {isLoading
          ? 'Loading submissions…'
          : rows.length === 0
            ? 'No submissions match these filters.'
            : `${formatCount(rows.length)} submission${rows.length === 1 ? '' : 's'} shown`}
      </p>
      {rows.length > 0 && (
        <table className="data-table submissions-table">
          <caption>
            Submissions, sorted by {columns.find((c) => c.key === sort.key)?.label.toLowerCase()} ({sort.direction}).
            Times in {zoneLabel()}.
          </caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <SortHeader
                  key={column.key}
                  label={column.label}
                  sortKey={column.key}
                  sort={sort}
                  className={column.isNumber ? 'number' : undefined}
                  onSort={(key) => setSort(nextSort(sort, key))}
                />
              ))}
              <th scope="col">Indicators</th>
            </tr>
          </thead>
          <tbody>
            {sortRows(rows, sort, sortValue).map((row) => (
              <tr key={row.id}>
                <td className="number">{row.id}</td>
                <td>{row.country}</td>
                <td>
                  <Link to={submissionPath(row.country, row.id)}>{row.file_name}</Link>
                  <span className="cell-note"> {formatBytes(row.file_size)}</span>
                </td>
                <td>
                  <StatusBadge status={row.status} />
                </td>
                <td>
                  <DateTime value={row.created_at} />
                </td>
                <td>
                  <DateTime value={row.status_changed_at} />
                </td>
                <td className="number">{formatCount(row.row_count)}</td>
                <td className="number">
                  {formatCount(row.error_count)} / {formatCount(row.warning_count)}
                </td>
                <td className="indicator-list">
                  {row.indicators.length === 0
                    ? '–'
                    : row.indicators.map((code) => (
                        <span key={code} className="indicator-code">
                          {breakableCode(code)}
                        </span>
                      ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {lastPage && lastPage.length === PAGE_SIZE && (
        <p>
          <button type="button" className="action-button" onClick={loadMore} disabled={isLoading}>
            Load more
          </button>
        </p>
      )}
    </>
  );
}
