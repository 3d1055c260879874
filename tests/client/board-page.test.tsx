import type { Task } from '@patchbay/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { MAYA, SAM, SESSION_ID, ev, makeSnapshot, makeTask, studio, taskKinds } from './fixtures';
import { FakeRealtime, apiError, json, meAs, mockApi, renderApp } from './harness';

const mic = makeTask(1, {
  title: 'Mic the kit',
  version: 3,
  estimateMinutes: 90,
  notes: 'Overheads on the Coles pair: phantom OFF.',
});
const phones = makeTask(2, { title: 'Set headphone mixes', status: 'IN_PROGRESS', assignee: null, kind: 'mixing', routingReason: 'Left unassigned on purpose.' });
const tempo = makeTask(3, { title: 'Agree tempo map', status: 'BLOCKED', kind: 'arrangement', role: 'PRODUCER', assignee: MAYA });
const power = makeTask(4, { title: 'Power up console', status: 'DONE', kind: 'room_prep', assignee: SAM });

const BOARD = `GET /sessions/${SESSION_ID}/board`;
const EVENTS = `GET /sessions/${SESSION_ID}/events`;

function setup(tasks: Task[] = [mic, phones, tempo, power]) {
  const api = mockApi({
    'GET /studio': () => json(studio),
    'GET /task-kinds': () => json(taskKinds),
    [BOARD]: () => json(makeSnapshot(tasks, 10)),
  });
  const realtime = new FakeRealtime();
  const view = renderApp(`/sessions/${SESSION_ID}`, realtime);
  return { api, realtime, view };
}

const column = (name: string) => screen.getByRole('region', { name: new RegExp(`^${name}`) });
const card = (columnName: string, title: string) => within(column(columnName)).getByRole('article', { name: title });
const findCard = async (columnName: string, title: string) => {
  await waitFor(() => expect(within(column(columnName)).queryByRole('article', { name: title })).not.toBeNull());
  return card(columnName, title);
};

async function loaded() {
  await screen.findByRole('heading', { level: 1, name: 'Drum tracking' });
  await screen.findByText('Live');
}

