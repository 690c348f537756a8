import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import {
  changeSubmissionStatus,
  type Db,
  insertApiToken,
  insertImportJob,
  insertScheduledRelease,
  insertSubmission,
  inTransaction,
  stageRows,
} from '@ilms/db';
import type { Principal, Role } from '../auth/principal.js';
import { createSecret, hashSecret } from '../auth/secret.js';
import type { ReceivedFile } from '../context.js';
import { ensureSource, fixtureRow, writeImportFile } from './import-fixture.js';

export interface SampleFixture {
  db: Db;
  now: Date;
  /** The country this round of calls is about: the focal point's own, or another. */
  country: string;
  /** Null for an anonymous caller. */
  caller: Principal | null;
  /** Current passwords by user id, kept up to date by the password-change sample. */
  passwords: Map<string, string>;
  /** An account for the administrators' actions to act on. */
  target: Principal;
  /** An account anyone may sign in as. */
  viewer: { email: string; password: string };
}

export interface Sample {
  /**
   * Who may call the procedure, written out from the issue rather than read from the permission
   * map, so that a wrong rule fails the matrix as surely as a missing one.
   */
  who: 'anyone' | 'signed-in' | readonly Role[];
  /** Focal points only for a country they are assigned to. */
  isCountryScoped?: true;
  /** A valid input for the call, made afresh for each caller. */
  input(fixture: SampleFixture): unknown | Promise<unknown>;
  /** The file an upload route would have received before the call. */
  receivedFile?(fixture: SampleFixture): Promise<ReceivedFile>;
}

let sequence = 0;
const next = () => ++sequence;

async function tokenOfCaller({ db, now, caller }: SampleFixture): Promise<{ id: string }> {
  if (!caller) return { id: randomUUID() };
  const id = await insertApiToken(db, {
    tokenHash: hashSecret(createSecret()),
    prefix: 'ilms_sample',
    userId: caller.userId,
    name: 'sample',
    now,
    expiresAt: new Date(now.getTime() + 86_400_000),
  });
  return { id };
}

function passwordChange({ caller, passwords }: SampleFixture) {
  const currentPassword = (caller && passwords.get(caller.userId)) ?? 'not signed in at all';
  const newPassword = `Irrawaddy delta boat ${next()} sails`;
  if (caller) passwords.set(caller.userId, newPassword);
  return { currentPassword, newPassword };
}

/** A submission of the round's country in the given status, with no rows (staged, but for `processing`). */
async function submissionOf(
  { db, now, country, target }: SampleFixture,
  status: 'processing' | 'draft' | 'submitted' | 'scheduled',
) {
  const id = await insertSubmission(db, {
    country,
    createdBy: target.userId,
    mode: 'merge',
    fileName: 'sample.csv',
    fileSize: 0,
    sha256: randomBytes(32),
    now,
    status: status === 'processing' ? 'processing' : 'draft',
  });
  if (id === undefined) throw new Error('a submission of this file exists already');
  if (status === 'processing') await insertImportJob(db, { submissionId: id, bytesTotal: 0, maxAttempts: 1 });
  else await inTransaction(db, (trx) => stageRows(trx, id, []));
  if (status === 'submitted' || status === 'scheduled')
    await changeSubmissionStatus(db, { submissionId: id, status, actorId: target.userId, now });
  if (status === 'scheduled') {
    const releaseAt = new Date(now.getTime() + 86_400_000);
    const release = { submissionId: id, releaseAt, scheduledBy: target.userId, now };
    await insertScheduledRelease(db, { ...release, revisionReason: null, revisionText: null });
  }
  return { country, id };
}

/** A file as the upload route leaves it: written to a temporary path, measured and hashed. */
async function uploadedFile(fixture: SampleFixture): Promise<ReceivedFile> {
  const { filePath } = await importFileOf(fixture);
  const bytes = await readFile(filePath);
  return { path: filePath, size: bytes.length, sha256: createHash('sha256').update(bytes).digest() };
}

async function importFileOf({ db, country }: SampleFixture) {
  const source = `BA:HUB-${[...country].map((c) => c.charCodeAt(0)).join('')}`;
  await ensureSource(db, source, country);
  return { country, filePath: await writeImportFile(country, [fixtureRow(source, '2024', `${next()}.000`)]) };
}

const submissionStaff = ['admin', 'coordinator', 'focal_point'] as const;

