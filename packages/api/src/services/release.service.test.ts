import { createTestDatabase } from '@ilms/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createImportCallers,
  ensureSource,
  type FixtureRow,
  fixtureRow,
  writeImportFile,
} from '../testing/import-fixture.js';
import { applyDueReleases } from './release.service.js';

const { db } = await createTestDatabase();
let clock = new Date('2026-06-01T02:00:00Z');
const now = () => clock;
const { focal, coordinator } = await createImportCallers(db, 'VNM', now);
const LFS = 'BA:HUB-11';
const OEMP = 'MNA_OEMP_SEX_CDS_NB';
const row = (time: string, value: string, extra?: Partial<FixtureRow>) => fixtureRow(LFS, time, value, extra);

async function submitted(rows: FixtureRow[]) {
  const { id } = await focal.submissions.create({
    country: 'VNM',
    mode: 'merge',
    filePath: await writeImportFile('VNM', rows),
  });
  await focal.submissions.submit({ country: 'VNM', id });
  return id;
}
const published = () =>
  coordinator.observations
    .list({ refArea: 'VNM', indicator: OEMP, source: LFS })
    .then((rows) => rows.map((r) => `${r.time} ${r.value}`));
const statusOf = async (id: number) => (await coordinator.submissions.get({ country: 'VNM', id })).status;

beforeAll(() => ensureSource(db, LFS, 'VNM'));

describe('revision reasons and scheduled releases', () => {
  it('requires a revision reason to publish a change to a published value, and keeps it with the vintage', async () => {
    const first = await submitted([row('2020', '10.000')]);
    await coordinator.submissions.publish({ country: 'VNM', id: first });
    const revision = await submitted([row('2020', '10.500'), row('2021', '11.000')]);
    await expect(coordinator.submissions.publish({ country: 'VNM', id: revision })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: `Submission ${revision} changes or removes 1 published value(s), so choose a revision reason (correction, new source, methodology change or routine revision) before publishing.`,
    });
    expect(await statusOf(revision)).toBe('submitted');
    await coordinator.submissions.publish({
      country: 'VNM',
      id: revision,
      revisionReason: 'correction',
      revisionText: 'ແກ້ໄຂຕົວເລກປີ 2020',
    });
    const { vintage } = await coordinator.submissions.get({ country: 'VNM', id: revision });
    expect(vintage).toMatchObject({ revision_reason: 'correction', revision_text: 'ແກ້ໄຂຕົວເລກປີ 2020' });
    // Only new values: no reason needed.
    const addition = await submitted([row('2022', '12.000')]);
    await expect(coordinator.submissions.publish({ country: 'VNM', id: addition })).resolves.toMatchObject({
      isRepeat: false,
    });
  });

  it('stores a release time given with an offset in UTC and applies it at that time, exactly once', async () => {
    const id = await submitted([row('2023', '13.000')]);
    // 09:30 in Hanoi (UTC+7) on 2 June.
    const scheduled = await coordinator.submissions.schedule({
      country: 'VNM',
      id,
      releaseAt: '2026-06-02T09:30:00+07:00',
    });
    expect(scheduled.releaseAt.toISOString()).toBe('2026-06-02T02:30:00.000Z');
    const detail = await focal.submissions.get({ country: 'VNM', id });
    expect(detail.status).toBe('scheduled');
    expect(detail.release?.release_at.toISOString()).toBe('2026-06-02T02:30:00.000Z');
    await expect(coordinator.submissions.publish({ country: 'VNM', id })).rejects.toThrow(
      /is scheduled; cancel its scheduled release first/,
    );

    clock = new Date('2026-06-02T02:29:59Z');
    expect(await applyDueReleases({ db, now })).toEqual([]);
    expect(await published()).not.toContain('2023 13.000');

    clock = new Date('2026-06-02T02:30:00Z');
    const [a, b] = await Promise.all([applyDueReleases({ db, now }), applyDueReleases({ db, now })]);
    expect([...a, ...b]).toHaveLength(1);
    expect(await published()).toContain('2023 13.000');
    expect(await statusOf(id)).toBe('published');
    const { count } = await db
      .selectFrom('vintage')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('submission_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(Number(count)).toBe(1);
    const { vintage } = await coordinator.submissions.get({ country: 'VNM', id });
    expect(vintage?.published_at.toISOString()).toBe('2026-06-02T02:30:00.000Z');
    expect(await applyDueReleases({ db, now })).toEqual([]);
  });

  it('keeps several releases pending for the same indicator and applies them in time order', async () => {
    const early = await submitted([row('2024', '14.000')]);
    const late = await submitted([row('2024', '14.250')]);
    await coordinator.submissions.schedule({
      country: 'VNM',
      id: late,
      releaseAt: '2026-06-03T05:00:00Z',
      revisionReason: 'routine_revision',
    });
    await coordinator.submissions.schedule({ country: 'VNM', id: early, releaseAt: '2026-06-03T04:00:00Z' });
    clock = new Date('2026-06-03T06:00:00Z');
    expect((await applyDueReleases({ db, now })).length).toBe(2);
    expect(await published()).toContain('2024 14.250');
    const seqOf = async (id: number) => (await coordinator.submissions.get({ country: 'VNM', id })).vintage?.seq ?? 0;
    expect(await seqOf(early)).toBeLessThan(await seqOf(late));
  });

  it('refuses a release time in the past, and cancels a pending release back to submitted', async () => {
    const id = await submitted([row('2025', '15.000')]);
    await expect(
      coordinator.submissions.schedule({ country: 'VNM', id, releaseAt: '2026-06-03T05:59:00Z' }),
    ).rejects.toThrow(
      'The release time 2026-06-03T05:59:00.000Z has passed. Choose a time in the future, or publish now.',
    );
    await coordinator.submissions.schedule({ country: 'VNM', id, releaseAt: '2026-06-04T00:00:00Z' });
    await coordinator.submissions.cancelRelease({ country: 'VNM', id });
    expect(await statusOf(id)).toBe('submitted');
    clock = new Date('2026-06-05T00:00:00Z');
    expect(await applyDueReleases({ db, now })).toEqual([]);
    expect(await published()).not.toContain('2025 15.000');
  });

  it('marks a release whose publication fails as failed and goes on with the next', async () => {
    const broken = await submitted([row('2026', '16.000', { noteSource: 'CLS:4' })]);
    const fine = await submitted([row('2027', '17.000')]);
    await coordinator.submissions.schedule({ country: 'VNM', id: broken, releaseAt: '2026-06-06T01:00:00Z' });
    await coordinator.submissions.schedule({ country: 'VNM', id: fine, releaseAt: '2026-06-06T02:00:00Z' });
    // The note the staged row names leaves the codelist before the release: its publication fails.
    await db.deleteFrom('note').where('code', '=', 'CLS:4').execute();
    clock = new Date('2026-06-06T03:00:00Z');
    const errors: number[] = [];
    const applied = await applyDueReleases({ db, now, onError: (_error, releaseId) => errors.push(releaseId) });
    expect(applied).toHaveLength(1);
    expect(errors).toHaveLength(1);
    expect(await statusOf(fine)).toBe('published');
    const detail = await coordinator.submissions.get({ country: 'VNM', id: broken });
    expect(detail.status).toBe('submitted');
    expect(detail.release).toBeNull();
    expect(detail.events.at(-1)?.comment).toBe(
      `Publishing at the scheduled time failed on the server (reference: release ${errors[0]}). The data stays as it was; publish again, and tell the administrators if it fails again.`,
    );
    expect(await published()).not.toContain('2026 16.000');
  });
});
