const NEEDS_QUOTES = /[",\r\n;\t]/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell for the reports: quoted when needed, and never runnable as a spreadsheet formula. */
export function reportCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A cell of the annotated copy, in the file's own delimiter. */
export function quoteFor(delimiter: string, text: string): string {
  return text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r')
    ? `"${text.replaceAll('"', '""')}"`
    : text;
}