/** Every procedure of the app router with who may call it and a valid input. */
export const matrixSamples: Record<string, Sample> = {
  'system.health': { who: 'anyone', input: () => undefined },

  'auth.me': { who: 'anyone', input: () => undefined },
  'auth.login': { who: 'anyone', input: ({ viewer }) => viewer },
  'auth.logout': { who: 'signed-in', input: () => undefined },
  'auth.changePassword': { who: 'signed-in', input: passwordChange },

  'users.list': { who: ['admin'], input: () => undefined },
  'users.create': {
    who: ['admin'],
    input: ({ country }) => ({
      email: `focal-${next()}@labour.gov.example`,
      name: 'Somchai Vongsa',
      role: 'focal_point',
      countries: [country],
    }),
  },
  'users.update': { who: ['admin'], input: ({ target }) => ({ id: target.userId, name: `Renamed ${next()}` }) },
  'users.deactivate': { who: ['admin'], input: ({ target }) => ({ id: target.userId }) },
  'users.reactivate': { who: ['admin'], input: ({ target }) => ({ id: target.userId }) },
  'users.resetPassword': { who: ['admin'], input: ({ target }) => ({ id: target.userId }) },

  'tokens.list': { who: 'signed-in', input: () => undefined },
  'tokens.create': { who: 'signed-in', input: () => ({ name: `script ${next()}`, expiresInDays: 30 }) },
  'tokens.revoke': { who: 'signed-in', input: tokenOfCaller },

  'audit.list': {
    who: ['admin', 'coordinator', 'focal_point'],
    isCountryScoped: true,
    input: ({ country }) => ({ country, limit: 10 }),
  },

  'submissions.create': { who: submissionStaff, isCountryScoped: true, input: importFileOf },
  'submissions.upload': {
    who: submissionStaff,
    isCountryScoped: true,
    input: ({ country }) => ({ country, mode: 'merge', fileName: 'ລາວ 2024.csv' }),
    receivedFile: uploadedFile,
  },
  'submissions.job': { who: submissionStaff, isCountryScoped: true, input: (f) => submissionOf(f, 'processing') },
  'submissions.cancel': { who: submissionStaff, isCountryScoped: true, input: (f) => submissionOf(f, 'processing') },
  'submissions.get': { who: submissionStaff, isCountryScoped: true, input: (f) => submissionOf(f, 'draft') },
  'submissions.list': { who: submissionStaff, isCountryScoped: true, input: ({ country }) => ({ country }) },
  'submissions.findings': { who: submissionStaff, isCountryScoped: true, input: (f) => submissionOf(f, 'draft') },
  'submissions.diff': { who: submissionStaff, isCountryScoped: true, input: (f) => submissionOf(f, 'draft') },
  'submissions.submit': { who: submissionStaff, isCountryScoped: true, input: (f) => submissionOf(f, 'draft') },
  'submissions.delete': { who: submissionStaff, isCountryScoped: true, input: (f) => submissionOf(f, 'draft') },
  'submissions.publish': {
    who: ['admin', 'coordinator'],
    isCountryScoped: true,
    input: (f) => submissionOf(f, 'submitted'),
  },
  'submissions.return': {
    who: ['admin', 'coordinator'],
    isCountryScoped: true,
    input: async (f) => ({ ...(await submissionOf(f, 'submitted')), comment: 'Please add the 2023 figures.' }),
  },
  'submissions.schedule': {
    who: ['admin', 'coordinator'],
    isCountryScoped: true,
    input: async (f) => ({
      ...(await submissionOf(f, 'submitted')),
      releaseAt: new Date(f.now.getTime() + 3_600_000).toISOString(),
    }),
  },
  'submissions.cancelRelease': {
    who: ['admin', 'coordinator'],
    isCountryScoped: true,
    input: (f) => submissionOf(f, 'scheduled'),
  },
  'observations.list': {
    who: 'signed-in',
    input: ({ country }) => ({ refArea: country, indicator: 'MNA_OEMP_SEX_CDS_NB' }),
  },

  'catalogue.listIndicators': { who: 'signed-in', input: () => ({ measureType: 'count' }) },
  'catalogue.getIndicator': { who: 'signed-in', input: () => ({ code: 'MST_TEMP_SEX_ECO_CBR_NB' }) },
  'catalogue.listSchemes': { who: 'signed-in', input: () => ({ dimension: 'AGE' }) },
  'catalogue.getScheme': { who: 'signed-in', input: () => ({ id: 'SEX' }) },
  'catalogue.listCountries': { who: 'signed-in', input: () => ({ lang: 'en' }) },
  'catalogue.listMemberStates': { who: 'signed-in', input: () => ({ on: '2026-01-01' }) },
  'catalogue.listSources': { who: 'signed-in', input: ({ country }) => ({ country }) },
  'catalogue.listSourceTypes': { who: 'signed-in', input: () => undefined },
  'catalogue.listObsStatuses': { who: 'signed-in', input: () => undefined },
  'catalogue.listNotes': { who: 'signed-in', input: () => ({}) },
  'catalogue.registerSource': {
    who: ['admin', 'coordinator', 'focal_point'],
    isCountryScoped: true,
    input: ({ country }) => ({
      id: `BA:HUB-${next()}`,
      country,
      type: 'BA',
      name: 'Labour force survey',
      agency: 'National statistics office',
    }),
  },
  'catalogue.registerNationalClassification': {
    who: ['admin', 'coordinator'],
    input: ({ country }) => ({
      id: `OCU_${country}-MATRIX${next()}`,
      country,
      dimension: 'OCU',
      version: '2026',
      labels: { en: 'Matrix test occupations' },
      totalCode: 'TOTAL',
      codes: [
        { code: 'TOTAL', labels: { en: 'Total' } },
        { code: '1', labels: { en: 'Managers' } },
        { code: '2', labels: { en: 'Professionals' } },
      ],
      edges: [{ parent: 'TOTAL', children: ['1', '2'] }],
      overlapping: [],
      validFrom: '2026-01-01',
      validTo: null,
    }),
  },
};
