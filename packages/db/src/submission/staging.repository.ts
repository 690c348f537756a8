import { type Selectable, sql } from 'kysely';
import type { Db } from '../create-db.js';
import { arrayLiteral, copyField, copyTextWriter } from './copy-rows.js';
import type { ObservationTable, SeriesTable } from './submission.schema.js';

/** One observation of an import file as the validator hands it over: the domain's row. */
export type StagedObservation = import('@ilms/domain').ObservationRow;

/**
 * Each submission stages into a table of its own, `staging.submission_<id>`: its checks, diff and
 * publish read exactly its rows (no index, no other submission's rows to skip), its statistics
 * are its own (so two workers staging at once never wait on each other's ANALYZE), and publishing
 * or deleting the submission drops it at once instead of deleting a million rows.
 */
export function stagingTableName(submissionId: number): string {
  if (!Number.isSafeInteger(submissionId) || submissionId <= 0) throw new Error(`bad submission id ${submissionId}`);
  return `staging.submission_${submissionId}`;
}

/** The staging table of a submission, for use in SQL. */
export const stagingTable = (submissionId: number) => sql.raw(stagingTableName(submissionId));

const COLUMNS =
  'line, ref_area, indicator, source, sex, classif1, classif2, time, value, obs_status, note_classif, note_indicator, note_source, comment';

/** Creates the submission's staging table (in the caller's transaction, so a rollback removes it). */
async function createStagingTable(db: Db, submissionId: number): Promise<void> {
  await sql`
    create table ${stagingTable(submissionId)} (
      line integer not null, ref_area text not null, indicator text not null, source text not null,
      sex text, classif1 text, classif2 text, time text not null, value numeric, obs_status text,
      note_classif text[] not null, note_indicator text[] not null, note_source text[] not null, comment text
    )`.execute(db);
}

/** Drops a submission's staging table, if it has one (published, deleted). */
export async function dropStagingTable(db: Db, submissionId: number): Promise<void> {
  await sql`drop table if exists ${stagingTable(submissionId)}`.execute(db);
}

/** Whether the submission has staged rows kept (drafts, returned, submitted and scheduled ones do). */
export async function hasStagingTable(db: Db, submissionId: number): Promise<boolean> {
  const { rows } = await sql<{ name: string | null }>`
    select to_regclass(${stagingTableName(submissionId)})::text as name`.execute(db);
  return rows[0]?.name != null;
}

/** A staged row as stored: the series key, the cell (value as exact text) and the file line. */
export type StagedRow = { line: number } & Omit<Selectable<SeriesTable>, 'id'> &
  Omit<
    Selectable<ObservationTable>,
    'series_id' | 'is_tombstone' | 'valid_from_seq' | 'valid_to_seq' | 'vintage_id' | 'submission_id' | 'file_line'
  >;

/** A submission's staged rows in file order (none when it has no staging table); for tests and tools. */
export async function readStagedRows(db: Db, submissionId: number) {
  if (!(await hasStagingTable(db, submissionId))) return [];
  const { rows } = await sql<StagedRow>`select * from ${stagingTable(submissionId)} order by line`.execute(db);
  return rows;
}

/** COPY text is sent in pieces of about this many characters: few socket writes, little held. */
const CHUNK = 256 * 1024;

/** An empty text[]: most rows carry no notes, so most rows skip building and escaping a literal. */
const NO_NOTES = '{}';

function notesField(values: readonly string[]): string {
  return values.length === 0 ? NO_NOTES : copyField(arrayLiteral(values));
}

/** One row as a line of COPY text, built in one template (no intermediate array and join). */
function copyLine(row: StagedObservation): string {
  return `${row.line}\t${copyField(row.refArea)}\t${copyField(row.indicator)}\t${copyField(row.source)}\t${copyField(row.sex)}\t${copyField(row.classif1)}\t${copyField(row.classif2)}\t${copyField(row.time)}\t${copyField(row.value)}\t${copyField(row.obsStatus)}\t${notesField(row.noteClassif)}\t${notesField(row.noteIndicator)}\t${notesField(row.noteSource)}\t${copyField(row.comment)}\n`;
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
  await createStagingTable(db, submissionId);
  const count = await copyTextWriter(
    db,
    `copy ${stagingTableName(submissionId)} (${COLUMNS}) from stdin`,
    async (write) => {
      let chunk = '';
      for await (const row of rows) {
        chunk += copyLine(row);
        if (chunk.length >= CHUNK) {
          const wait = write(chunk);
          chunk = '';
          if (wait !== undefined) await wait;
        }
      }
      if (chunk !== '') await write(chunk);
    },
  );
  // Fresh statistics, or the planner takes a large file for a few rows and joins it row by row.
  await sql`analyze ${stagingTable(submissionId)}`.execute(db);
  return count;
}
