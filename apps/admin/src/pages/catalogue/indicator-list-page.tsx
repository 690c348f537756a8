import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { words } from '../../format/words.js';
import { useTRPC } from '../../trpc.js';
import { useUrlFilters } from '../../use-url-filters.js';

const topics = ['stock', 'inflow', 'nationals_abroad', 'sdg'] as const;
const criteria = ['place_of_birth', 'citizenship', 'not_applicable'] as const;
const measures = ['count', 'rate', 'mean', 'ratio'] as const;

function pick<T extends string>(allowed: readonly T[], value: string | null): T | undefined {
  return allowed.find((item) => item === value);
}

/** Indicators, searchable and filterable; filters live in the URL so a view can be shared. */
export function IndicatorListPage() {
  const trpc = useTRPC();
  const [params, update] = useUrlFilters();
  const filter = {
    search: params.get('q') ?? undefined,
    topic: pick(topics, params.get('topic')),
    criterion: pick(criteria, params.get('criterion')),
    measureType: pick(measures, params.get('measure')),
  };
  const indicators = useQuery(trpc.catalogue.listIndicators.queryOptions(filter, { placeholderData: (prev) => prev }));

  return (
    <>
      <h1>Catalogue</h1>
      <p>
        The ILMS indicators every upload is checked against. See also the{' '}
        <Link to="/catalogue/classifications">classifications</Link> and each country’s{' '}
        <Link to="/catalogue/sources">sources</Link>.
      </p>
      <search>
        <form className="filters" onSubmit={(e) => e.preventDefault()}>
          <label>
            Search
            <input
              type="search"
              value={filter.search ?? ''}
              onChange={(e) => update('q', e.target.value)}
              placeholder="code, label or definition"
            />
          </label>
          <FilterSelect label="Topic" value={filter.topic} options={topics} onChange={(v) => update('topic', v)} />
          <FilterSelect
            label="Criterion"
            value={filter.criterion}
            options={criteria}
            onChange={(v) => update('criterion', v)}
          />
          <FilterSelect
            label="Measure type"
            value={filter.measureType}
            options={measures}
            onChange={(v) => update('measure', v)}
          />
        </form>
      </search>
      {indicators.isError && <p role="alert">Could not load indicators: {indicators.error.message}</p>}
      {indicators.data && (
        <>
          <p role="status" aria-live="polite">
            {indicators.data.length} indicator{indicators.data.length === 1 ? '' : 's'}
          </p>
          <table className="data-table">
            <caption className="visually-hidden">ILMS indicators</caption>
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">Label</th>
                <th scope="col">Topic</th>
                <th scope="col">Criterion</th>
                <th scope="col">Measure</th>
              </tr>
            </thead>
            <tbody>
              {indicators.data.map((indicator) => (
                <tr key={indicator.code}>
                  <td>
                    <Link to={`/catalogue/indicators/${indicator.code}`}>
                      <code>{indicator.code}</code>
                    </Link>
                  </td>
                  <td>{indicator.label}</td>
                  <td>{words(indicator.topic)}</td>
                  <td>{words(indicator.criterion)}</td>
                  <td>{indicator.measure_type}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}

interface FilterSelectProps {
  label: string;
  value: string | undefined;
  options: readonly string[];
  onChange: (value: string) => void;
}

function FilterSelect({ label, value, options, onChange }: FilterSelectProps) {
  return (
    <label>
      {label}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        <option value="">all</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {words(option)}
          </option>
        ))}
      </select>
    </label>
  );
}
