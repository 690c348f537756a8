import { sql } from 'kysely';
import type { Db } from '../create-db.js';
import { classifyStagedRows, findReplacedAway } from './diff.repository.js';
import { dropStagingTable, stagingTable } from './staging.repository.js';
import type { RevisionReason, SubmissionMode } from './submission.schema.js';

export interface PublishRequest {
  submissionId: number;
  country: string;
  mode: SubmissionMode;
  publishedBy: string | null;
  now: Date;
  revisionReason?: RevisionReason | null;
  revisionText?: string | null;
  /**
   * Called between the steps of the publish, inside its transaction (tests inject failures
   * here; the steps are named in PUBLISH_STEPS).
   */
  onStep?: (step: PublishStep, db: Db) => Promise<void>;
  /**
   * Called with the counts of what the publish would do, before anything is stamped; throwing
   * stops it (the caller's transaction then rolls back the new series too).
   */
  onCounted?: (counts: PublishedVintage['counts']) => void;
}

export const PUBLISH_STEPS = ['locked', 'classified', 'stamped', 'closed', 'inserted'] as const;
export type PublishStep = (typeof PUBLISH_STEPS)[number];

export interface PublishedVintage {
  vintageId: number;
  seq: number;
  counts: Record<string, Record<string, number>>;
}

/**
 * Serialises publishes per country × indicator; taken in key order so two publishes never
 * deadlock. The scopes come from the submission's own country and indicators (kept with its
 * counts), not from a pass over its staged rows: rows of another country are an error, and a
 * submission with errors is never published.
 */
async function lockScopes(db: Db, submissionId: number): Promise<void> {
  await sql`
    select pg_advisory_xact_lock(k) from (
      select distinct hashtextextended('ilms:publish:' || s.country || '/' || indicator, 0) as k
      from submission s, unnest(s.indicators) as indicator where s.id = ${submissionId}
    ) scopes order by k`.execute(db);
}

async function classifyChanges(db: Db, request: PublishRequest): Promise<void> {
  const { submissionId, mode } = request;
  if (mode !== 'delete') {
    await sql`
      insert into series (ref_area, indicator, source, sex, classif1, classif2)
      select distinct ref_area, indicator, source, sex, classif1, classif2
      from ${stagingTable(submissionId)}
      on conflict on constraint series_key do nothing`.execute(db);
    // Without statistics on the new series the planner joins a million staged rows to them by
    // sorting both (an external sort of 140 MB) instead of hashing the few thousand series.
    await sql`analyze series`.execute(db);
  }
  await sql`set local work_mem = '128MB'`.execute(db);
  await sql`
    create temp table publish_change (
      line integer, indicator text, series_id bigint, time text, value numeric, obs_status text,
      note_classif text[], note_indicator text[], note_source text[], comment text,
      current_seq bigint, kind text
    ) on commit drop`.execute(db);
  await sql`
    insert into publish_change
    select line, indicator, series_id, time, value, obs_status, note_classif, note_indicator, note_source, comment,
      current_seq, kind
    from (${classifyStagedRows(submissionId, mode)}) c`.execute(db);
  if (mode === 'replace') {
    await sql`
      insert into publish_change (indicator, series_id, time, current_seq, kind)
      select indicator, series_id, time, current_seq, 'removed' from (${findReplacedAway(submissionId)}) r`.execute(db);
  }
}

async function countChanges(db: Db): Promise<PublishedVintage['counts']> {
  const { rows } = await sql<{ indicator: string; kind: string; n: number }>`
    select indicator, kind, count(*)::int as n from publish_change group by indicator, kind`.execute(db);
  const counts: PublishedVintage['counts'] = {};
  for (const { indicator, kind, n } of rows) counts[indicator] = { ...counts[indicator], [kind]: n };
  return counts;
}

/**
 * Takes the next change number and records the vintage. The stamp lock is held to commit, so
 * change numbers become visible in the order they were taken: a reader asking for changes
 * after N never sees N+1 before a still-running N.
 */
async function stampVintage(db: Db, request: PublishRequest, counts: PublishedVintage['counts']) {
  await sql`select pg_advisory_xact_lock(hashtextextended('ilms:change-stamp', 0))`.execute(db);
  const { rows } = await sql<{ seq: number }>`select nextval('change_seq') as seq`.execute(db);
  const seq = Number(rows[0]?.seq);
  const vintage = await db
    .insertInto('vintage')
    .values({
      seq,
      submission_id: request.submissionId,
      country: request.country,
      indicators: Object.keys(counts).sort(),
      published_by: request.publishedBy,
      // Taken after the stamp lock, like the sequence number, and never earlier than any vintage
      // before it: "as of" a time then never includes a publication stamped later.
      published_at: sql<Date>`greatest(${request.now}::timestamptz, (select max(published_at) from vintage))`,
      revision_reason: request.revisionReason ?? null,
      revision_text: request.revisionText ?? null,
      counts: JSON.stringify(counts),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { vintageId: vintage.id, seq };
}

/**
 * Applies a submission's staging to the published store: closes the versions it supersedes,
 * inserts the new ones and the tombstones, all stamped with one change number. Runs inside the
 * caller's transaction, so a failure at any step leaves the store as it was.
 */
export async function applySubmission(db: Db, request: PublishRequest): Promise<PublishedVintage> {
  const step = async (name: PublishStep) => request.onStep?.(name, db);
  await lockScopes(db, request.submissionId);
  await step('locked');
  await classifyChanges(db, request);
  const counts = await countChanges(db);
  request.onCounted?.(counts);
  await step('classified');
  const { vintageId, seq } = await stampVintage(db, request, counts);
  await step('stamped');
  await sql`
    update observation o set valid_to_seq = ${seq}
    from publish_change c
    where o.series_id = c.series_id and o.time = c.time and o.valid_from_seq = c.current_seq
      and c.kind in ('new', 'changed', 'removed')`.execute(db);
  await step('closed');
  await sql`
    insert into observation (series_id, time, value, obs_status, note_classif, note_indicator, note_source, comment,
      is_tombstone, valid_from_seq, vintage_id, submission_id, file_line)
    select series_id, time,
      case when kind = 'removed' then null else value end,
      case when kind = 'removed' then null else obs_status end,
      case when kind = 'removed' then '{}' else note_classif end,
      case when kind = 'removed' then '{}' else note_indicator end,
      case when kind = 'removed' then '{}' else note_source end,
      case when kind = 'removed' then null else comment end,
      kind = 'removed', ${seq}, ${vintageId}, ${request.submissionId}, line
    from publish_change where kind in ('new', 'changed', 'removed')
    -- In key order, each index page takes its new entries together: 3 s less per million rows.
    order by series_id, time`.execute(db);
  // The store may have grown by a whole file: keep the planner's picture of it current.
  await sql`analyze observation`.execute(db);
  // Its values are in the store now, each with its file line: the staged copy has served.
  await dropStagingTable(db, request.submissionId);
  await step('inserted');
  return { vintageId, seq, counts };
}

export async function findVintageOfSubmission(db: Db, submissionId: number) {
  return db
    .selectFrom('vintage')
    .select(['id', 'seq', 'counts', 'published_at', 'revision_reason', 'revision_text'])
    .where('submission_id', '=', submissionId)
    .executeTakeFirst();
}
