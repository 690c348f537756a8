import { readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCaller, createContext } from '@ilms/api';
import { createTestAccount, waitUntil, writeLargeImportFile } from '@ilms/api/testing';
import { readStagedRows } from '@ilms/db';
import { createTestDatabase } from '@ilms/db/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startBuiltServerProcess } from './testing/server-process.js';

const { db, url: databaseUrl } = await createTestDatabase();
const servers: ServerProcess[] = [];
afterAll(async () => {
  for (const server of servers) await server.stop();
}, 60_000);

async function startServer(): Promise<ServerProcess> {
  const server = await startBuiltServerProcess(databaseUrl, { ILMS_JOB_STALE_SECONDS: '2' });
  servers.push(server);
  return server;
}

const jobOf = (id: number) =>
  db.selectFrom('import_job').selectAll().where('submission_id', '=', id).executeTakeFirstOrThrow();
const countStaged = async (id: number) => (await readStagedRows(db, id)).length;

describe('a worker killed mid-job', () => {
  it('leaves nothing staged, and the job is taken back and processed by another worker', async () => {
    await db
      .insertInto('source')
      .values({
        id: 'BA:HUB-7',
        country: 'LAO',
        type_prefix: 'BA',
        name: 'LFS',
        agency: 'LSB',
        first_year: null,
        last_year: null,
      })
      .execute();
    const focal = await createTestAccount(db, { role: 'focal_point', countries: ['LAO'] });
    const caller = createCaller(createContext({ db, now: () => new Date() }, 'token', { principal: focal.principal }));
    const { token } = await caller.tokens.create({ name: 'kill test', expiresInDays: 1 });
    const file = await writeLargeImportFile('LAO', 'BA:HUB-7', 200_000);

    const first = await startServer();
    const response = await fetch(`${first.url}api/uploads?country=LAO&fileName=large.csv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: await readFile(file),
    });
    expect(response.status).toBe(201);
    const { submissionId } = (await response.json()) as { submissionId: number };
    const running = await waitUntil(
      () => jobOf(submissionId),
      (job) => job.state === 'running' && job.rows_read > 10_000,
      60_000,
    );
    await first.kill();
    // What the killed worker left: its copy of the file (the next start clears such files after 6 h).
    const pid = running.worker?.split(':').at(-1);
    const leftovers = (await readdir(tmpdir())).filter((name) => name.startsWith(`ilms-tmp-job-${pid}-`));
    expect(leftovers).toHaveLength(1);
    for (const name of leftovers) await rm(path.join(tmpdir(), name));
    // The attempt's rows were never committed: nothing of them is visible.
    expect(await countStaged(submissionId)).toBe(0);
    expect((await jobOf(submissionId)).state).toBe('running');

    await startServer();
    const done = await waitUntil(
      () => jobOf(submissionId),
      (job) => job.state !== 'running' && job.state !== 'queued',
      120_000,
    );
    expect(done).toMatchObject({ state: 'succeeded', attempt: 2 });
    expect(await countStaged(submissionId)).toBe(200_000);
    const events = await db
      .selectFrom('submission_event')
      .select(['status', 'comment'])
      .where('submission_id', '=', submissionId)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.status)).toEqual(['processing', 'processing', 'draft']);
    expect(events[1]?.comment).toMatch(
      new RegExp(
        `^The worker ${running.worker} stopped responding during (validating|checking) \\(after \\d+ rows\\) and was presumed dead; the file is being processed again\\.$`,
      ),
    );
  }, 240_000);
});
