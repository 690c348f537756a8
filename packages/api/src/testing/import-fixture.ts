import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Db, insertSource } from '@ilms/db';
import { countries } from '@ilms/domain';
import { createContext } from '../context.js';
import type { JobQueue } from '../jobs/job-queue.js';
import { createCaller } from '../root.js';
import { createTestAccount, type TestAccount } from './test-account.js';

export const ILOSTAT_HEADER =
  'ref_area,source,indicator,sex,classif1,classif2,time,obs_value,obs_status,note_classif,note_indicator,note_source,comment';

/** One CSV row of the ILOSTAT layout; omitted cells are empty. */
export interface FixtureRow {
  refArea?: string;
  source: string;
  indicator: string;
  sex: string;
  classif1?: string;
  classif2?: string;
  time: string;
  value: string;
  obsStatus?: string;
  noteSource?: string;
  comment?: string;
}

/** A row of MNA_OEMP_SEX_CDS_NB from `source`: both sexes, all destinations, unless `extra` says otherwise. */
export function fixtureRow(source: string, time: string, value: string, extra: Partial<FixtureRow> = {}): FixtureRow {
  return { source, indicator: 'MNA_OEMP_SEX_CDS_NB', sex: 'SEX_T', classif1: 'CDS_DES_TOTAL', time, value, ...extra };
}

const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

export function formatFixtureRow(row: FixtureRow, country: string): string {
  return [
    row.refArea ?? country,
    row.source,
    row.indicator,
    row.sex,
    row.classif1 ?? '',
    row.classif2 ?? '',
    row.time,
    row.value,
    row.obsStatus ?? '',
    '',
    '',
    row.noteSource ?? '',
    row.comment ?? '',
  ]
    .map(quote)
    .join(',');
}

let written = 0;

/** Writes an ILOSTAT-layout CSV of the rows to a fresh temporary folder; returns its path. */
export async function writeImportFile(country: string, rows: readonly FixtureRow[]): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'ilms-import-'));
  const file = path.join(folder, `${country.toLowerCase()}-${++written}.csv`);
  await writeFile(file, `${[ILOSTAT_HEADER, ...rows.map((r) => formatFixtureRow(r, country))].join('\n')}\n`);
  return file;
}

/** Registers a source for a country unless it is there already. */
export async function ensureSource(db: Db, id: string, country: string, name = 'Test source'): Promise<void> {
  await insertSource(db, {
    id,
    country,
    type_prefix: id.slice(0, 2),
    name,
    agency: 'Test agency',
    first_year: null,
    last_year: null,
  });
}

export type Caller = ReturnType<typeof createCaller>;

export interface ImportCallers {
  /** A focal point of the country. */
  focal: Caller;
  coordinator: Caller;
}

/** A focal point of `country` and a coordinator, on one clock the test may move. */
export async function createImportCallers(
  db: Db,
  country: string,
  clock: () => Date,
  queue?: JobQueue,
): Promise<ImportCallers> {
  const focal = await createTestAccount(db, { role: 'focal_point', countries: [country], now: clock() });
  const coordinator = await createTestAccount(db, { role: 'coordinator', now: clock() });
  const callerOf = (account: TestAccount) =>
    createCaller(
      createContext({ db, now: clock, ...(queue ? { queue } : {}) }, `test-${account.principal.role}`, {
        principal: account.principal,
      }),
    );
  return { focal: callerOf(focal), coordinator: callerOf(coordinator) };
}

/**
 * Creates, submits and publishes a file of rows: the focal point's and the coordinator's steps.
 * Publishes as a routine revision, so files that revise earlier ones need no reason of their own.
 */
export async function publishRows(
  { focal, coordinator }: ImportCallers,
  country: string,
  rows: readonly FixtureRow[],
  mode: 'merge' | 'replace' | 'delete' = 'merge',
) {
  const { id } = await focal.submissions.create({ country, mode, filePath: await writeImportFile(country, rows) });
  await focal.submissions.submit({ country, id });
  return coordinator.submissions.publish({ country, id, revisionReason: 'routine_revision' });
}

/**
 * A file of `rows` distinct observations of one indicator (destination × sex × month), large
 * enough for a job to be caught mid-way. Each row carries a Lao comment.
 */
export async function writeLargeImportFile(country: string, source: string, rows: number): Promise<string> {
  const destinations = countries.filter((c) => c.code !== country).map((c) => `CDS_DES_${c.code}`);
  const sexes = ['SEX_T', 'SEX_M', 'SEX_F'];
  const lines = Array.from({ length: rows }, (_, i) => {
    const month = i % 1500;
    const rest = Math.floor(i / 1500);
    const time = `${1900 + Math.floor(month / 12)}M${String((month % 12) + 1).padStart(2, '0')}`;
    return fixtureRow(source, time, `${i % 997}.5`, {
      sex: sexes[rest % 3] ?? 'SEX_T',
      classif1: destinations[Math.floor(rest / 3) % destinations.length] ?? 'CDS_DES_TOTAL',
      comment: `ແຖວ ${i}`,
    });
  });
  return writeImportFile(country, lines);
}
