import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorText } from '../../auth/error-text.js';
import { formatCount } from '../../format/numbers.js';
import { useTRPC } from '../../trpc.js';
import { downloadPath } from './submission-types.js';

const PAGE_SIZE = 50;

type Severity = 'error' | 'warning';

interface SubmissionFindingsProps {
  country: string;
  id: number;
  fileName: string;
  /** False once the stored file was purged: the annotated copy can no longer be made. */
  hasFile: boolean;
}

/** What the checks found: counts by code, then the findings one by one, each saying how to fix it. */
export function SubmissionFindings({ country, id, fileName, hasFile }: SubmissionFindingsProps) {
  const trpc = useTRPC();
  const [code, setCode] = useState('');
  const [severity, setSeverity] = useState<Severity | ''>('');
  const [offset, setOffset] = useState(0);
  const findings = useQuery(
    trpc.submissions.findings.queryOptions(
      { country, id, code: code || undefined, severity: severity || undefined, offset, limit: PAGE_SIZE },
      { placeholderData: (previous) => previous },
    ),
  );
  const groups = findings.data?.groups ?? [];
  const total = groups
    .filter((g) => (!code || g.code === code) && (!severity || g.severity === severity))
    .reduce((sum, g) => sum + g.count, 0);
  const items = findings.data?.items ?? [];
  const filterBy = (nextCode: string, nextSeverity: Severity | '') => {
    setCode(nextCode);
    setSeverity(nextSeverity);
    setOffset(0);
  };

  return (
    <section aria-labelledby="findings-heading">
      <h2 id="findings-heading">Findings</h2>
      {findings.isError && <p role="alert">Could not load the findings: {errorText(findings.error)}</p>}
      <FindingDownloads country={country} id={id} fileName={fileName} hasFile={hasFile} />
      {findings.data && groups.length === 0 && <p>The checks found nothing to fix or to look at.</p>}
      {groups.length > 0 && (
        <table className="data-table finding-groups">
          <caption>Findings by code: errors block submitting, warnings do not</caption>
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Severity</th>
              <th scope="col" className="number">
                Count
              </th>
              <th scope="col" className="number">
                First line
              </th>
              <th scope="col">
                <span className="visually-hidden">Show</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => (
              <tr key={`${group.code}-${group.severity}`}>
                <th scope="row">
                  <code>{group.code}</code>
                </th>
                <td>
                  <span className={`severity severity-${group.severity}`}>{group.severity}</span>
                </td>
                <td className="number">{formatCount(group.count)}</td>
                <td className="number">{group.first_line}</td>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => filterBy(group.code, group.severity)}
                    aria-label={`Show the ${group.code} findings`}
                  >
                    Show
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {groups.length > 0 && (
        <>
          <form className="filters" aria-label="Filter the findings" onSubmit={(e) => e.preventDefault()}>
            <label>
              Code
              <select value={code} onChange={(e) => filterBy(e.target.value, severity)}>
                <option value="">All codes</option>
                {[...new Set(groups.map((g) => g.code))].map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Severity
              <select value={severity} onChange={(e) => filterBy(code, e.target.value as Severity | '')}>
                <option value="">Errors and warnings</option>
                <option value="error">Errors</option>
                <option value="warning">Warnings</option>
              </select>
            </label>
          </form>
          <FindingItems items={items} offset={offset} total={total} />
          <nav className="row-actions" aria-label="Finding pages">
            <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
              Previous findings
            </button>
            <button type="button" disabled={offset + PAGE_SIZE >= total} onClick={() => setOffset(offset + PAGE_SIZE)}>
              Next findings
            </button>
          </nav>
        </>
      )}
    </section>
  );
}

interface FindingItem {
  code: string;
  severity: string;
  line: number;
  column: string;
  value: string;
  expected: string;
  message: string;
}

function FindingItems({ items, offset, total }: { items: readonly FindingItem[]; offset: number; total: number }) {
  const range = items.length === 0 ? 'none' : `${offset + 1}–${offset + items.length} of ${formatCount(total)}`;
  return (
    <table className="data-table finding-items">
      <caption>Findings in file order: {range}</caption>
      <thead>
        <tr>
          <th scope="col" className="number">
            Line
          </th>
          <th scope="col">Column</th>
          <th scope="col">Value</th>
          <th scope="col">Expected</th>
          <th scope="col">Code</th>
          <th scope="col">How to fix</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item, index) => (
          <tr key={`${item.line}-${item.code}-${index}`} className={`finding-${item.severity}`}>
            <td className="number">{item.line}</td>
            <td>
              <code>{item.column}</code>
            </td>
            <td className="value-cell">
              <code className="cell-value">{item.value}</code>
            </td>
            <td className="value-cell">
              <code className="cell-value">{item.expected}</code>
            </td>
            <td>
              <code>{item.code}</code>
              <span className="visually-hidden"> ({item.severity})</span>
            </td>
            <td>{item.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FindingDownloads({ country, id, fileName, hasFile }: SubmissionFindingsProps) {
  const base = fileName.replace(/\.[^.]+$/, '');
  return (
    <ul className="downloads" aria-label="Downloads">
      <li>
        <a href={downloadPath(country, id, 'findings.csv')} download={`${base}.findings.csv`}>
          Findings as CSV
        </a>
      </li>
      <li>
        <a href={downloadPath(country, id, 'findings.json')} download={`${base}.findings.json`}>
          Findings as JSON
        </a>
      </li>
      {hasFile && (
        <li>
          <a href={downloadPath(country, id, 'annotated')} download={`${base}.annotated.csv`}>
            Your file with the findings beside each line (CSV)
          </a>
        </li>
      )}
    </ul>
  );
}
