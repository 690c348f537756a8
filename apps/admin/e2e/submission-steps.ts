import { mkdirSync } from 'node:fs';
import { createTestAccount, TEST_PASSWORD } from '@ilms/api/testing';
import { type Db, insertSource } from '@ilms/db';
import type { Page } from 'playwright-core';

export const SOURCE = 'BA:HUB-7';
const HEADER =
  'ref_area,source,indicator,sex,classif1,classif2,time,obs_value,obs_status,note_classif,note_indicator,note_source,comment';

export interface CsvRow {
  refArea?: string;
  classif1?: string;
  time: string;
  value: string;
  comment?: string;
}

const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

/** One row of LAO nationals abroad (thousands) in the ILOSTAT layout. */
export const csvLine = (row: CsvRow) =>
  [
    row.refArea ?? 'LAO',
    SOURCE,
    'MNA_OEMP_SEX_CDS_NB',
    'SEX_T',
    row.classif1 ?? 'CDS_DES_THA',
    '',
    row.time,
    row.value,
    '',
    '',
    '',
    '',
    row.comment ?? '',
  ]
    .map(quote)
    .join(',');

/** A file as Playwright's `setInputFiles` takes it. */
export const csvFile = (name: string, rows: readonly CsvRow[]) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(`${[HEADER, ...rows.map(csvLine)].join('\n')}\n`, 'utf8'),
});

export type CsvFile = ReturnType<typeof csvFile>;

export interface Person {
  email: string;
  password: string;
}

/** LAO's survey source, a LAO focal point (named in Lao script) and a regional coordinator. */
export async function prepareLao(db: Db): Promise<{ focal: Person; coordinator: Person }> {
  await insertSource(db, {
    id: SOURCE,
    country: 'LAO',
    type_prefix: 'BA',
    name: 'ການສຳຫຼວດແຮງງານ (Labour Force Survey)',
    agency: 'Lao Statistics Bureau',
    first_year: null,
    last_year: null,
  });
  const focal = await createTestAccount(db, {
    role: 'focal_point',
    countries: ['LAO'],
    email: 'khamla@molsw.gov.la',
    name: 'ຄຳຫຼ້າ ພົມມະຈັນ',
  });
  const coordinator = await createTestAccount(db, {
    role: 'coordinator',
    email: 'coordinator@asean.example',
    name: 'Regional Coordinator',
  });
  return {
    focal: { email: focal.principal.email, password: TEST_PASSWORD },
    coordinator: { email: coordinator.principal.email, password: TEST_PASSWORD },
  };
}

/** Waits for a submission's page to show its heading and status; returns the submission's number. */
export async function waitForSubmission(page: Page, status: string): Promise<number> {
  await page.waitForURL(/\/submissions\/LAO\/\d+$/, { timeout: 30_000 });
  const heading = page.getByRole('heading', { level: 1, name: new RegExp(`^Submission \\d+ ${status}$`) });
  await heading.waitFor({ timeout: 30_000 });
  return Number(/\/(\d+)$/.exec(page.url())?.[1]);
}

/** The upload screen, as a focal point uses it: mode, file, Upload; ends on the new submission's page. */
export async function uploadThroughPage(page: Page, url: string, file: CsvFile, status = 'Draft'): Promise<number> {
  await page.goto(new URL('/submissions/upload', url).href);
  await page.getByRole('heading', { level: 1, name: 'Upload a file' }).waitFor();
  await page.getByLabel('File to upload').setInputFiles(file);
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  return waitForSubmission(page, status);
}

/** Saves a screenshot of the whole page to /tmp/screens for a look at the layout. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync('/tmp/screens', { recursive: true });
  await page.screenshot({ path: `/tmp/screens/${name}.png`, fullPage: true });
}
