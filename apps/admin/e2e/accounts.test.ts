import { describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.js';
import { startBuiltServer, testAdmin } from './server.js';
import { signIn } from './sign-in.js';

const { url } = await startBuiltServer();
const browser = await launchBrowser();
const at = (path: string) => new URL(path, url).href;

describe('accounts in Chromium', () => {
  it('sends a signed-out visitor to the sign-in page and announces a wrong password', async () => {
    const page = await browser.newPage();
    await page.goto(at('/users'));
    await page.waitForURL(/\/login\?next=%2Fusers$/);
    await page.getByLabel('Email address').fill(testAdmin.email);
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await page.getByRole('alert').textContent()).toBe('The email address or password is wrong.');
    await page.getByLabel('Password').fill(testAdmin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/users$/);
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await page.close();
  });

  it('lets an admin create a LAO focal point, who sees only LAO and is not allowed on the users page', async () => {
    const admin = await signIn(browser, url, testAdmin.email, testAdmin.password);
    await admin.goto(at('/users'));
    const form = admin.getByRole('region', { name: 'Add a user' });
    await form.getByLabel('Email address').fill('khamla.p@molsw.gov.la');
    await form.getByLabel('Name').fill('Khamla Phommachanh');
    await form.getByLabel('Role').selectOption('focal_point');
    await form.getByRole('checkbox', { name: /^LAO · / }).check();
    await form.getByRole('button', { name: 'Add user' }).click();
    const oneTimePassword = (await admin.getByTestId('one-time-secret').textContent()) ?? '';
    expect(oneTimePassword).toMatch(/^\w{6}-\w{6}-\w{6}-\w{6}$/);
    const row = admin.getByRole('row').filter({ hasText: 'khamla.p@molsw.gov.la' });
    expect(await row.getByRole('cell').allTextContents()).toContain('LAO');
    await admin.getByRole('button', { name: 'Sign out' }).click();
    await admin.waitForURL(/\/login$/);
    await admin.close();

    const focal = await signIn(browser, url, 'khamla.p@molsw.gov.la', oneTimePassword);
    await focal.waitForURL(/\/account$/);
    await focal.goto(at('/audit'));
    await focal.waitForURL(/\/account$/);
    await focal.getByLabel('Current password', { exact: true }).fill(oneTimePassword);
    await focal.getByLabel('New password', { exact: true }).fill('sticky rice lantern Mekong');
    await focal.getByLabel('New password again', { exact: true }).fill('sticky rice lantern Mekong');
    await focal.getByRole('button', { name: 'Change password' }).click();
    await focal.getByRole('heading', { name: 'Change your password' }).waitFor();

    const navigation = focal.getByRole('navigation', { name: 'Sections' });
    const sections = await navigation.getByRole('link').allTextContents();
    expect(sections).toContain('Audit log');
    expect(sections).not.toContain('Users');

    await navigation.getByRole('link', { name: 'Audit log' }).click();
    await focal.waitForURL(/\/audit$/);
    const countryPicker = focal.getByLabel('Country');
    await countryPicker.waitFor();
    const choices = await countryPicker.locator('option').allTextContents();
    expect(choices).toEqual(["LAO · Lao People's Democratic Republic"]);
    await focal.getByRole('table').getByRole('row').nth(1).waitFor();
    expect(await focal.getByRole('table').getByRole('cell').allTextContents()).toContain('users.create');

    await focal.goto(at('/users'));
    await focal.getByRole('heading', { level: 1, name: 'Not allowed' }).waitFor();
    expect(await focal.locator('main').textContent()).toContain('You are signed in as a national focal point');
    await focal.close();
  });
});
