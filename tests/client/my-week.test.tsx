import type { Agenda, Workload } from '@patchbay/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SAM, makeSession, makeTask } from './fixtures';
import { FakeRealtime, json, meAs, mockApi, renderApp } from './harness';

const zero = { ASSISTANT_ENGINEER: 0, ENGINEER: 0, PRODUCER: 0 };
const statuses = { TODO: 0, IN_PROGRESS: 0, BLOCKED: 0, DONE: 0 };
const figures = (booked: number, capacity: number) => ({
  bookedMinutes: booked, sessionMinutes: booked, extraTaskMinutes: 0, byRole: { ...zero, ENGINEER: booked }, byProject: {}, tasksByStatus: statuses, taskCount: 1,
  capacityMinutes: capacity, freeMinutes: capacity - booked, overCapacity: booked > capacity, utilization: booked / capacity,
});
const DATES = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'];

function workload(tuesday: number): Workload {
  return {
    timeZone: 'Europe/London', from: '2026-11-23T00:00:00.000Z', to: '2026-11-30T00:00:00.000Z', projects: [],
    members: [
      {
        member: { ...SAM, roles: ['ENGINEER'], weeklyCapacityHours: 40 },
        weeks: [{ ...figures(tuesday + 360, 2400), week: '2026-W48', start: '2026-11-23T00:00:00.000Z', end: '2026-11-30T00:00:00.000Z' }],
        days: DATES.map((date) => ({ ...figures(date === '2026-11-24' ? tuesday : date === '2026-11-26' ? 360 : 0, 480), date })),
      },
    ],
  };
}

const drums = { ...makeSession({ title: 'Drum tracking', startsAt: '2026-11-24T09:00:00.000Z', endsAt: '2026-11-24T19:00:00.000Z' }), involvement: ['engineer' as const], setupIssues: null };
const agenda: Agenda = { from: '2026-11-23T00:00:00.000Z', to: '2026-11-30T00:00:00.000Z', sessions: [drums], tasks: [makeTask(1, { title: 'Mic the kit', assignee: SAM, sessionId: drums.id })] };

describe('My week', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-24T11:00:00.000Z') });
  });

  it('lists every day of the week with its sessions, own tasks and hours against a day’s share', async () => {
    const api = mockApi({ 'GET /auth/me': () => json(meAs('ENGINEER', SAM)), 'GET /me/agenda': () => json(agenda), 'GET /workload': () => json(workload(600)) });
    renderApp('/my-week');
    expect(await screen.findByRole('heading', { level: 1, name: 'My week' })).toBeTruthy();
    const asked = api.calls.find((c) => c.path === '/me/agenda');
    expect([asked?.query.get('from'), asked?.query.get('to')]).toEqual(['2026-11-23T00:00:00.000Z', '2026-11-30T00:00:00.000Z']);
    const tuesday = await screen.findByRole('region', { name: 'Today — Tue 24 Nov' });
    expect(within(tuesday).getByRole('link', { name: 'Drum tracking' })).toBeTruthy();
    expect(within(tuesday).getByText('Mic the kit')).toBeTruthy();
    await waitFor(() => expect(tuesday.textContent).toContain('10 h of 8 h'));
    expect(within(tuesday).getByText('over a day’s share')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Mon 23 Nov' }).textContent).toContain('Nothing booked.');
    expect(screen.getAllByRole('region')).toHaveLength(7);
    expect(screen.getByText(/booked this week/).textContent).toBe('16 h of 40 h booked this week — 24 h free');
    expect(screen.getByRole('link', { name: 'Day' }).getAttribute('href')).toBe('/my-day');
  });

  it('moves between weeks and follows live changes', async () => {
    const api = mockApi({ 'GET /auth/me': () => json(meAs('ENGINEER', SAM)), 'GET /me/agenda': () => json(agenda), 'GET /workload': () => json(workload(600)) });
    const realtime = new FakeRealtime();
    renderApp('/my-week', realtime);
    await screen.findByRole('region', { name: 'Today — Tue 24 Nov' });
    await waitFor(() => expect(realtime.workloadWatches).toBe(1));
    api.route('GET /workload', () => json(workload(300)));
    realtime.workloadChanged();
    await waitFor(() => expect(screen.getByRole('region', { name: 'Today — Tue 24 Nov' }).textContent).toContain('5 h of 8 h'));
    fireEvent.click(screen.getByRole('button', { name: /Next week/ }));
    await waitFor(() => expect(api.calls.filter((c) => c.path === '/me/agenda').at(-1)?.query.get('from')).toBe('2026-11-30T00:00:00.000Z'));
  });
});
