// The producer's week in Chromium: the workload page on the demo studio, and a rebalance made on
// the producer's screen (1440 px) moving the bars live on a studio manager's (1024 px).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Workload } from '@patchbay/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hours } from '../../client/src/lib/format';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { CLIENT_BUILT, browserAvailable, launch, signedInPage } from './browser';

const SHOTS = path.resolve(import.meta.dirname, 'screenshots');
const TIME_ZONE = 'Europe/London';

describe.skipIf(!browserAvailable())('the workload page in Chromium', () => {
  let t: TestServer;
  let browser: Browser;
  let producer: BrowserContext;
  let manager: BrowserContext;
  const problems: string[] = [];

  beforeAll(async () => {
    if (!CLIENT_BUILT) throw new Error('client/dist is missing: run `npm run build` first (npm test does)');
    t = await startTestServer({ demoData: true });
    browser = await launch();
    producer = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    manager = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signIn(context: BrowserContext, email: string): Promise<Page> {
    const page = await signedInPage(context, t.baseUrl, email, problems);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    return page;
  }

  /** Lena's booked minutes today, as the server reports them. */
  async function lenaToday(): Promise<number> {
    const workload = (await t.api('GET', '/api/workload')).body as Workload;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date());
    const lena = workload.members.find((m) => m.member.name === 'Lena Park')!;
    return lena.days.find((d) => d.date === today)!.bookedMinutes;
  }

  it('shows the demo week and a rebalance on one screen moves the bars on another, live', async () => {
    const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: TIME_ZONE }).format(new Date());
    const maya = await signIn(producer, 'maya@blackbird.studio');
    await maya.goto(`${t.baseUrl}/workload`);
    await maya.getByRole('heading', { level: 1, name: 'Workload' }).waitFor();
    await maya.getByText('Live', { exact: true }).waitFor({ timeout: 15_000 });
    const nina = await signIn(manager, 'nina@blackbird.studio');
    await nina.goto(`${t.baseUrl}/workload`);
    await nina.getByText('Live', { exact: true }).waitFor({ timeout: 15_000 });

    // The headline and the rows agree: every row flagged over a day's share is counted.
    const headline = await maya.locator('.workload-summary').textContent();
    const flagged = await maya.locator('.workload-row').filter({ hasText: /Over a day’s share/ }).count();
    expect(headline).toContain(`${flagged === 1 ? '1 person' : `${flagged} people`} over a day's share`);
    // Charts are drawn (Recharts SVG), one per member.
    expect(await maya.locator('.workload-row .day-chart svg').count()).toBe(await maya.locator('.workload-row').count());
    expect(await maya.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
    await maya.screenshot({ path: path.join(SHOTS, 'workload-1440.png'), fullPage: true });

    // Lena's day today: the vocal session plus a task planned for her in Priya's editing session.
    const before = await lenaToday();
    const cell = (page: Page) => page.getByRole('listitem', { name: 'Lena Park' }).getByRole('button', { name: new RegExp(`^${weekday} `) });
    // A day cell is named by its words (a visually hidden sentence, not an aria-label).
    const nameOf = (page: Page) => cell(page).evaluate((el) => el.textContent ?? '');
    expect(await nameOf(nina)).toContain(`${hours(before)} booked`);
    await cell(maya).click();
    const list = maya.getByRole('region', { name: /^Lena Park — Today/ });
    await list.getByText('De-click the piano takes for "Harbour"').waitFor();
    await list.getByRole('listitem').filter({ hasText: 'De-click the piano takes' }).getByRole('button', { name: 'Move to…' }).click();
    const dialog = maya.getByRole('dialog', { name: 'Move “De-click the piano takes for "Harbour"”' });
    // Priya runs that session: routing suggests her, and it costs her no hours.
    const priya = dialog.getByRole('button', { name: /^Priya Nair/ });
    await priya.waitFor();
    expect(await priya.textContent()).toContain('Suggested');
    expect(await priya.textContent()).toMatch(/of 24 h this week, no more/);
    // Moving it frees Lena's 2 h.
    expect(await dialog.textContent()).toMatch(/From Lena Park: ([\d.]+) → ([\d.]+) h of 40 this week\./);
    await maya.screenshot({ path: path.join(SHOTS, 'workload-move-dialog.png') });
    await priya.click();
    const confirm = dialog.getByRole('button', { name: /^Move to Priya Nair/ });
    await dialog.getByText('No routing rule is broken.').waitFor();
    await confirm.click();
    await dialog.waitFor({ state: 'detached' });

    // The other screen follows without a reload: Lena's day is 2 h lighter.
    const after = await lenaToday();
    expect(before - after).toBe(120);
    await expect.poll(async () => nameOf(nina), { timeout: 10_000 }).toContain(`${hours(after)} booked`);
    await expect.poll(async () => nameOf(maya), { timeout: 10_000 }).toContain(`${hours(after)} booked`);
    await nina.screenshot({ path: path.join(SHOTS, 'workload-1024-after-move.png'), fullPage: true });

    // Dragging a task by its grip onto someone's row opens the same move, with them picked.
    // (Lena's other tasks are in Jonas's project: Maya may not move them, so they have no grip.)
    expect(await list.getByRole('button', { name: /^Drag/ }).count()).toBe(0);
    await maya.getByRole('listitem', { name: 'Sam Reyes' }).getByRole('button', { name: /^Sam Reyes$/ }).click();
    const samList = maya.getByRole('region', { name: /^Sam Reyes — all of it/ });
    const grip = samList.getByRole('button', { name: /^Drag “/ }).first();
    await grip.waitFor();
    const title = /^Drag “(.*)” onto/.exec((await grip.getAttribute('aria-label')) ?? '')?.[1] ?? '';
    const target = maya.getByRole('listitem', { name: 'Theo Grant' });
    await target.scrollIntoViewIfNeeded();
    const from = (await grip.boundingBox())!;
    const to = (await target.boundingBox())!;
    await maya.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await maya.mouse.down();
    await maya.mouse.move(from.x + 20, from.y + 20, { steps: 4 });
    await maya.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
    await maya.mouse.up();
    const dropped = maya.getByRole('dialog', { name: `Move “${title}”` });
    await dropped.getByRole('button', { name: /^Move to Theo Grant/ }).waitFor();
    await dropped.getByRole('button', { name: 'Cancel' }).click();
    expect(problems).toEqual([]);
  });
});
