// The studio calendar in Chromium (the browser on New York time, the studio on London's): a
// producer books by selecting a slot, drags the session onto a busy room and sees the conflict
// before dropping, then moves it to a free room — and a manager's screen follows live.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { CHROMIUM, CLIENT_BUILT, browserAvailable, signedInPage } from './browser';

const SHOTS = path.resolve(import.meta.dirname, 'screenshots');
const TIME_ZONE = 'Europe/London';
const PX_PER_MINUTE = 0.8;
const FIRST_MINUTE = 7 * 60;

describe.skipIf(!browserAvailable())('the studio calendar in Chromium', () => {
  let t: TestServer;
  let browser: Browser;
  let producer: BrowserContext;
  let manager: BrowserContext;
  const problems: string[] = [];

  beforeAll(async () => {
    if (!CLIENT_BUILT) throw new Error('client/dist is missing: run `npm run build` first (npm test does)');
    t = await startTestServer({ demoData: true });
    // A browser in another time zone than the studio's: the calendar must not use the browser's.
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      env: { ...process.env, TZ: 'America/New_York' },
    });
    producer = await browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: 'America/New_York' });
    manager = await browser.newContext({ viewport: { width: 1024, height: 768 }, timezoneId: 'America/New_York' });
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signIn(context: BrowserContext, email: string, url: string): Promise<Page> {
    const page = await signedInPage(context, t.baseUrl, email, problems);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.goto(url);
    await page.locator('.cal-day, .cal-week').first().waitFor();
    await page.getByText('Live', { exact: true }).waitFor({ timeout: 15_000 });
    return page;
  }

  const column = (page: Page, room: string) => page.locator(`.cal-day__column[data-room-id="${room}"]`);
  const yOf = (minute: number) => (minute - FIRST_MINUTE) * PX_PER_MINUTE;

  async function dragBlock(page: Page, block: Locator, target: Locator, drop: boolean) {
    const from = (await block.boundingBox())!;
    const to = (await target.boundingBox())!;
    const x = from.x + 20;
    const y = from.y + 30;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 10, y, { steps: 3 });
    await page.mouse.move(to.x + 20, y, { steps: 10 });
    if (drop) await page.mouse.up();
  }

  it('books by selecting a slot, shows a conflict before the drop, and moves live', async () => {
    const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date(Date.now() + 86_400_000));
    const url = `${t.baseUrl}/calendar?date=${tomorrow}`;
    const rooms = (await t.api('GET', '/api/studio')).body as { rooms: { id: string; name: string }[] };
    const roomId = (name: string) => rooms.rooms.find((r) => r.name === name)!.id;
    const maya = await signIn(producer, 'maya@blackbird.studio', url);
    const nina = await signIn(manager, 'nina@blackbird.studio', url);

    // Select 11:00–13:00 in Control Room A by pressing and dragging on the empty column.
    const crA = column(maya, roomId('Control Room A'));
    await crA.scrollIntoViewIfNeeded();
    const box = (await crA.boundingBox())!;
    await maya.mouse.move(box.x + 40, box.y + yOf(11 * 60) + 4);
    await maya.mouse.down();
    await maya.mouse.move(box.x + 40, box.y + yOf(12 * 60 + 45) + 4, { steps: 6 });
    await maya.mouse.up();
    const form = maya.getByRole('region', { name: 'Book a session' });
    expect(await form.getByLabel('Starts', { exact: true }).inputValue()).toBe('11:00');
    expect(await form.getByLabel('Ends', { exact: true }).inputValue()).toBe('13:00');
    expect(await form.getByLabel('Day', { exact: true }).inputValue()).toBe(tomorrow);
    await form.getByLabel('Title', { exact: true }).fill('Calendar take');
    await form.getByLabel('Project', { exact: true }).selectOption({ label: 'The Hollow Pines – Northern Lights' });
    await form.getByRole('button', { name: 'Confirm booking' }).click();
    await form.waitFor({ state: 'detached' });
    const block = crA.getByRole('button', { name: /^Calendar take, / });
    await block.waitFor();
    // Its accessible name (from its words) says when and where.
    await crA.getByRole('button', { name: /^Calendar take, .*11:00–13:00, Control Room A/ }).waitFor();
    await column(nina, roomId('Control Room A')).getByRole('button', { name: /^Calendar take, / }).waitFor({ timeout: 10_000 });

    // Dragged onto Control Room B, where the mixdown is on: the conflict shows before the drop.
    const crB = column(maya, roomId('Control Room B'));
    await dragBlock(maya, block, crB, false);
    const ghost = crB.locator('.cal-ghost--conflict');
    await ghost.waitFor({ timeout: 10_000 });
    expect(await ghost.textContent()).toContain('11:00–13:00, Control Room B');
    expect(await ghost.textContent()).toContain('Mixdown: "Harbour"');
    expect(await maya.locator('.cal-status').textContent()).toMatch(/Conflict: .*Mixdown: "Harbour"/);
    await maya.screenshot({ path: path.join(SHOTS, 'calendar-conflict-1440.png') });
    await maya.mouse.up();
    await maya.getByText('“Calendar take” was not moved', { exact: false }).first().waitFor();
    await block.waitFor(); // still in Control Room A
    expect(await crB.getByRole('button', { name: /^Calendar take, / }).count()).toBe(0);

    // Dragged to the free Production Suite: saved, and the manager's screen follows without a reload.
    const suite = column(maya, roomId('Production Suite'));
    await dragBlock(maya, block, suite, false);
    await suite.locator('.cal-ghost--free').waitFor({ timeout: 10_000 });
    await maya.mouse.up();
    await maya.getByText('Moved “Calendar take” to', { exact: false }).first().waitFor();
    await suite.getByRole('button', { name: /^Calendar take, / }).waitFor();
    await column(nina, roomId('Production Suite')).getByRole('button', { name: /^Calendar take, .*11:00–13:00, Production Suite/ }).waitFor({ timeout: 10_000 });
    expect(await column(nina, roomId('Control Room A')).getByRole('button', { name: /^Calendar take, / }).count()).toBe(0);
    await maya.screenshot({ path: path.join(SHOTS, 'calendar-day-1440.png') });
    await nina.screenshot({ path: path.join(SHOTS, 'calendar-day-1024.png') });
    await nina.goto(`${url}&view=week`);
    await nina.locator('.cal-week').waitFor();
    await nina.screenshot({ path: path.join(SHOTS, 'calendar-week-1024.png') });

    // The phone: the day scrolls sideways (two rooms in view), the week too.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, timezoneId: 'America/New_York' });
    const sam = await signIn(phone, 'sam@blackbird.studio', url);
    await sam.screenshot({ path: path.join(SHOTS, 'calendar-day-390.png') });
    expect(await sam.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
    await sam.goto(`${url}&view=week`);
    await sam.locator('.cal-week').waitFor();
    await sam.screenshot({ path: path.join(SHOTS, 'calendar-week-390.png') });
    await phone.close();
    expect(problems).toEqual([]);
  });
});
