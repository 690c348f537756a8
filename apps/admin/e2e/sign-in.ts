import type { Browser, Page } from 'playwright-core';

/** A new page signed in through the sign-in form, as a person would. */
export async function signIn(browser: Browser, url: string, email: string, password: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(new URL('/login', url).href);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((address) => !address.pathname.startsWith('/login'));
  return page;
}
