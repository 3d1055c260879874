// Every page as each kind of user sees it, in Debian's Chromium against the production build
// (server/dist on the embedded database with the demo studio): at phone (390), tablet portrait
// (1024) and landscape (1366) and desktop (1440) widths, axe-core finds no serious or critical
// violation, nothing is wider than the screen, and the browser logs no error — signed out
// included (the first /auth/me answers 200 with null, not a 401).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_BUILT, browserAvailable, submitSignIn } from '../browser/browser';
import { startDemoStudio, type DemoStudio } from './demo-studio';
import { check } from './page-check';

const WIDTHS = [
  { width: 390, height: 844 },
  { width: 1024, height: 768 },
  { width: 1366, height: 1024 },
  { width: 1440, height: 900 },
] as const;

describe.skipIf(!browserAvailable() || !CLIENT_BUILT)('every page in Chromium: accessible, fits the screen, no console errors', () => {
  let studio: DemoStudio;

  beforeAll(async () => {
    studio = await startDemoStudio();
  }, 120_000);
  afterAll(async () => {
    await studio?.close();
  });

  /** Signs in as `email` at each width and checks `paths` (":id" is a session the member can open). */
  async function tour(email: string | null, paths: string[]): Promise<string[]> {
    const problems: string[] = [];
    for (const size of WIDTHS) {
      // axe is injected as a script: the page's own CSP (script-src 'self') would refuse it.
      const context = await studio.browser.newContext({ viewport: size, bypassCSP: true });
      const page = await context.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`${size.width}px ${page.url()}: console error ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`${size.width}px ${page.url()}: ${e.message}`));
      await page.goto(`${studio.baseUrl}/sign-in`);
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      problems.push(...(await check(page, `${size.width}px /sign-in`)));
      if (email) {
        await submitSignIn(page, email);
        await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
        await page.locator('#main h1').first().waitFor();
        const { sessions } = (await (await page.request.get(`${studio.baseUrl}/api/sessions`)).json()) as { sessions: Array<{ id: string }> };
        if (sessions.length === 0) problems.push(`${email} sees no sessions: the demo studio did not load`);
        for (const p of paths) {
          const url = p.replace(':id', sessions[0]?.id ?? 'none');
          await page.goto(`${studio.baseUrl}${url}`);
          await page.locator('#main h1').first().waitFor();
          // Let the page's data and live channel settle.
          await page.waitForLoadState('networkidle').catch(() => {});
          problems.push(...(await check(page, `${size.width}px ${p}`)));
        }
      }
      await context.close();
    }
    return problems;
  }

  it('signed out: the sign-in page', async () => {
    expect(await tour(null, [])).toEqual([]);
  }, 120_000);

  it('the studio manager: sessions, a board, its setup list and run sheet, calendar, workload, studio, audit log, account, a page that does not exist', async () => {
    expect(
      await tour('nina@blackbird.studio', ['/sessions', '/sessions/:id', '/sessions/:id/setup', '/sessions/:id/run-sheet', '/calendar', '/workload', '/studio', '/studio/audit', '/account', '/mentions', '/no-such-page']),
    ).toEqual([]);
  }, 240_000);

  it('an engineer: My day, My week, the sessions, the workload page they may not open', async () => {
    expect(await tour('sam@blackbird.studio', ['/my-day', '/my-week', '/sessions', '/mentions', '/workload'])).toEqual([]);
  }, 180_000);

  it('the artist: their sessions', async () => {
    expect(await tour('ada@quinn.music', ['/artist'])).toEqual([]);
  }, 120_000);
});
