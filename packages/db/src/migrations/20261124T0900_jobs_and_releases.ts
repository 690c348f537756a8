import { type Kysely, sql } from 'kysely';

// Frozen in time: Kysely<any>, no application imports. Uploads are processed by a worker:
// a submission is `processing` until its import job ends. Coordinators may schedule releases.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table submission drop constraint submission_status_check`.execute(db);
  await sql`alter table submission add constraint submission_status_check check (status in
    ('processing', 'failed', 'cancelled', 'draft', 'submitted', 'scheduled', 'returned', 'published'))`.execute(db);

  // A file whose processing failed or was cancelled may be sent again as a new submission.
  await sql`alter table submission drop constraint submission_country_sha256_key`.execute(db);
  await sql`create unique index submission_country_sha256 on submission (country, sha256)
    where status not in ('failed', 'cancelled')`.execute(db);

  // One row per submission: the state users see. The queue library carries only the id; this row
  // holds progress, the heartbeat by which a dead worker is noticed, and why a job failed.
  await db.schema
    .createTable('import_job')
    .addColumn('submission_id', 'bigint', (c) => c.primaryKey().references('submission.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('queued', 'running', 'succeeded', 'failed', 'cancelled')`),
    )
    .addColumn('phase', 'text', (c) =>
      c.notNull().check(sql`phase in ('queued', 'loading', 'validating', 'checking', 'done')`),
    )
    .addColumn('bytes_total', 'bigint', (c) => c.notNull())
    .addColumn('bytes_read', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_read', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('attempt', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('worker', 'text')
    .addColumn('queue_job_id', 'text')
    .addColumn('heartbeat_at', 'timestamptz')
    .addColumn('cancel_requested_at', 'timestamptz')
    .addColumn('error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`create index import_job_running on import_job (heartbeat_at) where state = 'running'`.execute(db);

  await db.schema
    .createTable('scheduled_release')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('submission_id', 'bigint', (c) => c.notNull().references('submission.id').onDelete('cascade'))
    .addColumn('release_at', 'timestamptz', (c) => c.notNull())
    .addColumn('scheduled_by', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addColumn('scheduled_at', 'timestamptz', (c) => c.notNull())
    .addColumn('revision_reason', 'text', (c) =>
      c.check(sql`revision_reason in ('correction', 'new_source', 'methodology_change', 'routine_revision')`),
    )
    .addColumn('revision_text', 'text')
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('pending', 'released', 'cancelled', 'failed')`))
    .addColumn('settled_at', 'timestamptz')
    .addColumn('vintage_id', 'bigint', (c) => c.references('vintage.id'))
    .addColumn('error', 'text')
    .execute();
  await sql`create unique index scheduled_release_pending on scheduled_release (submission_id)
    where state = 'pending'`.execute(db);
  await sql`create index scheduled_release_due on scheduled_release (release_at) where state = 'pending'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('scheduled_release').execute();
  await db.schema.dropTable('import_job').execute();
  await sql`drop index submission_country_sha256`.execute(db);
  await sql`alter table submission add constraint submission_country_sha256_key unique (country, sha256)`.execute(db);
  await sql`alter table submission drop constraint submission_status_check`.execute(db);
  await sql`alter table submission add constraint submission_status_check check (status in
    ('draft', 'submitted', 'published', 'returned'))`.execute(db);
}
