import { sql } from 'kysely';
import type { Db } from '../create-db.js';
import { arrayLiteral, copyField, copyTextWriter } from './copy-rows.js';

/** One observation of an import file as the validator hands it over: the domain's row. */
export type StagedObservation = import('@ilms/domain').ObservationRow;

const COLUMNS =
  'submission_id, line, ref_area, indicator, source, sex, classif1, classif2, time, value, obs_status, note_classif, note_indicator, note_source, comment';

/** COPY text is sent in pieces of about this many characters: few socket writes, little held. */
const CHUNK = 256 * 1024;

/** An empty text[]: most rows carry no notes, so most rows skip building and escaping a literal. */
const NO_NOTES = '{}';

function notesField(values: readonly string[]): string {
  return values.length === 0 ? NO_NOTES : copyField(arrayLiteral(values));
}

/** One row as a line of COPY text, built in one template (no intermediate array and join). */
function copyLine(prefix: string, row: StagedObservation): string {
  return `${prefix}${row.line}\t${copyField(row.refArea)}\t${copyField(row.indicator)}\t${copyField(row.source)}\t${copyField(row.sex)}\t${copyField(row.classif1)}\t${copyField(row.classif2)}\t${copyField(row.time)}\t${copyField(row.value)}\t${copyField(row.obsStatus)}\t${notesField(row.noteClassif)}\t${notesField(row.noteIndicator)}\t${notesField(row.noteSource)}\t${copyField(row.comment)}\n`;
}

/**
 * Writes a submission's rows into staging with one streamed COPY; returns how many. The rows are
 * formatted straight into chunks of COPY text written to the stream, waiting only when the
 * connection asks for it (backpressure), so the only per-row await is the iteration itself.
 */
export async function stageRows(
  db: Db,
  submissionId: number,
  rows: AsyncIterable<StagedObservation> | Iterable<StagedObservation>,
): Promise<number> {
  const prefix = `${submissionId}\t`;
  const count = await copyTextWriter(db, `copy staging_observation (${COLUMNS}) from stdin`, async (write) => {
    let chunk = '';
    for await (const row of rows) {
      chunk += copyLine(prefix, row);
      if (chunk.length >= CHUNK) {
        const wait = write(chunk);
        chunk = '';
        if (wait !== undefined) await wait;
      }
    }
    if (chunk !== '') await write(chunk);
  });
  // Fresh statistics, or the planner takes a large file for a few rows and joins it row by row.
  await sql`analyze staging_observation`.execute(db);
  return count;
}
