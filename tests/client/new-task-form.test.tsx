import type { CreateTaskInput, Task } from '@patchbay/shared';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { NewTaskForm, toCreateTaskInput, validateNewTask, type NewTaskValues } from '../../client/src/components/new-task-form';
import { SESSION_ID, SAM, THEO, makeSession, makeSnapshot, makeTask, studio, taskKinds } from './fixtures';
import { apiError, json, mockApi, renderApp } from './harness';

const field = (label: string, within_: Pick<typeof screen, 'getByLabelText'> = screen) => within_.getByLabelText(label, { exact: false }) as HTMLInputElement;

/** Fills the form's fields (on a board: inside the form, the board's own filters have labels too). */
function fill(values: Partial<Record<'Kind' | 'Title' | 'Assignee' | 'Estimate' | 'Notes', string>>, inside: Pick<typeof screen, 'getByLabelText'> = screen) {
  for (const [label, value] of Object.entries(values)) fireEvent.change(field(label, inside), { target: { value } });
}

type OnCreate = (input: CreateTaskInput) => Promise<Task>;

function renderForm(onCreate = vi.fn<OnCreate>(async (input) => makeTask(50, { title: input.title, kind: input.kind }))) {
  const onCreated = vi.fn<(task: Task) => void>();
  render(<NewTaskForm kinds={taskKinds.kinds} members={studio.members} onCreate={onCreate} onCreated={onCreated} onClose={() => {}} />);
  return { onCreate, onCreated };
}

describe('new task form', () => {
  it('offers the kinds grouped Technical / Creative and the assignee choices', () => {
    renderForm();
    const kind = field('Kind');
    const groups = [...kind.querySelectorAll('optgroup')].map((g) => [g.label, [...g.querySelectorAll('option')].map((o) => o.textContent)]);
    expect(groups).toEqual([
      ['Technical', ['Mic setup', 'Mixing']],
      ['Creative', ['Arrangement']],
    ]);
    const assignee = field('Assignee') as unknown as HTMLSelectElement;
    expect(assignee.value).toBe('auto');
    expect([...assignee.options].slice(0, 2).map((o) => o.textContent)).toEqual(['Route automatically', 'Unassigned']);
    expect([...assignee.querySelectorAll('optgroup')].map((g) => g.label)).toEqual(['Engineers', 'Assistant engineers', 'Producers']);
  });

  it('refuses an empty title (and a missing kind) without calling the API', async () => {
    const { onCreate } = renderForm();
    fill({ Title: '   ' });
    fireEvent.click(screen.getByRole('button', { name: 'Add task' }));

    expect(await screen.findByText('Give the task a title.')).toBeTruthy();
    expect(screen.getByText('Choose what kind of task this is.')).toBeTruthy();
    expect(field('Title').getAttribute('aria-invalid')).toBe('true');
    expect(field('Title').getAttribute('aria-describedby')).toBe(screen.getByText('Give the task a title.').id);
    expect(document.activeElement).toBe(field('Kind'));
    expect(onCreate).not.toHaveBeenCalled();

    // Fixing the kind alone is not enough.
    fill({ Kind: 'mic_setup' });
    fireEvent.click(screen.getByRole('button', { name: 'Add task' }));
    await waitFor(() => expect(document.activeElement).toBe(field('Title')));
    expect(onCreate).not.toHaveBeenCalled();
  });

  it('submits the body the API expects and is ready for the next task', async () => {
    const { onCreate, onCreated } = renderForm();
    fill({ Kind: 'mic_setup', Title: '  Mic the guitar amp  ', Assignee: THEO.id, Estimate: '45', Notes: 'SM57 off-axis' });
    fireEvent.click(screen.getByRole('button', { name: 'Add task' }));

    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
    expect(onCreate).toHaveBeenCalledWith({ kind: 'mic_setup', title: 'Mic the guitar amp', assigneeId: THEO.id, estimateMinutes: 45, notes: 'SM57 off-axis' });
    expect(field('Title').value).toBe('');
    expect((field('Kind') as unknown as HTMLSelectElement).value).toBe('mic_setup');
    expect(document.activeElement).toBe(field('Title'));
  });

  it('shows the server refusal next to the field it concerns', async () => {
    const { ApiError } = await import('../../client/src/api/http');
    const onCreate = vi.fn<OnCreate>(async () => {
      throw new ApiError(400, 'VALIDATION_FAILED', 'Invalid body', { issues: [{ location: 'body', path: 'title', message: 'must not be empty' }] });
    });
    renderForm(onCreate);
    fill({ Kind: 'mixing', Title: 'Mix' });
    fireEvent.click(screen.getByRole('button', { name: 'Add task' }));
    expect(await screen.findByText('The server says: must not be empty.')).toBeTruthy();
  });

  it.each<[string, Partial<NewTaskValues>, CreateTaskInput]>([
    ['route automatically: no assigneeId', {}, { kind: 'mixing', title: 'Mix' }],
    ['unassigned on purpose: assigneeId null', { assignee: 'none' }, { kind: 'mixing', title: 'Mix', assigneeId: null }],
    ['a chosen person', { assignee: SAM.id }, { kind: 'mixing', title: 'Mix', assigneeId: SAM.id }],
    ['an estimate in minutes', { estimate: '90' }, { kind: 'mixing', title: 'Mix', estimateMinutes: 90 }],
  ])('body for %s', (_name, values, expected) => {
    const base: NewTaskValues = { kind: 'mixing', title: ' Mix ', assignee: 'auto', estimate: '', notes: '  ' };
    expect(toCreateTaskInput({ ...base, ...values })).toEqual(expected);
  });

  it.each([
    ['0', 'Enter whole minutes between 1 and 1440.'],
    ['1.5', 'Enter whole minutes between 1 and 1440.'],
    ['2000', 'Enter whole minutes between 1 and 1440.'],
  ])('refuses the estimate %s', (estimate, message) => {
    expect(validateNewTask({ kind: 'mixing', title: 'Mix', assignee: 'auto', estimate, notes: '' }).estimate).toBe(message);
  });
});

