import type { FindingCollector } from '../findings/collector.js';
import { isZawgyi } from '../read/zawgyi.js';
import type { Header } from './columns.js';

/** Excel's own limit for one cell. */
export const MAX_CELL_CHARS = 32_767;

/** Checks every cell of a row for what applies to any column: length, formula start, Zawgyi. */
export function checkCells(fields: string[], line: number, header: Header, findings: FindingCollector): void {
  const obsValue = header.columns.obs_value;
  for (let i = 0; i < fields.length; i++) {
    const text = fields[i] as string;
    if (text.length === 0) continue;
    const first = text.charCodeAt(0);
    // Only rare characters start a finding, so most cells cost one comparison.
    if (text.length <= MAX_CELL_CHARS && first !== 61 && first !== 43 && first !== 45 && first !== 64) continue;
    const column = header.names[i] ?? '';
    if (text.length > MAX_CELL_CHARS) {
      findings.add('CELL_TOO_LONG', {
        line,
        column,
        value: text,
        detail: text.length.toLocaleString('en'),
        expected: MAX_CELL_CHARS.toLocaleString('en'),
      });
    } else if (i !== obsValue) {
      findings.add('FORMULA_LIKE_CELL', { line, column, value: text, detail: text[0] });
    }
  }
  for (const i of header.textColumns) {
    const text = fields[i];
    if (text && text.length <= MAX_CELL_CHARS && hasHighChar(text) && isZawgyi(text)) {
      findings.add('ZAWGYI_TEXT', { line, column: header.names[i], value: text });
    }
  }
}

/** Burmese lives at U+1000 and up; ASCII notes and comments skip the regular expressions. */
function hasHighChar(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x1000) return true;
  return false;
}
