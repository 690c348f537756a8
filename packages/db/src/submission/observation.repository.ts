import { sql } from 'kysely';
import type { Db } from '../create-db.js';

export interface ObservationFilter {
  refArea: string;
  indicator: string;
  source?: string | undefined;
  sex?: string | undefined;
  classif1?: string | undefined;
  classif2?: string | undefined;
  /** Read the store as it was at this change number; current data when absent. */
  asOfSeq?: number | undefined;
  limit: number;
}

/** The change number of a vintage, or undefined when there is none. */
export async function findVintageSeq(db: Db, vintageId: number): Promise<number | undefined> {
  const row = await db.selectFrom('vintage').select('seq').where('id', '=', vintageId).executeTakeFirst();
  return row?.seq;
}

/** The last change number published at or before an instant (0: nothing was published yet). */
export async function findSeqAt(db: Db, at: Date): Promise<number> {
  const row = await db
    .selectFrom('vintage')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('published_at', '<=', at)
    .executeTakeFirst();
  return row?.seq == null ? 0 : Number(row.seq);
}

/**
 * Published observations of the series matching the filter, with their lineage: the version
 * valid at `asOfSeq` (valid_from ≤ seq < valid_to), or the current one; removals are left out.
 */
export async function readObservations(db: Db, filter: ObservationFilter) {
  let query = db
    .selectFrom('observation as o')
    .innerJoin('series as s', 's.id', 'o.series_id')
    .innerJoin('vintage as v', 'v.id', 'o.vintage_id')
    .select([
      's.ref_area as refArea',
      's.indicator',
      's.source',
      's.sex',
      's.classif1',
      's.classif2',
      'o.time',
      sql<string | null>`o.value::text`.as('value'),
      'o.obs_status as obsStatus',
      'o.note_classif as noteClassif',
      'o.note_indicator as noteIndicator',
      'o.note_source as noteSource',
      'o.comment',
      'o.vintage_id as vintageId',
      'v.seq',
      'o.submission_id as submissionId',
      'o.file_line as fileLine',
    ])
    .where('s.ref_area', '=', filter.refArea)
    .where('s.indicator', '=', filter.indicator)
    .where('o.is_tombstone', '=', false)
    .orderBy('s.source')
    .orderBy('s.sex')
    .orderBy('s.classif1')
    .orderBy('s.classif2')
    .orderBy('o.time')
    .limit(filter.limit);
  if (filter.source) query = query.where('s.source', '=', filter.source);
  if (filter.sex) query = query.where('s.sex', '=', filter.sex);
  if (filter.classif1) query = query.where('s.classif1', '=', filter.classif1);
  if (filter.classif2) query = query.where('s.classif2', '=', filter.classif2);
  const asOf = filter.asOfSeq;
  query =
    asOf === undefined
      ? query.where('o.valid_to_seq', 'is', null)
      : query
          .where('o.valid_from_seq', '<=', asOf)
          .where((eb) => eb.or([eb('o.valid_to_seq', 'is', null), eb('o.valid_to_seq', '>', asOf)]));
  return query.execute();
}
