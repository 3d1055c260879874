// The studio's day as its people live it, in Debian's Chromium against the production build
// (server/dist on the embedded database with the demo studio), one story in order:
// 1. studio staff book a session from a template on the calendar, clear the clash it warns about,
//    see its tasks routed with reasons, reassign one, and move one with the keyboard alone;
// 2. the engineer, on a 1024×768 tablet in a second browser context, opens My day and the run
//    sheet and checks off setup lines (one by keyboard, one while the tablet is offline) while the
//    staff's board shows the progress move live; his board is compact and narrows to his tasks;
// 3. the producer sees the reassignment on the workload page, rebalances a task with the keyboard,
//    exports the week as CSV, and names the engineer in a comment on the task: the staff board
//    counts it live and the engineer's tablet says he was named, without a reload;
// 4. the server goes down and comes back during the board journey: the board says it is
//    reconnecting, pauses writes visibly, and catches up without a reload;
// 5. the artist, on a phone, sees their sessions and call times and nothing internal.
// Every page reached is checked with axe (no serious or critical violation) and for overflow.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CLIENT_BUILT, browserAvailable, signedInPage } from '../browser/browser';
import { startDemoStudio, type DemoStudio } from './demo-studio';
import { check, shot, tabTo } from './page-check';

const TIME_ZONE = 'Europe/London';
const BOOKED = 'Vocal overdub: "Northern Lights"';
/** Network errors the journeys cause on purpose (offline tablet, server restart). */
const EXPECTED_ERRORS = /Failed to load resource|ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_REFUSED|WebSocket/;

const dayKey = (offsetDays: number) => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date(Date.now() + offsetDays * 86_400_000));

