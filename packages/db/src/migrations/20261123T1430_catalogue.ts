import { type Kysely, sql } from 'kysely';

// Frozen in time: Kysely<any>, no application imports. The catalogue's tables; their rows are
// seeded from @ilms/domain at every start and extended at run time (national classifications,
// sources).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('classification_scheme')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dimension', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('standard', 'per_country', 'national')`))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('total_code', 'text')
    .addColumn('country', 'text')
    .addColumn('version', 'text')
    .addColumn('valid_from', 'date')
    .addColumn('valid_to', 'date')
    .addColumn('registered_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('national_scheme_has_country', sql`(kind = 'national') = (country is not null)`)
    .execute();

  await db.schema
    .createTable('classification_code')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('scheme_id', 'text', (c) => c.notNull().references('classification_scheme.id').onDelete('cascade'))
    .addColumn('local_code', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('lower_bound', 'integer')
    .addColumn('upper_bound', 'integer')
    .addColumn('is_total', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('is_residual', 'boolean', (c) => c.notNull().defaultTo(false))
    .addUniqueConstraint('classification_code_scheme_local', ['scheme_id', 'local_code'])
    .execute();

  await db.schema
    .createTable('code_label')
    .addColumn('code', 'text', (c) => c.notNull().references('classification_code.code').onDelete('cascade'))
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('code_label_pk', ['code', 'lang'])
    .execute();

  await db.schema
    .createTable('code_hierarchy')
    .addColumn('parent_code', 'text', (c) => c.notNull().references('classification_code.code').onDelete('cascade'))
    .addColumn('child_code', 'text', (c) => c.notNull().references('classification_code.code').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('component', 'subtotal', 'overlap')`))
    .addPrimaryKeyConstraint('code_hierarchy_pk', ['parent_code', 'child_code'])
    .execute();

  await db.schema
    .createTable('code_mapping')
    .addColumn('from_code', 'text', (c) => c.notNull().references('classification_code.code').onDelete('cascade'))
    .addColumn('to_code', 'text', (c) => c.notNull().references('classification_code.code').onDelete('cascade'))
    .addPrimaryKeyConstraint('code_mapping_pk', ['from_code', 'to_code'])
    .execute();

  await db.schema
    .createTable('indicator')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('namespace', 'text', (c) => c.notNull().check(sql`namespace in ('ilostat', 'hub')`))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('criterion', 'text', (c) => c.notNull())
    .addColumn('measure_type', 'text', (c) =>
      c.notNull().check(sql`measure_type in ('count', 'rate', 'mean', 'ratio')`),
    )
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('unit_multiplier', 'integer', (c) => c.notNull())
    .addColumn('min_value', 'numeric')
    .addColumn('max_value', 'numeric')
    .addColumn('numerator_code', 'text', (c) => c.references('indicator.code'))
    .addColumn('denominator_code', 'text', (c) => c.references('indicator.code'))
    .addColumn('standard', 'jsonb', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('indicator_slot')
    .addColumn('indicator_code', 'text', (c) => c.notNull().references('indicator.code').onDelete('cascade'))
    .addColumn('slot', 'text', (c) => c.notNull().check(sql`slot in ('sex', 'classif1', 'classif2')`))
    .addColumn('dimension', 'text', (c) => c.notNull())
    .addColumn('scheme_ids', sql`text[]`, (c) => c.notNull())
    .addColumn('accepts_national', 'boolean', (c) => c.notNull())
    .addPrimaryKeyConstraint('indicator_slot_pk', ['indicator_code', 'slot'])
    .execute();

  // sum: total = sum of members, cell by cell; same_total: members' totals agree.
  await db.schema
    .createTable('indicator_identity')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('sum', 'same_total')`))
    .addColumn('total_code', 'text', (c) => c.references('indicator.code'))
    .addColumn('member_codes', sql`text[]`, (c) => c.notNull())
    .addCheckConstraint('identity_total', sql`(kind = 'sum') = (total_code is not null)`)
    .execute();

  await db.schema
    .createTable('country')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('iso2', 'text')
    .addColumn('iso_numeric', 'text')
    .addColumn('ilo_label', 'text', (c) => c.notNull())
    .addColumn('aliases', sql`text[]`, (c) => c.notNull())
    .addColumn('components', sql`text[]`, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('country_label')
    .addColumn('country', 'text', (c) => c.notNull().references('country.code').onDelete('cascade'))
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('country_label_pk', ['country', 'lang'])
    .execute();

  await db.schema
    .createTable('region')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('membership', 'text', (c) => c.notNull().check(sql`membership in ('all_countries', 'dated')`))
    .execute();

  // Dated membership of a group: a region such as ASEAN (X84), or ILMS reporting.
  await db.schema
    .createTable('membership')
    .addColumn('group_code', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull().references('country.code'))
    .addColumn('valid_from', 'date', (c) => c.notNull())
    .addColumn('valid_to', 'date')
    .addPrimaryKeyConstraint('membership_pk', ['group_code', 'country', 'valid_from'])
    .execute();

  await db.schema
    .createTable('obs_status')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('allows_empty_value', 'boolean', (c) => c.notNull())
    .addColumn('takes_precedence', 'boolean', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('note_type')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('note_column', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('note')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('note_type', 'text', (c) => c.notNull().references('note_type.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('source_type')
    .addColumn('prefix', 'text', (c) => c.primaryKey())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('source')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('country', 'text', (c) => c.notNull().references('country.code'))
    .addColumn('type_prefix', 'text', (c) => c.notNull().references('source_type.prefix'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('agency', 'text', (c) => c.notNull())
    .addColumn('first_year', 'integer')
    .addColumn('last_year', 'integer')
    .addColumn('registered_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema.createIndex('classification_code_scheme').on('classification_code').column('scheme_id').execute();
  await db.schema.createIndex('code_hierarchy_child').on('code_hierarchy').column('child_code').execute();
  await db.schema.createIndex('source_country').on('source').column('country').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'source',
    'source_type',
    'note',
    'note_type',
    'obs_status',
    'membership',
    'region',
    'country_label',
    'country',
    'indicator_identity',
    'indicator_slot',
    'indicator',
    'code_mapping',
    'code_hierarchy',
    'code_label',
    'classification_code',
    'classification_scheme',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
