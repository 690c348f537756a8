import type { FindingCollector } from '../findings/collector.js';

/** The ILOSTAT bulk layout, plus a free-text comment. */
export const LAYOUT = [
  'ref_area',
  'source',
  'indicator',
  'sex',
  'classif1',
  'classif2',
  'time',
  'obs_value',
  'obs_status',
  'note_classif',
  'note_indicator',
  'note_source',
  'comment',
] as const;
export type LayoutColumn = (typeof LAYOUT)[number];

const REQUIRED: LayoutColumn[] = ['ref_area', 'indicator', 'sex', 'time', 'obs_value'];

export type ColumnMap = Record<LayoutColumn, number>;

export interface Header {
  columns: ColumnMap;
  names: string[];
  /** Columns holding free text: checked for Zawgyi. */
  textColumns: number[];
  /** Whether rows can be checked at all (every required column is there). */
  isUsable: boolean;
}

/**
 * Maps the header (on `line`, after any blank lines) to column positions, reporting missing,
 * unknown and repeated columns together. A missing source column is not reported here: each
 * row without a source is (unless --source is given).
 */
export function readHeader(fields: string[], findings: FindingCollector, line = 1): Header {
  const names = fields.map((f, i) => (i === 0 ? f.replace(/^\uFEFF/, '') : f).trim().toLowerCase());
  const columns = Object.fromEntries(LAYOUT.map((c) => [c, -1])) as ColumnMap;
  const textColumns: number[] = [];
  const seen = new Set<string>();
  names.forEach((name, i) => {
    if (seen.has(name) && name !== '') {
      findings.add('DUPLICATE_COLUMN', { line, column: name, value: fields[i] ?? '' });
      return;
    }
    seen.add(name);
    if ((LAYOUT as readonly string[]).includes(name)) {
      columns[name as LayoutColumn] = i;
      if (name.startsWith('note_') || name === 'comment') textColumns.push(i);
    } else if (name.endsWith('.label')) {
      textColumns.push(i);
    } else {
      findings.add('UNKNOWN_COLUMN', { line, column: name, value: fields[i] ?? '', expected: LAYOUT.join(', ') });
      textColumns.push(i);
    }
  });
  let isUsable = true;
  for (const column of REQUIRED) {
    if (columns[column] >= 0) continue;
    isUsable = false;
    findings.add('MISSING_COLUMN', { line, column, expected: column });
  }
  return { columns, names, textColumns, isUsable };
}
