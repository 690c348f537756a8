import type { Db } from '../create-db.js';
import type { RevisionReason } from './submission.schema.js';

export interface NewRelease {
  submissionId: number;
  releaseAt: Date;
  scheduledBy: string;
  now: Date;
  revisionReason: RevisionReason | null;
  revisionText: string | null;
}

export async function insertScheduledRelease(db: Db, release: NewRelease): Promise<number> {
  const { id } = await db
    .insertInto('scheduled_release')
    .values({
      submission_id: release.submissionId,
      release_at: release.releaseAt,
      scheduled_by: release.scheduledBy,
      scheduled_at: release.now,
      revision_reason: release.revisionReason,
      revision_text: release.revisionText,
      state: 'pending',
      settled_at: null,
      vintage_id: null,
      error: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** The release pending for a submission, with who scheduled it. */
export async function findPendingRelease(db: Db, submissionId: number) {
  return db
    .selectFrom('scheduled_release as r')
    .innerJoin('app_user as u', 'u.id', 'r.scheduled_by')
    .select([
      'r.id',
      'r.release_at',
      'r.scheduled_at',
      'r.revision_reason',
      'r.revision_text',
      'u.email as scheduled_by_email',
    ])
    .where('r.submission_id', '=', submissionId)
    .where('r.state', '=', 'pending')
    .executeTakeFirst();
}

/**
 * The earliest release due at `now`, unlocked: lock its submission, then `lockPendingRelease`
 * (every writer locks the submission first, so a release and a cancellation cannot deadlock).
 */
export async function findDueRelease(db: Db, now: Date) {
  return db
    .selectFrom('scheduled_release as r')
    .innerJoin('submission as s', 's.id', 'r.submission_id')
    .select([
      'r.id',
      'r.submission_id',
      'r.release_at',
      'r.scheduled_by',
      'r.revision_reason',
      'r.revision_text',
      's.country',
    ])
    .where('r.state', '=', 'pending')
    .where('r.release_at', '<=', now)
    .orderBy('r.release_at')
    .orderBy('r.id')
    .limit(1)
    .executeTakeFirst();
}

/** Locks a release while it is still pending; false when another worker settled it meanwhile. */
export async function lockPendingRelease(db: Db, releaseId: number): Promise<boolean> {
  const row = await db
    .selectFrom('scheduled_release')
    .select('id')
    .where('id', '=', releaseId)
    .where('state', '=', 'pending')
    .forUpdate()
    .executeTakeFirst();
  return row !== undefined;
}

export async function settleRelease(
  db: Db,
  release: { id: number; state: 'released' | 'cancelled' | 'failed'; now: Date; vintageId?: number; error?: string },
): Promise<void> {
  await db
    .updateTable('scheduled_release')
    .set({
      state: release.state,
      settled_at: release.now,
      vintage_id: release.vintageId ?? null,
      error: release.error ?? null,
    })
    .where('id', '=', release.id)
    .where('state', '=', 'pending')
    .execute();
}

/** Cancels the submission's pending release; undefined when none is pending. */
export async function cancelPendingRelease(db: Db, submissionId: number, now: Date) {
  return db
    .updateTable('scheduled_release')
    .set({ state: 'cancelled', settled_at: now })
    .where('submission_id', '=', submissionId)
    .where('state', '=', 'pending')
    .returning(['id', 'release_at'])
    .executeTakeFirst();
}
