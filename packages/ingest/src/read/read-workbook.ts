import type { Readable } from 'node:stream';
import { Annotated } from '../report/annotated.js';
import { quoteFor } from '../report/csv-text.js';
import { drainOutputs, onRecord, type RunState } from '../run-state.js';
import { type Dialect, RecordSpan } from './delimited-reader.js';
import { readSheetRows, type SheetRow } from './xlsx-rows.js';

/** The CSV dialect of a sheet's rows in the annotated copy. */
export const SHEET_DIALECT: Dialect = { delimiter: ',', newline: '\n' };

/** A sheet row as a record: cells evened to the header's width, and its text as a CSV line. */
export interface SheetRecord extends SheetRow {
  /** The cells as one CSV line; empty unless asked for (most runs never need it). */
  text: string;
}

/**
 * The rows of one worksheet (the first, or the one named) as records: the header's trailing
 * empty cells are dropped, and each row is padded to its width or loses trailing empty cells.
 */
export async function* readSheetRecords(
  input: string | Readable,
  sheet: string | undefined,
  withText: boolean,
): AsyncGenerator<SheetRecord> {
  let width = 0;
  let isHeader = true;
  for await (const row of readSheetRows(input, sheet)) {
    const fields = row.fields;
    if (isHeader) {
      while (fields.length > 0 && fields.at(-1) === '') fields.pop();
      width = fields.length;
      isHeader = false;
    } else if (fields.length < width) {
      while (fields.length < width) fields.push('');
    } else {
      while (fields.length > width && fields.at(-1) === '') fields.pop();
    }
    const text = withText ? fields.map((f) => quoteFor(',', f)).join(',') : '';
    yield { line: row.line, fields, text };
  }
}

/** Streams one worksheet as records; its annotated copy is CSV with the sheet's rows as lines. */
export async function readWorkbook(path: string, state: RunState): Promise<void> {
  state.encoding = null;
  state.dialect = SHEET_DIALECT;
  if (state.annotatedPath) state.annotated = new Annotated(state.annotatedPath, state.dialect, true);
  for await (const record of readSheetRecords(path, state.options.sheet, state.annotated !== undefined)) {
    onRecord(state, record.fields, record.line, RecordSpan.of(record.text));
    await drainOutputs(state);
  }
}
