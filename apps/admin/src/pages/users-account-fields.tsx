import { CountryCheckboxes } from '../auth/country-checkboxes.js';
import { useMe } from '../auth/use-me.js';
import { parseRole, type Role, roleOptions } from './users-roles.js';

export interface AccountFieldValues {
  name: string;
  role: Role;
  countries: string[];
}

/** The values as the API takes them: countries only for a focal point (choosing another role drops them). */
export const toAccountInput = (values: AccountFieldValues): AccountFieldValues => ({
  ...values,
  countries: values.role === 'focal_point' ? values.countries : [],
});

interface Props {
  values: AccountFieldValues;
  onChange: (values: AccountFieldValues) => void;
}

/** Name, role and (for focal points) countries: the fields both the add and the edit form ask for. */
export function UsersAccountFields({ values, onChange }: Props) {
  const me = useMe();
  return (
    <>
      <label>
        Name
        <input required value={values.name} onChange={(e) => onChange({ ...values, name: e.target.value })} />
      </label>
      <label>
        Role
        <select
          value={values.role}
          onChange={(e) => onChange({ ...values, role: parseRole(e.target.value, values.role) })}
        >
          {roleOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      {values.role === 'focal_point' && (
        <CountryCheckboxes
          legend="Countries this focal point reports for"
          choices={me.data?.countryChoices ?? []}
          selected={values.countries}
          onChange={(countries) => onChange({ ...values, countries })}
        />
      )}
    </>
  );
}
