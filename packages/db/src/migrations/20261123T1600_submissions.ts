import { type Kysely, sql } from 'kysely';

// Frozen in time: Kysely<any>, no application imports. Submissions (raw file, findings, staging)
// and the published observation store: series, versioned observations, vintages.
export async function up(db: Kysely<any>): Promise<void> {
  // One counter for every publication: "changed since" queries compare it, never a clock.
  await sql`create sequence change_seq as bigint`.execute(db);

  // Lets series reference (source, country) together: a source only serves its own country.
  await sql`alter table source add constraint source_id_country_key unique (id, country)`.execute(db);

  await db.schema
    .createTable('submission')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('country', 'text', (c) => c.notNull().references('country.code'))
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('draft', 'submitted', 'published', 'returned')`),
    )
    .addColumn('status_changed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('merge', 'replace', 'delete')`))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_size', 'bigint', (c) => c.notNull())
    .addColumn('sha256', 'bytea', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('warning_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('indicators', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('file_purged_at', 'timestamptz')
    .addUniqueConstraint('submission_country_sha256_key', ['country', 'sha256'])
    .execute();
  await db.schema.createIndex('submission_status').on('submission').columns(['status', 'country']).execute();
  await sql`create index submission_indicators on submission using gin (indicators)`.execute(db);

  await db.schema
    .createTable('submission_event')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('submission_id', 'bigint', (c) => c.notNull().references('submission.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addColumn('comment', 'text')
    .execute();
  await db.schema.createIndex('submission_event_submission').on('submission_event').column('submission_id').execute();

  await db.schema
    .createTable('submission_file_chunk')
    .addColumn('submission_id', 'bigint', (c) => c.notNull().references('submission.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('data', 'bytea', (c) => c.notNull())
    .addPrimaryKeyConstraint('submission_file_chunk_pk', ['submission_id', 'seq'])
    .execute();

  await db.schema
    .createTable('finding')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('submission_id', 'bigint', (c) => c.notNull().references('submission.id').onDelete('cascade'))
    // `file` from the validator, `staging` from the SQL checks, `published` from comparisons with
    // published data (recomputed at each submit).
    .addColumn('origin', 'text', (c) => c.notNull().check(sql`origin in ('file', 'staging', 'published')`))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull().check(sql`severity in ('error', 'warning')`))
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('column_name', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('expected', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('finding_submission').on('finding').columns(['submission_id', 'code', 'line']).execute();

  // No foreign key (its per-row check cost COPY 4 s of 6 per million rows; deleteSubmission removes
  // staged rows itself) and only a BRIN index: a COPY appends a submission's rows together, so
  // block ranges find them at almost no cost to the load, where a btree cost another 1.2 s.
  await db.schema
    .createTable('staging_observation')
    .addColumn('submission_id', 'bigint', (c) => c.notNull())
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('ref_area', 'text', (c) => c.notNull())
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('sex', 'text')
    .addColumn('classif1', 'text')
    .addColumn('classif2', 'text')
    .addColumn('time', 'text', (c) => c.notNull())
    .addColumn('value', 'numeric')
    .addColumn('obs_status', 'text')
    .addColumn('note_classif', sql`text[]`, (c) => c.notNull())
    .addColumn('note_indicator', sql`text[]`, (c) => c.notNull())
    .addColumn('note_source', sql`text[]`, (c) => c.notNull())
    .addColumn('comment', 'text')
    .execute();
  await sql`create index staging_observation_submission on staging_observation using brin (submission_id)`.execute(db);

  await db.schema
    .createTable('series')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('ref_area', 'text', (c) => c.notNull().references('country.code'))
    .addColumn('indicator', 'text', (c) => c.notNull().references('indicator.code'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.references('classification_code.code'))
    .addColumn('classif1', 'text', (c) => c.references('classification_code.code'))
    .addColumn('classif2', 'text', (c) => c.references('classification_code.code'))
    .addForeignKeyConstraint('series_source_fk', ['source', 'ref_area'], 'source', ['id', 'country'])
    .execute();
  await sql`alter table series add constraint series_key unique nulls not distinct
    (ref_area, indicator, source, sex, classif1, classif2)`.execute(db);
  // Staged rows find their series by the full key with absent codes as ''; the constraint above
  // cannot serve that lookup past its first null-able column.
  await sql`create index series_lookup on series
    (ref_area, indicator, source, coalesce(sex, ''), coalesce(classif1, ''), coalesce(classif2, ''))`.execute(db);

  await db.schema
    .createTable('vintage')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('seq', 'bigint', (c) => c.notNull().unique())
    // One vintage per submission: publishing twice finds the first.
    .addColumn('submission_id', 'bigint', (c) => c.notNull().unique().references('submission.id'))
    .addColumn('country', 'text', (c) => c.notNull().references('country.code'))
    .addColumn('indicators', sql`text[]`, (c) => c.notNull())
    .addColumn('published_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('published_at', 'timestamptz', (c) => c.notNull())
    .addColumn('revision_reason', 'text', (c) =>
      c.check(sql`revision_reason in ('correction', 'new_source', 'methodology_change', 'routine_revision')`),
    )
    .addColumn('revision_text', 'text')
    .addColumn('counts', 'jsonb', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('vintage_published_at').on('vintage').columns(['published_at', 'seq']).execute();

  await db.schema
    .createTable('observation')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('series_id', 'bigint', (c) => c.notNull().references('series.id'))
    .addColumn('time', 'text', (c) => c.notNull())
    .addColumn('value', 'numeric')
    .addColumn('obs_status', 'text', (c) => c.references('obs_status.code'))
    .addColumn('note_classif', sql`text[]`, (c) => c.notNull())
    .addColumn('note_indicator', sql`text[]`, (c) => c.notNull())
    .addColumn('note_source', sql`text[]`, (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('is_tombstone', 'boolean', (c) => c.notNull())
    .addColumn('valid_from_seq', 'bigint', (c) => c.notNull())
    .addColumn('valid_to_seq', 'bigint', (c) => c.check(sql`valid_to_seq > valid_from_seq`))
    .addColumn('vintage_id', 'bigint', (c) => c.notNull().references('vintage.id'))
    // Always the vintage's own submission, so the vintage's foreign key covers it; a second per-row
    // check would only slow the publish.
    .addColumn('submission_id', 'bigint', (c) => c.notNull())
    // Null only for removals by `replace`, which no line of the file names.
    .addColumn('file_line', 'integer')
    .execute();
  await sql`create unique index observation_current on observation (series_id, time) where valid_to_seq is null`.execute(
    db,
  );
  await db.schema
    .createIndex('observation_history')
    .on('observation')
    .columns(['series_id', 'time', 'valid_from_seq'])
    .execute();

  // Note codes live in arrays (a file's three note columns, in order), so a statement-level
  // trigger plays the foreign key: one set-based check per publishing statement, not per row.
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
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'observation',
    'vintage',
    'series',
    'staging_observation',
    'finding',
    'submission_file_chunk',
    'submission_event',
    'submission',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await sql`drop function observation_notes_exist()`.execute(db);
  await sql`alter table source drop constraint source_id_country_key`.execute(db);
  await sql`drop sequence change_seq`.execute(db);
}
