import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.js';
import { startBuiltServer } from './server.js';
import { signIn } from './sign-in.js';
import { csvFile, csvLine, prepareLao, screenshot, uploadThroughPage, waitForSubmission } from './submission-steps.js';

const { url, db } = await startBuiltServer();
const browser = await launchBrowser();
const { focal, coordinator } = await prepareLao(db);
const at = (path: string) => new URL(path, url).href;

const fileName = 'ແຮງງານລາວ ໄທ 2024.csv';
const laoNote = 'ຕົວເລກເບື້ອງຕົ້ນ';
const noted = { time: '2022', value: '150.200', comment: laoNote };
const withErrors = [noted, { time: '2023', value: '1,5' }, { refArea: 'THA', time: '2024', value: '161.000' }];
const fixed = [noted, { time: '2023', value: '155.800' }, { time: '2024', value: '161.000' }];
const returnComment = 'ກະລຸນາກວດຄືນ: name the 2023 LFS round in note_source.';
let submissionId = 0;

describe('submissions in Chromium', () => {
  it('lets a focal point read grouped findings, download the annotated file, upload the fix and submit it', async () => {
    const page = await signIn(browser, url, focal.email, focal.password);
    await page.goto(at('/submissions/upload'));
    await page.getByRole('heading', { level: 1, name: 'Upload a file' }).waitFor();
    expect(await page.getByLabel('Country').inputValue()).toBe('LAO');
    expect(await page.getByRole('radio', { name: 'Merge' }).isChecked()).toBe(true);
    await screenshot(page, 'upload');

    const firstId = await uploadThroughPage(page, url, csvFile(fileName, withErrors));
    expect(await page.locator('.facts').textContent()).toContain(fileName);
    const groups = page.getByRole('table', { name: /^Findings by code/ });
    await groups.waitFor();
    expect(await groups.getByRole('row').allTextContents()).toEqual([
      'CodeSeverityCountFirst lineShow',
      'DECIMAL_COMMAerror13Show',
      'WRONG_COUNTRYerror14Show',
    ]);
    expect(await page.getByRole('button', { name: 'Submit for review' }).isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Show the DECIMAL_COMMA findings' }).click();
    const items = page.getByRole('table', { name: /^Findings in file order: 1–1 of 1/ });
    await items.waitFor();
    const cells = await items.getByRole('row').nth(1).getByRole('cell').allTextContents();
    expect(cells.slice(0, 4)).toEqual(['3', 'obs_value', '1,5', '1.5']);
    expect(cells[5]).toMatch(/decimal point/i);
    await screenshot(page, 'detail-findings');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Your file with the findings/ }).click(),
    ]);
    const annotated = (await readFile(await download.path(), 'utf8')).split(/\r?\n/);
    expect(annotated[0]).toMatch(/,_finding_code,_finding_message$/);
    expect(annotated[1]).toBe(`${csvLine(noted)},,`);
    expect(annotated[2]?.startsWith(`${csvLine({ time: '2023', value: '1,5' })},DECIMAL_COMMA,`)).toBe(true);
    expect(
      annotated[3]?.startsWith(`${csvLine({ refArea: 'THA', time: '2024', value: '161.000' })},WRONG_COUNTRY,`),
    ).toBe(true);

    submissionId = await uploadThroughPage(page, url, csvFile(fileName.replace('.csv', ' v2.csv'), fixed));
    expect(submissionId).toBeGreaterThan(firstId);
    await page.getByText('The checks found nothing to fix or to look at.').waitFor();
    const counts = page.getByRole('table', { name: 'Values per indicator' });
    expect(await counts.getByRole('row').nth(1).textContent()).toBe('MNA_OEMP_SEX_CDS_NB3000');
    await screenshot(page, 'detail-diff');
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await waitForSubmission(page, 'Submitted');
    await page.close();
  });

  it('shows the check of a large file as it runs and cancels it on request', { timeout: 90_000 }, async () => {
    const page = await signIn(browser, url, focal.email, focal.password);
    // Enough rows that the check runs for a while: the page must show it going, then stop it.
    const rows = Array.from({ length: 400_000 }, (_, i) => ({ time: String(1900 + (i % 120)), value: `${i}.000` }));
    await page.goto(at('/submissions/upload'));
    await page.getByRole('heading', { level: 1, name: 'Upload a file' }).waitFor();
    await page.getByLabel('File to upload').setInputFiles(csvFile('lao-large.csv', rows));
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await page.getByRole('progressbar', { name: 'File read' }).waitFor();
    await page.getByText('Checking every row against the catalogue').waitFor();
    await page.getByText(/^[1-9][\d,]* rows? read/).waitFor();
    await screenshot(page, 'upload-progress');
    await page.getByRole('button', { name: 'Cancel the check' }).click();
    await waitForSubmission(page, 'Cancelled');
    expect(await page.locator('main').textContent()).toContain('The check was cancelled before it ended');
    await page.close();
  });

  it('announces a refused upload, and a file the check cannot read', async () => {
    const page = await signIn(browser, url, focal.email, focal.password);
    await page.goto(at('/submissions/upload'));
    await page.getByRole('heading', { level: 1, name: 'Upload a file' }).waitFor();
    const empty = { name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) };
    await page.getByLabel('File to upload').setInputFiles(empty);
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    expect(await page.getByRole('alert').textContent()).toBe('The file is empty. Choose the file again and upload it.');

    const binary = {
      name: 'photo.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2]),
    };
    await page.getByLabel('File to upload').setInputFiles(binary);
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await waitForSubmission(page, 'Failed');
    const alert = page.getByRole('alert').filter({ hasText: 'The check of this file failed' });
    expect(await alert.textContent()).toContain('This is not a text or Excel file');
    await screenshot(page, 'detail-failed');
    await page.close();
  });

  it('lets a coordinator return it with a comment the focal point reads, then publish the resubmission', async () => {
    const reviewer = await signIn(browser, url, coordinator.email, coordinator.password);
    await reviewer.goto(at('/submissions'));
    await reviewer.getByRole('heading', { level: 1, name: 'Submissions' }).waitFor();
    await reviewer.getByLabel('Status').selectOption('submitted');
    await reviewer.waitForURL(/\/submissions\?status=submitted$/);
    const table = reviewer.getByRole('table', { name: /^Submissions, sorted by/ });
    await table.waitFor();
    const fileHeader = table.getByRole('columnheader', { name: 'File' });
    await fileHeader.getByRole('button').click();
    expect(await fileHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(await table.getByRole('row').count()).toBe(2);
    await screenshot(reviewer, 'list');
    await table.getByRole('link', { name: fileName.replace('.csv', ' v2.csv') }).click();
    await waitForSubmission(reviewer, 'Submitted');

    const returnForm = reviewer.getByRole('form', { name: 'Return to the focal point' });
    await returnForm.getByRole('button', { name: 'Return with this comment' }).click();
    expect(await returnForm.getByRole('alert').textContent()).toBe(
      'Write a comment: the focal point needs to know what to correct.',
    );
    await returnForm.getByLabel('Comment for the focal point (required)').fill(returnComment);
    await screenshot(reviewer, 'review');
    await returnForm.getByRole('button', { name: 'Return with this comment' }).click();
    await waitForSubmission(reviewer, 'Returned');

    const focalPage = await signIn(browser, url, focal.email, focal.password);
    await focalPage.goto(at(`/submissions/LAO/${submissionId}`));
    await waitForSubmission(focalPage, 'Returned');
    const notice = focalPage.getByRole('note', { name: 'Returned for corrections' });
    expect(await notice.locator('blockquote').textContent()).toBe(returnComment);
    const history = focalPage.getByRole('table', { name: 'Status changes, oldest first' });
    expect(await history.getByRole('row').last().textContent()).toContain(returnComment);
    await focalPage.getByRole('button', { name: 'Submit for review' }).click();
    await waitForSubmission(focalPage, 'Submitted');
    await focalPage.close();

    await reviewer.reload();
    await waitForSubmission(reviewer, 'Submitted');
    await reviewer.getByRole('button', { name: 'Publish now' }).click();
    await waitForSubmission(reviewer, 'Published');
    await reviewer.getByRole('heading', { level: 2, name: 'Published as vintage 1' }).waitFor();
    expect(await reviewer.getByRole('button', { name: 'Publish now' }).count()).toBe(0);
    await screenshot(reviewer, 'published');
    await reviewer.close();
  });
});
