import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTestDatabase } from '@ilms/db/testing';
import { describe, expect, it } from 'vitest';
import { createTokenAccount, createWorkspace, insertLaoSource, startHub } from './testing/hub-fixture.js';
import { type CliRun, runIlms } from './testing/run-ilms.js';

const { db, url: databaseUrl } = await createTestDatabase();
const [hubUrl, limitedHubUrl] = await Promise.all([
  startHub(databaseUrl),
  // The same database behind a hub that takes at most 1 MB.
  startHub(databaseUrl, { ILMS_UPLOAD_LIMIT_MB: '1' }),
]);
const focal = await createTokenAccount(db, 'focal_point', ['LAO']);
const SOURCE = 'BA:CLI-1';
await insertLaoSource(db, SOURCE);

const { dir, home } = createWorkspace();
const env = { HOME: home, ILMS_URL: hubUrl, ILMS_TOKEN: focal.token };
const HEADER = 'ref_area,source,indicator,sex,classif1,classif2,time,obs_value,obs_status';
const row = (time: string, value: string, classif1 = 'CDS_DES_THA') =>
  `LAO,${SOURCE},MNA_OEMP_SEX_CDS_NB,SEX_T,${classif1},,${time},${value},`;

function writeCsv(name: string, rows: string[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, `${[HEADER, ...rows].join('\n')}\n`);
  return file;
}

function submissionIdOf(run: CliRun): number {
  const match = /submission (\d+)/.exec(run.stderr);
  if (!match?.[1]) throw new Error(`no submission number in:\n${run.stderr}\n${run.stdout}`);
  return Number(match[1]);
}

