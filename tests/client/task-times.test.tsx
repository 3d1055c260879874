// A task's own time: the "Starts at" field of the new-task form and the edit dialog (studio time,
// on the session's day), its client-side checks, what is sent, and the time on the card.
import type { CreateTaskInput, Session, Task, UpdateTaskInput } from '@patchbay/shared';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../client/src/api/http';
import { NewTaskForm } from '../../client/src/components/new-task-form';
import { SESSION_ID, SAM, makeSession, makeSnapshot, makeTask, studio, taskKinds } from './fixtures';
import { json, mockApi, renderApp } from './harness';

// The fixture studio is in Europe/London: GMT in November, BST (UTC+1) in July.
const ZONE = studio.timezone;
type OnCreate = (input: CreateTaskInput) => Promise<Task>;
const BOARD = `GET /sessions/${SESSION_ID}/board`;
const CREATE = `POST /sessions/${SESSION_ID}/tasks`;

const startsAtField = () => screen.getByLabelText(/^Starts at/) as HTMLInputElement;
const labelled = (label: string) => screen.getByLabelText(label, { exact: false }) as HTMLInputElement;
const change = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });
const describedBy = (el: HTMLElement) => (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '');

function board(tasks: Task[], session: Session = makeSession({ seq: 10 }), routes: Parameters<typeof mockApi>[0] = {}) {
  const api = mockApi({
    'GET /studio': () => json(studio),
    'GET /task-kinds': () => json(taskKinds),
    [BOARD]: () => json(makeSnapshot(tasks, 10, session)),
    [CREATE]: (call) => json(makeTask(60, { ...(call.body as CreateTaskInput), assignee: SAM, routingReason: 'Routed to Sam Reyes.' }), 201),
    ...routes,
  });
  renderApp(`/sessions/${SESSION_ID}`);
  return api;
}

async function openForm() {
  fireEvent.click(await screen.findByRole('button', { name: 'New task' }));
  // The form's own Kind menu (the board's filter lists the kinds on its cards before the kinds load).
  await waitFor(() => expect(within(screen.getByRole('region', { name: 'New task' })).getAllByRole('option', { name: 'Mic setup' }).length).toBeGreaterThan(0));
}

const posted = (api: ReturnType<typeof mockApi>) => api.writes().filter((c) => c.method === 'POST' && c.path.endsWith('/tasks'));

