import type { Browser, BrowserContextOptions, Page } from 'playwright-core';

/** A new page signed in through the sign-in form, as a person would; `options` set its context (e.g. `timezoneId`). */
export async function signIn(
  browser: Browser,
  url: string,
  email: string,
  password: string,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const page = await browser.newPage(options);
  await page.goto(new URL('/login', url).href);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((address) => !address.pathname.startsWith('/login'));
  return page;
}
