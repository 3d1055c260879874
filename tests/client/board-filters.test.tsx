import type { Task } from '@patchbay/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MAYA, SAM, SESSION_ID, ev, makeSnapshot, makeTask, studio, taskKinds } from './fixtures';
import { FakeRealtime, json, mockApi, renderApp } from './harness';

const mic = makeTask(1, { title: 'Mic the kit', notes: 'Overheads on the Coles pair: phantom OFF.' });
const phones = makeTask(2, { title: 'Set headphone mixes', status: 'IN_PROGRESS', assignee: null, kind: 'mixing', routingReason: 'Left unassigned on purpose.' });
const tempo = makeTask(3, { title: 'Agree tempo map with René', status: 'BLOCKED', kind: 'arrangement', role: 'PRODUCER', assignee: MAYA });
const power = makeTask(4, { title: 'Power up console', status: 'DONE', kind: 'room_prep', assignee: SAM });

function setup(tasks: Task[] = [mic, phones, tempo, power], path = `/sessions/${SESSION_ID}`) {
  mockApi({
    'GET /studio': () => json(studio),
    'GET /task-kinds': () => json(taskKinds),
    [`GET /sessions/${SESSION_ID}/board`]: () => json(makeSnapshot(tasks, 10)),
  });
  const realtime = new FakeRealtime();
  renderApp(path, realtime);
  return realtime;
}

const cards = () => screen.getAllByRole('article').map((a) => a.getAttribute('aria-labelledby') && within(a).getByRole('heading', { level: 3 }).textContent);
const toolbar = () => screen.getByRole('search', { name: 'Find tasks on this board' });
const count = () => within(toolbar()).getByRole('status').textContent;

async function loaded() {
  await screen.findByRole('heading', { level: 1, name: 'Drum tracking' });
  await screen.findByText('Live');
}

describe('finding and narrowing a board’s cards', () => {
  it('finds by words in the title, the notes or the person (any case, without accents), and clears', async () => {
    setup();
    await loaded();
    const find = within(toolbar()).getByLabelText('Find');
    fireEvent.change(find, { target: { value: 'COLES' } });
    await waitFor(() => expect(cards()).toEqual(['Mic the kit']));
    expect(count()).toBe('Showing 1 of 4 tasks. Clear filters');
    fireEvent.change(find, { target: { value: 'rene maya' } });
    await waitFor(() => expect(cards()).toEqual(['Agree tempo map with René']));
    // The other columns say why they are empty.
    expect(within(screen.getByRole('region', { name: /^To do/ })).getByText('None match the filters')).toBeTruthy();
    fireEvent.click(within(toolbar()).getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(cards()).toHaveLength(4));
    expect((within(toolbar()).getByLabelText('Find') as HTMLInputElement).value).toBe('');
    expect(count()).toBe('');
  });

  it('narrows to a person, unassigned work, a role, a kind or one column; only people on the board are offered (the viewer as “Mine”)', async () => {
    setup();
    await loaded();
    const person = within(toolbar()).getByLabelText('Person') as HTMLSelectElement;
    expect([...person.options].map((o) => o.textContent)).toEqual(['Everyone', 'Mine', 'Unassigned', 'Sam Reyes']);
    fireEvent.change(person, { target: { value: 'none' } });
    await waitFor(() => expect(cards()).toEqual(['Set headphone mixes']));
    fireEvent.change(person, { target: { value: SAM.id } });
    await waitFor(() => expect(cards()).toEqual(['Mic the kit', 'Power up console']));
    fireEvent.change(within(toolbar()).getByLabelText('Kind of work'), { target: { value: 'room_prep' } });
    await waitFor(() => expect(cards()).toEqual(['Power up console']));
    fireEvent.click(within(toolbar()).getByRole('button', { name: 'Clear filters' }));

    fireEvent.change(within(toolbar()).getByLabelText('Role'), { target: { value: 'PRODUCER' } });
    await waitFor(() => expect(cards()).toEqual(['Agree tempo map with René']));
    fireEvent.click(within(toolbar()).getByRole('button', { name: 'Clear filters' }));

    fireEvent.change(person, { target: { value: MAYA.id } });
    await waitFor(() => expect(cards()).toEqual(['Agree tempo map with René']));
    fireEvent.click(within(toolbar()).getByRole('button', { name: 'Clear filters' }));

    // One column: the others are not drawn at all.
    fireEvent.change(within(toolbar()).getByLabelText('Column'), { target: { value: 'IN_PROGRESS' } });
    await waitFor(() => expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['In progress, 1 task']));
  });

  it('starts from the filters in the link, keeps filtering as the board changes live, and turns dragging off while filtered', async () => {
    const realtime = setup(undefined, `/sessions/${SESSION_ID}?who=${SAM.id}`);
    await loaded();
    expect(cards()).toEqual(['Mic the kit', 'Power up console']);
    expect(screen.queryAllByRole('button', { name: /^Drag “/ })).toHaveLength(0);
    // Reassigned to Sam elsewhere: it joins the filtered board.
    realtime.push(ev.updated(11, { ...phones, assignee: SAM, version: 2 }));
    await waitFor(() => expect(cards()).toEqual(['Mic the kit', 'Set headphone mixes', 'Power up console']));
    fireEvent.click(within(toolbar()).getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(screen.getAllByRole('button', { name: /^Drag “/ })).toHaveLength(4));
  });
});

describe('compact cards', () => {
  it('a tablet-width board starts compact: who, when and the next step on the card, the rest behind Details', async () => {
    window.localStorage.removeItem('patchbay:card-view');
    setup();
    await loaded();
    const card = screen.getByRole('article', { name: 'Mic the kit' });
    expect(within(toolbar()).getByRole('button', { name: 'Compact' }).getAttribute('aria-pressed')).toBe('true');
    expect(within(card).getByText('Sam Reyes')).toBeTruthy();
    expect(within(card).getByRole('button', { name: 'Start: move “Mic the kit” to In progress' })).toBeTruthy();
    expect(within(card).queryByRole('button', { name: 'Assign “Mic the kit”' })).toBeNull();
    expect(within(card).queryByText(/phantom OFF/)).toBeNull();
    expect(within(card).queryByText(/session engineer/)).toBeNull();

    const details = within(card).getByRole('button', { name: 'Details of “Mic the kit”' });
    expect(details.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(details);
    expect(details.getAttribute('aria-expanded')).toBe('true');
    expect(within(card).getByText(/phantom OFF/)).toBeTruthy();
    expect(within(card).getByText(/session engineer/)).toBeTruthy();
    expect(within(card).getByRole('button', { name: 'Assign “Mic the kit”' })).toBeTruthy();
    expect(within(card).getByRole('button', { name: 'Move “Mic the kit” to another column' })).toBeTruthy();

    // Detailed, chosen once: kept for the next board.
    fireEvent.click(within(toolbar()).getByRole('button', { name: 'Detailed' }));
    expect(window.localStorage.getItem('patchbay:card-view')).toBe('detailed');
    const phonesCard = screen.getByRole('article', { name: 'Set headphone mixes' });
    expect(within(phonesCard).queryByRole('button', { name: /^Details of/ })).toBeNull();
    expect(within(phonesCard).getByText(/Left unassigned on purpose/)).toBeTruthy();
  });
});
