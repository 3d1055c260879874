import { PROTOCOL_VERSION } from '@patchbay/shared/realtime/events';
// The live board's interactions: drag and drop (keyboard), the optimistic layer and its
// rollback, the edit conflict dialog, presence, the activity feed, and memoized cards.
import type { Presence, Task } from '@patchbay/shared';
import { TASK_STATUSES } from '@patchbay/shared/domain/roles';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderCounts } from '../../client/src/lib/render-count';
import { MAYA, SAM, SESSION_ID, THEO, ev, makeSnapshot, makeTask, order, studio, taskKinds } from './fixtures';
import { FakeRealtime, apiError, json, meAs, mockApi, renderApp } from './harness';

const mic = makeTask(1, { title: 'Mic the kit', version: 3, notes: 'Overheads on the Coles pair.' });
const phones = makeTask(2, { title: 'Set headphone mixes', status: 'IN_PROGRESS', position: 0 });
const tempo = makeTask(3, { title: 'Agree tempo map', status: 'BLOCKED', kind: 'arrangement', role: 'PRODUCER', assignee: MAYA });
const power = makeTask(4, { title: 'Power up console', status: 'DONE', assignee: SAM });

const BOARD = `GET /sessions/${SESSION_ID}/board`;
const EVENTS = `GET /sessions/${SESSION_ID}/events`;

function setup(tasks: Task[] = [mic, phones, tempo, power], routes: Parameters<typeof mockApi>[0] = {}, query = '') {
  const api = mockApi({
    'GET /studio': () => json(studio),
    'GET /task-kinds': () => json(taskKinds),
    [BOARD]: () => json(makeSnapshot(tasks, 10)),
    ...routes,
  });
  const realtime = new FakeRealtime();
  const view = renderApp(`/sessions/${SESSION_ID}${query}`, realtime);
  return { api, realtime, view };
}

const column = (name: string) => screen.getByRole('region', { name: new RegExp(`^${name}`) });
const titlesIn = (name: string) => within(column(name)).queryAllByRole('heading', { level: 3 }).map((h) => h.textContent);
const card = (columnName: string, title: string) => within(column(columnName)).getByRole('article', { name: title });

/** The board is up and live (a 300-card board's first render can take seconds on a busy machine). */
async function loaded(timeout?: number) {
  await screen.findByRole('heading', { level: 1, name: 'Drum tracking' }, { timeout });
  await screen.findByText('Live', {}, { timeout });
}

/** A response the test sends when it wants (to see the board before the server answers). */
function deferred() {
  let send!: (response: Response) => void;
  const response = new Promise<Response>((resolve) => {
    send = resolve;
  });
  return { handler: () => response, send: (r: Response) => act(async () => send(r)) };
}

/**
 * happy-dom does no layout: give the columns and cards boxes from the DOM order (column i at
 * x = 300·i, card j of a column at y = 60 + 120·j), so dnd-kit measures a real-looking board.
 */
function stubLayout() {
  const box = (x: number, y: number, width: number, height: number) =>
    ({ x, y, left: x, top: y, width, height, right: x + width, bottom: y + height, toJSON: () => ({}) }) as DOMRect;
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    const section = this.closest('section[data-status]');
    const col = section ? TASK_STATUSES.indexOf(section.getAttribute('data-status') as (typeof TASK_STATUSES)[number]) : -1;
    if (this.matches('section[data-status]')) return box(col * 300, 0, 280, 2000);
    const item = this.closest('li.task-card__item');
    if (item?.parentElement && col >= 0) {
      const index = [...item.parentElement.children].indexOf(item);
      return box(col * 300 + 10, 60 + index * 120, 260, 110);
    }
    return box(0, 0, 0, 0);
  });
}

const announcement = () => document.querySelector('[id^="DndLiveRegion"]')?.textContent ?? '';

