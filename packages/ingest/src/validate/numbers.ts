/**
 * Reads obs_value exactly: the digits become an integer mantissa and a count of decimals, so
 * counts can be summed in integer thousandths of a thousand (one person) with no float rounding.
 */
export type NumberShape = 'ok' | 'not_a_number' | 'thousands_separator' | 'decimal_comma';

/** Reused for every row: the hot path allocates nothing for a number. */
export const parsed = { mantissa: 0, decimals: 0, isNegative: false };

const MAX_DIGITS = 15;
const THOUSANDS =
  /^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^-?\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?$|^-?\d{1,3}(?: \d{3})+(?:[.,]\d+)?$/;
const DECIMAL_COMMA = /^-?\d+,\d+$/;

export function parseDecimal(text: string): NumberShape {
  const length = text.length;
  let i = 0;
  let mantissa = 0;
  let decimals = 0;
  let digits = 0;
  let isFraction = false;
  const isNegative = text.charCodeAt(0) === 45;
  if (isNegative) i = 1;
  if (i >= length) return 'not_a_number';
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (digits > 0 || c !== 48) digits++;
      mantissa = mantissa * 10 + (c - 48);
      if (isFraction) decimals++;
    } else if (c === 46 && !isFraction && i > (isNegative ? 1 : 0) && i < length - 1) {
      isFraction = true;
    } else {
      return classifyBadNumber(text);
    }
  }
  if (digits > MAX_DIGITS) return 'not_a_number';
  parsed.mantissa = isNegative ? -mantissa : mantissa;
  parsed.decimals = decimals;
  parsed.isNegative = isNegative;
  return 'ok';
}

function classifyBadNumber(text: string): NumberShape {
  if (THOUSANDS.test(text)) return 'thousands_separator';
  if (DECIMAL_COMMA.test(text)) return 'decimal_comma';
  return 'not_a_number';
}

const POWERS = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000];

function power(n: number): number {
  return POWERS[n] ?? 10 ** n;
}

/**
 * The parsed value in units of 10^-`scale` of the stored unit, given the power of ten the value
 * was written in relative to the stored unit (`shift`: 0 as stored, -3 persons for a count
 * stored in thousands). Counts use scale 3: integer persons. `isExact` is false when rounding
 * was needed.
 */
export const scaled = { value: 0, isExact: true };

export function scaleParsed(scale: number, shift: number): void {
  const exponent = scale + shift - parsed.decimals;
  if (exponent >= 0) {
    scaled.value = parsed.mantissa * power(exponent);
    scaled.isExact = true;
  } else {
    const divisor = power(-exponent);
    scaled.value = Math.round(parsed.mantissa / divisor);
    scaled.isExact = parsed.mantissa % divisor === 0;
  }
}

/** Formats integer thousandths as a decimal in thousands: 1234 → "1.234". */
export function formatThousandths(value: number): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const whole = Math.floor(abs / 1000);
  const fraction = String(abs % 1000).padStart(3, '0');
  return `${sign}${whole}.${fraction}`;
}

/** The value in the stored unit as a float, for ranges and rates only (never for sums). */
export function parsedAsFloat(shift: number): number {
  return (parsed.mantissa / power(parsed.decimals)) * 10 ** shift;
}
