import { type Kysely, sql } from 'kysely';

// Frozen in time: Kysely<any>, no application imports.
//
// One staging table per submission, `staging.submission_<id>`, instead of one shared
// `staging_observation`: a submission's checks, diff and publish read exactly its rows (the shared
// table's BRIN scans rechecked a third of another submission's rows), ANALYZE is per submission
// (on the shared table it took a lock that made a second worker wait for the first one's whole
// staging transaction), and publishing or deleting drops the table at once. Until now nothing
// removed the staged rows of published submissions; their values are in `observation` with their
// file lines, so they are not carried over.
const COLUMNS = sql`
  line integer not null, ref_area text not null, indicator text not null, source text not null,
  sex text, classif1 text, classif2 text, time text not null, value numeric, obs_status text,
  note_classif text[] not null, note_indicator text[] not null, note_source text[] not null, comment text`;
const NAMES = sql.raw(
  'line, ref_area, indicator, source, sex, classif1, classif2, time, value, obs_status, note_classif, note_indicator, note_source, comment',
);

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create schema staging`.execute(db);
  const { rows } = await sql<{ id: string }>`
    select distinct so.submission_id as id from staging_observation so
    join submission s on s.id = so.submission_id where s.status <> 'published'`.execute(db);
  for (const { id } of rows) {
    const table = sql.id('staging', `submission_${Number(id)}`);
    await sql`create table ${table} (${COLUMNS})`.execute(db);
    await sql`insert into ${table} (${NAMES})
      select ${NAMES} from staging_observation where submission_id = ${Number(id)} order by line`.execute(db);
  }
  await sql`drop table staging_observation`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`create table staging_observation (submission_id bigint not null, ${COLUMNS})`.execute(db);
  await sql`create index staging_observation_submission on staging_observation using brin (submission_id)`.execute(db);
  const { rows } = await sql<{ name: string }>`
    select tablename as name from pg_tables where schemaname = 'staging' and tablename ~ '^submission_[0-9]+$'`.execute(
    db,
  );
  for (const { name } of rows) {
    const id = Number(name.slice('submission_'.length));
    await sql`insert into staging_observation (submission_id, ${NAMES})
      select ${id}, ${NAMES} from ${sql.id('staging', name)}`.execute(db);
  }
  await sql`drop schema staging cascade`.execute(db);
}
