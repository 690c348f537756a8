import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createBenchDatabase, dropBenchDatabase, generateImportFile, measureInChild } from './import-setup.js';

const N = Number(process.argv[2] ?? process.env.BENCH_ROWS ?? 1_000_000);
/** `BENCH_ONLY_N=1` skips the 2N run (it takes several minutes). */
const sizes = process.env.BENCH_ONLY_N === '1' ? [N] : [N, 2 * N];
const adminUrl =
  process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dir = mkdtempSync(join(tmpdir(), 'ilms-bench-import-'));
const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2, minimumFractionDigits: 2 });

async function runAt(rows: number): Promise<void> {
  const name = `ilms_bench_import_${process.pid}`;
  const { db, url, destinations } = await createBenchDatabase(adminUrl, name);
  const first = join(dir, `first-${rows}.csv`);
  const second = join(dir, `second-${rows}.csv`);
  await generateImportFile(first, rows, destinations, false);
  await generateImportFile(second, rows, destinations, true);
  process.stdout.write(`rows ${rows.toLocaleString('en-US')} (${Math.round(statSync(first).size / 1e6)} MB)\n`);
  for (const [label, file] of [
    ['empty store', first],
    ['full store, half the values changed', second],
  ] as const) {
    const floor = measureInChild('floor', file, url).phases.copy ?? 0;
    await sql`truncate bench_copy`.execute(db);
    const store = measureInChild('store-floor', file, url).phases;
    const storeFloor = (store.copy ?? 0) + (store.insert ?? 0);
    const run = measureInChild('import', file, url);
    const total = Object.values(run.phases).reduce((a, b) => a + b, 0);
    const phases = Object.entries(run.phases)
      .map(([phase, s]) => `${phase} ${fmt(s)}`)
      .join(', ');
    process.stdout.write(
      `  ${label}\n    COPY floor ${fmt(floor)} s\n    store floor ${fmt(storeFloor)} s (typed COPY ${fmt(store.copy ?? 0)}, keyed insert ${fmt(store.insert ?? 0)})   ratio to the COPY floor ${fmt(storeFloor / floor)}\n    stage + diff + submit + publish ${fmt(total)} s (${phases})   ratio ${fmt(total / floor)}   to the store floor ${fmt(total / storeFloor)}   ${Math.round(rows / total).toLocaleString('en-US')} rows/s   peak RSS ${run.maxRssMb} MB\n`,
    );
  }
  await db.destroy();
  await dropBenchDatabase(adminUrl, name);
}

try {
  for (const rows of sizes) await runAt(rows);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
