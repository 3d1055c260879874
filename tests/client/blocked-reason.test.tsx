import type { Task } from '@patchbay/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MAYA, SESSION_ID, makeSnapshot, makeTask, studio, taskKinds } from './fixtures';
import { FakeRealtime, json, mockApi, renderApp } from './harness';

const mic = makeTask(1, { title: 'Mic the kit', version: 3 });
const tempo = makeTask(3, { title: 'Agree tempo map', status: 'BLOCKED', kind: 'arrangement', role: 'PRODUCER', assignee: MAYA, version: 2 });

function setup(tasks: Task[] = [mic, tempo]) {
  const api = mockApi({
    'GET /studio': () => json(studio),
    'GET /task-kinds': () => json(taskKinds),
    [`GET /sessions/${SESSION_ID}/board`]: () => json(makeSnapshot(tasks, 10)),
  });
  renderApp(`/sessions/${SESSION_ID}`, new FakeRealtime());
  return api;
}

const card = (title: string) => screen.getByRole('article', { name: title });

describe('why a task is blocked, on the board', () => {
  it('a blocked card says nobody said why yet and asks; the reason is saved against the task’s version and shown', async () => {
    const api = setup();
    await screen.findByRole('heading', { level: 1, name: 'Drum tracking' });
    expect(card('Agree tempo map').textContent).toContain('Waiting for: no reason given yet');
    api.route(`PATCH /tasks/${tempo.id}`, (call) => json({ ...tempo, blockedReason: (call.body as { blockedReason: string }).blockedReason, version: 3 }));
    fireEvent.click(within(card('Agree tempo map')).getByRole('button', { name: 'Say why “Agree tempo map” is blocked' }));
    const dialog = screen.getByRole('dialog', { name: 'Why is “Agree tempo map” blocked?' });
    const field = within(dialog).getByLabelText('Waiting for');
    expect(document.activeElement).toBe(field);
    fireEvent.change(field, { target: { value: '  The band’s demo with the click  ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(card('Agree tempo map').textContent).toContain('Waiting for: The band’s demo with the click'));
    expect(api.writes().at(-1)).toMatchObject({ method: 'PATCH', path: `/tasks/${tempo.id}`, body: { version: 2, blockedReason: 'The band’s demo with the click' } });
    expect(within(card('Agree tempo map')).getByRole('button', { name: 'Change why “Agree tempo map” is blocked' })).toBeTruthy();
  });

  it('moving a task to Blocked asks why at once; skipping leaves it blocked without a reason', async () => {
    const api = setup();
    await screen.findByRole('heading', { level: 1, name: 'Drum tracking' });
    api.route(`PATCH /tasks/${mic.id}`, () => json({ ...mic, status: 'BLOCKED', version: 4 }));
    fireEvent.click(within(card('Mic the kit')).getByRole('button', { name: 'Move “Mic the kit” to another column' }));
    fireEvent.click(within(card('Mic the kit')).getByRole('button', { name: 'Move “Mic the kit” to Blocked' }));
    const dialog = await screen.findByRole('dialog', { name: 'Why is “Mic the kit” blocked?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Skip' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(within(screen.getByRole('region', { name: /^Blocked/ })).getByRole('article', { name: 'Mic the kit' }).textContent).toContain('no reason given yet');
    expect(api.writes()).toHaveLength(1);
  });
});
