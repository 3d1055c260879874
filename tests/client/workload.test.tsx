import { PROTOCOL_VERSION } from '@patchbay/shared/realtime/events';
import type { TaskCandidates, Workload, WorkloadItems } from '@patchbay/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SAM, THEO, studio } from './fixtures';
import { FakeRealtime, json, meAs, mockApi, renderApp } from './harness';

type Member = Workload['members'][number];
const zero = { ASSISTANT_ENGINEER: 0, ENGINEER: 0, PRODUCER: 0 };
const statuses = { TODO: 0, IN_PROGRESS: 0, BLOCKED: 0, DONE: 0 };
const PROJECT = { id: '77777777-7777-4777-8777-777777777777', title: 'Northern Lights', artist: 'The Hollow Pines' };
const OTHER = { id: '77777777-7777-4777-8777-777777777778', title: 'Glasshouse', artist: 'Ada Quinn' };
const LENA = { id: '44444444-4444-4444-8444-444444444449', name: 'Lena Park' };
const SESSION = '55555555-5555-4555-8555-555555555551';
const TASK = '66666666-6666-4666-8666-666666666661';

function load(booked: number, capacity: number, byProject: Record<string, number> = {}) {
  return {
    bookedMinutes: booked,
    sessionMinutes: booked,
    extraTaskMinutes: 0,
    byRole: { ...zero, ENGINEER: booked },
    byProject,
    tasksByStatus: statuses,
    taskCount: 2,
    capacityMinutes: capacity,
    freeMinutes: capacity - booked,
    overCapacity: booked > capacity,
    utilization: capacity ? booked / capacity : null,
  };
}

const DATES = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'];

function member(person: { id: string; name: string }, roles: Member['member']['roles'], hours: number, daily: number[], byProject: Record<string, number> = {}): Member {
  const booked = daily.reduce((a, b) => a + b, 0);
  return {
    member: { ...person, roles, weeklyCapacityHours: hours },
    weeks: [{ ...load(booked, hours * 60, byProject), week: '2026-W48', start: '2026-11-23T00:00:00.000Z', end: '2026-11-30T00:00:00.000Z' }],
    days: DATES.map((date, i) => ({ ...load(daily[i] ?? 0, (hours * 60) / 5), date })),
  };
}

const workload: Workload = {
  timeZone: 'Europe/London',
  from: '2026-11-23T00:00:00.000Z',
  to: '2026-11-30T00:00:00.000Z',
  projects: [OTHER, PROJECT],
  members: [
    // Lena: within capacity everywhere.
    member(LENA, ['ENGINEER'], 40, [240, 0, 240], { [OTHER.id]: 480 }),
    // Sam: 45 h of 40 h (over the week), Tuesday 12 h of an 8 h share.
    member(SAM, ['ENGINEER'], 40, [480, 720, 600, 480, 420], { [PROJECT.id]: 2700 }),
    // Theo: 10 h of 30 h, but Tuesday 7 h of a 6 h share.
    member(THEO, ['ASSISTANT_ENGINEER'], 30, [0, 420, 180], { [PROJECT.id]: 600 }),
  ],
};

