import type { Db } from '../create-db.js';

/** Each stored piece of a raw file: large enough for few rows, small enough to never hold a file whole. */
export const FILE_CHUNK_BYTES = 1024 * 1024;

async function* rechunk(data: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let size = 0;
  for await (const piece of data) {
    pending.push(piece);
    size += piece.length;
    while (size >= FILE_CHUNK_BYTES) {
      const all = Buffer.concat(pending);
      yield all.subarray(0, FILE_CHUNK_BYTES);
      pending = [all.subarray(FILE_CHUNK_BYTES)];
      size = all.length - FILE_CHUNK_BYTES;
    }
  }
  if (size > 0) yield Buffer.concat(pending);
}

/** Stores the raw file as it streams in, one chunk row at a time; returns the number of chunks. */
export async function storeSubmissionFile(db: Db, submissionId: number, data: AsyncIterable<Buffer>): Promise<number> {
  let seq = 0;
  for await (const chunk of rechunk(data)) {
    await db.insertInto('submission_file_chunk').values({ submission_id: submissionId, seq, data: chunk }).execute();
    seq++;
  }
  return seq;
}

/** The raw file back, chunk by chunk, so no reader holds it whole. */
export async function* readSubmissionFile(db: Db, submissionId: number): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq++) {
    const row = await db
      .selectFrom('submission_file_chunk')
      .select('data')
      .where('submission_id', '=', submissionId)
      .where('seq', '=', seq)
      .executeTakeFirst();
    if (!row) return;
    yield row.data;
  }
}

/**
 * The retention rule: the files of drafts, returned submissions and uploads whose processing
 * failed or was cancelled, untouched since `before`, are deleted (the submission, its findings
 * and its history stay); submitted and published files are kept for as long as the data they
 * produced. Returns the submissions purged.
 */
export async function purgeExpiredFiles(db: Db, before: Date, now: Date): Promise<number[]> {
  const purged = await db
    .updateTable('submission')
    .set({ file_purged_at: now })
    .where('status', 'in', ['draft', 'returned', 'failed', 'cancelled'])
    .where('status_changed_at', '<', before)
    .where('file_purged_at', 'is', null)
    .returning('id')
    .execute();
  const ids = purged.map((p) => p.id);
  if (ids.length > 0) await db.deleteFrom('submission_file_chunk').where('submission_id', 'in', ids).execute();
  return ids;
}
