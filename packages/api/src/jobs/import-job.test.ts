import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { claimImportJob, readStagedRows } from '@ilms/db';
import { createTestDatabase } from '@ilms/db/testing';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createContext } from '../context.js';
import { createCaller } from '../root.js';
import {
  ensureSource,
  type FixtureRow,
  fixtureRow,
  writeImportFile,
  writeLargeImportFile,
} from '../testing/import-fixture.js';
import { startTestJobs, waitUntil } from '../testing/job-harness.js';
import { createTestAccount } from '../testing/test-account.js';
import type { JobQueue } from './job-queue.js';
import { reapDeadImports, resendLostImports } from './reaper.js';

const { db, url } = await createTestDatabase();
const now = () => new Date('2026-03-02T09:00:00Z');
const jobs = await startTestJobs(db, url, now);
afterAll(() => jobs.stop());
const focal = await createTestAccount(db, { role: 'focal_point', countries: ['LAO'], now: now() });
const LFS = 'BA:HUB-7';
await ensureSource(db, LFS, 'LAO');

const row = (time: string, value: string, extra?: Partial<FixtureRow>) => fixtureRow(LFS, time, value, extra);

/** What the upload route does: the file received and hashed, then `submissions.upload` (on `queue`). */
async function upload(filePath: string, fileName = path.basename(filePath), queue = jobs.queue) {
  const bytes = await readFile(filePath);
  const receivedFile = { path: filePath, size: bytes.length, sha256: createHash('sha256').update(bytes).digest() };
  const ctx = createContext({ db, now, queue }, 'upload', { principal: focal.principal, receivedFile });
  return createCaller(ctx).submissions.upload({ country: 'LAO', mode: 'merge', fileName });
}

const caller = createCaller(createContext({ db, now, queue: jobs.queue }, 'read', { principal: focal.principal }));
const jobOf = (id: number) => caller.submissions.job({ country: 'LAO', id });
const isSettled = (job: Awaited<ReturnType<typeof jobOf>>) =>
  job !== null && !['queued', 'running'].includes(job.state);
/** Makes a job look abandoned: its heartbeat (or, while queued, its last change) a minute old. */
const backdateJob = (submissionId: number, column: 'heartbeat_at' | 'updated_at') =>
  db
    .updateTable('import_job')
    .set({ [column]: new Date(Date.now() - 60_000) })
    .where('submission_id', '=', submissionId)
    .execute();
const reaperDeps = (queue: JobQueue) => ({ db, queue, now, workerName: 'reaper', log: { info() {}, error() {} } });
const countStaged = async (id: number) => (await readStagedRows(db, id)).length;