const countSubmissions = async () =>
  Number(
    (
      await db
        .selectFrom('submission')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('ilms upload', () => {
  it('uploads a file with errors, prints the findings, diff and reports, and exits 1', async () => {
    const file = writeCsv('with-errors.csv', [row('2021', '1.000'), row('2022', '"1,5"'), row('2023', '2.000')]);
    const r = await runIlms(['upload', file, '--country', 'LAO'], env);
    expect(r.code).toBe(1);
    const id = submissionIdOf(r);
    // Not a terminal and no --progress: plain lines only, fit for CI logs.
    expect(r.stderr).not.toContain('\r');
    expect(r.stderr).toContain(`Uploading ${file} (`);
    expect(r.stderr).toMatch(new RegExp(`Uploaded: submission ${id} of LAO \\(\\d+ B in \\d+\\.\\d s\\)\\.\n`));
    expect(r.stderr).toMatch(/Check succeeded after \d+\.\d s\.\n/);
    expect(r.stdout).toContain(`Submission ${id} of LAO: draft; 2 rows staged`);
    expect(r.stdout).toContain('Findings: 1 error, 0 warnings');
    expect(r.stdout).toMatch(/ERROR DECIMAL_COMMA × 1 \(lines 3\)\n {2}\S/);
    expect(r.stdout).toContain('Changes if published (merge mode):');
    expect(r.stdout).toMatch(/MNA_OEMP_SEX_CDS_NB\s+2\s+0\s+0/);
    expect(r.stdout).toContain(`${hubUrl}/api/submissions/LAO/${id}/findings.csv`);
    expect(r.stdout).toContain(`${hubUrl}/api/submissions/LAO/${id}/annotated`);
    expect(r.stdout).toContain('The file has 1 error: fix it in your file and upload it again');

    const submit = await runIlms(['submissions', 'submit', String(id)], env);
    expect(submit.code).toBe(3);
    expect(submit.stderr).toContain(`Submission ${id} has 1 error(s), so it cannot be submitted.`);
  });

  it('uploads a clean file, exits 0, and `submissions submit` sends it for review', async () => {
    const file = writeCsv('clean.csv', [row('2019', '4.250'), row('2020', '4.500')]);
    const r = await runIlms(['upload', file, '--country', 'LAO', '--mode', 'replace', '--progress'], env);
    expect(r.code).toBe(0);
    const id = submissionIdOf(r);
    // --progress draws the bar even though stderr is not a terminal.
    expect(r.stderr).toContain('\r\x1b[2KSending [');
    expect(r.stdout).toContain('Findings: 0 errors, 0 warnings');
    expect(r.stdout).toContain('Changes if published (replace mode):');
    expect(r.stdout).toContain(`ilms submissions submit ${id} --country LAO`);

    const submit = await runIlms(['submissions', 'submit', String(id), '--country', 'LAO'], env);
    expect(submit.stderr).toBe('');
    expect(submit.code).toBe(0);
    expect(submit.stdout).toBe(`Submission ${id} of LAO is submitted: the coordinator reviews it next.\n`);

    const show = await runIlms(['submissions', 'show', String(id)], env);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain(`Submission ${id} of LAO: submitted (sent to the coordinator for review)`);
    expect(show.stdout).toMatch(
      new RegExp(`processing by ${focal.principal.email}\\n.* draft\\n.* submitted by ${focal.principal.email}\\n`),
    );
    expect(show.stdout).toContain('Checking job: succeeded');

    const again = await runIlms(['upload', file, '--country', 'LAO', '--mode', 'replace', '--no-wait'], env);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(`This file was uploaded before for LAO: it is submission ${id}.`);
    const otherMode = await runIlms(['upload', file, '--country', 'LAO', '--no-wait'], env);
    expect(otherMode.code).toBe(3);
    expect(otherMode.stderr).toContain(
      `This file was already uploaded as submission ${id} in replace mode. To use it in merge mode, delete submission ${id} first`,
    );
  });

  it('dry run: writes the findings next to the file, prints the diff and leaves no submission; Lao names survive', async () => {
    const name = 'ຂໍ້ມູນແຮງງານ ປີ 2024.csv';
    const file = writeCsv(name, [row('2021', '1.000'), row('2022', '2.000', 'CDS_DES_ZZZ')]);
    const before = await countSubmissions();
    const r = await runIlms(['upload', file, '--dry-run'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Uploading ${file} (`);
    expect(r.stdout).toContain('ERROR UNKNOWN_CODE × 1 (lines 3)');
    expect(r.stdout).toContain('Changes if published (merge mode):');
    expect(r.stdout).toContain(`Findings written to ${file}.findings.csv`);
    expect(r.stdout).toContain('was deleted from the hub; nothing was kept');
    expect(readFileSync(`${file}.findings.csv`, 'utf8')).toContain('UNKNOWN_CODE');
    expect(await countSubmissions()).toBe(before);

    // Kept (no dry run), the name reads back as written, in the list and in the database.
    const kept = await runIlms(['upload', file, '--no-wait'], env);
    expect(kept.code).toBe(0);
    const id = submissionIdOf(kept);
    const stored = await db.selectFrom('submission').select('file_name').where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.file_name).toBe(name);
    const list = await runIlms(['submissions', 'list'], env);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(name);
  });

  it('exits 4 with the reason when the hub cannot read the file', async () => {
    const file = path.join(dir, 'report.pdf');
    writeFileSync(file, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4096, 0)]));
    const r = await runIlms(['upload', file, '--country', 'LAO'], env);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/The hub could not check submission \d+: /);
  });

  it("refuses a file over the size limit with the hub's message, exit 3", async () => {
    const rows = Array.from({ length: 24_000 }, (_, i) => row(String(1000 + (i % 1000)), `${i}.000`));
    const file = writeCsv('large.csv', rows);
    const before = await countSubmissions();
    const r = await runIlms(['upload', file, '--country', 'LAO', '--url', limitedHubUrl], env);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('The hub refused the file: ');
    expect(r.stderr).toMatch(/1 MB/);
    expect(await countSubmissions()).toBe(before);
  });

  it('exits 2 on a missing file or a wrong mode, naming the fix', async () => {
    const missing = await runIlms(['upload', path.join(dir, 'nope.csv'), '--country', 'LAO'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('File not found:');
    const mode = await runIlms(['upload', path.join(dir, 'clean.csv'), '--mode', 'append'], env);
    expect(mode.code).toBe(2);
    expect(mode.stderr).toContain('--mode must be one of merge, replace, delete, not "append".');
    expect(existsSync(path.join(dir, 'nope.csv.findings.csv'))).toBe(false);
  });
});
