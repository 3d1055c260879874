// Start / wrap / reopen on the board header and the run sheet: who sees the button, what it
// sends, the "tasks not done" question, refusals, and status changes arriving live.
import type { Session, SessionStatus, Task } from '@patchbay/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MAYA, SAM, SESSION_ID, THEO, ev, makeLine, makeSession, makeSnapshot, makeTask, studio, taskKinds } from './fixtures';
import { FakeRealtime, apiError, json, meAs, mockApi, renderApp } from './harness';

type Who = 'maya' | 'sam' | 'theo';
const PEOPLE = {
  maya: { member: MAYA, role: 'PRODUCER' },
  sam: { member: SAM, role: 'ENGINEER' },
  theo: { member: THEO, role: 'ASSISTANT_ENGINEER' },
} as const;

const tasks = (...statuses: Task['status'][]) => statuses.map((status, i) => makeTask(i + 1, { status, assignee: THEO }));

function setup({ status = 'PLANNED', who = 'maya', board = tasks('TODO', 'IN_PROGRESS', 'DONE'), path = '' }: { status?: SessionStatus; who?: Who; board?: Task[]; path?: string } = {}) {
  const person = PEOPLE[who];
  const session = makeSession({ status, seq: 10 });
  const answer = (next: SessionStatus, warnings: { code: 'tasks_not_done'; message: string }[] = []) => () => json({ session: { ...session, status: next, seq: 11 }, warnings });
  const api = mockApi({
    'GET /auth/me': () => json(meAs(person.role, person.member)),
    'GET /studio': () => json(studio),
    'GET /task-kinds': () => json(taskKinds),
    'GET /gear': () => json({ items: [] }),
    [`GET /sessions/${SESSION_ID}/board`]: () => json(makeSnapshot(board, 10, session, [makeLine(1, { part: 'CHECK', text: 'Power up the console', channel: null })])),
    [`GET /sessions/${SESSION_ID}/events`]: () => json({ events: [], seq: 10, reset: false }),
    [`GET /sessions/${SESSION_ID}/setup/context`]: () => json({ gear: [], uses: [], issues: [] }),
    [`POST /sessions/${SESSION_ID}/start`]: answer('IN_PROGRESS'),
    [`POST /sessions/${SESSION_ID}/wrap`]: answer('WRAPPED', [{ code: 'tasks_not_done', message: '2 tasks not done' }]),
    [`POST /sessions/${SESSION_ID}/reopen`]: answer('IN_PROGRESS'),
  });
  const realtime = new FakeRealtime();
  renderApp(`/sessions/${SESSION_ID}${path}`, realtime);
  return { api, realtime, session };
}

/** The board header once the board is live (and the studio, which says who leads the project, is in). */
const header = async () => {
  const heading = await screen.findByRole('heading', { level: 1, name: 'Drum tracking' });
  await screen.findByText('Live');
  return heading.closest('header') as HTMLElement;
};
const statusGroup = () => screen.queryByRole('group', { name: 'Session status' });
const posts = (api: ReturnType<typeof mockApi>) => api.writes().map((c) => `${c.method} ${c.path}`);
const pushSession = (realtime: FakeRealtime, seq: number, session: Session) => realtime.push(ev.session(seq, session));

