import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Db, insertSource } from '@ilms/db';
import { createContext } from '../context.js';
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
export async function createImportCallers(db: Db, country: string, clock: () => Date): Promise<ImportCallers> {
  const focal = await createTestAccount(db, { role: 'focal_point', countries: [country], now: clock() });
  const coordinator = await createTestAccount(db, { role: 'coordinator', now: clock() });
  const callerOf = (account: TestAccount) =>
    createCaller(createContext({ db, now: clock }, `test-${account.principal.role}`, { principal: account.principal }));
  return { focal: callerOf(focal), coordinator: callerOf(coordinator) };
}

/** Creates, submits and publishes a file of rows: the focal point's and the coordinator's steps. */
export async function publishRows(
  { focal, coordinator }: ImportCallers,
  country: string,
  rows: readonly FixtureRow[],
  mode: 'merge' | 'replace' | 'delete' = 'merge',
) {
  const { id } = await focal.submissions.create({ country, mode, filePath: await writeImportFile(country, rows) });
  await focal.submissions.submit({ country, id });
  return coordinator.submissions.publish({ country, id });
}