/** Keyboard drag with dnd-kit's keyboard sensor: pick up on the grip, arrow keys, then drop or cancel. */
async function keyboardDrag(title: string, keys: string[], end: 'Space' | 'Escape' = 'Space') {
  const grip = screen.getByRole('button', { name: `Drag “${title}”` });
  grip.focus();
  fireEvent.keyDown(grip, { code: 'Space', key: ' ' });
  // The sensor listens on the document from the next tick on.
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  for (const code of keys) {
    fireEvent.keyDown(document.activeElement ?? document, { code, key: code });
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  }
  fireEvent.keyDown(document.activeElement ?? document, { code: end, key: end === 'Space' ? ' ' : end });
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

describe('drag and drop with the keyboard', () => {
  beforeEach(() => stubLayout());

  it('moves a card to the next column: POST /move with version, status and index, shown at once', async () => {
    const answer = deferred();
    const { api } = setup(undefined, { [`POST /tasks/${mic.id}/move`]: answer.handler });
    await loaded();

    await keyboardDrag('Mic the kit', ['ArrowRight']);

    expect(api.writes()).toHaveLength(1);
    expect(api.writes()[0]).toMatchObject({ method: 'POST', path: `/tasks/${mic.id}/move`, body: { version: 3, status: 'IN_PROGRESS', index: 0 } });
    expect(api.writes()[0]?.headers['x-socket-id']).toBe('socket-abc');
    // Before the server answers, the card is already there (on top), and gone from To do.
    expect(titlesIn('In progress')).toEqual(['Mic the kit', 'Set headphone mixes']);
    expect(titlesIn('To do')).toEqual([]);
    expect(announcement()).toBe('Dropped “Mic the kit” in In progress, position 1 of 2.');

    const moved = { ...mic, status: 'IN_PROGRESS' as const, version: 4, position: 0 };
    await answer.send(json({ task: moved, columns: { IN_PROGRESS: order(moved, { ...phones }), TODO: [] }, seq: 11 }));
    expect(titlesIn('In progress')).toEqual(['Mic the kit', 'Set headphone mixes']);
    expect(card('In progress', 'Mic the kit').getAttribute('aria-busy')).toBe('false');
  });

  it('reorders within a column (down twice: third place) and announces each step', async () => {
    const a = makeTask(11, { title: 'Alpha', position: 0 });
    const b = makeTask(12, { title: 'Bravo', position: 1 });
    const c = makeTask(13, { title: 'Charlie', position: 2 });
    const { api } = setup([a, b, c], {
      [`POST /tasks/${a.id}/move`]: () => json({ task: { ...a, version: 2, position: 2 }, columns: { TODO: order(b, c, { ...a, version: 2 }) }, seq: 11 }),
    });
    await loaded();

    await keyboardDrag('Alpha', ['ArrowDown', 'ArrowDown']);

    expect(api.writes().map((w) => w.body)).toEqual([{ version: 1, status: 'TODO', index: 2 }]);
    await waitFor(() => expect(titlesIn('To do')).toEqual(['Bravo', 'Charlie', 'Alpha']));
    expect(announcement()).toBe('Dropped “Alpha” in To do, position 3 of 3.');
  });

  it('Escape puts the card back and sends nothing', async () => {
    const { api } = setup();
    await loaded();
    await keyboardDrag('Mic the kit', ['ArrowRight', 'ArrowRight'], 'Escape');
    expect(api.writes()).toEqual([]);
    expect(titlesIn('To do')).toEqual(['Mic the kit']);
    expect(titlesIn('Blocked')).toEqual(['Agree tempo map']);
    expect(announcement()).toBe('Cancelled. “Mic the kit” stays in To do.');
  });

  it('offers a drag handle only on the cards this member may move', async () => {
    mockApi({
      'GET /auth/me': () => json(meAs('ENGINEER', SAM)),
      'GET /studio': () => json(studio),
      'GET /task-kinds': () => json(taskKinds),
      [BOARD]: () => json(makeSnapshot([mic, tempo], 10)),
    });
    renderApp(`/sessions/${SESSION_ID}`, new FakeRealtime());
    await loaded();
    // Sam is the assignee of "Mic the kit", not of Maya's "Agree tempo map".
    expect(within(card('To do', 'Mic the kit')).getByRole('button', { name: 'Drag “Mic the kit”' })).toBeTruthy();
    expect(within(card('Blocked', 'Agree tempo map')).queryByRole('button', { name: /^Drag/ })).toBeNull();
  });
});

describe('optimistic moves roll back when the server refuses', () => {
  beforeEach(() => stubLayout());

  it('a drag refused with 409 goes back to the server’s truth (details.current), with a message', async () => {
    const answer = deferred();
    setup(undefined, { [`POST /tasks/${mic.id}/move`]: answer.handler });
    await loaded();
    await keyboardDrag('Mic the kit', ['ArrowRight']);
    expect(titlesIn('In progress')).toContain('Mic the kit');

    const current = { ...mic, status: 'DONE' as const, version: 6, assignee: THEO };
    await answer.send(apiError(409, 'VERSION_CONFLICT', 'Task was changed by someone else', { current }));

    const alert = await screen.findByText("Couldn't move “Mic the kit”: someone else changed it first.");
    expect(alert.closest('[role="alert"]')).not.toBeNull();
    expect(titlesIn('In progress')).toEqual(['Set headphone mixes']);
    expect(titlesIn('Done')).toEqual(['Mic the kit', 'Power up console']);
    expect(card('Done', 'Mic the kit').textContent).toContain('Theo Grant');
  });

  it('a status change refused with 403 goes back where it was, with the reason', async () => {
    const answer = deferred();
    const { api } = setup(undefined, { [`PATCH /tasks/${mic.id}`]: answer.handler });
    await loaded();

    fireEvent.click(within(card('To do', 'Mic the kit')).getByRole('button', { name: 'Start: move “Mic the kit” to In progress' }));
    // At once, before any answer: in In progress (at the end), busy.
    expect(titlesIn('In progress')).toEqual(['Set headphone mixes', 'Mic the kit']);
    expect(card('In progress', 'Mic the kit').getAttribute('aria-busy')).toBe('true');
    expect(api.writes().map((w) => w.body)).toEqual([{ version: 3, status: 'IN_PROGRESS' }]);

    await answer.send(apiError(403, 'FORBIDDEN', 'You may only move your own tasks'));

    const alert = await screen.findByText('Couldn\'t move “Mic the kit”.');
    expect(alert.closest('[role="alert"]')?.textContent).toContain('You may only move your own tasks');
    expect(titlesIn('To do')).toEqual(['Mic the kit']);
    expect(titlesIn('In progress')).toEqual(['Set headphone mixes']);
    // Keyboard focus follows the card back.
    await waitFor(() => expect(document.activeElement).toBe(card('To do', 'Mic the kit')));
  });
});

describe('editing a task and the conflict dialog', () => {
  async function editNotes(text: string) {
    fireEvent.click(within(card('To do', 'Mic the kit')).getByRole('button', { name: 'Edit “Mic the kit”' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit “Mic the kit”' });
    // Studio words: no version numbers.
    expect(within(dialog).getByText(/asks which to keep/)).toBeTruthy();
    expect(dialog.textContent).not.toMatch(/version \d/);
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Notes/ }), { target: { value: text } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
  }

  const theirs = { ...mic, version: 5, title: 'Mic the kit (kick and snare)', notes: 'Use the D112 on the kick.', estimateMinutes: 45 };

  it('shows an edit at once and sends only what changed, with the version', async () => {
    const answer = deferred();
    const { api } = setup(undefined, { [`PATCH /tasks/${mic.id}`]: answer.handler });
    await loaded();
    await editNotes('Overheads on the 414s.');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(card('To do', 'Mic the kit').textContent).toContain('Overheads on the 414s.');
    expect(api.writes().map((w) => w.body)).toEqual([{ version: 3, notes: 'Overheads on the 414s.' }]);
    await answer.send(json({ ...mic, notes: 'Overheads on the 414s.', version: 4 }));
    expect(card('To do', 'Mic the kit').textContent).toContain('Overheads on the 414s.');
  });

  it('on 409 compares theirs and mine field by field; re-apply sends my change on their version', async () => {
    const { api } = setup(undefined, {
      [`PATCH /tasks/${mic.id}`]: (call) =>
        (call.body as { version: number }).version === 3
          ? apiError(409, 'VERSION_CONFLICT', 'Task was changed by someone else', { current: theirs })
          : json({ ...theirs, notes: 'Overheads on the 414s.', version: 6 }),
    });
    await loaded();
    await editNotes('Overheads on the 414s.');

    const dialog = await screen.findByRole('dialog', { name: '“Mic the kit (kick and snare)” was changed while you were editing' });
    // In studio words: who saved first and what happens now, no version numbers.
    expect(dialog.textContent).toContain('Someone else saved this task');
    expect(dialog.textContent).not.toMatch(/version \d|\(version/);
    const row = (field: string) => within(dialog).getByRole('row', { name: new RegExp(`^${field}`) });
    expect(within(row('Title')).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Mic the kit (kick and snare)', 'Mic the kit', 'They changed']);
    expect(within(row('Notes')).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Use the D112 on the kick.', 'Overheads on the 414s.', 'Both changed']);
    expect(within(row('Estimate')).getAllByRole('cell').map((c) => c.textContent)).toEqual(['45 min', '1 h', 'They changed']);
    expect(within(row('Status')).getAllByRole('cell').map((c) => c.textContent)).toEqual(['To do', 'To do', 'Same']);
    expect(within(row('Assignee')).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Sam Reyes', 'Sam Reyes', 'Same']);
    // Meanwhile the board shows their version, not my unsaved change.
    const now = card('To do', 'Mic the kit (kick and snare)');
    expect(now.textContent).toContain('Use the D112 on the kick.');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Re-apply my change' }));

    await waitFor(() => expect(api.writes()).toHaveLength(2));
    expect(api.writes().map((w) => w.body)).toEqual([
      { version: 3, notes: 'Overheads on the 414s.' },
      { version: 5, notes: 'Overheads on the 414s.' },
    ]);
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(card('To do', 'Mic the kit (kick and snare)').textContent).toContain('Overheads on the 414s.'));
  });

  it('keep theirs discards my change and sends nothing more', async () => {
    const { api } = setup(undefined, {
      [`PATCH /tasks/${mic.id}`]: () => apiError(409, 'VERSION_CONFLICT', 'Task was changed by someone else', { current: theirs }),
    });
    await loaded();
    await editNotes('Overheads on the 414s.');
    const dialog = await screen.findByRole('dialog', { name: /was changed while you were editing/ });

    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep theirs' }));

    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.writes()).toHaveLength(1);
    const now = card('To do', 'Mic the kit (kick and snare)');
    expect(now.textContent).toContain('Use the D112 on the kick.');
    expect(now.textContent).not.toContain('Overheads on the 414s.');
  });
});

describe('presence', () => {
  const presence = (viewers: Presence['viewers'], sessionId = SESSION_ID): Presence => ({ v: PROTOCOL_VERSION, sessionId, viewers });

  it('shows who else is viewing from presence.changed, live, without me', async () => {
    const { realtime } = setup();
    await loaded();
    expect(screen.queryByRole('group', { name: 'Also viewing this board' })).toBeNull();

    realtime.pushPresence(
      presence([
        { memberId: MAYA.id, name: MAYA.name, accessRole: 'PRODUCER', connections: 1 },
        { memberId: SAM.id, name: SAM.name, accessRole: 'ENGINEER', connections: 2 },
        { memberId: THEO.id, name: THEO.name, accessRole: 'ASSISTANT_ENGINEER', connections: 1 },
      ]),
    );
    const group = screen.getByRole('group', { name: 'Also viewing this board' });
    // Named by their words: the initials shown, the full description read out.
    const avatars = within(group).getAllByRole('button');
    expect(avatars.map((a) => [a.querySelector('[aria-hidden="true"]')?.textContent, a.querySelector('.visually-hidden')?.textContent])).toEqual([
      ['SR', 'Sam Reyes (Engineer, 2 tabs)'],
      ['TG', 'Theo Grant (Assistant engineer)'],
    ]);
    expect(within(group).getByRole('button', { name: 'Sam Reyes (Engineer, 2 tabs)' })).toBe(avatars[0]);
    // Focusable, so the name shows on focus as on hover.
    expect(avatars[0]?.tabIndex).toBe(0);
    expect(within(group).getByText('2 others here')).toBeTruthy();

    // Another board's presence changes nothing here.
    realtime.pushPresence(presence([], '22222222-2222-4222-8222-222222222222'));
    expect(within(group).getByText('2 others here')).toBeTruthy();

    realtime.pushPresence(presence([{ memberId: MAYA.id, name: MAYA.name, accessRole: 'PRODUCER', connections: 1 }]));
    expect(within(group).queryAllByRole('button')).toEqual([]);
    expect(within(group).getByText('Only you here')).toBeTruthy();

    // Disconnected: who is here is unknown, so nothing is claimed.
    realtime.setStatus('reconnecting');
    expect(screen.queryByRole('group', { name: 'Also viewing this board' })).toBeNull();
  });
});

describe('activity feed', () => {
  /** An event at 09:mm on a day long past (our own writes are "now", so newer). */
  const at = <E extends { at: string }>(event: E, minute: number): E => ({ ...event, at: `2020-01-01T09:${String(minute).padStart(2, '0')}:00.000Z` });

  it('lists changes from the history, live events and our own writes, with actors, newest first, once each', async () => {
    const cue = makeTask(9, { title: 'Print the cue sheet' });
    const { api, realtime } = setup(undefined, {
      [EVENTS]: (call) => {
        const after = call.query.get('after');
        if (after === '0') return json({ events: [at(ev.created(9, cue, THEO), 0), at(ev.updated(10, { ...power, version: 2 }, ['status'], null), 10)], seq: 10, reset: false });
        // The catch-up after our own write: its event (and nothing else).
        return json({ events: [at(ev.updated(12, { ...phones, status: 'DONE', version: 2 }, ['status', 'position'], MAYA), 30)], seq: 12, reset: false });
      },
      [`PATCH /tasks/${phones.id}`]: () => json({ ...phones, status: 'DONE', version: 2 }),
    });
    await loaded();
    await waitFor(() => expect(api.calls.some((c) => c.path.endsWith('/events') && c.query.get('after') === '0')).toBe(true));

    realtime.push(at(ev.moved(11, { ...mic, status: 'IN_PROGRESS', version: 4 }, { TODO: [], IN_PROGRESS: order({ ...mic, version: 4 }, phones) }), 20));
    fireEvent.click(within(card('In progress', 'Set headphone mixes')).getByRole('button', { name: /^Done: move/ }));
    await waitFor(() => expect(titlesIn('Done')).toContain('Set headphone mixes'));

    const toggle = screen.getByRole('button', { name: /^Activity/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    const panel = screen.getByRole('region', { name: 'Recent activity' });
    const entries = () => within(panel).getAllByRole('listitem').map((li) => li.querySelector('.activity__text')?.textContent);
    await waitFor(() => expect(entries()[0]).toBe('You moved ‘Set headphone mixes’ to Done'));
    expect(entries()).toEqual([
      'You moved ‘Set headphone mixes’ to Done',
      'Sam Reyes moved ‘Mic the kit’ to In progress',
      'Patchbay moved ‘Power up console’ to Done',
      'Theo Grant added ‘Print the cue sheet’',
    ]);

    // Our write's own event arrives (catch-up fetch after the write): still one entry for it.
    await waitFor(() => expect(api.calls.some((c) => c.path.endsWith('/events') && c.query.get('after') === '11')).toBe(true));
    await waitFor(() => expect(within(panel).getAllByRole('listitem')[0]?.querySelector('time')?.getAttribute('dateTime')).toBe('2020-01-01T09:30:00.000Z'));
    expect(entries()).toEqual([
      'You moved ‘Set headphone mixes’ to Done',
      'Sam Reyes moved ‘Mic the kit’ to In progress',
      'Patchbay moved ‘Power up console’ to Done',
      'Theo Grant added ‘Print the cue sheet’',
    ]);

    // A deleted task is named by its last known title.
    realtime.push(at(ev.deleted(13, tempo.id), 40));
    await waitFor(() => expect(entries()[0]).toBe('Sam Reyes deleted ‘Agree tempo map’'));
    expect(within(panel).getAllByRole('listitem')[0]?.textContent).toMatch(/· (just now|\d+ (min|h|days) ago|yesterday)$/);
  });
});

describe('a board of 300 tasks', () => {
  const many = Array.from({ length: 300 }, (_, i) => makeTask(100 + i, { title: `Task ${i}`, status: TASK_STATUSES[i % 4], position: Math.floor(i / 4) }));
  const inColumn = (status: string) => many.filter((t) => t.status === status);

  it('renders only the card an event changed, also when a move renumbers its column', async () => {
    const { realtime } = setup(many);
    await loaded(20_000);
    expect(document.querySelectorAll('article[data-task-id]')).toHaveLength(300);
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));

    renderCounts.clear();
    const renamed = { ...many[5]!, title: 'Renamed', version: 2 };
    realtime.push(ev.updated(11, renamed, ['title']));
    expect(screen.getByRole('article', { name: 'Renamed' })).toBeTruthy();
    expect([...renderCounts.keys()].sort()).toEqual([`BoardColumn:${renamed.status}`, `TaskCard:${renamed.id}`]);

    // Task 10 (To do) to the top of In progress: every card below it there gets a new position.
    renderCounts.clear();
    const moved = { ...many[8]!, status: 'IN_PROGRESS' as const, version: 2, position: 0 };
    const rest = inColumn('IN_PROGRESS');
    realtime.push(ev.moved(12, moved, { IN_PROGRESS: order(moved, ...rest), TODO: order(...inColumn('TODO').filter((t) => t.id !== moved.id)) }));
    expect(titlesIn('In progress')[0]).toBe(moved.title);
    expect([...renderCounts.keys()].sort()).toEqual(['BoardColumn:IN_PROGRESS', 'BoardColumn:TODO', `TaskCard:${moved.id}`]);
  });

  it('also while a search narrows it: a change renders its own column and card only', async () => {
    const { realtime } = setup(many, {}, '?q=Task+1');
    await loaded(20_000);
    // Both words, anywhere: every title has "Task", so the ones with a 1 in them.
    const shown = many.filter((t) => t.title.includes('1')).length;
    expect(document.querySelectorAll('article[data-task-id]')).toHaveLength(shown);
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));

    renderCounts.clear();
    const renamed = { ...many[10]!, title: 'Task 10 renamed', version: 2 };
    realtime.push(ev.updated(11, renamed, ['title']));
    expect(screen.getByRole('article', { name: 'Task 10 renamed' })).toBeTruthy();
    expect([...renderCounts.keys()].sort()).toEqual([`BoardColumn:${renamed.status}`, `TaskCard:${renamed.id}`]);
  });
});
