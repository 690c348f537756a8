/** `text` for use inside a LIKE or ILIKE pattern, matched literally: its `\`, `%` and `_` escaped. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
