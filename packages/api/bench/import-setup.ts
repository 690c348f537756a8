import { execFileSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createDb, type Db, databaseUrl, insertSource, insertUser, prepareDatabase } from '@ilms/db';
import { catalogue, childrenOf } from '@ilms/domain';
import { sql } from 'kysely';

/**
 * What `pnpm bench:import` and `pnpm bench:upload` share: the generated file and the scratch
 * database it is imported into, so both benchmarks measure the same work.
 */
export const COUNTRY = 'PHL';
/** The administrator `import-child.ts` calls as. */
const BENCH_ADMIN_EMAIL = 'bench@ilms.local';
const SOURCES = Array.from({ length: 8 }, (_, i) => `BA:HUB-${i + 1}`);
const SEXES = ['SEX_T', 'SEX_F', 'SEX_M'];
const HEADER =
  'ref_area,source,indicator,sex,classif1,classif2,time,obs_value,obs_status,note_classif,note_indicator,note_source,comment\n';

/** Every `ERROR_EVERY`th row's value is off by 0.007 (thousand): a sum check reports it. */
const ERROR_EVERY = 499;

/**
 * Values of one (source, period) group, per code (full id) and sex, in thousandths: each leaf of
 * CDS_DES gets a value per sex, each parent the sum of its children, SEX_T the sum of M and F, so
 * the file adds up. A leaf's value starts from a level of its own and grows a little each month,
 * as stocks of migrant workers do; one leaf-period in 499 doubles for that period, so the
 * year-on-year check has real jumps to find. `revised` adds 0.001 to M and F of every other leaf
 * (and so to their totals).
 */
function groupValues(source: number, period: number, codes: string[], revised: boolean): Map<string, number[]> {
  const scheme = catalogue.schemes.find((s) => s.id === 'CDS_DES');
  if (!scheme) throw new Error('CDS_DES is not in the catalogue');
  const values = new Map<string, number[]>();
  const leafIndex = new Map(codes.map((code, index) => [code, index]));
  const codeValues = (code: string): number[] => {
    const known = values.get(code);
    if (known) return known;
    const children = childrenOf(scheme, code);
    let mf: [number, number];
    if (children.length === 0) {
      const index = leafIndex.get(`CDS_DES_${code}`) ?? 0;
      const bump = revised && index % 2 === 1 ? 1 : 0;
      const jump = (index * 13 + period) % 499 === 0 ? 2 : 1;
      const level = (seed: number) =>
        (50_000 + ((index * seed + source * 104_729) % 900_000) + period * ((index * 31 + seed) % 200)) * jump + bump;
      mf = [level(7919), level(6101)];
    } else {
      mf = [0, 0];
      for (const child of children) {
        const [, f = 0, m = 0] = codeValues(child);
        mf[0] += m;
        mf[1] += f;
      }
    }
    const result = [mf[0] + mf[1], mf[1], mf[0]]; // in the order of SEXES
    values.set(code, result);
    return result;
  };
  for (const code of scheme.codes) values.set(code.id, codeValues(code.code));
  return values;
}

/**
 * N distinct keys of MNA_OEMP by destination, whose values add up (by sex and by destination)
 * but for one row in `ERROR_EVERY`; `revised` changes about half the values.
 */