describe.skipIf(!browserAvailable() || !CLIENT_BUILT)('the studio day in Chromium: staff, engineer, producer, artist', () => {
  let studio: DemoStudio;
  const problems: string[] = [];
  const contexts: BrowserContext[] = [];
  /** The staff's board page, kept open from journey to journey. */
  let staffBoard: Page;
  /** The engineer's tablet, left on the booked session's board. */
  let samTablet: Page;
  let bookedId = '';

  // A journey that failed before its last line leaves its problems behind: not the next one's.
  beforeEach(() => {
    problems.splice(0);
  });

  beforeAll(async () => {
    studio = await startDemoStudio();
  }, 120_000);
  afterAll(async () => {
    await studio?.close();
  });

  async function signIn(viewport: { width: number; height: number }, email: string, options: { hasTouch?: boolean; acceptDownloads?: boolean } = {}): Promise<Page> {
    // Reduced motion: axe reads colours mid-transition otherwise (a button turning from amber to red).
    const context = await studio.browser.newContext({ viewport, bypassCSP: true, reducedMotion: 'reduce', ...options });
    contexts.push(context);
    const page = await signedInPage(context, studio.baseUrl, email, problems, EXPECTED_ERRORS);
    await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
    await page.locator('#main h1').first().waitFor();
    return page;
  }

  /** axe and layout on the page as it is now; the journey's problems collect what they find. */
  const checked = async (page: Page, where: string) => {
    await page.waitForLoadState('networkidle').catch(() => {});
    problems.push(...(await check(page, where)));
  };

  it('studio staff: book from a template on the calendar, clear the clash, see the tasks routed with reasons, reassign one, move one by keyboard', async () => {
    const nina = await signIn({ width: 1440, height: 900 }, 'nina@blackbird.studio');
    const tomorrow = dayKey(1);
    await nina.goto(`${studio.baseUrl}/calendar?date=${tomorrow}`);
    await nina.locator('.cal-day').waitFor();
    await nina.getByText('Live', { exact: true }).waitFor({ timeout: 15_000 });
    await checked(nina, 'calendar (day)');

    // A slot in Live Room A, 11:00–13:00, chosen by dragging on the empty column.
    const column = nina.locator(`.cal-day__column[data-room-id="${await roomId(nina, 'Live Room A')}"]`);
    await column.scrollIntoViewIfNeeded();
    const box = (await column.boundingBox())!;
    const y = (minute: number) => box.y + (minute - 7 * 60) * 0.8 + 4;
    await nina.mouse.move(box.x + 40, y(11 * 60));
    await nina.mouse.down();
    await nina.mouse.move(box.x + 40, y(12 * 60 + 45), { steps: 6 });
    await nina.mouse.up();
    const form = nina.getByRole('region', { name: 'Book a session' });
    await form.getByLabel('From a template').selectOption({ label: 'Vocal overdub' });
    expect(await form.getByLabel('Starts', { exact: true }).inputValue()).toBe('11:00');
    // The template's length: four hours.
    expect(await form.getByLabel('Ends', { exact: true }).inputValue()).toBe('15:00');
    await form.getByLabel('Title', { exact: true }).fill(BOOKED);
    await form.getByLabel('Project', { exact: true }).selectOption({ label: 'The Hollow Pines – Northern Lights' });
    const memberId = async (name: string) => {
      const { members } = (await (await nina.request.get(`${studio.baseUrl}/api/studio`)).json()) as { members: Array<{ id: string; name: string }> };
      return members.find((m) => m.name === name)!.id;
    };
    // Maya mixes "Harbour" in Control Room B all day tomorrow: the form says so before booking.
    await form.getByLabel('Producer', { exact: true }).selectOption(await memberId('Maya Okafor'));
    await form.getByLabel('Engineer', { exact: true }).selectOption(await memberId('Sam Reyes'));
    await form.getByText(/Maya Okafor is busy then: .*Mixdown: "Harbour"/).first().waitFor();
    await checked(nina, 'calendar booking form with a clash');
    await shot(nina, 'calendar-clash-1440');
    // Cleared: Jonas produces it instead, and the check says everyone is free.
    await form.getByLabel('Producer', { exact: true }).selectOption(await memberId('Jonas Berg'));
    await form.getByText('Live Room A, Jonas Berg and Sam Reyes are free then.', { exact: false }).waitFor();
    await form.getByRole('button', { name: 'Confirm booking' }).click();
    await nina.getByText(`Booked “${BOOKED}”.`).waitFor();
    const block = column.getByRole('button', { name: new RegExp(`^${escape(BOOKED)}, `) });
    await block.waitFor();
    await shot(nina, 'calendar-day-1440');
    await nina.setViewportSize({ width: 1024, height: 768 });
    await checked(nina, 'calendar (day) on a tablet');
    await shot(nina, 'calendar-day-1024');
    await nina.setViewportSize({ width: 1440, height: 900 });

    // Its details lead to its board: the template's tasks, each routed with its reason.
    await block.click();
    await nina.getByRole('link', { name: 'Open the board' }).click();
    await nina.getByRole('heading', { level: 1, name: BOOKED }).waitFor();
    await nina.getByText('Live', { exact: true }).first().waitFor({ timeout: 15_000 });
    bookedId = /\/sessions\/([^/?#]+)/.exec(nina.url())![1]!;
    const card = (title: string) => nina.getByRole('article', { name: title });
    const mic = card('Lead vox mic and talkback check');
    await mic.waitFor();
    expect(await mic.textContent()).toContain('Sam Reyes');
    expect(await mic.textContent()).toMatch(/session.s engineer/);
    const coaching = card('Warm-up and phrasing notes');
    expect(await coaching.textContent()).toContain('Jonas Berg');
    await checked(nina, 'board of the booked session');

    // Reassigned by hand: the headphone mix goes to Theo, with a note.
    const phones = 'Headphone mix: track, click, reverb send, own voice';
    await card(phones).getByRole('button', { name: `Assign “${phones}”` }).click();
    const dialog = nina.getByRole('dialog', { name: `Assign “${phones}”` });
    await dialog.getByRole('button', { name: /^Theo Grant/ }).click();
    // Routing says what this breaks before the button says "Assign anyway" (axe waits for that:
    // a page changing under it mixes the colours before and after).
    await dialog.getByText('This breaks a routing rule:').waitFor();
    const assign = dialog.getByRole('button', { name: 'Assign anyway' });
    await assign.waitFor();
    await checked(nina, 'assign dialog');
    await shot(nina, 'assign-dialog-1440');
    await assign.click();
    await dialog.waitFor({ state: 'detached' });
    await card(phones).locator('.task-card__assignee', { hasText: 'Theo Grant' }).waitFor();
    expect(await card(phones).locator('.task-card__assignee').textContent()).toContain('by hand');

    // Keyboard only: Tab to the mic card's "Start", Enter; it lands in In progress with the focus.
    const startMic = mic.getByRole('button', { name: /^Start: move/ });
    await nina.getByRole('heading', { level: 1, name: BOOKED }).focus();
    await tabTo(nina, startMic);
    await nina.keyboard.press('Enter');
    const inProgress = nina.getByRole('region', { name: /^In progress/ });
    await inProgress.getByRole('article', { name: 'Lead vox mic and talkback check' }).waitFor();
    // Then by the drag handle: Space picks it up, → carries it to Done, Space drops it.
    const grip = nina.getByRole('button', { name: 'Drag “Lead vox mic and talkback check”' });
    await tabTo(nina, grip, { back: true });
    await nina.keyboard.press('Space');
    // Picked up (its place in In progress is outlined); the arrows are listened to from the next tick.
    await nina.locator('.board-column--in-progress .task-card__item--placeholder').waitFor();
    await nina.waitForTimeout(100);
    // Each step shows the card where it would land (the column makes room for it).
    for (const status of ['blocked', 'done']) {
      await nina.keyboard.press('ArrowRight');
      await nina.locator(`.board-column--${status} .task-card__item--placeholder`).waitFor();
    }
    await nina.keyboard.press('Space');
    const done = nina.getByRole('region', { name: /^Done/ }).getByRole('article', { name: 'Lead vox mic and talkback check' });
    await done.waitFor();
    // Saved (its buttons are back).
    await expect.poll(() => done.getByRole('button', { name: /^Reopen: move/ }).isEnabled()).toBe(true);
    await shot(nina, 'board-1440');
    staffBoard = nina;
    expect(problems.splice(0)).toEqual([]);
  });

  it('the engineer on a 1024×768 tablet: My day, the run sheet, lines checked (one by keyboard, one offline) while the staff board follows live', async () => {
    const progress = staffBoard.locator('.board-header__fact', { hasText: 'Setup' });
    await progress.getByText('0/9 checked').waitFor();

    const sam = await signIn({ width: 1024, height: 768 }, 'sam@blackbird.studio', { hasTouch: true });
    const tablet = sam.context();
    await sam.getByRole('heading', { level: 1, name: 'My day' }).waitFor();
    await checked(sam, 'My day (tablet)');
    const booked = sam.locator('.my-session', { hasText: BOOKED });
    await booked.getByRole('link', { name: 'Run sheet' }).click();
    await sam.getByRole('heading', { level: 1, name: BOOKED }).waitFor();
    await sam.getByText('Live', { exact: true }).first().waitFor({ timeout: 15_000 });
    await checked(sam, 'run sheet (tablet)');

    // Two taps on the input list, then a checklist step by keyboard alone (Tab to it, Space).
    const line = (name: RegExp) => sam.getByRole('button', { name });
    await line(/^Channel 1 Lead Vox/).tap();
    await line(/^Channel 2 Talkback/).tap();
    await progress.getByText('2/9 checked').waitFor({ timeout: 10_000 });
    await sam.getByRole('tab', { name: /^Checklist/ }).click();
    const power = line(/^Power up the U47’s PSU 30 minutes before the call$/);
    expect(await power.getAttribute('aria-pressed')).toBe('false');
    await tabTo(sam, power);
    await sam.keyboard.press('Space');
    await expect.poll(() => power.getAttribute('aria-pressed')).toBe('true');
    await progress.getByText('3/9 checked').waitFor({ timeout: 10_000 });
    await shot(sam, 'run-sheet-1024');
    // Landscape: the input list and the checklist side by side.
    await sam.setViewportSize({ width: 1366, height: 1024 });
    await checked(sam, 'run sheet (tablet, landscape)');
    await shot(sam, 'run-sheet-1366');
    await sam.setViewportSize({ width: 1024, height: 768 });

    // The Wi-Fi drops: the tick is kept, shown as waiting, and sent when the tablet is back.
    await tablet.setOffline(true);
    await line(/^Test talkback$/).tap();
    await sam.getByText('1 change waiting to be sent').waitFor();
    await shot(sam, 'run-sheet-offline-1024');
    expect(await progress.getByText('3/9 checked').count()).toBe(1);
    await tablet.setOffline(false);
    await sam.getByText('1 change waiting to be sent').waitFor({ state: 'detached', timeout: 20_000 });
    await progress.getByText('4/9 checked').waitFor({ timeout: 15_000 });
    await checked(sam, 'run sheet after the offline tick');

    // The board on the tablet: compact cards (a column shows several at a glance), "Mine" narrows it.
    await sam.getByRole('link', { name: 'Board' }).click();
    const toolbar = sam.getByRole('search', { name: 'Find tasks on this board' });
    await toolbar.waitFor();
    await sam.getByText('Live', { exact: true }).first().waitFor({ timeout: 15_000 });
    expect(await toolbar.getByRole('button', { name: 'Compact' }).getAttribute('aria-pressed')).toBe('true');
    const heights = () => sam.locator('.task-card').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    const compact = await heights();
    expect(compact).toHaveLength(5);
    await checked(sam, 'board on the tablet (compact)');
    await shot(sam, 'board-1024');
    await toolbar.getByRole('button', { name: 'Detailed' }).click();
    const detailed = await heights();
    await toolbar.getByRole('button', { name: 'Compact' }).click();
    // Each card at most 150 px, and about half its detailed height.
    expect(Math.max(...compact)).toBeLessThanOrEqual(150);
    compact.forEach((h, i) => expect(h / detailed[i]!).toBeLessThan(0.65));
    await toolbar.getByLabel('Person').selectOption({ label: 'Mine' });
    const { tasks } = (await (await sam.request.get(`${studio.baseUrl}/api/sessions/${bookedId}/board`)).json()) as { tasks: Array<{ assignee: { name: string } | null }> };
    const his = tasks.filter((t) => t.assignee?.name === 'Sam Reyes').length;
    expect(his).toBeGreaterThan(0);
    expect(his).toBeLessThan(tasks.length);
    await expect.poll(() => sam.locator('.task-card').count()).toBe(his);
    for (const who of await sam.locator('.task-card__assignee').allTextContents()) expect(who).toContain('Sam Reyes');
    expect(new URL(sam.url()).searchParams.get('who')).toBeTruthy();
    await checked(sam, 'board on the tablet, his tasks only');
    samTablet = sam;
    expect(problems.splice(0)).toEqual([]);
  });

  it('the producer: the workload page shows the reassignment, a task rebalanced by keyboard, the week exported as CSV', async () => {
    const tomorrow = dayKey(1);
    const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: TIME_ZONE }).format(new Date(`${tomorrow}T12:00:00Z`));
    const maya = await signIn({ width: 1440, height: 900 }, 'maya@blackbird.studio', { acceptDownloads: true });
    // The week with tomorrow in it (tomorrow may be next week's Monday).
    await maya.goto(`${studio.baseUrl}/workload?week=${tomorrow}`);
    await maya.getByRole('heading', { level: 1, name: 'Workload' }).waitFor();
    await maya.getByText('Live', { exact: true }).waitFor({ timeout: 15_000 });
    await checked(maya, 'workload');
    await shot(maya, 'workload-1440');

    // Keyboard only: Tab to Theo's day, Enter; the reassigned headphone mix is behind his hours.
    const phones = 'Headphone mix: track, click, reverb send, own voice';
    const theoDay = maya.getByRole('listitem', { name: 'Theo Grant' }).getByRole('button', { name: new RegExp(`^${weekday} `) });
    const theoBefore = (await theoDay.textContent()) ?? '';
    await maya.getByRole('heading', { level: 1, name: 'Workload' }).focus();
    await tabTo(maya, theoDay, { max: 300 });
    await maya.keyboard.press('Enter');
    const list = maya.getByRole('region', { name: /^Theo Grant — / });
    const item = list.getByRole('listitem').filter({ hasText: phones });
    await item.waitFor();
    await checked(maya, 'workload with Theo’s day open');

    // Rebalanced to Sam, the session's engineer, without the mouse.
    await tabTo(maya, item.getByRole('button', { name: 'Move to…' }));
    await maya.keyboard.press('Enter');
    const dialog = maya.getByRole('dialog', { name: `Move “${phones}”` });
    const sam = dialog.getByRole('button', { name: /^Sam Reyes/ });
    await sam.waitFor();
    await checked(maya, 'move dialog');
    await tabTo(maya, sam);
    await maya.keyboard.press('Enter');
    const confirm = dialog.getByRole('button', { name: /^Move to Sam Reyes/ });
    await tabTo(maya, confirm);
    await maya.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(async () => (await theoDay.textContent()) ?? '', { timeout: 10_000 }).not.toBe(theoBefore);
    await expect.poll(async () => list.getByRole('listitem').filter({ hasText: phones }).count(), { timeout: 10_000 }).toBe(0);
    // The staff's board shows the new assignee without a reload.
    await staffBoard.getByRole('article', { name: phones }).locator('.task-card__assignee', { hasText: 'Sam Reyes' }).waitFor({ timeout: 10_000 });

    // The week as CSV: downloads, parses, and has a row per member and day.
    const [download] = await Promise.all([maya.waitForEvent('download'), maya.getByRole('link', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const rows = parseCsv(readFileSync(await download.path(), 'utf8'));
    expect(rows[0]).toEqual(['Member', 'Roles', 'Period', 'Day or week', 'Booked (h)', 'Capacity (h)', 'Free (h)', 'Over capacity', 'Sessions staffed (h)', 'Tasks in other sessions (h)']);
    const samTomorrow = rows.find((r) => r[0] === 'Sam Reyes' && r[2] === tomorrow && r[3] === 'day');
    expect(samTomorrow, `Sam's row for ${tomorrow}`).toBeTruthy();
    // Sam staffs the four-hour session booked tomorrow (prep and teardown included in the booking).
    expect(Number(samTomorrow![4])).toBeGreaterThanOrEqual(4);

    await maya.setViewportSize({ width: 1024, height: 768 });
    await checked(maya, 'workload on a tablet');
    await shot(maya, 'workload-1024');
    await maya.setViewportSize({ width: 1440, height: 900 });

    // A word for Sam on the task she moved to him: "@Sa", Enter picks him, Ctrl+Enter posts.
    await maya.goto(`${studio.baseUrl}/sessions/${bookedId}`);
    const card = maya.getByRole('article', { name: phones });
    await card.waitFor();
    await card.getByRole('button', { name: /^Comments on/ }).click();
    const box = card.getByRole('textbox', { name: `Comment on “${phones}”` });
    await box.click();
    await maya.keyboard.type('@Sa');
    await card.getByRole('option', { name: 'Sam Reyes' }).waitFor();
    await maya.keyboard.press('Enter');
    await maya.keyboard.type('the singer wants more reverb in the cans');
    await checked(maya, 'board with a comment being written');
    await maya.keyboard.press('Control+Enter');
    await card.getByRole('region', { name: `Comments on “${phones}”` }).getByText('@Sam Reyes').waitFor();
    await expect.poll(() => box.inputValue()).toBe('');
    // The staff board counts it live; Sam's tablet says he was named, without a reload.
    await staffBoard.getByRole('article', { name: phones }).getByRole('button', { name: /^Comments \(1\) on/ }).waitFor({ timeout: 10_000 });
    await samTablet.getByRole('link', { name: 'Mentions 1 unread' }).waitFor({ timeout: 10_000 });
    await samTablet.getByRole('link', { name: 'Mentions 1 unread' }).click();
    await samTablet.getByRole('heading', { level: 1, name: 'Mentions' }).waitFor();
    const mention = samTablet.getByRole('listitem').filter({ hasText: 'more reverb in the cans' });
    expect(await mention.textContent()).toContain(`Maya Okafor on “${phones}” in ${BOOKED}`);
    await checked(samTablet, 'mentions (tablet)');
    await shot(samTablet, 'mentions-1024');
    await mention.getByRole('link', { name: 'Open the task on the board' }).click();
    await samTablet.getByRole('article', { name: phones }).waitFor();
    // Opening it marked it read: the bell has no count any more.
    await samTablet.getByRole('link', { name: 'Mentions', exact: true }).waitFor();
    expect(problems.splice(0)).toEqual([]);
  });

  it('the server goes down and comes back during the board journey: reconnecting, writes paused, caught up without a reload', async () => {
    const board = staffBoard;
    const warmUp = 'Warm up the U47 (PSU in rack 2), set the pop filter';
    const card = board.getByRole('article', { name: warmUp });
    const startButton = card.getByRole('button', { name: /^Start: move/ });
    expect(await startButton.isEnabled()).toBe(true);
    // A mark on the page: it must still be there at the end (no reload).
    await board.evaluate(() => Object.assign(window, { journeyMark: 'same page' }));
    // A comment half-written when the server goes: it waits with the words kept, then posts.
    const talkback = 'Lead vox mic and talkback check';
    const talkbackCard = board.getByRole('article', { name: talkback });
    await talkbackCard.getByRole('button', { name: /^Comments on/ }).click();
    const box = talkbackCard.getByRole('textbox', { name: `Comment on “${talkback}”` });
    await box.fill('Talkback mic is the SM57 on the desk');
    const post = talkbackCard.getByRole('button', { name: 'Post' });
    expect(await post.isEnabled()).toBe(true);

    await studio.stop();
    try {
      await board.getByText('Reconnecting…').first().waitFor({ timeout: 15_000 });
      await board.getByText('Changes are paused until Patchbay is back.').waitFor();
      expect(await startButton.isDisabled()).toBe(true);
      expect(await board.getByRole('button', { name: /New task/ }).isDisabled()).toBe(true);
      expect(await post.isDisabled()).toBe(true);
      await talkbackCard.getByText('Posting waits until Patchbay is back; what you typed stays here.').waitFor();
      expect(await box.inputValue()).toBe('Talkback mic is the SM57 on the desk');
      await checked(board, 'board while reconnecting');
      await shot(board, 'board-reconnecting-1440');
    } finally {
      // Back on the same database and port, whatever happened (the artist's journey needs it).
      await studio.start();
    }

    // Someone else moves a task meanwhile (through the API): the page shows it, back yet or not.
    const tasks = ((await (await board.request.get(`${studio.baseUrl}/api/sessions/${bookedId}/board`)).json()) as { tasks: Array<{ id: string; title: string; version: number }> }).tasks;
    const warm = tasks.find((t) => t.title === warmUp)!;
    const moved = await board.request.post(`${studio.baseUrl}/api/tasks/${warm.id}/move`, { data: { version: warm.version, status: 'BLOCKED', index: 0, blockedReason: 'The U47’s PSU is back from repair at noon' } });
    expect(moved.status()).toBe(200);

    // The page reconnects by itself, lifts the pause and shows the change.
    await board.getByText('Live', { exact: true }).first().waitFor({ timeout: 30_000 });
    const blocked = board.getByRole('region', { name: /^Blocked/ }).getByRole('article', { name: warmUp });
    await blocked.waitFor({ timeout: 15_000 });
    // With what it waits for, on the card.
    expect(await blocked.textContent()).toContain('Waiting for: The U47’s PSU is back from repair at noon');
    expect(await board.getByText('Changes are paused until Patchbay is back.').count()).toBe(0);
    expect(await board.getByRole('article', { name: warmUp }).getByRole('button', { name: /^Unblock: move/ }).isEnabled()).toBe(true);
    await post.click();
    await talkbackCard.getByRole('region', { name: `Comments on “${talkback}”` }).getByText('Talkback mic is the SM57 on the desk').waitFor();
    await expect.poll(() => box.inputValue()).toBe('');
    expect(await board.evaluate(() => (window as unknown as { journeyMark?: string }).journeyMark)).toBe('same page');
    expect(problems.splice(0)).toEqual([]);
  });

  it('the artist on a phone: their sessions and call times, nothing internal', async () => {
    const ada = await signIn({ width: 390, height: 844 }, 'ada@quinn.music', { hasTouch: true });
    // Every API answer the artist's browser gets from here on (the sign-in is behind us).
    const answers: Promise<string>[] = [];
    ada.on('response', (r) => {
      if (r.url().includes('/api/')) answers.push(r.text().catch(() => ''));
    });
    await ada.reload();
    await ada.getByRole('heading', { level: 1 }).first().waitFor();
    expect(new URL(ada.url()).pathname).toBe('/artist');
    await ada.getByText('Call time').first().waitFor();
    const text = (await ada.locator('#main').textContent()) ?? '';
    // Their sessions (Ada Quinn's project), with call times; not the band's.
    expect(text).toContain('Lead vocal overdubs');
    expect(text).not.toContain('Northern Lights');
    expect(text).not.toContain('Lantern');
    // Nothing internal: no tasks, routing reasons, hours or the studio's pages.
    for (const internal of ['Why:', 'Routing', 'booked', 'Assign', 'Workload']) expect(text, `the artist page shows "${internal}"`).not.toContain(internal);
    // One page in the menu: theirs.
    expect(await ada.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).toEqual(['Your sessions']);
    expect((await ada.request.get(`${studio.baseUrl}/api/workload`)).status()).toBe(403);
    await ada.waitForLoadState('networkidle');
    const bodies = (await Promise.all(answers)).join('\n');
    expect(bodies).toContain('Lead vocal overdubs');
    // Internal fields never leave the server for a guest.
    for (const field of ['routingReason', 'assignee', 'capacityMinutes', '@blackbird.studio', 'notes"']) expect(bodies, `an answer to the artist holds ${field}`).not.toContain(field);
    await checked(ada, 'artist page (phone)');
    await shot(ada, 'artist-390', true);
    expect(problems.splice(0)).toEqual([]);
  });

  async function roomId(page: Page, name: string): Promise<string> {
    const { rooms } = (await (await page.request.get(`${studio.baseUrl}/api/studio`)).json()) as { rooms: Array<{ id: string; name: string }> };
    return rooms.find((r) => r.name === name)!.id;
  }
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Parsed with the library the export is written with (its byte-order mark dropped). */
function parseCsv(text: string): string[][] {
  return Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
}
