/**
 * The member states focal points can be assigned to, with their ILO names. Timor-Leste joined
 * ASEAN on 2025-10-26. Kept here, not read from the catalogue tables, because accounts must work
 * before the catalogue is seeded.
 */
export const aseanCountries = [
  { code: 'BRN', label: 'Brunei Darussalam' },
  { code: 'KHM', label: 'Cambodia' },
  { code: 'IDN', label: 'Indonesia' },
  { code: 'LAO', label: "Lao People's Democratic Republic" },
  { code: 'MYS', label: 'Malaysia' },
  { code: 'MMR', label: 'Myanmar' },
  { code: 'PHL', label: 'Philippines' },
  { code: 'SGP', label: 'Singapore' },
  { code: 'THA', label: 'Thailand' },
  { code: 'TLS', label: 'Timor-Leste' },
  { code: 'VNM', label: 'Viet Nam' },
] as const;

export type AseanCountry = (typeof aseanCountries)[number];

export function isAseanCountry(code: string): boolean {
  return aseanCountries.some((country) => country.code === code);
}
