import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/index.js';
import { inTransaction } from '../transaction.js';
import { insertUser } from '../user.repository.js';
import { hasStagingTable, readStagedRows, type StagedObservation, stageRows } from './staging.repository.js';
import { deleteSubmission, insertSubmission } from './submission.repository.js';

const { db } = await createTestDatabase();
const now = new Date('2026-03-02T09:00:00Z');
const userId = await insertUser(db, {
  email: 'focal@test.ilms',
  name: 'Focal',
  role: 'focal_point',
  passwordHash: 'not used',
  mustChangePassword: false,
  createdBy: null,
  now,
});

const observation = (line: number, comment: string | null): StagedObservation => ({
  line,
  refArea: 'LAO',
  indicator: 'MNA_OEMP_SEX_CDS_NB',
  source: 'BA:HUB-1',
  sex: 'SEX_T',
  classif1: 'CDS_DES_THA',
  classif2: null,
  time: String(2000 + line),
  value: '1.500',
  obsStatus: null,
  noteClassif: [],
  noteIndicator: [],
  noteSource: [],
  comment,
});

let files = 0;
const newSubmission = (trx: typeof db) =>
  insertSubmission(trx, {
    country: 'LAO',
    createdBy: userId,
    status: 'draft',
    mode: 'merge',
    fileName: 'lao.csv',
    fileSize: 1,
    sha256: Buffer.from([++files]),
    now,
  }).then((id) => {
    if (id === undefined) throw new Error('the sample file exists already');
    return id;
  });

describe('staging', () => {
  it('keeps each submission in a table of its own, so two stagings never wait for each other', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let first = 0;
    let firstStaged = () => {};
    const isFirstStaged = new Promise<void>((resolve) => {
      firstStaged = resolve;
    });
    // The first staging stays open (its ANALYZE done) while a second one stages and commits.
    const firstDone = inTransaction(db, async (trx) => {
      first = await newSubmission(trx);
      await stageRows(trx, first, [observation(2, 'ແຖວທຳອິດ')]);
      firstStaged();
      await held;
    });
    await isFirstStaged;
    const second = await inTransaction(db, async (trx) => {
      const id = await newSubmission(trx);
      await stageRows(trx, id, [observation(2, null), observation(3, 'ជួរ​ទី​បី')]);
      return id;
    });
    expect((await readStagedRows(db, second)).map((r) => [r.line, r.comment])).toEqual([
      [2, null],
      [3, 'ជួរ​ទី​បី'],
    ]);
    // Not committed yet: invisible to others.
    expect(await hasStagingTable(db, first)).toBe(false);
    release();
    await firstDone;
    expect(await readStagedRows(db, first)).toEqual([
      expect.objectContaining({ line: 2, comment: 'ແຖວທຳອິດ', value: '1.500' }),
    ]);

    await inTransaction(db, (trx) => deleteSubmission(trx, second));
    expect(await hasStagingTable(db, second)).toBe(false);
  });

  it('leaves no table behind when the staging transaction fails', async () => {
    let id = 0;
    await expect(
      inTransaction(db, async (trx) => {
        id = await newSubmission(trx);
        await stageRows(trx, id, [observation(2, null)]);
        throw new Error('the import failed after staging');
      }),
    ).rejects.toThrow('the import failed after staging');
    expect(id).toBeGreaterThan(0);
    expect(await hasStagingTable(db, id)).toBe(false);
  });
});