describe('a start time in the new-task form', () => {
  it('sends the start as an instant in studio time, asks the preview about the slot, and the card shows it', async () => {
    // The preview is not answered here (404): the form works without it.
    const api = board([]);
    await openForm();
    change(labelled('Kind'), 'mic_setup');
    change(labelled('Title'), 'Mic the room');
    change(labelled('Estimate'), '45');
    const starts = startsAtField();
    expect(describedBy(starts).join(' ')).toContain('Leave empty if it can happen any time during the session');
    change(starts, '11:30');
    expect(describedBy(starts).join(' ')).toContain('Until 12:15.');
    // The preview is asked about the slot (after its debounce).
    await waitFor(() => expect(api.calls.filter((c) => c.path.endsWith('/routing-preview')).map((c) => c.body)).toContainEqual({ kind: 'mic_setup', estimateMinutes: 45, startsAt: '2026-11-24T11:30:00.000Z' }));

    fireEvent.click(screen.getByRole('button', { name: 'Add task' }));
    const todo = screen.getByRole('region', { name: /^To do/ });
    const created = await within(todo).findByRole('article', { name: 'Mic the room' });
    expect(posted(api)[0]?.body).toEqual({ kind: 'mic_setup', title: 'Mic the room', estimateMinutes: 45, startsAt: '2026-11-24T11:30:00.000Z' });
    const time = created.querySelector('time.task-card__time') as HTMLElement;
    expect(time.getAttribute('dateTime')).toBe('2026-11-24T11:30:00.000Z');
    expect(within(time).getByText('11:30–12:15').getAttribute('aria-hidden')).toBe('true');
    expect(within(created).getByText('Starts 11:30, until 12:15')).toBeTruthy();
    // Ready for the next task: the time is cleared too.
    expect(startsAtField().value).toBe('');
  });

  it('reads the time in the studio zone in summer (BST), with the kind’s default estimate as the slot', async () => {
    const july = makeSession({ seq: 10, startsAt: '2026-07-14T09:00:00.000Z', endsAt: '2026-07-14T19:00:00.000Z' });
    const api = board([], july);
    await openForm();
    change(labelled('Kind'), 'mic_setup');
    change(labelled('Title'), 'Mic the strings');
    change(startsAtField(), '10:30');
    fireEvent.click(screen.getByRole('button', { name: 'Add task' }));
    await waitFor(() => expect(posted(api)).toHaveLength(1));
    // 10:30 BST is 09:30 UTC; no estimate typed: the server takes the kind's default (60 min).
    expect(posted(api)[0]?.body).toEqual({ kind: 'mic_setup', title: 'Mic the strings', startsAt: '2026-07-14T09:30:00.000Z' });
    const card = await screen.findByRole('article', { name: 'Mic the strings' });
    expect(within(card).getByText('Starts 10:30, until 11:30')).toBeTruthy();
  });

  it('a time earlier than the start of a session crossing midnight is the next day', async () => {
    const onCreate = vi.fn<OnCreate>(async (input) => makeTask(61, { title: input.title }));
    const night = { startsAt: '2026-11-24T20:00:00.000Z', endsAt: '2026-11-25T04:00:00.000Z' };
    render(<NewTaskForm kinds={taskKinds.kinds} members={studio.members} session={night} timeZone={ZONE} onCreate={onCreate} onCreated={() => {}} onClose={() => {}} />);
    change(labelled('Kind'), 'mixing');
    change(labelled('Title'), 'Print the rough');
    change(labelled('Estimate'), '90');
    change(startsAtField(), '01:00');
    fireEvent.click(screen.getByRole('button', { name: 'Add task' }));
    await waitFor(() => expect(onCreate).toHaveBeenCalledTimes(1));
    expect(onCreate.mock.calls[0]?.[0].startsAt).toBe('2026-11-25T01:00:00.000Z');
  });

  it.each([
    ['ends after the session', '19:30', '60'],
    ['starts before the session (read as the next day)', '09:00', '60'],
  ])('refuses a slot that %s, on the field, without calling the API', async (_name, time, estimate) => {
    const onCreate = vi.fn<OnCreate>(async (input) => makeTask(62, { title: input.title }));
    render(<NewTaskForm kinds={taskKinds.kinds} members={studio.members} session={makeSession()} timeZone={ZONE} onCreate={onCreate} onCreated={() => {}} onClose={() => {}} />);
    change(labelled('Kind'), 'mic_setup');
    change(labelled('Title'), 'Mic the kit');
    change(labelled('Estimate'), estimate);
    change(startsAtField(), time);
    fireEvent.click(screen.getByRole('button', { name: 'Add task' }));
    const message = 'Pick a time within the session (10:00–20:00) that leaves room for 1 h.';
    expect(await screen.findByText(message)).toBeTruthy();
    const field = startsAtField();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(field)).toContain(message);
    expect(document.activeElement).toBe(field);
    expect(onCreate).not.toHaveBeenCalled();
  });

  it('refuses a start time when the kind has no estimate to give the slot', async () => {
    const onCreate = vi.fn<OnCreate>(async (input) => makeTask(63, { title: input.title }));
    const kinds = [{ ...taskKinds.kinds[0]!, key: 'walkthrough', label: 'Walkthrough', defaultEstimateMinutes: 0 }];
    render(<NewTaskForm kinds={kinds} members={studio.members} session={makeSession()} timeZone={ZONE} onCreate={onCreate} onCreated={() => {}} onClose={() => {}} />);
    change(labelled('Kind'), 'walkthrough');
    change(labelled('Title'), 'Walk the room');
    change(startsAtField(), '12:00');
    fireEvent.click(screen.getByRole('button', { name: 'Add task' }));
    expect(await screen.findByText('A start time needs an estimate: it is how long the slot lasts.')).toBeTruthy();
    expect(startsAtField().getAttribute('aria-invalid')).toBe('true');
    expect(onCreate).not.toHaveBeenCalled();
  });

  it('shows the server’s refusal of the start time on the field', async () => {
    const onCreate = vi.fn<OnCreate>(async () => {
      throw new ApiError(400, 'VALIDATION_FAILED', 'Invalid body', { issues: [{ location: 'body', path: 'startsAt', message: "the task's time must lie within its session (10:00–20:00)" }] });
    });
    render(<NewTaskForm kinds={taskKinds.kinds} members={studio.members} session={makeSession()} timeZone={ZONE} onCreate={onCreate} onCreated={() => {}} onClose={() => {}} />);
    change(labelled('Kind'), 'mic_setup');
    change(labelled('Title'), 'Mic the kit');
    change(startsAtField(), '12:00');
    fireEvent.click(screen.getByRole('button', { name: 'Add task' }));
    const message = "The server says: the task's time must lie within its session (10:00–20:00).";
    expect(await screen.findByText(message)).toBeTruthy();
    expect(describedBy(startsAtField())).toContain(message);
  });
});

