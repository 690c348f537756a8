import { readdir } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { createCaller, createContext, FileHandoff } from '@ilms/api';
import { createTestAccount, startTestJobs, TEST_PASSWORD, waitUntil } from '@ilms/api/testing';
import { readStagedRows } from '@ilms/db';
import { createTestDatabase } from '@ilms/db/testing';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';

const { db, url: databaseUrl } = await createTestDatabase();
const now = () => new Date();
const jobs = await startTestJobs(db, databaseUrl);
// As the server runs: files uploaded here go straight to this process's worker (counted here).
class CountingHandoff extends FileHandoff {
  handedOver: number[] = [];
  override take(submissionId: number) {
    const file = super.take(submissionId);
    if (file !== undefined) this.handedOver.push(submissionId);
    return file;
  }
}
const handoff = new CountingHandoff();
await jobs.startWorker({ handoff });
const LIMIT = 64 * 1024;
const app = await buildApp({
  deps: { db, now, queue: jobs.queue, handoff },
  logger: pino({ level: 'silent' }),
  adminDist: null,
  uploadLimitBytes: LIMIT,
});
await app.listen({ host: '127.0.0.1', port: 0 });
const { port } = app.server.address() as AddressInfo;
const base = `http://127.0.0.1:${port}`;
afterAll(async () => {
  await app.close();
  await jobs.stop();
});

await db
  .insertInto('source')
  .values({
    id: 'BA:HUB-21',
    country: 'KHM',
    type_prefix: 'BA',
    name: 'LFS',
    agency: 'NIS',
    first_year: null,
    last_year: null,
  })
  .execute();
const focal = await createTestAccount(db, { role: 'focal_point', countries: ['KHM'] });
const viewer = await createTestAccount(db, { role: 'viewer' });
const inProcess = createCaller(createContext({ db, now }, 'token', { principal: focal.principal }));
const { token } = await inProcess.tokens.create({ name: 'upload script', expiresInDays: 1 });

const HEADER = 'ref_area,source,indicator,sex,classif1,time,obs_value,comment';
const fileOf = (value: string, note = 'ទិន្នន័យ​ពី​ក្រសួង​ការងារ') =>
  `${HEADER}\nKHM,BA:HUB-21,MNA_OEMP_SEX_CDS_NB,SEX_T,CDS_DES_THA,2024,${value},${note}\n`;
