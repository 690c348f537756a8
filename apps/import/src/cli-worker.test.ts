import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTestDatabase } from '@ilms/db/testing';
import { describe, expect, it } from 'vitest';
import { createTokenAccount, createWorkspace, insertLaoSource, startHub } from './testing/hub-fixture.js';
import { runIlms, spawnIlms } from './testing/run-ilms.js';

const { db, url: databaseUrl } = await createTestDatabase();
// A hub that processes nothing itself: files wait for `ilms worker`.
const hubUrl = await startHub(databaseUrl, { ILMS_WORKERS: '0' });
const focal = await createTokenAccount(db, 'focal_point', ['LAO']);
await insertLaoSource(db, 'BA:CLI-2');

/** A one-row file of its own in a fresh workspace, and the environment that uploads it as the focal point. */
function oneRowUpload(name: string, time: string, value: string) {
  const { dir, home } = createWorkspace();
  const file = path.join(dir, name);
  writeFileSync(
    file,
    `ref_area,source,indicator,sex,classif1,classif2,time,obs_value,obs_status\nLAO,BA:CLI-2,MNA_OEMP_SEX_CDS_NB,SEX_T,CDS_DES_THA,,${time},${value},\n`,
  );
  return { file, home, env: { HOME: home, ILMS_URL: hubUrl, ILMS_TOKEN: focal.token } };
}

describe('ilms worker', () => {
  it('checks the files a hub without workers queued, and stops cleanly on SIGTERM', async () => {
    const { file, home, env } = oneRowUpload('queued.csv', '2021', '1.000');
    const queued = await runIlms(['upload', file, '--no-wait'], env);
    expect(queued.code).toBe(0);
    const id = Number(/submission (\d+)/.exec(queued.stderr)?.[1]);
    const waiting = await runIlms(['submissions', 'show', String(id)], env);
    expect(waiting.stdout).toContain(`Submission ${id} of LAO: processing`);
    expect(waiting.stdout).toContain('Checking job: queued: waiting for a worker');

    const worker = spawnIlms(['worker', '--name', 'cli-test'], { HOME: home, DATABASE_URL: databaseUrl });
    let log = '';
    worker.stderr.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
    const exited = once(worker, 'exit');
    try {
      // The upload command, run now, follows the job the worker takes and ends with the summary.
      const followed = await runIlms(['upload', file], env);
      expect(followed.stderr, log).toContain('Check succeeded');
      expect(followed.stderr).toContain(`This file was uploaded before for LAO: it is submission ${id}.`);
      expect(followed.code).toBe(0);
      expect(followed.stdout).toContain(`Submission ${id} of LAO: draft; 1 row staged`);
      expect(log).toContain('Worker cli-test is running (1 at a time).');
    } finally {
      worker.kill('SIGTERM');
    }
    const [code] = await exited;
    expect(code).toBe(0);
    expect(log).toContain('info stopped {"worker":"cli-test"}');
  }, 90_000);

  it('`submissions cancel` ends a queued check; the waiting upload exits 4 and the list shows it cancelled', async () => {
    const { file, env } = oneRowUpload('to-cancel.csv', '2022', '2.000');
    const waiting = runIlms(['upload', file, '--country', 'LAO'], env);
    let id: number | undefined;
    for (let tries = 0; id === undefined; tries += 1) {
      if (tries === 20) throw new Error(`the upload never showed as processing:\n${JSON.stringify(await waiting)}`);
      const listed = await runIlms(['submissions', 'list', '--status', 'processing'], env);
      const match = /^\s*(\d+)\s+LAO\s+processing\s.*to-cancel\.csv/m.exec(listed.stdout);
      id = match?.[1] ? Number(match[1]) : undefined;
    }
    const cancel = await runIlms(['submissions', 'cancel', String(id)], env);
    expect(cancel.code).toBe(0);
    expect(cancel.stdout).toBe(`Submission ${id} of LAO is cancelled: its file will not be checked.\n`);

    const upload = await waiting;
    expect(upload.code).toBe(4);
    expect(upload.stderr).toContain(`Checking submission ${id} was cancelled before it finished.`);
    const listed = await runIlms(['submissions', 'list', '--status', 'cancelled'], env);
    expect(listed.stdout).toMatch(new RegExp(`^\\s*${id}\\s+LAO\\s+cancelled\\s`, 'm'));

    const again = await runIlms(['submissions', 'cancel', String(id)], env);
    expect(again.code).toBe(3);
    expect(again.stderr).toContain(
      `Submission ${id} is cancelled; only a file still being processed can be cancelled.`,
    );
  }, 90_000);

  it('exits 2 without DATABASE_URL, naming it', async () => {
    const r = await runIlms(['worker'], { HOME: createWorkspace().home });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("ilms worker needs the hub's database: set DATABASE_URL");
  });
});
