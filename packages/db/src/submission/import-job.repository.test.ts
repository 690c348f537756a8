import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/index.js';
import { insertUser } from '../user.repository.js';
import {
  claimImportJob,
  findImportJob,
  finishImportJob,
  insertImportJob,
  reportImportProgress,
  requestImportCancel,
} from './import-job.repository.js';
import { insertSubmission } from './submission.repository.js';

const { db } = await createTestDatabase();
const now = new Date('2026-03-01T00:00:00Z');
const userId = await insertUser(db, {
  email: 'jobs@test.ilms',
  name: 'Jobs',
  role: 'focal_point',
  passwordHash: '-',
  mustChangePassword: false,
  createdBy: null,
  now,
});

async function queuedJob(seed: number): Promise<number> {
  const id = await insertSubmission(db, {
    country: 'THA',
    createdBy: userId,
    status: 'processing',
    mode: 'merge',
    fileName: 'tha.csv',
    fileSize: 10,
    sha256: Buffer.from([seed]),
    now,
  });
  if (id === undefined) throw new Error('a submission of this file exists already');
  await insertImportJob(db, { submissionId: id, bytesTotal: 10, maxAttempts: 3 });
  return id;
}

describe('cancelling an import job', () => {
  it('keeps a queued job from being claimed while its cancellation commits', async () => {
    const id = await queuedJob(1);
    let markRequested!: () => void;
    const requested = new Promise<void>((resolve) => {
      markRequested = resolve;
    });
    let letCommit!: () => void;
    const commit = new Promise<void>((resolve) => {
      letCommit = resolve;
    });
    const cancelling = db.transaction().execute(async (trx) => {
      const before = await requestImportCancel(trx, id);
      markRequested();
      await commit;
      await finishImportJob(trx, { submissionId: id, state: 'cancelled', error: 'Cancelled before processing began.' });
      return before;
    });
    await requested;
    // Waits on the row the cancellation holds, then finds the job no longer queued.
    const claim = claimImportJob(db, id, 'worker-1');
    letCommit();
    expect(await cancelling).toBe('queued');
    expect(await claim).toBeUndefined();
    expect(await findImportJob(db, id)).toMatchObject({
      state: 'cancelled',
      phase: 'queued',
      attempt: 0,
      cancel_requested: true,
      error: 'Cancelled before processing began.',
    });
    expect(await requestImportCancel(db, id)).toBeUndefined();
  });

  it('tells the worker of a running job at its next progress report', async () => {
    const id = await queuedJob(2);
    const attempt = await claimImportJob(db, id, 'worker-2');
    if (attempt === undefined) throw new Error('the queued job was not claimed');
    const progress = { submissionId: id, attempt, phase: 'validating' as const, bytesRead: 5, rowsRead: 1 };
    expect(await reportImportProgress(db, progress)).toEqual({ isOwned: true, isCancelRequested: false });
    expect(await requestImportCancel(db, id)).toBe('running');
    expect(await reportImportProgress(db, progress)).toEqual({ isOwned: true, isCancelRequested: true });
    expect(await findImportJob(db, id)).toMatchObject({ state: 'running', cancel_requested: true });
  });
});