describe('new task form: start time', () => {
  const session = makeSession();
  const time = { session, timeZone: studio.timezone, defaultEstimateMinutes: 60 };
  const base: NewTaskValues = { kind: 'mic_setup', title: 'Mic', assignee: 'auto', estimate: '', notes: '' };

  it('offers no start time without a session to place it in', () => {
    renderForm();
    expect(screen.queryByLabelText(/^Starts at/)).toBeNull();
  });

  it('offers it, in studio time, with its hint, when the session is known', () => {
    render(<NewTaskForm kinds={taskKinds.kinds} members={studio.members} session={session} timeZone={studio.timezone} onCreate={vi.fn<OnCreate>()} onCreated={() => {}} onClose={() => {}} />);
    const input = screen.getByLabelText(/^Starts at \(GMT\)/) as HTMLInputElement;
    expect(input.type).toBe('time');
    const hint = document.getElementById((input.getAttribute('aria-describedby') ?? '').trim()) as HTMLElement;
    expect(hint.textContent).toBe('Leave empty if it can happen any time during the session (10:00–20:00).');
  });

  it.each<[string, Partial<NewTaskValues>, CreateTaskInput]>([
    ['no start time: no startsAt', { startsAt: '' }, { kind: 'mic_setup', title: 'Mic' }],
    ['a start time: the instant in studio time', { startsAt: '10:15', estimate: '30' }, { kind: 'mic_setup', title: 'Mic', estimateMinutes: 30, startsAt: '2026-11-24T10:15:00.000Z' }],
  ])('body for %s', (_name, values, expected) => {
    expect(toCreateTaskInput({ ...base, ...values }, time)).toEqual(expected);
  });

  it.each<[string, Partial<NewTaskValues>, string | undefined]>([
    ['fits (the kind’s default estimate)', { startsAt: '19:00' }, undefined],
    ['fits (a typed estimate)', { startsAt: '19:30', estimate: '30' }, undefined],
    ['ends after the session', { startsAt: '19:30' }, 'Pick a time within the session (10:00–20:00) that leaves room for 1 h.'],
    ['is not a time', { startsAt: '7pm' }, 'Enter a time like 14:30, or leave it empty.'],
  ])('a start time that %s', (_name, values, message) => {
    expect(validateNewTask({ ...base, ...values }, time).startsAt).toBe(message);
  });

  it('leaves a bad estimate to the estimate field', () => {
    const errors = validateNewTask({ ...base, estimate: '0', startsAt: '12:00' }, time);
    expect(errors.estimate).toBe('Enter whole minutes between 1 and 1440.');
    expect(errors.startsAt).toBeUndefined();
  });
});

