import type { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';

/** A sheet row as text cells, with its row number as the line. */
export interface SheetRow {
  line: number;
  fields: string[];
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value)
    return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return String(value);
}

export class SheetNotFoundError extends Error {}

/**
 * Streams the rows of one worksheet (the first, or the one named) of a file or of a stream of its
 * bytes with exceljs' streaming reader: shared strings are cached, styles and hyperlinks skipped,
 * rows never held together. exceljs is loaded only for a workbook: loading it costs about 50 MB
 * of RSS that CSV files never need.
 */
export async function* readSheetRows(input: string | Readable, sheet: string | undefined): AsyncGenerator<SheetRow> {
  const { default: excel } = await import('exceljs');
  const workbook = new excel.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  const names: string[] = [];
  for await (const worksheet of workbook) {
    const name = (worksheet as unknown as { name?: string }).name ?? '';
    names.push(name);
    if (sheet !== undefined && name !== sheet) continue;
    for await (const row of worksheet) {
      const values = (row as ExcelJS.Row).values as ExcelJS.CellValue[];
      const fields: string[] = [];
      for (let i = 1; i < values.length; i++) fields.push(cellText(values[i]).trim() === '' ? '' : cellText(values[i]));
      yield { line: (row as ExcelJS.Row).number, fields };
    }
    return;
  }
  throw new SheetNotFoundError(`No worksheet named "${sheet}"; the workbook has: ${names.join(', ')}`);
}