describe('session board', () => {
  let env: ReturnType<typeof setup>;
  beforeEach(() => {
    env = setup();
  });

  it('renders the header, the four columns and each card in its column', async () => {
    await loaded();
    expect(screen.getByText('The Hollow Pines – Northern Lights')).toBeTruthy();
    expect(screen.getByText('Tue 24 Nov · 10:00–20:00')).toBeTruthy();
    const facts = screen.getByText('Room').closest('dl') as HTMLElement;
    expect(within(facts).getByText('Live Room A')).toBeTruthy();
    expect(within(facts).getByText('Maya Okafor')).toBeTruthy();
    expect(within(facts).getByText('Sam Reyes')).toBeTruthy();
    expect(within(facts).getByText('1/4 done')).toBeTruthy();

    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(['To do, 1 task', 'In progress, 1 task', 'Blocked, 1 task', 'Done, 1 task']);

    const micCard = card('To do', 'Mic the kit');
    expect(within(micCard).getByText('Mic setup')).toBeTruthy();
    expect(within(micCard).getByText('Engineer')).toBeTruthy();
    expect(micCard.textContent).toContain('Sam Reyes');
    expect(micCard.textContent).toContain('1 h 30 min');
    expect(within(micCard).getByText('Overheads on the Coles pair: phantom OFF.')).toBeTruthy();
    expect(micCard.textContent).toContain('Sam Reyes is the session engineer and knows Live Room A.');

    expect(within(card('In progress', 'Set headphone mixes')).getByText('Unassigned')).toBeTruthy();
    expect(within(card('Blocked', 'Agree tempo map')).getByText('Producer')).toBeTruthy();
    expect(within(card('Done', 'Power up console')).getByText('Room prep')).toBeTruthy();

    // Joined the board from the snapshot's seq.
    expect(env.realtime.joins).toEqual([{ sessionId: SESSION_ID, afterSeq: 10 }]);
  });

  it('moves a task with the version it is based on, and shows it in the new column', async () => {
    await loaded();
    env.api.route(`PATCH /tasks/${mic.id}`, () => json({ ...mic, status: 'IN_PROGRESS', version: 4 }));

    fireEvent.click(within(card('To do', 'Mic the kit')).getByRole('button', { name: 'Start: move “Mic the kit” to In progress' }));

    await findCard('In progress', 'Mic the kit');
    expect(within(column('To do')).queryByRole('article', { name: 'Mic the kit' })).toBeNull();
    const [patch] = env.api.writes();
    expect(patch).toMatchObject({ method: 'PATCH', path: `/tasks/${mic.id}`, body: { version: 3, status: 'IN_PROGRESS' } });
    expect(patch?.headers['x-socket-id']).toBe('socket-abc');
  });

  it('moves a task to any column through the Move menu', async () => {
    await loaded();
    env.api.route(`PATCH /tasks/${mic.id}`, (call) => json({ ...mic, status: (call.body as { status: string }).status, version: 4 }));

    const micCard = card('To do', 'Mic the kit');
    const toggle = within(micCard).getByRole('button', { name: 'Move “Mic the kit” to another column' });
    expect(within(micCard).queryByRole('button', { name: 'Move “Mic the kit” to Blocked' })).toBeNull();
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(within(micCard).getByRole('button', { name: 'Move “Mic the kit” to Blocked' }));

    await findCard('Blocked', 'Mic the kit');
    expect(env.api.writes().map((c) => c.body)).toEqual([{ version: 3, status: 'BLOCKED' }]);
  });

  it('on 409 says what happened and shows the task as it is now (details.current)', async () => {
    await loaded();
    const current = { ...mic, status: 'DONE' as const, version: 5, assignee: MAYA };
    env.api.route(`PATCH /tasks/${mic.id}`, () =>
      apiError(409, 'VERSION_CONFLICT', 'Task was changed by someone else (you edited version 3, it is now at version 5)', { current }),
    );

    fireEvent.click(within(card('To do', 'Mic the kit')).getByRole('button', { name: /^Start: move “Mic the kit”/ }));

    const alert = await screen.findByText("Couldn't move “Mic the kit”: someone else changed it first.");
    expect(alert.closest('[role="alert"]')).not.toBeNull();
    expect(screen.getByText(/It is now in Done\./)).toBeTruthy();
    const refreshed = await findCard('Done', 'Mic the kit');
    expect(refreshed.textContent).toContain('Maya Okafor');
    expect(within(column('To do')).queryByRole('article', { name: 'Mic the kit' })).toBeNull();

    // The next write is based on the version the server reported.
    env.api.route(`PATCH /tasks/${mic.id}`, () => json({ ...current, status: 'TODO', version: 6 }));
    fireEvent.click(within(refreshed).getByRole('button', { name: /^Reopen: move “Mic the kit” to To do/ }));
    await findCard('To do', 'Mic the kit');
    expect(env.api.writes().map((c) => c.body)).toEqual([
      { version: 3, status: 'IN_PROGRESS' },
      { version: 5, status: 'TODO' },
    ]);
  });

  it('deletes a task only after confirming, with its version', async () => {
    await loaded();
    env.api.route(`DELETE /tasks/${phones.id}`, () => new Response(null, { status: 204 }));

    const phonesCard = card('In progress', 'Set headphone mixes');
    fireEvent.click(within(phonesCard).getByRole('button', { name: 'Delete “Set headphone mixes”' }));
    expect(env.api.writes()).toEqual([]);
    const confirm = within(phonesCard).getByRole('group', { name: 'Delete “Set headphone mixes”?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Delete' }));

    await waitFor(() => expect(within(column('In progress')).queryByRole('article')).toBeNull());
    const [del] = env.api.writes();
    expect(del).toMatchObject({ method: 'DELETE', path: `/tasks/${phones.id}` });
    expect(del?.query.get('version')).toBe('1');
  });

  it('cancelling the delete confirmation keeps the task and sends nothing', async () => {
    await loaded();
    const phonesCard = card('In progress', 'Set headphone mixes');
    fireEvent.click(within(phonesCard).getByRole('button', { name: 'Delete “Set headphone mixes”' }));
    fireEvent.click(within(phonesCard).getByRole('button', { name: 'Cancel' }));
    expect(within(phonesCard).getByRole('button', { name: 'Delete “Set headphone mixes”' })).toBeTruthy();
    expect(env.api.writes()).toEqual([]);
  });
});