describe('session status on the board header', () => {
  it('shows Planned and "Start session" to the lead producer; starting sends POST /start and the header follows', async () => {
    const env = setup();
    const top = await header();
    expect(within(top).getByText('Planned')).toBeTruthy();
    const start = await within(top).findByRole('button', { name: 'Start session' });
    fireEvent.click(start);
    await waitFor(() => expect(posts(env.api)).toEqual([`POST /sessions/${SESSION_ID}/start`]));
    expect(await screen.findByText('Session started')).toBeTruthy();
    // Our own change arrives as the board's event (the socket is not spared for it).
    pushSession(env.realtime, 11, { ...env.session, status: 'IN_PROGRESS', seq: 11 });
    expect(await within(top).findByText('In progress')).toBeTruthy();
    expect(within(top).getByRole('button', { name: 'Wrap session' })).toBeTruthy();
    expect(within(top).queryByRole('button', { name: 'Start session' })).toBeNull();
  });

  it('asks before wrapping with tasks not done ("2 tasks not done. Wrap anyway?"); "Not yet" sends nothing', async () => {
    const env = setup({ status: 'IN_PROGRESS' });
    const top = await header();
    fireEvent.click(await within(top).findByRole('button', { name: 'Wrap session' }));
    expect(within(within(top).getByRole('group', { name: 'Session status' })).getByText('2 tasks not done. Wrap anyway?')).toBeTruthy();
    const anyway = within(top).getByRole('button', { name: 'Wrap anyway' });
    await waitFor(() => expect(document.activeElement).toBe(anyway));
    fireEvent.click(within(top).getByRole('button', { name: 'Not yet' }));
    expect(within(top).getByRole('button', { name: 'Wrap session' })).toBeTruthy();
    expect(posts(env.api)).toEqual([]);

    fireEvent.click(within(top).getByRole('button', { name: 'Wrap session' }));
    fireEvent.click(within(top).getByRole('button', { name: 'Wrap anyway' }));
    await waitFor(() => expect(posts(env.api)).toEqual([`POST /sessions/${SESSION_ID}/wrap`]));
    // The answer's warning is said once it is done.
    expect(await screen.findByText('Session wrapped')).toBeTruthy();
    expect(screen.getByText('2 tasks not done')).toBeTruthy();
  });

  it('wraps at once when every task is done', async () => {
    const env = setup({ status: 'IN_PROGRESS', board: tasks('DONE', 'DONE') });
    fireEvent.click(await within(await header()).findByRole('button', { name: 'Wrap session' }));
    await waitFor(() => expect(posts(env.api)).toEqual([`POST /sessions/${SESSION_ID}/wrap`]));
  });

  it('offers "Reopen session" on a wrapped session, and nothing on a cancelled one', async () => {
    const env = setup({ status: 'WRAPPED' });
    const top = await header();
    fireEvent.click(await within(top).findByRole('button', { name: 'Reopen session' }));
    await waitFor(() => expect(posts(env.api)).toEqual([`POST /sessions/${SESSION_ID}/reopen`]));
    pushSession(env.realtime, 11, { ...env.session, status: 'CANCELLED', seq: 11 });
    expect(await within(top).findByText('Cancelled')).toBeTruthy();
    expect(statusGroup()).toBeNull();
  });

  it('follows status changes made elsewhere, live: work started by someone else turns Start into Wrap', async () => {
    const env = setup();
    const top = await header();
    await within(top).findByRole('button', { name: 'Start session' });
    pushSession(env.realtime, 11, { ...env.session, status: 'IN_PROGRESS', seq: 11 });
    expect(await within(top).findByText('In progress')).toBeTruthy();
    expect(within(top).getByRole('button', { name: 'Wrap session' })).toBeTruthy();
    expect(posts(env.api)).toEqual([]);
  });

  it('waits while the board has lost its connection: Start is off and sends nothing until it is back', async () => {
    const env = setup();
    const start = await within(await header()).findByRole('button', { name: 'Start session' });
    env.realtime.setStatus('reconnecting');
    await waitFor(() => expect(start.hasAttribute('disabled')).toBe(true));
    fireEvent.click(start);
    expect(posts(env.api)).toEqual([]);
    env.realtime.setStatus('connected');
    await waitFor(() => expect(start.hasAttribute('disabled')).toBe(false));
    fireEvent.click(start);
    await waitFor(() => expect(posts(env.api)).toEqual([`POST /sessions/${SESSION_ID}/start`]));
  });

  it('says why a refused change was refused', async () => {
    const env = setup();
    env.api.route(`POST /sessions/${SESSION_ID}/start`, () => apiError(409, 'CONFLICT', 'This session is cancelled: un-cancel it before starting'));
    fireEvent.click(await within(await header()).findByRole('button', { name: 'Start session' }));
    expect(await screen.findByText("Couldn't start the session")).toBeTruthy();
    expect(screen.getByText('This session is cancelled: un-cancel it before starting')).toBeTruthy();
  });

  it.each<[Who, boolean]>([
    ['maya', true],
    ['sam', true],
    ['theo', false],
    // Guests have their own view of a session (and no 'sessions.run'; the server refuses them too).
  ])('%s sees the control: %s', async (who, shown) => {
    setup({ who });
    await header();
    await waitFor(() => expect(statusGroup() !== null).toBe(shown));
    expect(screen.queryByRole('button', { name: 'Start session' }) !== null).toBe(shown);
  });
});

describe('session status on the run sheet', () => {
  it('gives the session engineer a large Start button, then Wrap once it is in progress', async () => {
    const env = setup({ who: 'sam', path: '/run-sheet' });
    const start = await screen.findByRole('button', { name: 'Start session' });
    expect(start.className).toContain('button--touch');
    expect(screen.getByText('Planned')).toBeTruthy();
    fireEvent.click(start);
    await waitFor(() => expect(posts(env.api)).toEqual([`POST /sessions/${SESSION_ID}/start`]));
    pushSession(env.realtime, 11, { ...env.session, status: 'IN_PROGRESS', seq: 11 });
    expect(await screen.findByRole('button', { name: 'Wrap session' })).toBeTruthy();
    expect(screen.getByText('In progress')).toBeTruthy();
  });

  it('shows the status but no control to an assistant who only has a task there', async () => {
    setup({ who: 'theo', path: '/run-sheet' });
    expect(await screen.findByText('Planned')).toBeTruthy();
    await screen.findByText('Live');
    expect(statusGroup()).toBeNull();
  });
});
