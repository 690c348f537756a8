import { PUBLISH_STEPS, type PublishStep } from '@ilms/db';
import { createTestDatabase, snapshotTables } from '@ilms/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../context.js';
import {
  createImportCallers,
  ensureSource,
  type FixtureRow,
  fixtureRow,
  writeImportFile,
} from '../testing/import-fixture.js';
import { createTestAccount } from '../testing/index.js';
import { publishSubmission } from './publish.service.js';

const { db } = await createTestDatabase();
const now = new Date('2026-03-02T09:00:00Z');
const { focal, coordinator } = await createImportCallers(db, 'PHL', () => now);
const publisher = await createTestAccount(db, { role: 'coordinator', now });
const context = () => createContext({ db, now: () => now }, 'integrity', { principal: publisher.principal });

const row = (time: string, value: string) => fixtureRow('BA:HUB-1', time, value);

async function submitted(rows: FixtureRow[]): Promise<number> {
  const { id } = await focal.submissions.create({ country: 'PHL', filePath: await writeImportFile('PHL', rows) });
  await focal.submissions.submit({ country: 'PHL', id });
  return id;
}

const readValues = async () =>
  (await coordinator.observations.list({ refArea: 'PHL', indicator: 'MNA_OEMP_SEX_CDS_NB' })).map(
    (r) => `${r.time} ${r.value}`,
  );

beforeAll(() => ensureSource(db, 'BA:HUB-1', 'PHL'));

describe('publish integrity', () => {
  it('serialises two publishes of the same scope, and applies both in order', async () => {
    const first = await submitted([row('2024', '1.000'), row('2023', '0.500')]);
    const second = await submitted([row('2024', '2.000')]);
    const timeline: string[] = [];
    let firstLocked: () => void = () => {};
    const isFirstLocked = new Promise<void>((resolve) => {
      firstLocked = resolve;
    });
    const record = (name: string) => async (step: PublishStep) => {
      timeline.push(`${name}:${step}`);
      if (name === 'first' && step === 'locked') {
        firstLocked();
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    };
    const publishingFirst = publishSubmission(context(), 'PHL', first, {
      onStep: record('first'),
      revisionReason: 'correction',
    });
    await isFirstLocked;
    const publishingSecond = publishSubmission(context(), 'PHL', second, {
      onStep: record('second'),
      revisionReason: 'correction',
    });
    const [a, b] = await Promise.all([publishingFirst, publishingSecond]);

    expect(timeline.indexOf('second:locked')).toBeGreaterThan(timeline.indexOf('first:inserted'));
    expect(b.seq).toBeGreaterThan(a.seq);
    expect(await readValues()).toEqual(['2023 0.500', '2024 2.000']);
    const history = await db
      .selectFrom('observation')
      .select(['value', 'valid_from_seq', 'valid_to_seq'])
      .where('time', '=', '2024')
      .orderBy('valid_from_seq')
      .execute();
    expect(history).toEqual([
      { value: '1.000', valid_from_seq: a.seq, valid_to_seq: b.seq },
      { value: '2.000', valid_from_seq: b.seq, valid_to_seq: null },
    ]);
  });

  it.each(PUBLISH_STEPS)('leaves the store exactly as before when the publish fails once %s', async (failAt) => {
    const id = await submitted([row('2024', '3.000'), row('2022', `0.${PUBLISH_STEPS.indexOf(failAt) + 1}00`)]);
    const before = await snapshotTables(db);
    const fail = async (step: PublishStep) => {
      if (step === failAt) throw new Error(`injected failure once ${step}`);
    };
    const correction = { revisionReason: 'correction' as const };
    await expect(publishSubmission(context(), 'PHL', id, { onStep: fail, ...correction })).rejects.toThrow(
      'injected failure',
    );
    expect(await snapshotTables(db)).toEqual(before);

    const published = await publishSubmission(context(), 'PHL', id, correction);
    expect(published.isRepeat).toBe(false);
    expect(await readValues()).toEqual([`2022 0.${PUBLISH_STEPS.indexOf(failAt) + 1}00`, '2023 0.500', '2024 3.000']);
    await db.deleteFrom('observation').where('vintage_id', '=', published.vintageId).execute();
    await db.updateTable('observation').set({ valid_to_seq: null }).where('valid_to_seq', '=', published.seq).execute();
  });
});
