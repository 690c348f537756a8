import type { CountryChoice } from '../components/country-select.js';

interface CountryCheckboxesProps {
  legend: string;
  choices: readonly CountryChoice[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
}

/** The country picker for focal-point assignments: one checkbox per member state the user may pick. */
export function CountryCheckboxes({ legend, choices, selected, onChange }: CountryCheckboxesProps) {
  const toggle = (code: string, isChecked: boolean) =>
    onChange(isChecked ? [...selected, code].sort() : selected.filter((c) => c !== code));
  return (
    <fieldset className="country-choices">
      <legend>{legend}</legend>
      {choices.map((country) => (
        <label key={country.code}>
          <input
            type="checkbox"
            value={country.code}
            checked={selected.includes(country.code)}
            onChange={(e) => toggle(country.code, e.target.checked)}
          />
          {country.code} · {country.label}
        </label>
      ))}
    </fieldset>
  );
}
