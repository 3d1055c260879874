// Chromium from Debian (never a test tool's own browser download), driven by playwright-core.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CLIENT_BUILT = existsSync(path.resolve(import.meta.dirname, '../../client/dist/index.html'));

/** Locally the browser tests skip without Chromium; in CI a missing browser is a failure. */
export const browserAvailable = (): boolean => {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`Chromium not found at ${CHROMIUM}: .ci/run installs Debian's chromium package`);
  console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);
  return false;
};

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A new page of `context` signed in with a demo account (password `patchbay-demo`). Console
 * errors (except those matching `expected`) and page errors are added to `problems`.
 */
export async function signedInPage(context: BrowserContext, baseUrl: string, email: string, problems: string[], expected = /Failed to load resource/): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' && !expected.test(m.text())) problems.push(`${email} console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`${email} page error: ${e.message}`));
  await page.goto(`${baseUrl}/sign-in`);
  await submitSignIn(page, email);
  return page;
}

/** Fills in and sends the sign-in form the page shows, for a demo account (password `patchbay-demo`). */
export async function submitSignIn(page: Page, email: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('patchbay-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
}