const items: WorkloadItems = {
  member: { ...SAM, roles: ['ENGINEER'], weeklyCapacityHours: 40 },
  from: workload.from,
  to: workload.to,
  timeZone: 'Europe/London',
  items: [
    {
      kind: 'session', minutes: 480, days: { '2026-11-24': 480 }, busy: true, startsAt: '2026-11-24T09:00:00.000Z', endsAt: '2026-11-24T17:00:00.000Z', role: 'ENGINEER',
      session: { id: SESSION, title: 'Drum tracking', status: 'PLANNED', startsAt: '2026-11-24T09:00:00.000Z', endsAt: '2026-11-24T17:00:00.000Z', room: { id: studio.rooms[0]!.id, name: 'Live Room A' }, project: PROJECT },
      task: null,
    },
    {
      kind: 'task', minutes: 240, days: { '2026-11-24': 240 }, busy: false, startsAt: '2026-11-24T18:00:00.000Z', endsAt: '2026-11-24T22:00:00.000Z', role: 'ENGINEER',
      session: { id: '55555555-5555-4555-8555-555555555552', title: 'Lead vocal overdubs', status: 'PLANNED', startsAt: '2026-11-24T18:00:00.000Z', endsAt: '2026-11-24T22:00:00.000Z', room: { id: studio.rooms[0]!.id, name: 'Vocal Booth' }, project: PROJECT },
      task: { id: TASK, title: 'Comp the lead vocal', kind: 'editing', status: 'TODO', estimateMinutes: 240, startsAt: null, version: 4, withinStaffedSession: false, canMove: true },
    },
    {
      kind: 'session', minutes: 600, days: { '2026-11-25': 600 }, busy: true, startsAt: '2026-11-25T09:00:00.000Z', endsAt: '2026-11-25T19:00:00.000Z', role: 'ENGINEER',
      session: { id: '55555555-5555-4555-8555-555555555553', title: 'Full band live', status: 'PLANNED', startsAt: '2026-11-25T09:00:00.000Z', endsAt: '2026-11-25T19:00:00.000Z', room: { id: studio.rooms[0]!.id, name: 'Live Room A' }, project: PROJECT },
      task: null,
    },
  ],
};

const figures = { dayCapacityMinutes: 480, knowsRoom: null };
const candidates: TaskCandidates = {
  taskId: TASK,
  version: 4,
  current: { member: SAM, bookedMinutes: 2700, capacityMinutes: 2400, freesMinutes: 240 },
  routing: {
    kind: 'editing', role: 'ENGINEER', assignee: LENA, rule: 'free_capacity', reason: 'Editing is technical → engineer.', reasons: [],
    candidates: [{ member: LENA, rank: 1, bookedMinutes: 480, capacityMinutes: 2400, dayBookedMinutes: 0, addsMinutes: 240, ...figures, reasons: ['Lena Park is an engineer.', 'Free 18:00–22:00.'] }],
    ineligible: [
      { member: SAM, blockers: ['over_capacity'], bookedMinutes: 2460, capacityMinutes: 2400, dayBookedMinutes: 480, dayCapacityMinutes: 480, addsMinutes: 240, busyWith: null, reasons: ['Sam Reyes is over capacity.'] },
      { member: THEO, blockers: ['wrong_role'], bookedMinutes: 600, capacityMinutes: 1800, dayBookedMinutes: 420, dayCapacityMinutes: 360, addsMinutes: 240, busyWith: { kind: 'session', sessionId: SESSION, title: 'Drum tracking', taskTitle: null, startsAt: '2026-11-24T09:00:00.000Z', endsAt: '2026-11-24T19:00:00.000Z' }, reasons: ['Theo Grant is an assistant engineer without engineering skill.'] },
    ],
    window: { startsAt: '2026-11-24T18:00:00.000Z', endsAt: '2026-11-24T22:00:00.000Z' },
    week: { start: workload.from, end: workload.to },
  },
};

const rows = () => screen.getAllByRole('listitem').filter((li) => li.classList.contains('workload-row'));

