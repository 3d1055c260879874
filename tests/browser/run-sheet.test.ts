// The engineer's day in Chromium: the demo engineer signs in on a 1024×768 tablet, lands on My
// day, opens today's run sheet and ticks lines (one while the tablet is offline) while the
// producer watches the board's setup progress move; the print view is a clean light sheet.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { CLIENT_BUILT, browserAvailable, launch, signedInPage } from './browser';

const SHOTS = path.resolve(import.meta.dirname, 'screenshots');

describe.skipIf(!browserAvailable())('run sheet on a control-room tablet, in Chromium', () => {
  let t: TestServer;
  let browser: Browser;
  let producer: BrowserContext;
  let tablet: BrowserContext;
  const problems: string[] = [];

  // The offline tick makes the browser log failed requests: that is the point of it.
  const EXPECTED_ERRORS = /Failed to load resource|ERR_INTERNET_DISCONNECTED|WebSocket/;
  const watch = (page: Page, who: string) => {
    page.on('console', (m) => {
      if (m.type() === 'error' && !EXPECTED_ERRORS.test(m.text())) problems.push(`${who} console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`${who} page error: ${e.message}`));
  };

  beforeAll(async () => {
    if (!CLIENT_BUILT) throw new Error('client/dist is missing: run `npm run build` first (npm test does)');
    t = await startTestServer({ demoData: true });
    // The demo ticks a running session's lines by the clock (most of them once it has started):
    // the engineer starts from an untouched list whatever the time of day the test runs.
    const lantern = await t.prisma.session.findFirstOrThrow({ where: { title: 'Full band live: "Lantern"' } });
    await t.prisma.setupItem.updateMany({ where: { sessionId: lantern.id }, data: { checkedAt: null, checkedById: null } });
    browser = await launch();
    producer = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    tablet = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true });
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const signIn = (context: BrowserContext, email: string): Promise<Page> => signedInPage(context, t.baseUrl, email, problems, EXPECTED_ERRORS);

  it('the engineer ticks setup lines on the run sheet, one of them offline, and the producer sees progress move live', async () => {
    const maya = await signIn(producer, 'maya@blackbird.studio');
    await maya.getByRole('heading', { level: 1, name: 'Sessions' }).waitFor();
    await maya.getByRole('link', { name: 'Full band live: "Lantern"' }).click();
    await maya.getByText('Live', { exact: true }).first().waitFor({ timeout: 15_000 });
    const progress = maya.locator('.board-header__fact', { hasText: 'Setup' });
    await progress.getByText('0/47 checked').waitFor();

    // The engineer lands on My day and opens today's run sheet.
    const sam = await signIn(tablet, 'sam@blackbird.studio');
    await sam.getByRole('heading', { level: 1, name: 'My day' }).waitFor();
    await sam.getByRole('link', { name: 'Run sheet' }).first().click();
    await sam.getByRole('heading', { level: 1, name: 'Full band live: "Lantern"' }).waitFor();
    await sam.getByText('Live', { exact: true }).first().waitFor({ timeout: 15_000 });

    // Touch targets: every row's tick and note buttons are at least 44 px tall.
    const heights = await sam.locator('.run-row__toggle, .run-row__side button').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    expect(heights.length).toBeGreaterThan(10);
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
    expect(await sam.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);

    const row = (name: RegExp) => sam.getByRole('button', { name });
    for (const name of [/^Channel 1 Kick In/, /^Channel 2 Kick Out/, /^Channel 3 Snare Top/]) {
      expect(await row(name).getAttribute('aria-pressed')).toBe('false');
      await row(name).tap();
    }
    await sam.locator('.run-row--done', { hasText: 'Snare Top' }).getByText(/checked by Sam Reyes/).waitFor();
    await progress.getByText('3/47 checked').waitFor({ timeout: 10_000 });
    await sam.screenshot({ path: path.join(SHOTS, 'run-sheet-1024.png') });

    // The Wi-Fi drops: the tick is kept and shown as waiting, then sent when it is back.
    await tablet.setOffline(true);
    await row(/^Channel 4 Snare Bottom/).tap();
    await sam.getByText('1 change waiting to be sent').waitFor();
    await sam.locator('.run-row--waiting', { hasText: 'Snare Bottom' }).getByText('waiting to be sent').waitFor();
    await sam.screenshot({ path: path.join(SHOTS, 'run-sheet-offline.png') });
    // Still only 3 on the producer's screen: it has not reached the server.
    expect(await progress.getByText('3/47 checked').count()).toBe(1);
    await tablet.setOffline(false);
    await sam.getByText('1 change waiting to be sent').waitFor({ state: 'detached', timeout: 20_000 });
    await progress.getByText('4/47 checked').waitFor({ timeout: 15_000 });
    await maya.screenshot({ path: path.join(SHOTS, 'board-setup-progress.png') });

    // The checklist tab: a tap on a step, seen on the producer's setup list too.
    await sam.getByRole('tab', { name: /^Checklist/ }).click();
    await row(/^Power up console and outboard \(in order\)$/).tap();
    await maya.getByRole('link', { name: /^Setup list/ }).click();
    await maya.getByRole('button', { name: /^‘Power up console and outboard \(in order\)’: checked by Sam Reyes/ }).waitFor({ timeout: 10_000 });

    // Landscape 1366×1024: inputs and checklist side by side.
    await sam.setViewportSize({ width: 1366, height: 1024 });
    await sam.getByRole('heading', { level: 2, name: 'Checklist' }).waitFor();
    await sam.getByRole('heading', { level: 2, name: 'Inputs' }).waitFor();
    await sam.screenshot({ path: path.join(SHOTS, 'run-sheet-1366.png') });

    // Print: a light sheet without the app around it.
    await sam.emulateMedia({ media: 'print' });
    expect(await sam.locator('.app-header').isVisible()).toBe(false);
    expect(await sam.getByRole('article', { name: 'Setup sheet for printing' }).isVisible()).toBe(true);
    const background = await sam.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(255, 255, 255)');
    await sam.screenshot({ path: path.join(SHOTS, 'setup-sheet-print.png'), fullPage: true });
    writeFileSync(path.join(SHOTS, 'setup-sheet.pdf'), await sam.pdf({ format: 'A4', printBackground: true }));
    await sam.emulateMedia({ media: 'screen' });

    expect(problems).toEqual([]);
  });

  it('a producer books a session from a template: its tasks come routed with reasons, its setup list with it', async () => {
    const page = await producer.newPage();
    watch(page, 'maya booking');
    await page.goto(`${t.baseUrl}/sessions`);
    await page.getByRole('button', { name: /Book session/ }).click();
    const form = page.getByRole('region', { name: 'Book a session' });
    await form.getByLabel('From a template').selectOption({ label: 'Drum tracking' });
    // The template fills the title and the length (10 h from 10:00).
    expect(await form.getByLabel('Title').inputValue()).toBe('Drum tracking');
    expect(await form.getByLabel('Ends', { exact: true }).inputValue()).toBe('20:00');
    await form.getByLabel('Title').fill('Drums for "Lantern"');
    await form.getByLabel('Project').selectOption({ label: 'The Hollow Pines – Northern Lights' });
    // People and rooms by id: their labels carry live availability ("— free · 30 of 40 h this week").
    const idOf = async (name: string) => (await t.prisma.member.findFirstOrThrow({ where: { name } })).id;
    await form.getByLabel('Room').selectOption((await t.prisma.room.findFirstOrThrow({ where: { name: 'Live Room A' } })).id);
    // Ten days out, clear of the demo week.
    const day = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel('Day', { exact: true }).fill(day);
    await form.getByLabel('Producer').selectOption(await idOf('Maya Okafor'));
    await form.getByLabel('Engineer').selectOption(await idOf('Sam Reyes'));
    // The form checks the slot as it is typed, before booking.
    await form.getByText('Live Room A, Maya Okafor and Sam Reyes are free then.', { exact: false }).waitFor();
    await form.getByRole('button', { name: 'Confirm booking' }).click();
    await page.getByText('Booked “Drums for "Lantern"”.').waitFor();

    const { sessions } = (await t.api('GET', '/api/sessions')).body as { sessions: { id: string; title: string }[] };
    const booked = sessions.find((s) => s.title === 'Drums for "Lantern"')!;
    await page.goto(`${t.baseUrl}/sessions/${booked.id}`);
    await page.getByRole('heading', { level: 1, name: 'Drums for "Lantern"' }).waitFor();
    const mic = page.getByRole('article', { name: 'Mic the kit from the input list' });
    await mic.waitFor();
    expect(await mic.getByText('Sam Reyes').count()).toBeGreaterThan(0);
    expect(await mic.getByText(/session's engineer/).count()).toBe(1);
    await page.getByRole('link', { name: /^Setup list/ }).click();
    await page.getByRole('button', { name: /^ch 12 Mono Room \(crush\): not checked/ }).waitFor();
    expect(await page.getByText('0/12 line-checked').count()).toBe(1);
    await page.screenshot({ path: path.join(SHOTS, 'setup-list-1440.png'), fullPage: true });
    expect(problems).toEqual([]);
  });
});
