import { Annotated } from '../report/annotated.js';
import { quoteFor } from '../report/csv-text.js';
import { drainOutputs, onRecord, type RunState } from '../run-state.js';
import { RecordSpan } from './delimited-reader.js';
import { readSheetRows } from './xlsx-rows.js';

/** Streams one worksheet as records; its annotated copy is CSV with the sheet's rows as lines. */
export async function readWorkbook(path: string, state: RunState): Promise<void> {
  state.encoding = null;
  state.dialect = { delimiter: ',', newline: '\n' };
  if (state.annotatedPath) state.annotated = new Annotated(state.annotatedPath, state.dialect, true);
  let width = 0;
  let isHeader = true;
  for await (const row of readSheetRows(path, state.options.sheet)) {
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
    const text = state.annotated === undefined ? '' : fields.map((f) => quoteFor(',', f)).join(',');
    onRecord(state, fields, row.line, RecordSpan.of(text));
    await drainOutputs(state);
  }
}
