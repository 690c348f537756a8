import { type CountryChoice, CountrySelect } from '../components/country-select.js';

export interface AuditFilterValues {
  actor: string;
  action: string;
  country: string;
  from: string;
  to: string;
}

interface AuditFiltersProps {
  values: AuditFilterValues;
  countryChoices: readonly CountryChoice[];
  /** Regional roles may see every country at once; a focal point only their own. */
  allowAllCountries: boolean;
  onChange: (key: keyof AuditFilterValues, value: string) => void;
}

export function AuditFilters({ values, countryChoices, allowAllCountries, onChange }: AuditFiltersProps) {
  return (
    <form className="filters" aria-label="Filter the audit log" onSubmit={(e) => e.preventDefault()}>
      <label>
        User (email contains)
        <input type="search" value={values.actor} onChange={(e) => onChange('actor', e.target.value)} />
      </label>
      <label>
        Action
        <input
          type="search"
          value={values.action}
          placeholder="users.create, or users. for all"
          onChange={(e) => onChange('action', e.target.value)}
        />
      </label>
      <CountrySelect
        value={values.country}
        choices={countryChoices}
        emptyLabel={allowAllCountries ? 'All countries' : undefined}
        onChange={(value) => onChange('country', value)}
      />
      <label>
        From (your local time)
        <input type="datetime-local" value={values.from} onChange={(e) => onChange('from', e.target.value)} />
      </label>
      <label>
        To (your local time)
        <input type="datetime-local" value={values.to} onChange={(e) => onChange('to', e.target.value)} />
      </label>
    </form>
  );
}
