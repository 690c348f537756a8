import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parse as csvParse } from 'csv-parse';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DelimitedReader } from '../src/read/delimited-reader.js';
import { generateFile } from './generate.js';

const N = Number(process.argv[2] ?? 1_000_000);
const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dir = mkdtempSync(join(tmpdir(), 'ilms-bench-'));

/** COPY into a regular (logged) table, as the floor means; created and dropped here under a unique name. */
async function copySeconds(file: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const table = `bench_copy_${process.pid}_${Date.now()}`;
  await client.query(
    `create table ${table} (ref_area text, source text, indicator text, sex text, classif1 text, classif2 text, time text, obs_value text, obs_status text, note_classif text, note_indicator text, note_source text)`,
  );
  try {
    const started = performance.now();
    await pipeline(
      createReadStream(file),
      client.query(copyFrom(`copy ${table} from stdin (format csv, header true)`)),
    );
    return (performance.now() - started) / 1000;
  } finally {
    await client.query(`drop table ${table}`);
    // The server writes the copied pages out afterwards; done here, that work is not timed with validation's.
    await client.query('checkpoint').catch(() => undefined);
    await client.end();
  }
}

/** Runs the built package (`pnpm bench` builds it first) in plain node, so its peak RSS is its own. */
function validateInChild(file: string): {
  seconds: number;
  cpuSeconds: number;
  rows: number;
  findings: number;
  maxRssMb: number;
  heapUsedMb: number;
  arrayBuffersMb: number;
  stateMb: number;
  threads: number;
} {
  const child = fileURLToPath(new URL('./validate-child.mjs', import.meta.url));
  const out = execFileSync(process.execPath, [child, file, join(dir, 'report')], { maxBuffer: 1 << 20 });
  return JSON.parse(out.toString());
}

async function papaparseSeconds(file: string): Promise<number> {
  const started = performance.now();
  let lines = 0;
  const reader = new DelimitedReader(
    { delimiter: ',', newline: '\n' },
    {
      onRecord: (_f, line) => {
        lines = line;
        return true;
      },
    },
    1,
    // papaparse over every buffer, as the figure's name says (the reader's own scanner is faster).
    true,
  );
  const stream = createReadStream(file, { highWaterMark: 1 << 20, encoding: 'utf8' });
  for await (const chunk of stream) reader.push(chunk as string);
  reader.end();
  if (lines === 0) throw new Error('no rows');
  return (performance.now() - started) / 1000;
}

async function csvParseSeconds(file: string): Promise<number> {
  const started = performance.now();
  let lines = 0;
  const parser = createReadStream(file).pipe(csvParse({ info: true, relax_column_count: true }));
  for await (const record of parser) lines = (record as { info: { lines: number } }).info.lines;
  if (lines === 0) throw new Error('no rows');
  return (performance.now() - started) / 1000;
}

/**
 * Writes the machine's dirty pages out (the generated file, PostgreSQL's), so that work is not
 * timed with the next measurement, whichever it is.
 */
function settleDisk(): void {
  try {
    execFileSync('sync');
  } catch {
    // Not every system has sync(1): the figures are then noisier, not wrong.
  }
}

/** Each figure is the median of ROUNDS runs, floor and validation taken in turn, so both meet the same machine. */
const ROUNDS = 3;

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
}

async function measure(rows: number): Promise<void> {
  const file = join(dir, `bench-${rows}.csv`);
  await generateFile(file, rows);
  const mb = statSync(file).size / 2 ** 20;
  const copies: number[] = [];
  const runs: ReturnType<typeof validateInChild>[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    settleDisk();
    copies.push(await copySeconds(file));
    settleDisk();
    runs.push(validateInChild(file));
  }
  const copy = median(copies);
  const v = runs.find((run) => run.seconds === median(runs.map((r) => r.seconds))) as (typeof runs)[number];
  const maxRssMb = Math.max(...runs.map((run) => run.maxRssMb));
  const papa = await papaparseSeconds(file);
  const csv = await csvParseSeconds(file);
  const each = (values: number[]) => values.map((x) => x.toFixed(2)).join(', ');
  console.log(`rows ${rows.toLocaleString('en')} (${mb.toFixed(0)} MB, ${v.findings.toLocaleString('en')} findings)`);
  console.log(`  COPY into a plain table (floor)   ${copy.toFixed(2)} s   (runs ${each(copies)})`);
  console.log(
    `  parse + validate + report         ${v.seconds.toFixed(2)} s   ratio ${(v.seconds / copy).toFixed(2)}   ${Math.round(v.rows / v.seconds).toLocaleString('en')} rows/s   peak RSS ${maxRssMb.toFixed(0)} MB   threads ${v.threads}   (runs ${each(runs.map((r) => r.seconds))})`,
  );
  console.log(
    `    CPU ${v.cpuSeconds.toFixed(2)} s; at peak: heap used ${v.heapUsedMb.toFixed(0)} MB, array buffers ${v.arrayBuffersMb.toFixed(0)} MB (rule state ${v.stateMb.toFixed(0)} MB)`,
  );
  console.log(`  parse only, with physical lines: papaparse ${papa.toFixed(2)} s, csv-parse ${csv.toFixed(2)} s`);
  rmSync(file);
}

await measure(N);
await measure(2 * N);
rmSync(dir, { recursive: true, force: true });
