import { describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.js';
import { startBuiltServer } from './server.js';
import { signIn } from './sign-in.js';
import { csvFile, prepareLao, screenshot, uploadThroughPage, waitForSubmission } from './submission-steps.js';

// The server looks for due releases every half second here, so the test waits seconds, not a minute.
const { url, db } = await startBuiltServer({ ILMS_RELEASE_POLL_MS: '500' });
const browser = await launchBrowser();
const { focal, coordinator } = await prepareLao(db);
const bangkok = { timezoneId: 'Asia/Bangkok', locale: 'en-GB' };

/** `2026-03-02T16:00:05` in Bangkok: what a person types into the datetime-local field there. */
function bangkokLocal(at: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: 'Asia/Bangkok',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

describe('scheduled releases in Chromium', () => {
  // The release is set 15 s ahead, so this test needs more than the default 30 s under load.
  it('publishes a revision at the time the coordinator set, shown in the browser’s time zone', {
    timeout: 90_000,
  }, async () => {
    const focalPage = await signIn(browser, url, focal.email, focal.password, bangkok);
    const reviewer = await signIn(browser, url, coordinator.email, coordinator.password, bangkok);
    const submitAs = async (name: string, value: string) => {
      const id = await uploadThroughPage(focalPage, url, csvFile(name, [{ time: '2023', value }]));
      await focalPage.getByRole('button', { name: 'Submit for review' }).click();
      await waitForSubmission(focalPage, 'Submitted');
      return id;
    };

    const first = await submitAs('lao-2023.csv', '150.000');
    await reviewer.goto(new URL(`/submissions/LAO/${first}`, url).href);
    await waitForSubmission(reviewer, 'Submitted');
    await reviewer.getByRole('button', { name: 'Publish now' }).click();
    await waitForSubmission(reviewer, 'Published');

    const revision = await submitAs('lao-2023-revised.csv', '152.500');
    const sample = focalPage.getByRole('table', { name: /^Changed values/ });
    expect(await sample.getByRole('row').nth(1).getByRole('cell').allTextContents()).toEqual([
      '2',
      'MNA_OEMP_SEX_CDS_NB',
      'BA:HUB-7 · SEX_T · CDS_DES_THA',
      '2023',
      '150.000',
      '→ 152.500',
      '+2.500 (+1.7%)',
    ]);

    await reviewer.goto(new URL(`/submissions/LAO/${revision}`, url).href);
    await waitForSubmission(reviewer, 'Submitted');
    const form = reviewer.getByRole('form', { name: 'Publish' });
    await form.getByLabel('Revision reason (required)').waitFor();
    expect(await form.getByText('Asia/Bangkok (UTC+07:00)').isVisible()).toBe(true);
    const releaseAt = new Date(Date.now() + 15_000);
    releaseAt.setMilliseconds(0);
    await form.getByLabel('Release at (your local time)').fill(bangkokLocal(releaseAt));
    await form.getByRole('button', { name: 'Schedule the release' }).click();
    expect(await form.getByRole('alert').textContent()).toBe(
      'Choose a revision reason: this submission changes or removes published values.',
    );
    await screenshot(reviewer, 'review-revision');
    await form.getByLabel('Revision reason (required)').selectOption('correction');
    await form.getByLabel('Explanation for readers (optional)').fill('ແກ້ໄຂຕົວເລກປີ 2023 (corrected 2023 figure).');
    await form.getByRole('button', { name: 'Schedule the release' }).click();

    await waitForSubmission(reviewer, 'Release scheduled');
    const shown = `${bangkokLocal(releaseAt).replace('T', ' ')} Asia/Bangkok (UTC+07:00)`;
    expect(await reviewer.getByTestId('release-at').textContent()).toBe(shown);
    await screenshot(reviewer, 'scheduled');

    // Nobody acts any more: the server publishes at the time and the open page follows.
    await reviewer.getByRole('heading', { level: 2, name: 'Published as vintage 2' }).waitFor({ timeout: 45_000 });
    expect(Date.now()).toBeGreaterThanOrEqual(releaseAt.getTime());
    const vintage = reviewer.getByRole('region', { name: 'Published as vintage 2' });
    expect(await vintage.textContent()).toContain('Correction');
    expect(await vintage.textContent()).toContain('ແກ້ໄຂຕົວເລກປີ 2023 (corrected 2023 figure).');
    await screenshot(reviewer, 'released');
    await focalPage.close();
    await reviewer.close();
  });
});