describe('workload page', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-24T11:00:00.000Z') });
  });

  it('shows hours against capacity, the overloaded first, with a headline that agrees with the bars', async () => {
    const api = mockApi({ 'GET /workload': () => json(workload) });
    renderApp('/workload');
    await screen.findByRole('heading', { level: 1, name: 'Workload' });
    // The page may draw its heading before its first request goes out (a loaded machine).
    await waitFor(() => expect(api.calls.some((c) => c.path === '/workload')).toBe(true));
    const request = api.calls.find((c) => c.path === '/workload');
    expect(request?.query.get('from')).toBe('2026-11-23T00:00:00.000Z');
    expect(request?.query.get('to')).toBe('2026-11-30T00:00:00.000Z');

    await screen.findByRole('listitem', { name: 'Sam Reyes' });
    // Over the week first, then over a day's share, then the rest.
    expect(rows().map((r) => within(r).getByRole('heading').textContent)).toEqual(['Sam Reyes', 'Theo Grant', 'Lena Park']);
    const sam = screen.getByRole('listitem', { name: 'Sam Reyes' });
    expect(sam.textContent).toContain('45 h of 40 h');
    expect(within(sam).getByText(/Over the week by 5 h/)).toBeTruthy();
    expect(within(sam).getByText('Over a day’s share on 2 days')).toBeTruthy();
    expect(sam.className).toContain('workload-row--over');
    const days = within(sam).getByRole('list', { name: 'Sam Reyes, day by day' });
    expect(within(days).getAllByRole('button')).toHaveLength(7);
    expect(within(days).getByRole('button', { name: /^Tuesday 24: 12 h booked of 8 h, over a day’s share/ })).toBeTruthy();
    expect(within(days).getByRole('button', { name: /^Monday 23: 8 h booked of 8 h\. Show/ })).toBeTruthy();

    const theo = screen.getByRole('listitem', { name: 'Theo Grant' });
    expect(theo.className).toContain('workload-row--over-day');
    expect(within(theo).queryByText(/Over the week/)).toBeNull();
    expect(within(theo).getByText('Over a day’s share on 1 day')).toBeTruthy();
    const lena = screen.getByRole('listitem', { name: 'Lena Park' });
    expect(lena.textContent).toContain('32 h free');

    // The headline counts exactly the flags shown: Sam's week, Sam's Tuesday and Wednesday, Theo's Tuesday.
    expect(screen.getByText("1 person over the week's capacity · 2 people over a day's share on 3 days this week.").getAttribute('role')).toBe('status');
  });

  it('filters by role and by project', async () => {
    mockApi({ 'GET /workload': () => json(workload) });
    renderApp('/workload');
    await screen.findByRole('listitem', { name: 'Sam Reyes' });
    fireEvent.click(screen.getByRole('button', { name: /Assistants/ }));
    expect(rows().map((r) => within(r).getByRole('heading').textContent)).toEqual(['Theo Grant']);
    expect(screen.getByText("1 person over a day's share on 1 day this week.")).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Everyone/ }));
    fireEvent.change(screen.getByRole('combobox'), { target: { value: OTHER.id } });
    expect(rows().map((r) => within(r).getByRole('heading').textContent)).toEqual(['Lena Park']);
    expect(screen.getByText('Nobody is over capacity this week.')).toBeTruthy();
    expect(screen.getByRole('listitem', { name: 'Lena Park' }).textContent).toContain('Glasshouse: 8 h');
  });

  it('a day opens what is behind its hours, and a task moves to someone else with both people’s hours shown', async () => {
    const api = mockApi({
      'GET /workload': () => json(workload),
      [`GET /workload/members/${SAM.id}/items`]: () => json(items),
      [`GET /tasks/${TASK}/candidates`]: () => json(candidates),
      [`POST /tasks/${TASK}/assignment-check`]: () => json({ warnings: [] }),
      [`PATCH /tasks/${TASK}`]: () => json({}),
    });
    renderApp('/workload');
    const sam = await screen.findByRole('listitem', { name: 'Sam Reyes' });
    fireEvent.click(within(sam).getByRole('button', { name: /^Tuesday 24/ }));
    const list = await screen.findByRole('region', { name: /Sam Reyes — Today — Tue 24 Nov/ });
    const request = api.calls.find((c) => c.path === `/workload/members/${SAM.id}/items`);
    expect(request?.query.get('from')).toBe('2026-11-23T00:00:00.000Z');
    // Tuesday only: the drums and the comp task, not Wednesday's session.
    await within(list).findByText('Comp the lead vocal');
    expect(within(list).queryByText('Full band live')).toBeNull();
    expect(list.textContent).toContain('12 h from 2 sessions and tasks');
    expect(within(list).getByRole('link', { name: 'Drum tracking' }).getAttribute('href')).toBe(`/sessions/${SESSION}`);

    fireEvent.click(within(list).getByRole('button', { name: 'Move to…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Move “Comp the lead vocal”' });
    const choice = await within(dialog).findByRole('button', { name: /Lena Park/ });
    expect(dialog.textContent).toContain('From Sam Reyes: 45 → 41 h of 40 this week.');
    expect(choice.textContent).toContain('8 → 12 h of 40 this week');
    expect(choice.textContent).toContain('Suggested');
    fireEvent.click(choice);
    const confirm = await within(screen.getByRole('dialog')).findByRole('button', { name: 'Move to Lena Park' });
    await waitFor(() => expect((confirm as HTMLButtonElement).disabled).toBe(false));
    expect(screen.getByRole('dialog').textContent).toContain('No routing rule is broken.');
    fireEvent.click(confirm);
    await waitFor(() => expect(api.writes().find((c) => c.method === 'PATCH')?.body).toEqual({ version: 4, assigneeId: LENA.id }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('updates live: a workload notice from the server fetches the figures again', async () => {
    const api = mockApi({ 'GET /workload': () => json(workload) });
    const realtime = new FakeRealtime();
    renderApp('/workload', realtime);
    await screen.findByRole('listitem', { name: 'Sam Reyes' });
    await waitFor(() => expect(realtime.workloadWatches).toBeGreaterThan(0));
    await screen.findByText(/Live: changes by others appear/);
    const before = api.calls.filter((c) => c.path === '/workload').length;
    api.route('GET /workload', () => json({ ...workload, members: workload.members.map((m) => (m.member.id === THEO.id ? member(THEO, ['ASSISTANT_ENGINEER'], 30, [0, 300, 180]) : m)) }));
    realtime.workloadChanged({ v: PROTOCOL_VERSION, memberIds: [THEO.id], sessionIds: [SESSION] });
    await waitFor(() => expect(api.calls.filter((c) => c.path === '/workload').length).toBeGreaterThan(before));
    await waitFor(() => expect(within(screen.getByRole('listitem', { name: 'Theo Grant' })).queryByText(/Over a day’s share/)).toBeNull());
  });

  it('offers the range as CSV and a four-week view', async () => {
    const api = mockApi({ 'GET /workload': () => json(workload) });
    renderApp('/workload');
    await screen.findByRole('listitem', { name: 'Sam Reyes' });
    const csv = screen.getByRole('link', { name: 'Export CSV' });
    expect(csv.getAttribute('href')).toBe('/api/workload.csv?from=2026-11-23T00%3A00%3A00.000Z&to=2026-11-30T00%3A00%3A00.000Z');
    fireEvent.click(screen.getByRole('button', { name: '4 weeks' }));
    await waitFor(() => expect(api.calls.filter((c) => c.path === '/workload').at(-1)?.query.get('to')).toBe('2026-12-21T00:00:00.000Z'));
    expect(screen.getByRole('button', { name: /Next 4 weeks/ })).toBeTruthy();
  });

  it('an engineer sees only their own workload, under their own title', async () => {
    mockApi({
      'GET /auth/me': () => json(meAs('ENGINEER', SAM)),
      'GET /workload': () => json({ ...workload, members: [workload.members[1]!] }),
    });
    renderApp('/workload');
    expect(await screen.findByRole('heading', { level: 1, name: 'Your workload' })).toBeTruthy();
    expect(await screen.findByRole('listitem', { name: 'Sam Reyes' })).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'Role' })).toBeNull();
  });

  it('a guest has no workload page', async () => {
    const api = mockApi({ 'GET /auth/me': () => json(meAs('GUEST', { id: studio.members[0]!.id, name: 'Ada Quinn' })) });
    renderApp('/workload');
    expect(await screen.findByText('You don’t have access to the workload')).toBeTruthy();
    expect(api.calls.some((c) => c.path === '/workload')).toBe(false);
  });
});
