import type { CompiledIndicator } from './compiled-catalogue.js';
import { formatThousandths, parseDecimal, parsedAsFloat, scaled, scaleParsed } from './numbers.js';
import type { RowCheckOptions, RowContext } from './row-context.js';

/**
 * How the last checked value can be handed on: `shift` is the power of ten that turns it into the
 * stored unit, valid when `isNumber`. Reused for every row, like `parsed` and `scaled`.
 */
export const checkedValue = { isNumber: false, shift: 0 };

/**
 * The power of ten that turns a value written in the file's unit into the indicator's stored
 * unit: counts only (a declared multiplier of persons, 0, against thousands, 3, gives -3).
 */
export function unitShift(indicator: CompiledIndicator, options: RowCheckOptions): number {
  return indicator.kind === 'count'
    ? (options.unitMultiplier ?? indicator.unitMultiplier) - indicator.unitMultiplier
    : 0;
}

/** The value as integer thousandths (counts) or a float (others); NaN when missing; undefined when wrong. */
export function checkValue(
  ctx: RowContext,
  indicator: CompiledIndicator | undefined,
  text: string,
  status: string,
  line: number,
): number | undefined {
  const f = ctx.findings;
  const isMissingStatus = ctx.cat.missingStatuses.has(status);
  checkedValue.isNumber = false;
  if (text === '') {
    if (isMissingStatus) return Number.NaN;
    f.add('EMPTY_VALUE_WITHOUT_STATUS', {
      line,
      column: 'obs_value',
      value: status,
      expected: ctx.cat.missingStatusList,
    });
    return undefined;
  }
  const shape = parseDecimal(text);
  if (shape !== 'ok') {
    const code =
      shape === 'thousands_separator'
        ? 'THOUSANDS_SEPARATOR'
        : shape === 'decimal_comma'
          ? 'DECIMAL_COMMA'
          : 'NOT_A_NUMBER';
    f.add(code, {
      line,
      column: 'obs_value',
      value: text,
      expected: code === 'DECIMAL_COMMA' ? text.replace(',', '.') : '',
    });
    return undefined;
  }
  if (isMissingStatus) f.add('VALUE_WITH_MISSING_STATUS', { line, column: 'obs_value', value: text, detail: status });
  if (!indicator) return undefined;
  const isCount = indicator.kind === 'count';
  const shift = unitShift(indicator, ctx.options);
  checkedValue.isNumber = true;
  checkedValue.shift = shift;
  const asFloat = parsedAsFloat(shift);
  if (asFloat < indicator.min || (indicator.max !== null && asFloat > indicator.max)) {
    f.add('OUT_OF_RANGE', {
      line,
      column: 'obs_value',
      value: text,
      expected: `${indicator.min} to ${indicator.max ?? 'no upper limit'}`,
      indicator: indicator.code,
    });
    return undefined;
  }
  if (!isCount) return asFloat;
  scaleParsed(3, shift);
  if (!scaled.isExact) {
    f.add('TOO_MANY_DECIMALS', { line, column: 'obs_value', value: text, expected: formatThousandths(scaled.value) });
  }
  return isMissingStatus ? Number.NaN : scaled.value;
}
