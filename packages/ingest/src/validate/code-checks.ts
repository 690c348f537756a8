import { MAX_CELL_CHARS } from './cell-checks.js';
import type { ColumnMap } from './columns.js';
import type { CompiledIndicator, SlotCheck } from './compiled-catalogue.js';
import type { RowContext } from './row-context.js';

const SLOT_COLUMNS = ['sex', 'classif1', 'classif2'] as const;
const NOTE_COLUMNS = ['note_classif', 'note_indicator', 'note_source'] as const;

/** Checks the code of slot `s` (sex, classif1, classif2); returns whether it can take part in keys and sums. */
export function checkCode(
  ctx: RowContext,
  indicator: CompiledIndicator,
  s: number,
  code: string,
  line: number,
): boolean {
  const f = ctx.findings;
  const slot: SlotCheck | null = indicator.slots[s] ?? null;
  const column = SLOT_COLUMNS[s] ?? 'sex';
  if (slot === null) {
    if (code === '') return true;
    f.add('UNEXPECTED_CODE', { line, column, value: code, detail: indicator.code });
    return false;
  }
  if (code === '') {
    f.add('MISSING_CODE', { line, column, detail: indicator.code, expected: slot.examples });
    return false;
  }
  const info = ctx.cat.codes.get(code);
  if (info) {
    ctx.series.infos[s] = info;
    if (slot.allowed.has(info.scheme)) return true;
    f.add('SCHEME_NOT_ALLOWED', {
      line,
      column,
      value: code,
      detail: info.scheme,
      expected: slot.examples,
      indicator: indicator.code,
    });
    return false;
  }
  const national = ctx.cat.nationalSchemeOf(code);
  if (national && slot.acceptsNational && national.dimension === slot.dimension) {
    if (ctx.options.nationalSchemes?.get(national.scheme)?.has(code)) return true;
  } else if (national) {
    f.add('SCHEME_NOT_ALLOWED', {
      line,
      column,
      value: code,
      detail: national.scheme,
      expected: slot.examples,
      indicator: indicator.code,
    });
    return false;
  }
  f.add('UNKNOWN_CODE', { line, column, value: code, expected: slot.examples });
  return false;
}

/** The note codes of a note cell, as written between underscores (none for a blank cell). */
export function noteCodes(text: string): string[] {
  const cell = text.trim();
  return cell === '' ? [] : cell.split('_');
}

/** Checks each note code against the notes codelist and the column it belongs in. */
export function checkNotes(ctx: RowContext, c: ColumnMap, fields: string[], line: number): void {
  for (const column of NOTE_COLUMNS) {
    const index = c[column];
    const cell = index < 0 ? '' : (fields[index] as string);
    if (cell.length > MAX_CELL_CHARS) continue;
    for (const note of noteCodes(cell)) {
      const home = ctx.cat.noteColumns.get(note);
      if (home === undefined) ctx.findings.add('UNKNOWN_NOTE', { line, column, value: note });
      else if (home !== column) {
        ctx.findings.add('NOTE_WRONG_COLUMN', {
          line,
          column,
          value: note,
          expected: home,
          detail: ctx.cat.notes.get(note),
        });
      }
    }
  }
}
