import type { Insertable } from 'kysely';
import type { Db } from '../create-db.js';
import type { SourceTable } from './catalogue.schema.js';

export async function listCountries(db: Db, lang: string) {
  return db
    .selectFrom('country as c')
    .leftJoin('country_label as l', (join) => join.onRef('l.country', '=', 'c.code').on('l.lang', '=', lang))
    .select(['c.code', 'c.iso2', 'c.ilo_label', 'c.aliases', 'l.label as name'])
    .orderBy('c.ilo_label')
    .execute();
}

/** Members of a dated group (ASEAN's region code, or ILMS reporting) on a date, with their ILO labels. */
export async function listMembersOn(db: Db, group: string, date: string) {
  return db
    .selectFrom('membership as m')
    .innerJoin('country as c', 'c.code', 'm.country')
    .select(['c.code', 'c.ilo_label', 'm.valid_from', 'm.valid_to'])
    .where('m.group_code', '=', group)
    .where('m.valid_from', '<=', date)
    .where((eb) => eb.or([eb('m.valid_to', 'is', null), eb('m.valid_to', '>', date)]))
    .orderBy('c.code')
    .execute();
}

export async function listSources(db: Db, country?: string) {
  let query = db
    .selectFrom('source as s')
    .innerJoin('source_type as t', 't.prefix', 's.type_prefix')
    .select([
      's.id',
      's.country',
      's.type_prefix',
      't.label as type_label',
      's.name',
      's.agency',
      's.first_year',
      's.last_year',
    ])
    .orderBy('s.country')
    .orderBy('s.id');
  if (country) query = query.where('s.country', '=', country);
  return query.execute();
}

export async function listObsStatuses(db: Db) {
  return db.selectFrom('obs_status').selectAll().orderBy('code').execute();
}

export async function listNotes(db: Db, noteType?: string) {
  let query = db
    .selectFrom('note as n')
    .innerJoin('note_type as t', 't.id', 'n.note_type')
    .select(['n.code', 'n.note_type', 't.label as type_label', 't.note_column', 'n.text'])
    .orderBy('n.note_type')
    .orderBy('n.code');
  if (noteType) query = query.where('n.note_type', '=', noteType);
  return query.execute();
}

export async function listSourceTypes(db: Db) {
  return db.selectFrom('source_type').selectAll().orderBy('prefix').execute();
}

export async function insertSource(db: Db, source: Insertable<SourceTable>): Promise<boolean> {
  const result = await db
    .insertInto('source')
    .values(source)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}
