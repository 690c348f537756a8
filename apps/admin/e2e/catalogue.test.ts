import { describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.js';
import { startBuiltServer, testAdmin } from './server.js';
import { signIn } from './sign-in.js';

const { url } = await startBuiltServer();
const browser = await launchBrowser();
const at = (path: string) => new URL(path, url).href;

describe('catalogue browser in Chromium', () => {
  it('searches the indicators, opens one and shows its code lists as a tree', async () => {
    const page = await signIn(browser, url, testAdmin.email, testAdmin.password);
    await page.goto(at('/catalogue'));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Catalogue');

    await page.getByLabel('Search').fill('MFL_FEMP');
    await page.getByRole('status').filter({ hasText: '2 indicators' }).waitFor();
    const codes = await page.getByRole('table').getByRole('link').allTextContents();
    expect(codes).toEqual(['MFL_FEMP_SEX_ECO_NB', 'MFL_FEMP_SEX_OCU_NB']);

    await page.getByRole('link', { name: 'MFL_FEMP_SEX_OCU_NB' }).click();
    await page.waitForURL(/\/catalogue\/indicators\/MFL_FEMP_SEX_OCU_NB$/);
    await page.getByRole('heading', { name: 'Regional standard' }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/occupation/i);
    const occupations = page.locator('details').filter({ hasText: 'OCU_ISCO08' });
    await occupations.locator('.code-tree').waitFor();
    const tree = await occupations.locator('.code-tree').textContent();
    expect(tree).toContain('OCU_ISCO08_TOTAL');
    expect(tree).toContain('OCU_ISCO08_2');

    const skill = page.locator('details').filter({ hasText: 'OCU_SKILL' });
    await skill.locator('summary').press('Enter');
    await skill.locator('.code-tree').waitFor();
    expect(await skill.locator('.code-tree > li > ul > li').count()).toBeGreaterThanOrEqual(4);
    await page.close();
  });

  it('filters by measure type through the URL and shows subtotals and overlaps in a classification', async () => {
    const page = await signIn(browser, url, testAdmin.email, testAdmin.password);
    await page.goto(at('/catalogue?measure=rate&criterion=citizenship'));
    await page.getByRole('status').filter({ hasText: '8 indicators' }).waitFor();
    expect(await page.getByLabel('Measure type').inputValue()).toBe('rate');

    await page.goto(at('/catalogue/classifications/AGE_YTHADULT'));
    const tree = page.locator('.code-tree');
    await tree.waitFor();
    expect(await tree.textContent()).toContain('overlaps; not part of the sum');
    await page.goto(at('/catalogue/classifications/ECO_SECTOR'));
    await page.locator('.code-tree').waitFor();
    expect(await page.locator('.code-tree').textContent()).toContain('(subtotal)');
    await page.close();
  });

  it("shows country names in the region's scripts in a per-country classification", async () => {
    const page = await signIn(browser, url, testAdmin.email, testAdmin.password);
    await page.goto(at('/catalogue/classifications/CDS_DES'));
    await page.locator('.code-tree').waitFor();
    await page.getByLabel('Labels in').selectOption('th');
    const thailand = page.locator("xpath=//li[code[text()='CDS_DES_THA']]/span[@lang='th']");
    expect(await thailand.textContent()).toBe('ไทย');
    await page.close();
  });
});