describe('session board: live updates', () => {
  it('applies pushed events in order and drops duplicates', async () => {
    const { realtime } = setup();
    await loaded();

    realtime.push(ev.updated(11, { ...phones, status: 'DONE', version: 2 }));
    await findCard('Done', 'Set headphone mixes');

    // The same seq again (redelivery) must not be applied, even with other content.
    realtime.push(ev.updated(11, { ...phones, status: 'BLOCKED', version: 9 }));
    realtime.push(ev.created(12, makeTask(9, { title: 'Print the cue sheet' })));
    await findCard('To do', 'Print the cue sheet');
    expect(within(column('Blocked')).queryByRole('article', { name: 'Set headphone mixes' })).toBeNull();
    expect(card('Done', 'Set headphone mixes')).toBeTruthy();

    realtime.push(ev.deleted(13, tempo.id));
    await waitFor(() => expect(within(column('Blocked')).queryByRole('article')).toBeNull());
  });

  it('fetches the missing events when a pushed event leaves a gap', async () => {
    const { api, realtime } = setup();
    const gapFetches = () => api.calls.filter((c) => c.path === `/sessions/${SESSION_ID}/events` && c.query.get('after') === '10');
    // The activity feed's history on load (after=0) has nothing yet; the gap fetch brings 11 and 12.
    api.route(EVENTS, (call) =>
      call.query.get('after') === '0'
        ? json({ events: [], seq: 10, reset: false })
        : json({ events: [ev.updated(11, { ...mic, status: 'IN_PROGRESS', version: 4 }), ev.created(12, makeTask(8, { title: 'Check talkback' }))], seq: 12, reset: false }),
    );
    await loaded();
    expect(gapFetches()).toHaveLength(0);

    realtime.push(ev.updated(12 + 1, { ...tempo, status: 'DONE', version: 2 }));
    // Not applied before the gap is filled...
    expect(card('Blocked', 'Agree tempo map')).toBeTruthy();
    await waitFor(() => expect(gapFetches()).toHaveLength(1));
    // ...then everything is applied in order.
    await findCard('Done', 'Agree tempo map');
    expect(card('In progress', 'Mic the kit')).toBeTruthy();
    expect(card('To do', 'Check talkback')).toBeTruthy();
  });

  it('reloads the snapshot when the server says reset', async () => {
    const { api, realtime } = setup();
    await loaded();
    api.route(EVENTS, () => json({ events: [], seq: 900, reset: true }));
    api.route(BOARD, () => json(makeSnapshot([makeTask(7, { title: 'Fresh from the snapshot' })], 900)));

    realtime.push(ev.updated(15, { ...mic, status: 'DONE', version: 9 }));

    await findCard('To do', 'Fresh from the snapshot');
    expect(within(column('To do')).queryByRole('article', { name: 'Mic the kit' })).toBeNull();
    expect(api.calls.filter((c) => c.path === `/sessions/${SESSION_ID}/board`)).toHaveLength(2);
  });

  it('shows the connection state and re-joins from the last applied seq after a reconnect', async () => {
    const { realtime } = setup();
    await loaded();
    realtime.push(ev.updated(11, { ...mic, status: 'IN_PROGRESS', version: 4 }));
    await findCard('In progress', 'Mic the kit');

    realtime.setStatus('reconnecting');
    expect(await screen.findByText('Reconnecting…')).toBeTruthy();
    // Writes wait for the connection, visibly: the note says so and the card's buttons are off.
    expect(screen.getByText('Changes are paused until Patchbay is back.')).toBeTruthy();
    const paused = card('In progress', 'Mic the kit');
    expect(within(paused).getByRole('button', { name: /^Done: move “Mic the kit”/ }).hasAttribute('disabled')).toBe(true);
    expect(within(paused).getByRole('button', { name: 'Edit “Mic the kit”' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: /New task/ }).hasAttribute('disabled')).toBe(true);
    realtime.setStatus('offline');
    expect(await screen.findByText('Offline')).toBeTruthy();

    realtime.answerJoin = async (_id, afterSeq) => ({
      ok: true,
      seq: 12,
      missed: [ev.updated(afterSeq + 1, { ...mic, status: 'DONE', version: 5 })],
      reset: false,
    });
    realtime.setStatus('connected');

    await findCard('Done', 'Mic the kit');
    expect(realtime.joins.at(-1)).toEqual({ sessionId: SESSION_ID, afterSeq: 11 });
    expect(await screen.findByText('Live')).toBeTruthy();
    expect(screen.queryByText('Changes are paused until Patchbay is back.')).toBeNull();
    expect(within(card('Done', 'Mic the kit')).getByRole('button', { name: /^Reopen: move “Mic the kit”/ }).hasAttribute('disabled')).toBe(false);
  });

  it('a dialog or comment box already open waits too, and keeps what was typed until the board is back', async () => {
    const { api, realtime } = setup();
    await loaded();
    fireEvent.click(within(card('To do', 'Mic the kit')).getByRole('button', { name: 'Edit “Mic the kit”' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit “Mic the kit”' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Notes/ }), { target: { value: 'Overheads on the 414s.' } });
    fireEvent.click(within(card('To do', 'Mic the kit')).getByRole('button', { name: /^Comments/ }));
    const box = within(card('To do', 'Mic the kit')).getByRole('textbox', { name: 'Comment on “Mic the kit”' }) as HTMLTextAreaElement;
    fireEvent.change(box, { target: { value: 'Coles or 414s?', selectionStart: 14 } });

    realtime.setStatus('reconnecting');
    const save = await within(dialog).findByRole('button', { name: 'Save' });
    await waitFor(() => expect(save.hasAttribute('disabled')).toBe(true));
    expect(within(dialog).getByRole('status').textContent).toBe('Saving waits until Patchbay is back; what you typed stays here.');
    const post = within(card('To do', 'Mic the kit')).getByRole('button', { name: 'Post' });
    expect(post.hasAttribute('disabled')).toBe(true);
    // Enter in a field (the form's own submit) sends nothing either.
    fireEvent.submit(within(dialog).getByRole('textbox', { name: /Notes/ }).closest('form')!);
    expect(api.writes()).toEqual([]);
    expect((within(dialog).getByRole('textbox', { name: /Notes/ }) as HTMLTextAreaElement).value).toBe('Overheads on the 414s.');
    // Asked again: a box that remounted while paused would have lost the text.
    const commentBox = () => within(card('To do', 'Mic the kit')).getByRole('textbox', { name: 'Comment on “Mic the kit”' }) as HTMLTextAreaElement;
    expect(commentBox().value).toBe('Coles or 414s?');

    realtime.setStatus('connected');
    await waitFor(() => expect(save.hasAttribute('disabled')).toBe(false));
    expect(within(dialog).getByRole('status').textContent).toBe('');
    expect(post.hasAttribute('disabled')).toBe(false);
    api.route(`PATCH /tasks/${mic.id}`, () => json({ ...mic, notes: 'Overheads on the 414s.', version: 4 }));
    fireEvent.click(save);
    await waitFor(() => expect(api.writes().map((w) => w.body)).toEqual([{ version: 3, notes: 'Overheads on the 414s.' }]));
  });

  it('says Offline with the reason when joining the board is refused', async () => {
    mockApi({
      'GET /studio': () => json(studio),
      'GET /task-kinds': () => json(taskKinds),
      [BOARD]: () => json(makeSnapshot([mic], 10)),
    });
    const realtime = new FakeRealtime();
    realtime.answerJoin = async () => ({ ok: false, error: { code: 'BAD_REQUEST', message: 'Protocol version 0 is not supported' } });
    renderApp(`/sessions/${SESSION_ID}`, realtime);
    expect(await screen.findByText('Offline')).toBeTruthy();
    expect(screen.getByText(/Protocol version 0 is not supported/)).toBeTruthy();
  });
});

describe('what an empty or view-only board says', () => {
  it('an empty board offers "New task" to those who may add tasks, instead of four empty columns saying nothing', async () => {
    setup([]);
    await loaded();
    const note = screen.getByRole('note');
    expect(note.textContent).toContain('No tasks on this session yet.');
    expect(note.textContent).not.toContain('View only');
    fireEvent.click(within(note).getByRole('button', { name: 'Add the first task' }));
    expect(await screen.findByRole('region', { name: 'New task' })).toBeTruthy();
  });

  it('tells someone who may only move their own tasks why the board is view-only, and who adds tasks', async () => {
    mockApi({
      'GET /auth/me': () => json(meAs('ASSISTANT_ENGINEER', { id: '44444444-4444-4444-8444-444444444407', name: 'Theo Grant' })),
      'GET /studio': () => json(studio),
      'GET /task-kinds': () => json(taskKinds),
      [BOARD]: () => json(makeSnapshot([], 10)),
    });
    renderApp(`/sessions/${SESSION_ID}`);
    await loaded();
    const note = screen.getByRole('note');
    expect(note.textContent).toContain('View only.');
    expect(note.textContent).toContain('The session’s producer or a studio manager adds them');
    expect(within(note).queryByRole('button', { name: 'Add the first task' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'New task' })).toBeNull();
  });

  it('says nothing above a board with tasks for someone who may change it', async () => {
    setup();
    await loaded();
    expect(screen.queryByRole('note')).toBeNull();
  });
});
