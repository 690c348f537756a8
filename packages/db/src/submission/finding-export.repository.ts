import type { Db } from '../create-db.js';

/** Where a page of findings ended: the next page starts after this (line, id). */
export interface FindingKey {
  line: number;
  id: number;
}

/** Findings per query when a submission's findings are read from start to end. */
export const FINDING_EXPORT_PAGE = 5000;

/**
 * One page of a submission's findings in file order (line, then id), after `after`: keyset
 * paging, so each page costs the same however far into a million findings it is.
 */
export async function pageFindingsAfter(db: Db, submissionId: number, after: FindingKey | null, limit: number) {
  let query = db
    .selectFrom('finding')
    .select(['id', 'code', 'severity', 'line', 'column_name as column', 'value', 'expected', 'message'])
    .where('submission_id', '=', submissionId)
    .orderBy('line')
    .orderBy('id')
    .limit(limit);
  if (after) query = query.where((eb) => eb(eb.refTuple('line', 'id'), '>', eb.tuple(after.line, after.id)));
  return query.execute();
}

export type ExportedFinding = Awaited<ReturnType<typeof pageFindingsAfter>>[number];

/** Every finding of a submission in file order, read a page at a time so none holds them all. */
export async function* streamFindings(
  db: Db,
  submissionId: number,
  pageSize = FINDING_EXPORT_PAGE,
): AsyncGenerator<ExportedFinding> {
  let after: FindingKey | null = null;
  for (;;) {
    const page = await pageFindingsAfter(db, submissionId, after, pageSize);
    yield* page;
    const last = page.at(-1);
    if (!last || page.length < pageSize) return;
    after = { line: last.line, id: last.id };
  }
}
