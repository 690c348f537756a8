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

export class SheetNotFoundError extends Error {
  constructor(sheet: string | undefined, names: readonly string[]) {
    super(`No worksheet named "${sheet}"; the workbook has: ${names.join(', ')}`);
  }
}

type Excel = typeof ExcelJS;

function sheetRow(row: ExcelJS.Row): SheetRow {
  const values = row.values as ExcelJS.CellValue[];
  const fields: string[] = [];
  for (let i = 1; i < values.length; i++) fields.push(cellText(values[i]).trim() === '' ? '' : cellText(values[i]));
  return { line: row.number, fields };
}

/**
 * Streams the rows of one worksheet (the first, or the one named) of a file or of a stream of its
 * bytes with exceljs' streaming reader: shared strings are cached, styles and hyperlinks skipped,
 * rows never held together. exceljs is loaded only for a workbook: loading it costs about 50 MB
 * of RSS that CSV files never need.
 */
export async function* readSheetRows(input: string | Readable, sheet: string | undefined): AsyncGenerator<SheetRow> {
  const { default: excel } = await import('exceljs');
  let isStarted = false;
  try {
    for await (const row of streamSheetRows(excel, input, sheet)) {
      isStarted = true;
      yield row;
    }
  } catch (error) {
    // exceljs' streaming reader can reach a worksheet before it has read the workbook part that
    // names it (depending on the order of the parts in the file and on timing) and then fails
    // with a TypeError before any row. A file on disk is then read whole instead.
    if (isStarted || typeof input !== 'string' || !(error instanceof TypeError)) throw error;
    yield* readWholeSheet(excel, input, sheet);
  }
}

async function* streamSheetRows(excel: Excel, input: string | Readable, sheet: string | undefined) {
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
    if (sheet !== undefined && name !== sheet) {
      // Read to its end all the same, so exceljs' parser is not left mid-sheet when this loop
      // ends: an error it raised after that could no longer be caught here.
      await drain(worksheet as unknown as AsyncIterable<unknown>);
      continue;
    }
    for await (const row of worksheet) yield sheetRow(row as ExcelJS.Row);
    return;
  }
  throw new SheetNotFoundError(sheet, names);
}

async function drain(rows: AsyncIterable<unknown>): Promise<void> {
  const iterator = rows[Symbol.asyncIterator]();
  while (!(await iterator.next()).done) {
    // Nothing to do with a row of another worksheet.
  }
}

async function* readWholeSheet(excel: Excel, path: string, sheet: string | undefined) {
  const workbook = new excel.Workbook();
  await workbook.xlsx.readFile(path);
  const worksheet = sheet === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheet);
  if (worksheet === undefined) {
    const names = workbook.worksheets.map((w) => w.name);
    throw new SheetNotFoundError(sheet, names);
  }
  const rows: SheetRow[] = [];
  worksheet.eachRow((row) => {
    rows.push(sheetRow(row));
  });
  yield* rows;
}
