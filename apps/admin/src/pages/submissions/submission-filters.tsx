import { type CountryChoice, CountrySelect } from '../../components/country-select.js';
import { statuses, statusLabels } from './submission-status.js';

export interface SubmissionFilterValues {
  country: string;
  status: string;
  indicator: string;
}

interface SubmissionFiltersProps {
  values: SubmissionFilterValues;
  countryChoices: readonly CountryChoice[];
  /** Regional roles may list every country at once; a focal point one of their own. */
  allowAllCountries: boolean;
  indicatorCodes: readonly string[];
  onChange: (key: keyof SubmissionFilterValues, value: string) => void;
}

export function SubmissionFilters({
  values,
  countryChoices,
  allowAllCountries,
  indicatorCodes,
  onChange,
}: SubmissionFiltersProps) {
  return (
    <search>
      <form className="filters" aria-label="Filter the submissions" onSubmit={(e) => e.preventDefault()}>
        <CountrySelect
          value={values.country}
          choices={countryChoices}
          emptyLabel={allowAllCountries ? 'All countries' : undefined}
          onChange={(value) => onChange('country', value)}
        />
        <label>
          Status
          <select value={values.status} onChange={(e) => onChange('status', e.target.value)}>
            <option value="">All statuses</option>
            {statuses.map((status) => (
              <option key={status} value={status}>
                {statusLabels[status]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Indicator (code)
          <input
            type="search"
            list="submission-indicator-codes"
            value={values.indicator}
            placeholder="e.g. MNA_OEMP_SEX_CDS_NB"
            onChange={(e) => onChange('indicator', e.target.value.trim().toUpperCase())}
          />
        </label>
        <datalist id="submission-indicator-codes">
          {indicatorCodes.map((code) => (
            <option key={code} value={code} />
          ))}
        </datalist>
      </form>
    </search>
  );
}
