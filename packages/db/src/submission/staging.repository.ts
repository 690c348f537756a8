import { sql } from 'kysely';
import type { Db } from '../create-db.js';
import { arrayLiteral, batchLines, copyField, copyText } from './copy-rows.js';

/** One observation of an import file as the validator hands it over: the domain's row. */
export type StagedObservation = import('@ilms/domain').ObservationRow;

const COLUMNS =
  'submission_id, line, ref_area, indicator, source, sex, classif1, classif2, time, value, obs_status, note_classif, note_indicator, note_source, comment';

async function* toCopyLines(submissionId: number, rows: AsyncIterable<StagedObservation>): AsyncGenerator<string> {
  for await (const row of rows) {
    yield `${[
      submissionId,
      row.line,
      copyField(row.refArea),
      copyField(row.indicator),
      copyField(row.source),
      copyField(row.sex),
      copyField(row.classif1),
      copyField(row.classif2),
      copyField(row.time),
      copyField(row.value),
      copyField(row.obsStatus),
      copyField(arrayLiteral(row.noteClassif)),
      copyField(arrayLiteral(row.noteIndicator)),
      copyField(arrayLiteral(row.noteSource)),
      copyField(row.comment),
    ].join('\t')}\n`;
  }
}

/** Writes a submission's rows into staging with one streamed COPY; returns how many. */
export async function stageRows(db: Db, submissionId: number, rows: AsyncIterable<StagedObservation>): Promise<number> {
  const count = await copyText(
    db,
    `copy staging_observation (${COLUMNS}) from stdin`,
    batchLines(toCopyLines(submissionId, rows)),
  );
  // Fresh statistics, or the planner takes a large file for a few rows and joins it row by row.
  await sql`analyze staging_observation`.execute(db);
  return count;
}