describe('new task on the board', () => {
  it('POSTs the task and shows it at once, before any event arrives', async () => {
    const api = mockApi({
      'GET /studio': () => json(studio),
      // The kinds answer after the board (as on a busy machine): the form waits for its own menu.
      'GET /task-kinds': () => new Promise((resolve) => setTimeout(() => resolve(json(taskKinds)), 300)),
      [`GET /sessions/${SESSION_ID}/board`]: () => json(makeSnapshot([makeTask(1, { title: 'Mic the kit' })], 10)),
      [`POST /sessions/${SESSION_ID}/tasks`]: (call) =>
        json(makeTask(60, { ...(call.body as CreateTaskInput), assignee: SAM, routingReason: 'Routed to Sam Reyes: session engineer.' }), 201),
    });
    renderApp(`/sessions/${SESSION_ID}`);
    await screen.findByRole('heading', { level: 1, name: 'Drum tracking' });

    const open = screen.getByRole('button', { name: 'New task' });
    fireEvent.click(open);
    expect(open.getAttribute('aria-expanded')).toBe('true');
    // The form's own Kind menu (the board's filter lists the kinds on its cards before the kinds load).
    await waitFor(() => expect(within(screen.getByRole('region', { name: 'New task' })).getAllByRole('option', { name: 'Mic setup' }).length).toBeGreaterThan(0));
    fill({ Kind: 'mic_setup', Title: 'Mic the room' }, within(screen.getByRole('region', { name: 'New task' })));
    fireEvent.click(screen.getByRole('button', { name: 'Add task' }));

    const todo = screen.getByRole('region', { name: /^To do/ });
    const created = await within(todo).findByRole('article', { name: 'Mic the room' });
    expect(created.textContent).toContain('Routed to Sam Reyes: session engineer.');
    const post = api.writes()[0];
    expect(post).toMatchObject({ method: 'POST', path: `/sessions/${SESSION_ID}/tasks`, body: { kind: 'mic_setup', title: 'Mic the room' } });
    expect(post?.headers['x-socket-id']).toBe('socket-abc');
    expect(await screen.findByText('Added “Mic the room” for Sam Reyes.')).toBeTruthy();
  });

  it('keeps what was typed and says why when the server refuses', async () => {
    mockApi({
      'GET /studio': () => json(studio),
      'GET /task-kinds': () => json(taskKinds),
      [`GET /sessions/${SESSION_ID}/board`]: () => json(makeSnapshot([], 10)),
      [`POST /sessions/${SESSION_ID}/tasks`]: () => apiError(503, 'UNAVAILABLE', 'The database is not reachable'),
    });
    renderApp(`/sessions/${SESSION_ID}`);
    fireEvent.click(await screen.findByRole('button', { name: 'New task' }));
    // The form's own Kind menu (the board's filter lists the kinds on its cards before the kinds load).
    await waitFor(() => expect(within(screen.getByRole('region', { name: 'New task' })).getAllByRole('option', { name: 'Mixing' }).length).toBeGreaterThan(0));
    fill({ Kind: 'mixing', Title: 'Mix the single' });
    fireEvent.click(screen.getByRole('button', { name: 'Add task' }));
    expect(await screen.findByText("Couldn't add the task: The database is not reachable")).toBeTruthy();
    expect(field('Title').value).toBe('Mix the single');
  });
  it('closes on Escape and gives focus back to "New task"; counts down the title near its limit and stops at it', async () => {
    mockApi({
      'GET /studio': () => json(studio),
      'GET /task-kinds': () => json(taskKinds),
      [`GET /sessions/${SESSION_ID}/board`]: () => json(makeSnapshot([], 10)),
    });
    renderApp(`/sessions/${SESSION_ID}`);
    const open = await screen.findByRole('button', { name: 'New task' });
    fireEvent.click(open);
    const title = field('Title');
    expect(title.maxLength).toBe(200);
    fireEvent.change(title, { target: { value: 'x'.repeat(179) } });
    expect(screen.queryByText(/characters? left/)).toBeNull();
    fireEvent.change(title, { target: { value: 'x'.repeat(195) } });
    expect(screen.getByText('5 characters left')).toBeTruthy();
    fireEvent.change(title, { target: { value: 'x'.repeat(200) } });
    expect(screen.getByText('200 characters: the most a title can have')).toBeTruthy();

    fireEvent.keyDown(title, { key: 'Escape' });
    expect(screen.queryByRole('region', { name: 'New task' })).toBeNull();
    expect(open.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(open);
  });
});
