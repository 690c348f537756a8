import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/index.js';
import { insertUser } from '../user.repository.js';
import { changeSubmissionStatus, insertSubmission } from './submission.repository.js';
import {
  FILE_CHUNK_BYTES,
  purgeExpiredFiles,
  readSubmissionFile,
  storeSubmissionFile,
} from './submission-file.repository.js';

const { db } = await createTestDatabase();
const day = 86_400_000;
const start = new Date('2026-01-01T00:00:00Z');
const userId = await insertUser(db, {
  email: 'files@test.ilms',
  name: 'Files',
  role: 'focal_point',
  passwordHash: '-',
  mustChangePassword: false,
  createdBy: null,
  now: start,
});

async function* pieces(total: number): AsyncGenerator<Buffer> {
  for (let sent = 0; sent < total; sent += 300_000) yield Buffer.alloc(Math.min(300_000, total - sent), sent % 251);
}

async function submissionWithFile(seed: number, bytes: number): Promise<number> {
  const id = await insertSubmission(db, {
    country: 'IDN',
    createdBy: userId,
    status: 'draft',
    mode: 'merge',
    fileName: 'idn.csv',
    fileSize: bytes,
    sha256: Buffer.from([seed]),
    now: start,
  });
  if (id === undefined) throw new Error('a submission of this file exists already');
  await storeSubmissionFile(db, id, pieces(bytes));
  return id;
}

async function readBack(id: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of readSubmissionFile(db, id)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe('raw files', () => {
  it('stores a file in chunks and reads it back byte for byte', async () => {
    const bytes = 2 * FILE_CHUNK_BYTES + 12_345;
    const id = await submissionWithFile(1, bytes);
    const expected = [];
    for await (const piece of pieces(bytes)) expected.push(piece);
    const file = await readBack(id);
    expect(file.length).toBe(bytes);
    // Buffer.equals, not toEqual: vitest compares a Buffer element by element (seconds per MiB).
    expect(file.equals(Buffer.concat(expected))).toBe(true);
    const chunks = await db.selectFrom('submission_file_chunk').select('seq').where('submission_id', '=', id).execute();
    expect(chunks).toHaveLength(3);
  });

  it('purges the files of drafts untouched past the retention period, and keeps submitted ones', async () => {
    const stale = await submissionWithFile(2, 1000);
    const submitted = await submissionWithFile(3, 1000);
    await changeSubmissionStatus(db, { submissionId: submitted, status: 'submitted', actorId: userId, now: start });
    const recent = await submissionWithFile(4, 1000);
    await changeSubmissionStatus(db, {
      submissionId: recent,
      status: 'returned',
      actorId: userId,
      now: new Date(start.getTime() + 80 * day),
    });

    const now = new Date(start.getTime() + 91 * day);
    const purged = await purgeExpiredFiles(db, new Date(now.getTime() - 90 * day), now);
    expect(purged).toContain(stale);
    expect(purged).not.toContain(submitted);
    expect(purged).not.toContain(recent);
    expect(await readBack(stale)).toEqual(Buffer.alloc(0));
    expect((await readBack(submitted)).length).toBe(1000);
    const row = await db.selectFrom('submission').select('file_purged_at').where('id', '=', stale).executeTakeFirst();
    expect(row?.file_purged_at).toEqual(now);
  });
});
