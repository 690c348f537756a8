import { readFileSync, writeFileSync } from 'node:fs';
import { findingCatalogue } from '../src/findings/catalogue.js';

/** Rewrites the code count and the table of docs/findings.md from the catalogue; the prose stays. */
const path = new URL('../../../docs/findings.md', import.meta.url);
const doc = readFileSync(path, 'utf8');
const entries = Object.entries(findingCatalogue);
const rows = entries.map(([code, e]) => {
  const fatal = 'isFatal' in e && e.isFatal ? 'yes' : '';
  return `| \`${code}\` | ${e.severity} | ${fatal} | ${e.message} |`;
});
const head =
  '| code | severity | reading stops | message (placeholders filled per finding) |\n| --- | --- | --- | --- |\n';
const start = doc.indexOf(head);
if (start < 0) throw new Error('docs/findings.md has lost its table header');
const next = doc
  .slice(0, start)
  .replace(/Limits: \d+ codes\./, `Limits: ${entries.length} codes.`)
  .concat(head, rows.join('\n'), '\n');
writeFileSync(path, next);
