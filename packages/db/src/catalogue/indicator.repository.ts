import { sql } from 'kysely';
import type { Db } from '../create-db.js';
import { escapeLike } from '../like-pattern.js';

export interface IndicatorFilter {
  /** Matched case-insensitively against code, label and definition. */
  search?: string | undefined;
  topic?: string | undefined;
  criterion?: string | undefined;
  measureType?: string | undefined;
}

export async function listIndicators(db: Db, filter: IndicatorFilter = {}) {
  let query = db
    .selectFrom('indicator')
    .select(['code', 'label', 'topic', 'criterion', 'measure_type', 'unit', 'unit_multiplier'])
    .orderBy('code');
  if (filter.topic) query = query.where('topic', '=', filter.topic);
  if (filter.criterion) query = query.where('criterion', '=', filter.criterion);
  if (filter.measureType) query = query.where('measure_type', '=', filter.measureType as 'count');
  if (filter.search?.trim()) {
    const pattern = `%${escapeLike(filter.search.trim())}%`;
    query = query.where((eb) =>
      eb.or([eb('code', 'ilike', pattern), eb('label', 'ilike', pattern), eb('definition', 'ilike', pattern)]),
    );
  }
  return query.execute();
}

export async function findIndicator(db: Db, code: string) {
  const indicator = await db.selectFrom('indicator').selectAll().where('code', '=', code).executeTakeFirst();
  if (!indicator) return undefined;
  const [slots, identities] = await Promise.all([
    db
      .selectFrom('indicator_slot')
      .select(['slot', 'dimension', 'scheme_ids', 'accepts_national'])
      .where('indicator_code', '=', code)
      .orderBy(sql`array_position(array['sex','classif1','classif2'], slot)`)
      .execute(),
    db
      .selectFrom('indicator_identity')
      .select(['id', 'kind', 'total_code', 'member_codes'])
      .where((eb) => eb.or([eb('total_code', '=', code), eb(eb.val(code), '=', eb.fn.any('member_codes'))]))
      .orderBy('id')
      .execute(),
  ]);
  return { ...indicator, slots, identities };
}