const address = (query: Record<string, string>) => `${base}/api/uploads?${new URLSearchParams(query)}`;
const khm = (fileName: string) => address({ country: 'KHM', mode: 'merge', fileName });
const countSubmissions = async () =>
  Number(
    (
      await db
        .selectFrom('submission')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function signIn(account: { principal: { email: string } }): Promise<string> {
  const response = await fetch(`${base}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email: account.principal.email, password: TEST_PASSWORD }),
  });
  expect(response.status).toBe(200);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

describe('POST /api/uploads', () => {
  it('takes a file with an API token, queues it, and the worker makes a draft', async () => {
    const response = await fetch(khm(' កម្ពុជា 2024.csv'), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body: fileOf('12.500'),
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { submissionId: number; isExisting: boolean; status: string };
    expect(body).toMatchObject({ country: 'KHM', isExisting: false, status: 'processing' });
    const reader = createCaller(createContext({ db, now }, 'read', { principal: focal.principal }));
    const job = await waitUntil(
      () => reader.submissions.job({ country: 'KHM', id: body.submissionId }),
      (j) => j?.state === 'succeeded',
    );
    expect(job?.bytesTotal).toBe(Buffer.byteLength(fileOf('12.500')));
    // The worker took the route's file rather than reading it back from the database, and removed it.
    expect(handoff.handedOver).toEqual([body.submissionId]);
    const ownJobFiles = (await readdir(tmpdir())).filter((name) => name.startsWith(`ilms-tmp-job-${process.pid}-`));
    expect(ownJobFiles).toEqual([]);
    const detail = await reader.submissions.get({ country: 'KHM', id: body.submissionId });
    expect(detail).toMatchObject({ status: 'draft', file_name: 'កម្ពុជា 2024.csv', row_count: 1, error_count: 0 });
    const staged = await readStagedRows(db, body.submissionId);
    expect(staged.map((r) => r.comment)).toEqual(['ទិន្នន័យ​ពី​ក្រសួង​ការងារ']);

    const again = await fetch(khm('again.csv'), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: fileOf('12.500'),
    });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ submissionId: body.submissionId, isExisting: true });
  });

  it('takes a file from a signed-in page of the site, and refuses one sent from another site', async () => {
    const cookie = await signIn(focal);
    const fromPage = await fetch(khm('page.csv'), {
      method: 'POST',
      headers: { cookie, 'sec-fetch-site': 'same-origin' },
      body: fileOf('13.000'),
    });
    expect(fromPage.status).toBe(201);
    const before = await countSubmissions();
    const crossSite = await fetch(khm('forged.csv'), {
      method: 'POST',
      headers: { cookie, 'sec-fetch-site': 'cross-site' },
      body: fileOf('14.000'),
    });
    expect(crossSite.status).toBe(403);
    expect(await crossSite.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(await countSubmissions()).toBe(before);
  });

  it('refuses callers without the right before reading the file', async () => {
    const before = await countSubmissions();
    const anonymous = await fetch(khm('a.csv'), { method: 'POST', body: fileOf('1.000') });
    expect(anonymous.status).toBe(401);
    // The connection closes after the answer, so the refused body is not read to its end.
    expect(anonymous.headers.get('connection')).toBe('close');
    expect(await anonymous.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Sign in to do this.' } });
    const viewerCookie = await signIn(viewer);
    const asViewer = await fetch(khm('v.csv'), {
      method: 'POST',
      headers: { cookie: viewerCookie, 'sec-fetch-site': 'same-origin' },
      body: fileOf('1.000'),
    });
    expect(asViewer.status).toBe(403);
    const otherCountry = await fetch(address({ country: 'THA', fileName: 't.csv' }), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: fileOf('1.000'),
    });
    expect(otherCountry.status).toBe(403);
    expect((await otherCountry.json()) as unknown).toMatchObject({
      error: { message: 'You are a focal point for KHM; this request is for THA, which you are not assigned to.' },
    });
    const unnamed = await fetch(address({ country: 'KHM' }), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: fileOf('1.000'),
    });
    expect(unnamed.status).toBe(400);
    expect(await unnamed.json()).toMatchObject({
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/fileName/) },
    });
    expect(await countSubmissions()).toBe(before);
  });

  it('refuses a file over the limit from its Content-Length, while the client is still sending', async () => {
    const before = await countSubmissions();
    const declared = 10 * 1024 * 1024;
    const answer = await new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
      const req = httpRequest(khm('big.csv'), {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-length': String(declared) },
      });
      let sent = 0;
      req.on('response', (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body, sent }));
      });
      req.on('error', reject);
      // Sends 16 kB and then waits: the answer must come without the rest.
      req.write(Buffer.alloc(16 * 1024, 0x41), () => (sent += 16 * 1024));
    });
    expect(answer.status).toBe(413);
    expect(answer.sent).toBeLessThan(declared);
    expect(JSON.parse(answer.body)).toEqual({
      error: {
        code: 'PAYLOAD_TOO_LARGE',
        message:
          'The file is 10 MB, more than the limit of 0.1 MB. Split it (by indicator or by year) into smaller files, or compress it as .csv.gz, and upload again.',
      },
    });
    expect(await countSubmissions()).toBe(before);
  });

  it('refuses a file over the limit sent without a length once the limit is passed, with the answer intact', async () => {
    const before = await countSubmissions();
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      // No Content-Length: chunked. 8 MB offered in 64 kB pieces, far past the 64 kB limit.
      const req = httpRequest(khm('chunked.csv'), { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      req.on('response', (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      req.on('error', (error) => (answered ? undefined : reject(error)));
      let answered = false;
      req.on('response', () => (answered = true));
      let pieces = 0;
      const send = () => {
        while (pieces < 128 && !answered) {
          pieces++;
          if (!req.write(Buffer.alloc(64 * 1024, 0x42))) return void req.once('drain', send);
        }
        req.end();
      };
      send();
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({
      error: {
        code: 'PAYLOAD_TOO_LARGE',
        message:
          'The file is larger than the limit of 0.1 MB. Split it (by indicator or by year) into smaller files, or compress it as .csv.gz, and upload again.',
      },
    });
    expect(await countSubmissions()).toBe(before);
  });
});