describe('import jobs', () => {
  it('processes an upload in the worker: processing, then a draft with its rows and findings', async () => {
    const worker = await jobs.startWorker();
    const file = await writeImportFile('LAO', [row('2023', '12.5'), row('2024', '1,5')]);
    const { submissionId, status, isExisting } = await upload(file, 'ລາວ ແຮງງານ 2024.csv');
    expect({ status, isExisting }).toEqual({ status: 'processing', isExisting: false });
    const job = await waitUntil(() => jobOf(submissionId), isSettled);
    const { length } = await readFile(file);
    // The row with `1,5` is not staged: its value cannot be read.
    expect(job).toMatchObject({ state: 'succeeded', phase: 'done', rowsRead: 1, attempt: 1, worker: worker.name });
    expect(job).toMatchObject({ bytesTotal: length, bytesRead: length });
    const detail = await caller.submissions.get({ country: 'LAO', id: submissionId });
    expect(detail).toMatchObject({ status: 'draft', file_name: 'ລາວ ແຮງງານ 2024.csv', row_count: 1, error_count: 1 });
    expect(detail.findings.map((f) => f.code)).toEqual(['DECIMAL_COMMA']);
    expect(detail.events.map((e) => e.status)).toEqual(['processing', 'draft']);
    expect(await upload(file)).toMatchObject({ submissionId, isExisting: true });
  });

  it('fails a file that cannot be read with the reason, and lets the same file be sent again', async () => {
    await jobs.startWorker();
    const file = path.join(path.dirname(await writeImportFile('LAO', [])), 'scan.csv');
    await writeFile(file, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0)]));
    const { submissionId } = await upload(file);
    const job = await waitUntil(() => jobOf(submissionId), isSettled);
    expect(job?.state).toBe('failed');
    expect(job?.error).toMatch(/PDF/);
    const detail = await caller.submissions.get({ country: 'LAO', id: submissionId });
    expect(detail.status).toBe('failed');
    expect(detail.events.at(-1)?.comment).toBe(job?.error);
    expect(await countStaged(submissionId)).toBe(0);
    const again = await upload(file);
    expect(again.isExisting).toBe(false);
    expect(again.submissionId).not.toBe(submissionId);
  });

  it('cancels a running job: nothing staged, the submission cancelled', async () => {
    await jobs.startWorker();
    const { submissionId } = await upload(await writeLargeImportFile('LAO', LFS, 150_000));
    await waitUntil(
      () => jobOf(submissionId),
      (job) => job?.state === 'running' && job.rowsRead > 0,
    );
    await expect(caller.submissions.cancel({ country: 'LAO', id: submissionId })).resolves.toEqual({
      id: submissionId,
      status: 'processing',
    });
    const job = await waitUntil(() => jobOf(submissionId), isSettled);
    expect(job?.state).toBe('cancelled');
    expect(job?.error).toMatch(
      /^Processing was cancelled while (validating|checking) \(after [\d,]+ rows\)\. Nothing was staged\.$/,
    );
    expect(await countStaged(submissionId)).toBe(0);
    const detail = await caller.submissions.get({ country: 'LAO', id: submissionId });
    expect(detail.status).toBe('cancelled');
    await expect(caller.submissions.cancel({ country: 'LAO', id: submissionId })).rejects.toThrow(
      /is cancelled; only a file still being processed can be cancelled/,
    );
  });

  it('takes back the job of a worker that stopped reporting and processes it again', async () => {
    const file = await writeImportFile('LAO', [row('2021', '3.25')]);
    // No worker is running: the job waits, and a worker that then dies is simulated by claiming it.
    await jobs.stop();
    const held = await startTestJobs(db, url, now);
    try {
      const { submissionId } = await upload(file, 'x.csv', held.queue);
      expect(await claimImportJob(db, submissionId, 'lost-host:4242')).toBe(1);
      await backdateJob(submissionId, 'heartbeat_at');
      const reaped = await reapDeadImports(reaperDeps(held.queue), 30);
      expect(reaped).toBe(1);
      const requeued = await jobOf(submissionId);
      expect(requeued).toMatchObject({ state: 'queued', attempt: 1 });
      expect(requeued?.error).toBe(
        'The worker lost-host:4242 stopped responding during loading (after 0 rows) and was presumed dead; the file is being processed again.',
      );
      await held.startWorker();
      const job = await waitUntil(() => jobOf(submissionId), isSettled);
      expect(job).toMatchObject({ state: 'succeeded', attempt: 2 });
      expect(await countStaged(submissionId)).toBe(1);
    } finally {
      await held.stop();
    }
  });

  it('sends again the message of a queued job that a dead worker took but never claimed', async () => {
    await jobs.stop();
    const held = await startTestJobs(db, url, now);
    try {
      const file = await writeImportFile('LAO', [row('2020', '2.75')]);
      const { submissionId } = await upload(file, 'lost.csv', held.queue);
      const { queue_job_id: lost } = await db
        .selectFrom('import_job')
        .select('queue_job_id')
        .where('submission_id', '=', submissionId)
        .executeTakeFirstOrThrow();
      // A worker took the message (pg-boss marks it active) and died before claiming the job.
      await sql`update pgboss.job set state = 'active', started_on = now() where id = ${lost}`.execute(db);
      await backdateJob(submissionId, 'updated_at');
      const deps = reaperDeps(held.queue);
      expect(await resendLostImports(deps, 30)).toBe(1);
      expect(await resendLostImports(deps, 30)).toBe(0);
      await held.startWorker();
      const job = await waitUntil(() => jobOf(submissionId), isSettled);
      expect(job).toMatchObject({ state: 'succeeded', attempt: 1 });
    } finally {
      await held.stop();
    }
  });

  it("cancels, not retries, a dead worker's job that the user had asked to cancel", async () => {
    const held = await startTestJobs(db, url, now);
    try {
      const file = await writeImportFile('LAO', [row('2019', '1.25')]);
      const { submissionId } = await upload(file, 'c.csv', held.queue);
      await claimImportJob(db, submissionId, 'lost-host:7');
      await caller.submissions.cancel({ country: 'LAO', id: submissionId });
      await backdateJob(submissionId, 'heartbeat_at');
      expect(await reapDeadImports(reaperDeps(held.queue), 30)).toBe(1);
      const job = await jobOf(submissionId);
      expect(job?.state).toBe('cancelled');
      expect(job?.error).toBe(
        'The worker lost-host:7 stopped responding during loading (after 0 rows) and was presumed dead; the processing is cancelled, as asked. Nothing was staged.',
      );
      const detail = await caller.submissions.get({ country: 'LAO', id: submissionId });
      expect(detail.status).toBe('cancelled');
    } finally {
      await held.stop();
    }
  });
});
