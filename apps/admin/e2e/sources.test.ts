import { createTestAccount, TEST_PASSWORD } from '@ilms/api/testing';
import { describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.js';
import { startBuiltServer } from './server.js';
import { signIn } from './sign-in.js';

const { url, db } = await startBuiltServer();
const browser = await launchBrowser();
const focal = await createTestAccount(db, { role: 'focal_point', countries: ['KHM'], email: 'sok@mlvt.gov.kh' });
const viewer = await createTestAccount(db, { role: 'viewer', email: 'reader@example.org' });

describe('source registry in Chromium', () => {
  it('lets a focal point register a source for their country, and says what a malformed id should look like', async () => {
    const page = await signIn(browser, url, focal.principal.email, TEST_PASSWORD);
    await page.goto(new URL('/catalogue', url).href);
    await page.getByRole('link', { name: 'sources' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sources' }).waitFor();
    expect(await page.getByRole('combobox', { name: /^Country/ }).inputValue()).toBe('KHM');
    await page.getByRole('table', { name: '0 sources of KHM' }).waitFor();

    const form = page.getByRole('region', { name: 'Register a source for KHM' });
    await form.getByLabel('Kind').selectOption('BA');
    await form.getByLabel('Number').fill('four');
    await form.getByLabel('Name').fill('ការស្ទង់មតិកម្លាំងពលកម្ម (Labour Force Survey)');
    await form.getByLabel('Agency').fill('National Institute of Statistics');
    await form.getByRole('button', { name: 'Register source' }).click();
    expect(await form.getByRole('alert').textContent()).toMatch(/BA:448/);

    await form.getByLabel('Number').fill('HUB-4');
    expect(await form.locator('#source-id-hint').textContent()).toContain('BA:HUB-4');
    await form.getByRole('button', { name: 'Register source' }).click();
    await form.getByRole('status').filter({ hasText: 'Registered BA:HUB-4.' }).waitFor();
    const table = page.getByRole('table', { name: '1 source of KHM' });
    await table.waitFor();
    expect(await table.getByRole('row').nth(1).getByRole('cell').allTextContents()).toEqual([
      'BA:HUB-4',
      'KHM',
      'Household or labour force survey',
      'ការស្ទង់មតិកម្លាំងពលកម្ម (Labour Force Survey)',
      'National Institute of Statistics',
      '…–…',
    ]);
    const stored = await db.selectFrom('source').select(['id', 'country']).where('id', '=', 'BA:HUB-4').execute();
    expect(stored).toEqual([{ id: 'BA:HUB-4', country: 'KHM' }]);
  });

  it('shows viewers the registries without the form', async () => {
    const page = await signIn(browser, url, viewer.principal.email, TEST_PASSWORD);
    await page.goto(new URL('/catalogue/sources', url).href);
    await page.getByRole('heading', { level: 1, name: 'Sources' }).waitFor();
    await page.getByRole('table', { name: /^1 source$/ }).waitFor();
    expect(await page.getByRole('heading', { name: /Register a source/ }).count()).toBe(0);
  });
});
