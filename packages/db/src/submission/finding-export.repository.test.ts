import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/index.js';
import { insertUser } from '../user.repository.js';
import { copyFindings, type SubmissionFinding } from './finding.repository.js';
import { pageFindingsAfter, streamFindings } from './finding-export.repository.js';
import { insertSubmission } from './submission.repository.js';

const { db } = await createTestDatabase();
const now = new Date('2026-02-01T00:00:00Z');
const userId = await insertUser(db, {
  email: 'export@test.ilms',
  name: 'Export',
  role: 'focal_point',
  passwordHash: '-',
  mustChangePassword: false,
  createdBy: null,
  now,
});

async function submissionWithFindings(seed: number, lines: number[]): Promise<number> {
  const id = await insertSubmission(db, {
    country: 'KHM',
    createdBy: userId,
    status: 'draft',
    mode: 'merge',
    fileName: 'khm.csv',
    fileSize: 1,
    sha256: Buffer.from([seed]),
    now,
  });
  if (id === undefined) throw new Error('a submission of this file exists already');
  const findings: SubmissionFinding[] = lines.map((line, i) => ({
    code: 'NOT_A_NUMBER',
    severity: 'error',
    line,
    column: 'obs_value',
    value: `v${i}`,
    expected: '',
    message: `finding ${i} on line ${line}`,
  }));
  await db.transaction().execute((trx) => copyFindings(trx, id, findings));
  return id;
}

const collect = async (id: number, pageSize: number) => {
  const all = [];
  for await (const f of streamFindings(db, id, pageSize)) all.push(`${f.line}:${f.value}`);
  return all;
};

describe('findings in file order, a page at a time', () => {
  it('reads every finding once, by line then as found, when pages end between findings of one line', async () => {
    // Written out of line order, several on one line: pages of 3 split lines 4 and 7.
    const id = await submissionWithFindings(1, [7, 4, 4, 2, 4, 7, 7, 9, 4]);
    const other = await submissionWithFindings(2, [1, 3, 5]);
    const expected = ['2:v3', '4:v1', '4:v2', '4:v4', '4:v8', '7:v0', '7:v5', '7:v6', '9:v7'];
    expect(await collect(id, 3)).toEqual(expected);
    expect(await collect(id, 2)).toEqual(expected);
    expect(await collect(id, 9)).toEqual(expected);
    expect(await collect(id, 1000)).toEqual(expected);
    expect(await collect(other, 2)).toEqual(['1:v0', '3:v1', '5:v2']);
  });

  it('starts after the key it is given, and gives nothing for a submission without findings', async () => {
    const id = await submissionWithFindings(3, [5, 5, 6]);
    const first = await pageFindingsAfter(db, id, null, 1);
    const next = await pageFindingsAfter(db, id, { line: 5, id: first[0]?.id ?? 0 }, 10);
    expect(next.map((f) => f.value)).toEqual(['v1', 'v2']);
    expect(next[0]).toEqual({
      id: expect.any(Number),
      code: 'NOT_A_NUMBER',
      severity: 'error',
      line: 5,
      column: 'obs_value',
      value: 'v1',
      expected: '',
      message: 'finding 1 on line 5',
    });
    expect(await collect(await submissionWithFindings(4, []), 10)).toEqual([]);
  });
});
