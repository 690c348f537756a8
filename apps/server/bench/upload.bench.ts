import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCaller, createContext, type Principal } from '@ilms/api';
import { type Db, insertUser, replaceUserCountries } from '@ilms/db';
import pg from 'pg';
// The generated file, scratch database and in-process child of `pnpm bench:import`, so both
// benchmarks measure the same work; a bench script may reach into another workspace's bench.
import {
  type BenchDatabase,
  COUNTRY,
  createBenchDatabase,
  dropBenchDatabase,
  generateImportFile,
  measureInChild,
} from '../../../packages/api/bench/import-setup.js';
import { type ServerUnderTest, startBuiltServer } from './server-under-test.js';
import { type UploadTimeline, uploadAndWait } from './upload-client.js';

const N = Number(process.argv[2] ?? process.env.BENCH_ROWS ?? 1_000_000);
/** `BENCH_ONLY_N=1` skips the 2N run. */
const sizes = process.env.BENCH_ONLY_N === '1' ? [N] : [N, 2 * N];
const adminUrl =
  process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dir = mkdtempSync(join(tmpdir(), 'ilms-bench-upload-'));
/**
 * `BENCH_LOG_STATEMENTS_MS=<ms>` makes PostgreSQL log every statement of the scratch databases
 * slower than that (`log_min_duration_statement`, in the server's log), to see where time goes.
 */
const logStatementsMs = process.env.BENCH_LOG_STATEMENTS_MS;

async function createScratchDatabase(name: string): Promise<BenchDatabase> {
  const scratch = await createBenchDatabase(adminUrl, name);
  if (logStatementsMs !== undefined) {
    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    const ms = Math.trunc(Number(logStatementsMs));
    await client.query(`alter database ${client.escapeIdentifier(name)} set log_min_duration_statement = ${ms}`);
    await client.end();
  }
  return scratch;
}

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2, minimumFractionDigits: 2 });
const whole = (n: number) => Math.round(n).toLocaleString('en-US');
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

/** A focal point of the file's country and an API token of theirs, made as the tokens page makes it. */
async function createUploaderToken(db: Db): Promise<string> {
  const now = new Date();
  const email = 'focal@ilms.local';
  const name = 'Bench focal point';
  const userId = await insertUser(db, {
    email,
    name,
    role: 'focal_point',
    passwordHash: '-',
    mustChangePassword: false,
    createdBy: null,
    now,
  });
  await replaceUserCountries(db, userId, [COUNTRY], { grantedBy: null, now });
  const principal: Principal = {
    userId,
    email,
    name,
    role: 'focal_point',
    countries: [COUNTRY],
    mustChangePassword: false,
    credential: { kind: 'in_process' },
  };
  const call = createCaller(createContext({ db, now: () => new Date() }, 'bench', { principal }));
  const { token } = await call.tokens.create({ name: 'bench:upload', expiresInDays: 1 });
  return token;
}

/**
 * The part-2 path in a child process, on a database of its own: generates the file (its
 * destinations come from that database, as in `pnpm bench:import`), then the COPY floor, then
 * `submissions.create` + `diff`.
 */
async function measureInProcess(rows: number, file: string) {
  const name = `ilms_bench_upload_${process.pid}_in_process`;
  const { db, url, destinations } = await createScratchDatabase(name);
  await db.destroy();
  try {
    await generateImportFile(file, rows, destinations, false);
    process.stdout.write(
      `rows ${whole(rows)} (${whole(statSync(file).size / 1e6)} MB, empty store); load average ${load()}\n`,
    );
    const floor = measureInChild('floor', file, url).phases.copy ?? 0;
    // The child also submits and publishes, after the figures taken here; its peak RSS includes them.
    const run = measureInChild('import', file, url);
    const stage = run.phases.stage ?? 0;
    const diff = run.phases.diff ?? 0;
    return { floor, stage, diff, seconds: stage + diff, maxRssMb: run.maxRssMb };
  } finally {
    await dropBenchDatabase(adminUrl, name);
  }
}

/** The same file through the built server: POST /api/uploads, its worker, then `submissions.diff`. */
async function measureUpload(file: string): Promise<{ timeline: UploadTimeline; server: ServerUnderTest }> {
  const name = `ilms_bench_upload_${process.pid}_server`;
  const { db, url } = await createScratchDatabase(name);
  let server: ServerUnderTest | undefined;
  try {
    const token = await createUploaderToken(db);
    await db.destroy();
    server = await startBuiltServer(url);
    const timeline = await uploadAndWait({ baseUrl: server.url, token, file, country: COUNTRY }).catch(
      (error: unknown) => {
        const tail = server?.output().split('\n').slice(-40).join('\n');
        throw new Error(
          `${error instanceof Error ? error.message : String(error)}\nThe server's last output:\n${tail}`,
        );
      },
    );
    server.stopSampling();
    return { timeline, server };
  } finally {
    await server?.stop();
    await dropBenchDatabase(adminUrl, name);
  }
}

function report(
  rows: number,
  inProcess: Awaited<ReturnType<typeof measureInProcess>>,
  upload: Awaited<ReturnType<typeof measureUpload>>,
) {
  const { timeline: t, server } = upload;
  const rss = server.rss();
  const lines = [
    `  COPY floor                          ${fmt(inProcess.floor)} s`,
    `  in-process create + diff (part 2)   ${fmt(inProcess.seconds)} s (stage ${fmt(inProcess.stage)}, diff ${fmt(inProcess.diff)})   ${whole(rows / inProcess.seconds)} rows/s   child peak RSS ${inProcess.maxRssMb} MB (with its submit + publish)`,
    `  HTTP upload + worker + diff         ${fmt(t.total)} s   ratio ${fmt(t.total / inProcess.seconds)}   ${whole(rows / t.total)} rows/s`,
    `    receive until ${t.status} ${fmt(t.received)} s, queue wait ${fmt(t.queued)} s, loading ${fmt(t.loading)} s, validate + stage ${fmt(t.validating)} s, checks + commit ${fmt(t.checking)} s, diff ${fmt(t.diff)} s`,
    `    server RSS ${whole(rss.afterStartMb)} MB after start, peak ${whole(rss.peakMb)} MB during the upload (+${whole(rss.peakMb - rss.afterStartMb)} MB; high-water mark ${whole(rss.highWaterMb)} MB); server CPU ${fmt(server.cpuSeconds())} s for upload + job + diff`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function runAt(rows: number): Promise<void> {
  const file = join(dir, `upload-${rows}.csv`);
  try {
    const inProcess = await measureInProcess(rows, file);
    const upload = await measureUpload(file);
    report(rows, inProcess, upload);
    process.stdout.write(`  load average ${load()}\n`);
  } finally {
    rmSync(file, { force: true });
  }
}

try {
  for (const rows of sizes) await runAt(rows);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
