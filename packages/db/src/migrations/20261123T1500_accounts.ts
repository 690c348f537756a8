import { type Kysely, sql } from 'kysely';

// Frozen in time: Kysely<any>, no application imports. Accounts, sessions, API tokens, sign-in
// counters and the append-only audit log.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('app_user')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // Stored lower-cased so the unique constraint is case-insensitive without an extension.
    .addColumn('email', 'text', (c) => c.notNull().unique().check(sql`email = lower(email)`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'coordinator', 'focal_point', 'viewer')`))
    .addColumn('is_active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('must_change_password', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('password_changed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .execute();

  await db.schema
    .createTable('user_country')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('country', 'text', (c) => c.notNull().check(sql`country ~ '^[A-Z]{3}$'`))
    .addColumn('granted_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('granted_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_country_pk', ['user_id', 'country'])
    .execute();

  await db.schema
    .createTable('user_session')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    // SHA-256 of the cookie value: a copy of this table does not let anyone sign in.
    .addColumn('token_hash', 'bytea', (c) => c.notNull().unique())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('user_session_user').on('user_session').column('user_id').execute();

  await db.schema
    .createTable('api_token')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('token_hash', 'bytea', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('api_token_user').on('api_token').column('user_id').execute();

  await db.schema
    .createTable('login_attempt')
    .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('account', 'address')`))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('lockouts', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'timestamptz')
    .addColumn('last_failure_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('login_attempt_pk', ['scope', 'key'])
    .execute();

  await db.schema
    .createTable('audit_event')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_id', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('via', 'text', (c) => c.check(sql`via in ('session', 'token')`))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('country', 'text')
    .addColumn('summary', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('request_id', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_event_occurred_at').on('audit_event').column('occurred_at').execute();
  await db.schema.createIndex('audit_event_actor').on('audit_event').columns(['actor_id', 'id']).execute();
  await db.schema.createIndex('audit_event_country').on('audit_event').columns(['country', 'id']).execute();
  await db.schema.createIndex('audit_event_action').on('audit_event').columns(['action', 'id']).execute();

  // Append-only for every role, owners and superusers included: triggers fire for them too.
  await sql`
    create function audit_event_is_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_event is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
    end
    $$
  `.execute(db);
  await sql`
    create trigger audit_event_no_change before update or delete on audit_event
    for each row execute function audit_event_is_append_only()
  `.execute(db);
  await sql`
    create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_is_append_only()
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_event').execute();
  await sql`drop function audit_event_is_append_only()`.execute(db);
  for (const table of ['login_attempt', 'api_token', 'user_session', 'user_country', 'app_user']) {
    await db.schema.dropTable(table).execute();
  }
}