export async function generateImportFile(
  path: string,
  rows: number,
  destinations: string[],
  revised: boolean,
): Promise<void> {
  const out = createWriteStream(path);
  out.write(HEADER);
  let batch = '';
  let values = new Map<string, number[]>();
  let currentGroup = -1;
  for (let i = 0; i < rows; i++) {
    const destination = destinations[i % destinations.length] ?? '';
    const rest = Math.floor(i / destinations.length);
    const sexIndex = rest % SEXES.length;
    const sex = SEXES[sexIndex];
    const group = Math.floor(rest / SEXES.length);
    // Monthly periods from 1950: enough distinct keys, all periods the validator accepts.
    const period = Math.floor(group / SOURCES.length);
    if (group !== currentGroup) {
      values = groupValues(group % SOURCES.length, period, destinations, revised);
      currentGroup = group;
    }
    const source = SOURCES[group % SOURCES.length];
    const time = `${1950 + Math.floor(period / 12)}M${String((period % 12) + 1).padStart(2, '0')}`;
    const millis = (values.get(destination)?.[sexIndex] ?? 0) + (i % ERROR_EVERY === ERROR_EVERY - 1 ? 7 : 0);
    const value = `${Math.floor(millis / 1000)}.${String(millis % 1000).padStart(3, '0')}`;
    batch += `${COUNTRY},${source},MNA_OEMP_SEX_CDS_NB,${sex},${destination},,${time},${value},,,,,\n`;
    if (batch.length > 1 << 20) {
      if (!out.write(batch)) await new Promise<void>((resolve) => out.once('drain', resolve));
      batch = '';
    }
  }
  out.end(batch);
  await new Promise<void>((resolve) => out.once('finish', resolve));
}

export interface BenchDatabase {
  db: Db;
  url: string;
  /** The CDS_DES codes the file's rows go to (full ids, in order). */
  destinations: string[];
}

/**
 * Creates database `name` next to `adminUrl` (dropping a leftover of that name), migrated and
 * seeded, with the bench administrator, the file's sources and `bench_copy`, the COPY floor's
 * plain table.
 */
export async function createBenchDatabase(adminUrl: string, name: string): Promise<BenchDatabase> {
  const admin = createDb({ connectionString: adminUrl, maxConnections: 1 });
  await sql`drop database if exists ${sql.id(name)}`.execute(admin);
  await sql`create database ${sql.id(name)}`.execute(admin);
  await admin.destroy();
  const url = databaseUrl(adminUrl, name);
  const db = createDb({ connectionString: url, maxConnections: 2 });
  await prepareDatabase(db);
  await insertUser(db, {
    email: BENCH_ADMIN_EMAIL,
    name: 'Bench',
    role: 'admin',
    passwordHash: '-',
    mustChangePassword: false,
    createdBy: null,
    now: new Date(),
  });
  for (const id of SOURCES) {
    await insertSource(db, {
      id,
      country: COUNTRY,
      type_prefix: 'BA',
      name: id,
      agency: 'bench',
      first_year: null,
      last_year: null,
    });
  }
  await sql`create table bench_copy (ref_area text, source text, indicator text, sex text, classif1 text, classif2 text, time text, obs_value text, obs_status text, note_classif text, note_indicator text, note_source text, comment text)`.execute(
    db,
  );
  const codes = await db
    .selectFrom('classification_code')
    .select('code')
    .where('scheme_id', '=', 'CDS_DES')
    .orderBy('code')
    .execute();
  return { db, url, destinations: codes.map((c) => c.code) };
}

export async function dropBenchDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = createDb({ connectionString: adminUrl, maxConnections: 1 });
  try {
    await sql`drop database if exists ${sql.id(name)}`.execute(admin);
  } finally {
    await admin.destroy();
  }
}

export interface ChildMeasurement {
  /**
   * Seconds per phase: `copy` for the floor; `copy` and `insert` for the store floor; `stage`,
   * `diff`, `submit`, `publish` for the import.
   */
  phases: Record<string, number>;
  maxRssMb: number;
}

/** `BENCH_CPU_PROF=<dir>` writes a `--cpu-prof` profile of each child there (slower; for finding where time goes). */
const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];

/** Runs `import-child.ts` (the COPY floor, or the in-process import) in a process of its own, so its peak RSS is its own. */
export function measureInChild(what: 'floor' | 'store-floor' | 'import', file: string, url: string): ChildMeasurement {
  const child = fileURLToPath(new URL('./import-child.ts', import.meta.url));
  const out = execFileSync(
    process.execPath,
    [...profile, '--import', 'tsx', '--conditions=@ilms/source', child, what, file, url, COUNTRY],
    { cwd: fileURLToPath(new URL('..', import.meta.url)) },
  );
  return JSON.parse(out.toString()) as ChildMeasurement;
}
