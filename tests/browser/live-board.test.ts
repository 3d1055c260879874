// Two browser pages on one session board: a change in one shows up in the other, live.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { CLIENT_BUILT, browserAvailable, launch } from './browser';

const SHOTS = path.resolve(import.meta.dirname, 'screenshots');

describe.skipIf(!browserAvailable())('live board in Chromium', () => {
  let t: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  const problems: string[] = [];

  beforeAll(async () => {
    if (!CLIENT_BUILT) throw new Error('client/dist is missing: run `npm run build` first (npm test does)');
    t = await startTestServer({ demoData: true });
    browser = await launch();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const signIn = await t.anon('POST', '/api/auth/sign-in', { email: 'maya@blackbird.studio', password: 'patchbay-demo' });
    if (signIn.status !== 200) throw new Error(`demo sign-in failed: ${signIn.status}`);
    const token = signIn.headers.get('set-cookie')!.split(';')[0]!.split('=')[1]!;
    await context.addCookies([{ name: 'patchbay_session', value: token, url: t.baseUrl, httpOnly: true, sameSite: 'Lax' }]);
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function openBoard(sessionId: string): Promise<Page> {
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.goto(`${t.baseUrl}/sessions/${sessionId}`);
    await page.getByText('Live', { exact: true }).first().waitFor({ timeout: 15_000 });
    return page;
  }

  it('shows a change made in one page in the other without a reload', async () => {
    const maya = await t.anon('POST', '/api/auth/sign-in', { email: 'maya@blackbird.studio', password: 'patchbay-demo' });
    const cookie = maya.headers.get('set-cookie')!.split(';')[0]!;
    const { sessions } = (await t.anon('GET', '/api/sessions', undefined, { cookie })).body as { sessions: { id: string; title: string }[] };
    const piano = sessions.find((s) => s.title === 'Piano & keys')!;
    const a = await openBoard(piano.id);
    const b = await openBoard(piano.id);
    const title = 'Piano: U87 pair inside, room pair';
    const inProgressOnB = b.locator('section[data-status="IN_PROGRESS"]').getByText(title);
    expect(await inProgressOnB.count()).toBe(0);
    await a.screenshot({ path: path.join(SHOTS, 'board-before.png') });

    await a.getByRole('button', { name: `Start: move “${title}” to In progress` }).click();
    await inProgressOnB.waitFor({ timeout: 10_000 });
    expect(await b.locator('section[data-status="TODO"]').getByText(title).count()).toBe(0);

    // A task created elsewhere (through the API) appears on both pages.
    const created = await t.anon('POST', `/api/sessions/${piano.id}/tasks`, { kind: 'room_prep', title: 'Check the piano tuning after lunch' }, { cookie });
    expect(created.status).toBe(201);
    await a.getByText('Check the piano tuning after lunch').waitFor({ timeout: 10_000 });
    await b.getByText('Check the piano tuning after lunch').waitFor({ timeout: 10_000 });
    await b.screenshot({ path: path.join(SHOTS, 'live-board.png') });
    expect(problems).toEqual([]);
  });
});
