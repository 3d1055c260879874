import type { Workload } from '@patchbay/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SAM, THEO, studio } from './fixtures';
import { json, meAs, mockApi, renderApp } from './harness';

type Member = Workload['members'][number];
const zero = { ASSISTANT_ENGINEER: 0, ENGINEER: 0, PRODUCER: 0 };
const statuses = { TODO: 0, IN_PROGRESS: 0, BLOCKED: 0, DONE: 0 };

function load(booked: number, capacity: number, byRole: Partial<typeof zero> = {}) {
  return {
    bookedMinutes: booked,
    sessionMinutes: booked,
    extraTaskMinutes: 0,
    byRole: { ...zero, ...byRole },
    tasksByStatus: statuses,
    taskCount: 2,
    capacityMinutes: capacity,
    freeMinutes: capacity - booked,
    overCapacity: booked > capacity,
    utilization: capacity ? booked / capacity : null,
  };
}

const DATES = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'];

function member(person: { id: string; name: string }, roles: Member['member']['roles'], hours: number, week: ReturnType<typeof load>, daily: number[]): Member {
  return {
    member: { ...person, roles, weeklyCapacityHours: hours },
    weeks: [{ ...week, week: '2026-W48', start: '2026-11-23T00:00:00.000Z', end: '2026-11-30T00:00:00.000Z' }],
    days: DATES.map((date, i) => ({ ...load(daily[i] ?? 0, (hours * 60) / 5, { ENGINEER: daily[i] ?? 0 }), date })),
  };
}

const workload: Workload = {
  timeZone: 'Europe/London',
  from: '2026-11-23T00:00:00.000Z',
  to: '2026-11-30T00:00:00.000Z',
  members: [
    // Sam: 45 h booked of 40 h (over by 5 h), Tuesday over its 8 h.
    member(SAM, ['ENGINEER'], 40, load(2700, 2400, { ENGINEER: 2400, PRODUCER: 300 }), [480, 720, 600, 480, 420]),
    member(THEO, ['ASSISTANT_ENGINEER'], 30, load(600, 1800, { ASSISTANT_ENGINEER: 600 }), [0, 360, 240]),
  ],
};

describe('workload page', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-24T11:00:00.000Z') });
  });

  it('shows booked against capacity per person this week, and flags who is over', async () => {
    const api = mockApi({ 'GET /workload': () => json(workload) });
    renderApp('/workload');
    await screen.findByRole('heading', { level: 1, name: 'Workload' });
    const request = api.calls.find((c) => c.path === '/workload');
    expect(request?.query.get('from')).toBe('2026-11-23T00:00:00.000Z');
    expect(request?.query.get('to')).toBe('2026-11-30T00:00:00.000Z');

    const sam = await screen.findByRole('listitem', { name: 'Sam Reyes' });
    expect(sam.textContent).toContain('45 h of 40 h');
    expect(within(sam).getByText(/Over capacity by 5 h/)).toBeTruthy();
    expect(sam.className).toContain('workload-row--over');
    const bar = within(sam).getByTestId('capacity-Sam Reyes');
    expect(bar.className).toContain('capacity--over');
    // The excess past the capacity line is drawn (5 of 45 h), the capacity marker at 40/45.
    expect((bar.querySelector('.capacity__excess') as HTMLElement).style.width).toMatch(/^11\.11/);
    expect((bar.querySelector('.capacity__marker') as HTMLElement).style.left).toMatch(/^88\.88/);
    // Split by role.
    expect(sam.textContent).toContain('Engineer 40 h');
    expect(sam.textContent).toContain('Producer 5 h');
    // The day strip says which day is over, for screen readers too.
    const days = within(sam).getByRole('list', { name: 'Sam Reyes, day by day' });
    expect(within(days).getAllByRole('listitem')).toHaveLength(7);
    expect(days.textContent).toContain('Tuesday 24 Nov: 12 h booked of 8 h, over capacity');
    expect(days.textContent).toContain('Monday 23 Nov: 8 h booked of 8 h');
    expect(days.textContent).not.toContain('Monday 23 Nov: 8 h booked of 8 h, over');

    const theo = screen.getByRole('listitem', { name: 'Theo Grant' });
    expect(theo.textContent).toContain('10 h of 30 h');
    expect(theo.textContent).toContain('20 h free');
    expect(within(theo).queryByText(/Over capacity/)).toBeNull();
    expect(within(theo).getByTestId('capacity-Theo Grant').className).not.toContain('capacity--over');

    expect(screen.getByText('1 person over capacity this week.').getAttribute('role')).toBe('status');
  });

  it('moves between weeks', async () => {
    const api = mockApi({ 'GET /workload': () => json(workload) });
    renderApp('/workload');
    await screen.findByRole('listitem', { name: 'Sam Reyes' });
    expect(screen.getByText('23–29 Nov')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'This week' }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: /Next week/ }));
    await waitFor(() => expect(api.calls.filter((c) => c.path === '/workload').at(-1)?.query.get('from')).toBe('2026-11-30T00:00:00.000Z'));
    expect(screen.getByText('30 Nov – 6 Dec')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /Previous week/ }));
    fireEvent.click(screen.getByRole('button', { name: /Previous week/ }));
    await waitFor(() => expect(api.calls.filter((c) => c.path === '/workload').at(-1)?.query.get('from')).toBe('2026-11-16T00:00:00.000Z'));
    fireEvent.click(screen.getByRole('button', { name: 'This week' }));
    await waitFor(() => expect(screen.getByText('23–29 Nov')).toBeTruthy());
  });

  it('an engineer sees only their own workload, under their own title', async () => {
    mockApi({
      'GET /auth/me': () => json(meAs('ENGINEER', SAM)),
      'GET /workload': () => json({ ...workload, members: workload.members.slice(0, 1) }),
    });
    renderApp('/workload');
    expect(await screen.findByRole('heading', { level: 1, name: 'Your workload' })).toBeTruthy();
    expect(await screen.findByRole('listitem', { name: 'Sam Reyes' })).toBeTruthy();
    // No team summary for one person.
    expect(screen.queryByText(/over capacity this week/)).toBeNull();
  });

  it('a guest has no workload page', async () => {
    const api = mockApi({ 'GET /auth/me': () => json(meAs('GUEST', { id: studio.members[0]!.id, name: 'Ada Quinn' })) });
    renderApp('/workload');
    expect(await screen.findByText('You don’t have access to the workload')).toBeTruthy();
    expect(api.calls.some((c) => c.path === '/workload')).toBe(false);
  });
});
