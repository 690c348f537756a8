import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { insertSource } from '../catalogue/index.js';
import type { Db } from '../create-db.js';
import type { Database } from '../schema.js';
import { createTestDatabase, snapshotTables } from '../testing/index.js';
import { inTransaction } from '../transaction.js';
import { insertUser } from '../user.repository.js';
import { applySubmission, PUBLISH_STEPS, type PublishStep } from './publish.repository.js';
import { type StagedObservation, stageRows } from './staging.repository.js';
import { insertSubmission, refreshSubmissionCounts } from './submission.repository.js';

const { db, url } = await createTestDatabase();
const now = new Date('2026-03-02T09:00:00Z');

/*
 * pg emits 'error' on a checked-out client whose backend dies, and pg-pool listens only on idle
 * ones; this pool listens on every client so the killed connection fails its query instead of
 * the test process.
 */
const pool = new pg.Pool({ connectionString: url, max: 2 });
pool.on('connect', (client) => client.on('error', () => {}));
const publisherDb: Db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
afterAll(() => publisherDb.destroy());

const userId = await insertUser(db, {
  email: 'publisher@test.ilms',
  name: 'Publisher',
  role: 'coordinator',
  passwordHash: 'not used',
  mustChangePassword: false,
  createdBy: null,
  now,
});
await insertSource(db, {
  id: 'BA:HUB-1',
  country: 'VNM',
  type_prefix: 'BA',
  name: 'LFS',
  agency: 'GSO',
  first_year: null,
  last_year: null,
});

async function* observations(values: Record<string, string>): AsyncGenerator<StagedObservation> {
  let line = 1;
  for (const [time, value] of Object.entries(values)) {
    yield {
      line: ++line,
      refArea: 'VNM',
      indicator: 'MNA_OEMP_SEX_CDS_NB',
      source: 'BA:HUB-1',
      sex: 'SEX_T',
      classif1: 'CDS_DES_TOTAL',
      classif2: null,
      time,
      value,
      obsStatus: null,
      noteClassif: [],
      noteIndicator: [],
      noteSource: ['COV:1'],
      comment: null,
    };
  }
}

let files = 0;
async function stagedSubmission(values: Record<string, string>): Promise<number> {
  return inTransaction(db, async (trx) => {
    const id = await insertSubmission(trx, {
      country: 'VNM',
      createdBy: userId,
      status: 'draft',
      mode: 'merge',
      fileName: 'vnm.csv',
      fileSize: 1,
      sha256: Buffer.from([++files]),
      now,
    });
    if (id === undefined) throw new Error('a submission of this file exists already');
    await stageRows(trx, id, observations(values));
    // As every import does: the publish takes its scopes from the submission's indicators.
    await refreshSubmissionCounts(trx, id);
    return id;
  });
}

const publish = (submissionId: number, onStep?: (step: PublishStep, trx: Db) => Promise<void>) =>
  inTransaction(publisherDb, (trx) =>
    applySubmission(trx, { submissionId, country: 'VNM', mode: 'merge', publishedBy: userId, now, onStep }),
  );

async function waitUntilSleeping(pid: number): Promise<void> {
  for (;;) {
    const { rows } = await sql<{
      wait_event: string | null;
    }>`select wait_event from pg_stat_activity where pid = ${pid}`.execute(db);
    if (rows[0]?.wait_event === 'PgSleep') return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('a publish whose connection is terminated', () => {
  it.each(PUBLISH_STEPS)('leaves the store exactly as before when killed once %s', async (failAt) => {
    await publish(await stagedSubmission({ 2020: '1.000', 2021: '2.000' }));
    const id = await stagedSubmission({ 2021: '2.500', 2022: `3.${PUBLISH_STEPS.indexOf(failAt)}00` });
    const before = await snapshotTables(db);
    const kill = async (step: PublishStep, trx: Db) => {
      if (step !== failAt) return;
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
      const pid = Number(rows[0]?.pid);
      // Handled from the start: the sleep may fail before the terminating call returns.
      const sleep = sql`select pg_sleep(10)`.execute(trx).then(
        () => new Error('the publishing connection survived'),
        (error: unknown) => error,
      );
      await waitUntilSleeping(pid);
      await sql`select pg_terminate_backend(${pid})`.execute(db);
      throw await sleep;
    };
    await expect(publish(id, kill)).rejects.toThrow(/terminat|connection error/);
    expect(await snapshotTables(db)).toEqual(before);
    await publish(id);
    const current = await db
      .selectFrom('observation')
      .select(['time', 'value'])
      .where('valid_to_seq', 'is', null)
      .where('time', 'in', ['2021', '2022'])
      .orderBy('time')
      .execute();
    expect(current).toEqual([
      { time: '2021', value: '2.500' },
      { time: '2022', value: `3.${PUBLISH_STEPS.indexOf(failAt)}00` },
    ]);
  });
});

describe('the published store', () => {
  it('refuses a version of a series or vintage that does not exist, and never loses series or vintages', async () => {
    await publish(await stagedSubmission({ 2010: '1.000' }));
    const published = await db
      .selectFrom('observation')
      .selectAll()
      .where('time', '=', '2010')
      .executeTakeFirstOrThrow();
    const version = (changes: Partial<typeof published>) =>
      db
        .insertInto('observation')
        // A closed version, so it never competes with the current one.
        .values({ ...published, valid_from_seq: 1000, valid_to_seq: 1001, ...changes })
        .execute();
    await expect(version({ series_id: 987_654 })).rejects.toThrow(
      'observation refers to series 987654, which does not exist',
    );
    await expect(version({ vintage_id: 987_654 })).rejects.toThrow(
      'observation refers to vintage 987654, which does not exist',
    );
    await expect(version({ note_source: ['COV:1', 'NOPE:9'] })).rejects.toThrow('observation refers to note NOPE:9');
    await expect(db.deleteFrom('vintage').execute()).rejects.toThrow('vintage rows are permanent');
    await expect(sql`truncate series`.execute(db)).rejects.toThrow('series rows are permanent');
    // The same version twice: the key (series, time, valid_from_seq) is the primary key.
    await expect(version({ valid_from_seq: published.valid_from_seq, valid_to_seq: 2000 })).rejects.toThrow(
      'observation_pkey',
    );
  });
});