describe('a start time in the edit dialog', () => {
  const timed = makeTask(1, { title: 'Mic the kit', version: 3, estimateMinutes: 60, startsAt: '2026-11-24T11:00:00.000Z' });

  async function openEdit() {
    const card = await screen.findByRole('article', { name: 'Mic the kit' });
    fireEvent.click(within(card).getByRole('button', { name: 'Edit “Mic the kit”' }));
    return screen.getByRole('dialog', { name: 'Edit “Mic the kit”' });
  }

  it('shows the time on the card; clearing it sends null and the card drops it', async () => {
    const api = board([timed], makeSession({ seq: 10 }), {
      [`PATCH /tasks/${timed.id}`]: (call) => json({ ...timed, ...(call.body as UpdateTaskInput), version: 4 }),
    });
    const card = await screen.findByRole('article', { name: 'Mic the kit' });
    expect(within(card).getByText('Starts 11:00, until 12:00')).toBeTruthy();
    expect(within(card).getByText('11:00–12:00')).toBeTruthy();

    const dialog = await openEdit();
    expect(startsAtField().value).toBe('11:00');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Clear the start time' }));
    expect(startsAtField().value).toBe('');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(api.writes()).toHaveLength(1));
    expect(api.writes()[0]).toMatchObject({ method: 'PATCH', path: `/tasks/${timed.id}`, body: { version: 3, startsAt: null } });
    await waitFor(() => expect(within(screen.getByRole('article', { name: 'Mic the kit' })).queryByText(/^Starts /)).toBeNull());
  });

  it('moves the start within the session and sends the new instant', async () => {
    const api = board([timed], makeSession({ seq: 10 }), {
      [`PATCH /tasks/${timed.id}`]: (call) => json({ ...timed, ...(call.body as UpdateTaskInput), version: 4 }),
    });
    await openEdit();
    change(startsAtField(), '15:15');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.writes()).toHaveLength(1));
    expect(api.writes()[0]?.body).toEqual({ version: 3, startsAt: '2026-11-24T15:15:00.000Z' });
    expect(await screen.findByText('Starts 15:15, until 16:15')).toBeTruthy();
  });

  it('refuses a start without an estimate, or one outside the session, on the field', async () => {
    const api = board([timed]);
    const dialog = await openEdit();
    change(labelled('Estimate'), '');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    const needs = 'A start time needs an estimate: it is how long the slot lasts.';
    expect(await within(dialog).findByText(needs)).toBeTruthy();
    expect(startsAtField().getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(startsAtField())).toContain(needs);

    change(labelled('Estimate'), '120');
    change(startsAtField(), '19:00');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Pick a time within the session (10:00–20:00) that leaves room for 2 h.')).toBeTruthy();
    expect(screen.getByRole('dialog', { name: 'Edit “Mic the kit”' })).toBeTruthy();
    expect(api.writes()).toEqual([]);
  });
});
