import { sql } from 'kysely';
import type { Db } from '../create-db.js';
import { dropStagingTable, stagingTable } from './staging.repository.js';
import type { SubmissionMode, SubmissionStatus } from './submission.schema.js';

export interface NewSubmission {
  country: string;
  createdBy: string;
  mode: SubmissionMode;
  fileName: string;
  fileSize: number;
  sha256: Buffer;
  now: Date;
  /** `draft` when the file is staged in the same call; `processing` when a job will do it. */
  status: 'draft' | 'processing';
}

const submissionColumns = [
  's.id',
  's.country',
  's.created_by',
  's.created_at',
  's.status',
  's.status_changed_at',
  's.mode',
  's.file_name',
  's.file_size',
  's.row_count',
  's.error_count',
  's.warning_count',
  's.indicators',
  's.file_purged_at',
] as const;

/** A file whose processing failed or was cancelled may be sent again: it blocks no new submission. */
const inactiveStatuses: SubmissionStatus[] = ['failed', 'cancelled'];

/** Inserts a submission; undefined when the same file (country, SHA-256) was inserted meanwhile by another call. */
export async function insertSubmission(db: Db, submission: NewSubmission): Promise<number | undefined> {
  const inserted = await db
    .insertInto('submission')
    .values({
      country: submission.country,
      created_by: submission.createdBy,
      created_at: submission.now,
      status: submission.status,
      status_changed_at: submission.now,
      mode: submission.mode,
      file_name: submission.fileName,
      file_size: submission.fileSize,
      sha256: submission.sha256,
      file_purged_at: null,
    })
    .onConflict((oc) => oc.columns(['country', 'sha256']).where('status', 'not in', inactiveStatuses).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return undefined;
  const { id } = inserted;
  await appendSubmissionEvent(db, {
    submissionId: id,
    status: submission.status,
    actorId: submission.createdBy,
    now: submission.now,
  });
  return id;
}

export async function findSubmissionBySha256(db: Db, country: string, sha256: Buffer) {
  return db
    .selectFrom('submission as s')
    .select(submissionColumns)
    .where('s.country', '=', country)
    .where('s.sha256', '=', sha256)
    .where('s.status', 'not in', inactiveStatuses)
    .executeTakeFirst();
}

/** A submission of a country; `forUpdate` locks its row until the transaction ends. */
export async function findSubmission(db: Db, country: string, id: number, options: { forUpdate?: boolean } = {}) {
  const query = db
    .selectFrom('submission as s')
    .innerJoin('app_user as u', 'u.id', 's.created_by')
    .select([...submissionColumns, 'u.email as created_by_email', sql<string>`encode(s.sha256, 'hex')`.as('sha256')])
    .where('s.country', '=', country)
    .where('s.id', '=', id);
  return (options.forUpdate ? query.forUpdate('s') : query).executeTakeFirst();
}

export interface SubmissionFilter {
  country?: string | undefined;
  status?: SubmissionStatus | undefined;
  indicator?: string | undefined;
  /** Keyset paging: submissions older than this id. */
  before?: number | undefined;
  limit: number;
}

export async function listSubmissions(db: Db, filter: SubmissionFilter) {
  let query = db.selectFrom('submission as s').select(submissionColumns).orderBy('s.id', 'desc').limit(filter.limit);
  if (filter.country) query = query.where('s.country', '=', filter.country);
  if (filter.status) query = query.where('s.status', '=', filter.status);
  if (filter.indicator) query = query.where(sql<boolean>`${filter.indicator} = any(s.indicators)`);
  if (filter.before) query = query.where('s.id', '<', filter.before);
  return query.execute();
}

export async function listSubmissionEvents(db: Db, submissionId: number) {
  return db
    .selectFrom('submission_event as e')
    .leftJoin('app_user as u', 'u.id', 'e.actor_id')
    .select(['e.status', 'e.occurred_at', 'e.comment', 'u.email as actor_email'])
    .where('e.submission_id', '=', submissionId)
    .orderBy('e.id')
    .execute();
}

interface StatusChange {
  submissionId: number;
  status: SubmissionStatus;
  actorId: string | null;
  now: Date;
  comment?: string | null;
}

async function appendSubmissionEvent(db: Db, change: StatusChange): Promise<void> {
  await db
    .insertInto('submission_event')
    .values({
      submission_id: change.submissionId,
      status: change.status,
      actor_id: change.actorId,
      occurred_at: change.now,
      comment: change.comment ?? null,
    })
    .execute();
}

export async function changeSubmissionStatus(db: Db, change: StatusChange): Promise<void> {
  await db
    .updateTable('submission')
    .set({ status: change.status, status_changed_at: change.now })
    .where('id', '=', change.submissionId)
    .execute();
  await appendSubmissionEvent(db, change);
}

/** Row, error and warning counts and the indicators, recomputed from staging and findings. */
export async function refreshSubmissionCounts(db: Db, submissionId: number): Promise<void> {
  await sql`
    update submission s set
      row_count = (select count(*) from ${stagingTable(submissionId)}),
      indicators = coalesce(
        (select array_agg(distinct indicator order by indicator) from ${stagingTable(submissionId)}),
        '{}')
    where s.id = ${submissionId}`.execute(db);
  await refreshFindingCounts(db, submissionId);
}

/** Error and warning counts only, when the findings changed but the staged rows did not. */
export async function refreshFindingCounts(db: Db, submissionId: number): Promise<void> {
  await sql`
    update submission s set
      error_count = (select count(*) from finding where submission_id = s.id and severity = 'error'),
      warning_count = (select count(*) from finding where submission_id = s.id and severity = 'warning')
    where s.id = ${submissionId}`.execute(db);
}

export async function deleteSubmission(db: Db, submissionId: number): Promise<void> {
  await dropStagingTable(db, submissionId);
  await db.deleteFrom('submission').where('id', '=', submissionId).execute();
}
