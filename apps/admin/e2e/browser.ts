import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { afterAll } from 'vitest';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Debian's Chromium driven by playwright-core; closed when the test file ends. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = candidates.find((path): path is string => !!path && existsSync(path));
  if (!executablePath) {
    throw new Error(
      'Chromium not found. Install it (Debian: `apt-get install -y chromium`) or set CHROMIUM_PATH; `npm test` installs it when run as root.',
    );
  }
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  afterAll(() => browser.close());
  return browser;
}
