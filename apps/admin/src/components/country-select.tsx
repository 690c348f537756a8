export interface CountryChoice {
  code: string;
  label: string;
}

interface CountrySelectProps {
  value: string;
  choices: readonly CountryChoice[];
  /** The first option with an empty value ("All countries", "Choose a country"); none when omitted. */
  emptyLabel?: string | undefined;
  onChange(value: string): void;
  disabled?: boolean;
  required?: boolean;
}

/** A labelled country list (code · name), as every filter and form of the app shows it. */
export function CountrySelect({ value, choices, emptyLabel, onChange, disabled, required }: CountrySelectProps) {
  return (
    <label>
      Country
      <select value={value} disabled={disabled} required={required} onChange={(e) => onChange(e.target.value)}>
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {choices.map((country) => (
          <option key={country.code} value={country.code}>
            {country.code} · {country.label}
          </option>
        ))}
      </select>
    </label>
  );
}
