import { sql } from 'kysely';
import type { Db } from '../create-db.js';
import type { SchemeKind } from './catalogue.schema.js';

export interface SchemeFilter {
  ids?: readonly string[] | undefined;
  dimension?: string | undefined;
  kind?: SchemeKind | undefined;
  country?: string | undefined;
}

export async function listSchemes(db: Db, filter: SchemeFilter = {}) {
  let query = db
    .selectFrom('classification_scheme as s')
    .select(['s.id', 's.dimension', 's.kind', 's.label', 's.country', 's.version', 's.valid_from', 's.valid_to'])
    .select((eb) =>
      eb
        .selectFrom('classification_code as c')
        .whereRef('c.scheme_id', '=', 's.id')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .as('code_count'),
    )
    .orderBy('s.dimension')
    .orderBy('s.id');
  if (filter.ids)
    query = filter.ids.length > 0 ? query.where('s.id', 'in', filter.ids) : query.where(sql<boolean>`false`);
  if (filter.dimension) query = query.where('s.dimension', '=', filter.dimension);
  if (filter.kind) query = query.where('s.kind', '=', filter.kind);
  if (filter.country) query = query.where('s.country', '=', filter.country);
  return query.execute();
}

/** A scheme with its codes (labels in every language kept) and its hierarchy edges. */
export async function findScheme(db: Db, id: string) {
  const scheme = await db.selectFrom('classification_scheme').selectAll().where('id', '=', id).executeTakeFirst();
  if (!scheme) return undefined;
  const [codes, labels, hierarchy] = await Promise.all([
    db.selectFrom('classification_code').selectAll().where('scheme_id', '=', id).orderBy('sort_order').execute(),
    db
      .selectFrom('code_label as l')
      .innerJoin('classification_code as c', 'c.code', 'l.code')
      .select(['l.code', 'l.lang', 'l.label'])
      .where('c.scheme_id', '=', id)
      .execute(),
    db
      .selectFrom('code_hierarchy as h')
      .innerJoin('classification_code as c', 'c.code', 'h.parent_code')
      .select(['h.parent_code', 'h.child_code', 'h.role'])
      .where('c.scheme_id', '=', id)
      .execute(),
  ]);
  const labelsByCode = new Map<string, Record<string, string>>();
  for (const { code, lang, label } of labels) {
    labelsByCode.set(code, { ...labelsByCode.get(code), [lang]: label });
  }
  return { ...scheme, codes: codes.map((code) => ({ ...code, labels: labelsByCode.get(code.code) ?? {} })), hierarchy };
}

/** Codes of several schemes at once, for an indicator page's code lists. */
export async function listCodesOfSchemes(db: Db, schemeIds: readonly string[], lang: string) {
  if (schemeIds.length === 0) return [];
  return db
    .selectFrom('classification_code as c')
    .leftJoin('code_label as l', (join) => join.onRef('l.code', '=', 'c.code').on('l.lang', '=', lang))
    .select(['c.code', 'c.scheme_id', 'c.local_code', 'c.is_total', 'l.label'])
    .where('c.scheme_id', 'in', schemeIds)
    .orderBy('c.scheme_id')
    .orderBy('c.sort_order')
    .execute();
}
