import { describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.js';
import { startBuiltServer, testAdmin } from './server.js';
import { signIn } from './sign-in.js';

const { url } = await startBuiltServer();
const browser = await launchBrowser();

describe('admin shell in Chromium', () => {
  it('opens on the health page and reports the database as up', async () => {
    const page = await signIn(browser, url, testAdmin.email, testAdmin.password);
    await page.goto(url);
    await page.waitForURL(/\/system$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('System health');
    const status = page.getByTestId('database-status');
    await status.waitFor();
    expect(await status.textContent()).toBe('Up');
    await page.close();
  });

  it('reaches every section from the navigation by keyboard', async () => {
    const page = await signIn(browser, url, testAdmin.email, testAdmin.password);
    await page.goto(url);
    const links = page.getByRole('navigation', { name: 'Sections' }).getByRole('link');
    await links.first().waitFor();
    const names = await links.allTextContents();
    expect(names).toEqual([
      'Catalogue',
      'Submissions',
      'Definitions',
      'Crosswalks',
      'Data',
      'Users',
      'Audit log',
      'System health',
    ]);
    await links.filter({ hasText: 'Crosswalks' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/crosswalks$/);
    // The URL changes before React renders the new page: wait for its heading, not the old one.
    await page.getByRole('heading', { level: 1, name: 'Crosswalks' }).waitFor();
    expect(await page.getByRole('main').textContent()).toContain('not available in this version');
    await page.close();
  });

  it('shows a not-found page for an unknown address, served by the SPA fallback', async () => {
    const page = await signIn(browser, url, testAdmin.email, testAdmin.password);
    const response = await page.goto(new URL('/no/such/page', url).href);
    expect(response?.status()).toBe(200);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    expect(await page.locator('main').textContent()).toContain('/no/such/page');
    await page.close();
  });
});
