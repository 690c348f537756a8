import { type Kysely, sql } from 'kysely';

// Frozen in time: Kysely<any>, no application imports.
//
// What a publish pays per inserted version, measured on a million (EXPLAIN ANALYZE, 2 cores):
// the per-row foreign-key triggers to series and vintage 4.8 s and 3.8 s, and each btree about
// 2–4 s. So:
// - the version's key (series_id, time, valid_from_seq) becomes the primary key, replacing both
//   the identity `id` (used by nothing but the publish) and the `observation_history` index that
//   held the same columns;
// - series and vintage are checked once per publishing statement, set-based, by the trigger that
//   already checks the note codes; since series and vintages are never deleted (a published
//   value is never lost), deleting either is refused outright rather than checked per row.
// obs_status keeps its foreign key: 0.6 s a million, and it guards the codelist.
//
// `submission.jumps_checked_seq`: the country's last change number when its year-on-year check
// last ran (a full pass over staged and published values: 6–24 s a million rows). Submitting
// runs the check again only when something was published for the country since.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table submission add column jumps_checked_seq bigint`.execute(db);
  await sql`alter table observation drop constraint observation_series_id_fkey`.execute(db);
  await sql`alter table observation drop constraint observation_vintage_id_fkey`.execute(db);
  await sql`drop index observation_history`.execute(db);
  await sql`alter table observation drop column id`.execute(db);
  await sql`alter table observation add constraint observation_pkey primary key (series_id, time, valid_from_seq)`.execute(
    db,
  );

  await sql`drop trigger observation_notes_exist on observation`.execute(db);
  await sql`drop function observation_notes_exist()`.execute(db);
  await sql`create function observation_references_exist() returns trigger language plpgsql as $$
    declare missing text;
    begin
      select 'series ' || r.series_id into missing
        from (select distinct series_id from new_rows) r
       where not exists (select 1 from series where series.id = r.series_id)
       limit 1;
      if missing is null then
        select 'vintage ' || r.vintage_id into missing
          from (select distinct vintage_id from new_rows) r
         where not exists (select 1 from vintage where vintage.id = r.vintage_id)
         limit 1;
      end if;
      -- Most rows carry no note: only those that do are unnested (0.5 s less per million rows).
      if missing is null then
        select 'note ' || n into missing
          from (select r.note_classif || r.note_indicator || r.note_source as notes from new_rows r
                 where cardinality(r.note_classif) + cardinality(r.note_indicator) + cardinality(r.note_source) > 0) r,
            unnest(r.notes) as n
         where not exists (select 1 from note where note.code = n)
         limit 1;
      end if;
      if missing is not null then
        raise foreign_key_violation using message = format('observation refers to %s, which does not exist', missing);
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger observation_references_exist after insert on observation
    referencing new table as new_rows for each statement execute function observation_references_exist()`.execute(db);

  await sql`create function published_is_permanent() returns trigger language plpgsql as $$
    begin
      raise exception '% rows are permanent (published values refer to them): % is not allowed', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
    end $$`.execute(db);
  for (const table of ['series', 'vintage']) {
    await sql`create trigger ${sql.id(`${table}_is_permanent`)} before delete or truncate on ${sql.id(table)}
      for each statement execute function published_is_permanent()`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['series', 'vintage']) {
    await sql`drop trigger ${sql.id(`${table}_is_permanent`)} on ${sql.id(table)}`.execute(db);
  }
  await sql`drop function published_is_permanent()`.execute(db);
  await sql`drop trigger observation_references_exist on observation`.execute(db);
  await sql`drop function observation_references_exist()`.execute(db);
  await sql`create function observation_notes_exist() returns trigger language plpgsql as $$
    declare missing text;
    begin
      select n into missing
        from new_rows r, unnest(r.note_classif || r.note_indicator || r.note_source) as n
       where not exists (select 1 from note where note.code = n)
       limit 1;
      if missing is not null then
        raise foreign_key_violation using message = format('note %s is not in the note codelist', missing);
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger observation_notes_exist after insert on observation
    referencing new table as new_rows for each statement execute function observation_notes_exist()`.execute(db);
  await sql`alter table observation drop constraint observation_pkey`.execute(db);
  await sql`alter table observation add column id bigint generated always as identity primary key`.execute(db);
  await sql`create index observation_history on observation (series_id, time, valid_from_seq)`.execute(db);
  await sql`alter table observation add constraint observation_series_id_fkey foreign key (series_id) references series (id)`.execute(
    db,
  );
  await sql`alter table observation add constraint observation_vintage_id_fkey foreign key (vintage_id) references vintage (id)`.execute(
    db,
  );
}
