/** Codelist values as words for people: `nationals_abroad` → `nationals abroad`. */
export const words = (value: string) => value.replaceAll('_', ' ');
