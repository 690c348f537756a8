/** A period: a year from 1950 to 2100, optionally a quarter (2024Q2) or a month (2024M03). */
export const TIME = /^(?:19[5-9]\d|20\d\d|2100)(?:Q[1-4]|M(?:0[1-9]|1[0-2]))?$/;
/** A source as ILOSTAT writes it (`BA:123`) or as the hub numbers its own (`FX:HUB-12`). */
const SOURCE = /^[A-Z]{2}:(?:\d+|HUB-\d+)$/;
/** The source types the domain knows (its `sources.ts`): household surveys, censuses, registers … */
const SOURCE_PREFIX = /^(?:AA|BA|CA|DA|EA|F[A-Z]):/;

/** Whether a source id is well formed (whether it is registered is checked in the database). */
export function isValidSource(text: string): boolean {
  return SOURCE.test(text) && SOURCE_PREFIX.test(text);
}
