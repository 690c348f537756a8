import { findIndicator, findScheme } from '@ilms/domain';
import { LAYOUT } from './validate/columns.js';

/**
 * A CSV template for one indicator: the ILOSTAT header and one example row per code of the
 * first scheme of each slot (totals first), for the focal point to fill in.
 */
export function buildTemplate(indicatorCode: string, country = 'XXX', time = '2024'): string | undefined {
  const indicator = findIndicator(indicatorCode);
  if (!indicator) return undefined;
  const codesOf = (slot: string): string[] => {
    const dimension = indicator.dimensions.find((d) => d.slot === slot);
    const scheme = dimension ? findScheme(dimension.standardSchemes[0] ?? '') : undefined;
    if (!scheme) return [''];
    const codes = scheme.kind === 'per_country' ? [scheme.totalCode, 'X'] : scheme.codes.map((c) => c.code);
    return codes.map((code) => `${scheme.id}_${code}`);
  };
  const lines = [LAYOUT.join(',')];
  for (const sex of codesOf('sex')) {
    for (const classif1 of codesOf('classif1')) {
      for (const classif2 of codesOf('classif2')) {
        lines.push(
          [country, 'BA:000', indicator.code, sex, classif1, classif2, time, '', '', '', '', '', ''].join(','),
        );
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
