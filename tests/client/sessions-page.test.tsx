import type { Session } from '@patchbay/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MAYA, ROOM_B, SAM, makeSession, makeSnapshot, makeTask, studio, taskKinds } from './fixtures';
import { json, meAs, mockApi, renderApp } from './harness';

const id = (n: number) => `88888888-8888-4888-8888-${String(n).padStart(12, '0')}`;

const sessions: Session[] = [
  makeSession({ id: id(2), title: 'Drum tracking', startsAt: '2026-11-24T10:00:00.000Z', endsAt: '2026-11-24T20:00:00.000Z', status: 'IN_PROGRESS', taskCounts: { TODO: 2, IN_PROGRESS: 1, BLOCKED: 0, DONE: 1 } }),
  makeSession({ id: id(1), title: 'Lead vocal overdubs', startsAt: '2026-11-24T09:00:00.000Z', endsAt: '2026-11-24T21:00:00.000Z', status: 'PLANNED', producer: null, engineer: SAM }),
  makeSession({
    id: id(3),
    title: 'Mixdown: "Harbour"',
    startsAt: '2026-11-25T10:00:00.000Z',
    endsAt: '2026-11-25T20:00:00.000Z',
    status: 'PLANNED',
    room: { id: ROOM_B, name: 'Control Room B' },
    taskCounts: { TODO: 1, IN_PROGRESS: 0, BLOCKED: 0, DONE: 3 },
  }),
  makeSession({ id: id(4), title: 'Writing session', startsAt: '2026-11-27T12:00:00.000Z', endsAt: '2026-11-27T16:00:00.000Z', status: 'CANCELLED', producer: MAYA, engineer: null }),
];

function setup(path = '/', timezone = studio.timezone) {
  const api = mockApi({
    'GET /auth/me': () => json(meAs('PRODUCER', MAYA, timezone)),
    'GET /studio': () => json({ ...studio, timezone }),
    'GET /task-kinds': () => json(taskKinds),
    'GET /sessions': () => json({ sessions }),
    [`GET /sessions/${id(2)}/board`]: () => json(makeSnapshot([makeTask(1, { sessionId: id(2) })], 4, makeSession({ id: id(2), seq: 4 }))),
  });
  renderApp(path);
  return api;
}

const row = (title: string) => screen.getByRole('link', { name: title }).closest('li') as HTMLElement;
const dayHeadings = () => screen.getAllByRole('heading', { level: 2 }).map((h) => h.firstChild?.textContent);

describe('sessions list', () => {
  beforeEach(() => {
    // 11:00 in London on Tue 24 Nov 2026: "Drum tracking" is on now.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-24T11:00:00.000Z') });
  });

  it('groups sessions by day in the studio time zone, from today on', async () => {
    const api = setup();
    await screen.findByRole('link', { name: 'Drum tracking' });
    expect(dayHeadings()).toEqual(['Today — Tue 24 Nov', 'Tomorrow — Wed 25 Nov', 'Fri 27 Nov']);
    const today = screen.getByRole('region', { name: /^Today/ });
    expect(within(today).getAllByRole('link').map((a) => a.textContent)).toEqual(['Lead vocal overdubs', 'Drum tracking']);
    const request = api.calls.find((c) => c.path === '/sessions');
    expect(request?.query.get('from')).toBe('2026-11-24T00:00:00.000Z');
    expect(request?.query.get('to')).toBeNull();
  });

  it('uses the studio time zone, not UTC, for days and times', async () => {
    // 12:00 in Los Angeles on Tue 24 Nov. 03:00 UTC on the 25th is still the evening of the 24th there.
    vi.setSystemTime(new Date('2026-11-24T20:00:00.000Z'));
    const late = makeSession({ id: id(5), title: 'Late overdubs', startsAt: '2026-11-25T03:00:00.000Z', endsAt: '2026-11-25T06:00:00.000Z' });
    const api = setup('/', 'America/Los_Angeles');
    api.route('GET /sessions', () => json({ sessions: [...sessions, late] }));
    await screen.findByRole('link', { name: 'Late overdubs' });
    expect(screen.getByText(/times in America\/Los Angeles/)).toBeTruthy();
    expect(row('Late overdubs').textContent).toContain('19:00–22:00');
    const today = screen.getByRole('region', { name: /^Today — Tue 24 Nov/ });
    expect(within(today).getAllByRole('link').map((a) => a.textContent)).toEqual(['Lead vocal overdubs', 'Drum tracking', 'Late overdubs']);
    expect(api.calls.find((c) => c.path === '/sessions')?.query.get('from')).toBe('2026-11-24T08:00:00.000Z');
  });

  it('shows time window, title, artist – project, room, people, status and progress on each row', async () => {
    setup();
    await screen.findByRole('link', { name: 'Drum tracking' });
    const drums = row('Drum tracking');
    for (const text of ['10:00–20:00', 'Now', 'The Hollow Pines – Northern Lights', 'Live Room A', 'Maya Okafor', 'Sam Reyes', 'In progress', '1/4 tasks done']) {
      expect(drums.textContent).toContain(text);
    }
    expect(screen.getByRole('link', { name: 'Drum tracking' }).getAttribute('href')).toBe(`/sessions/${id(2)}`);
    expect(row('Lead vocal overdubs').textContent).toContain('None'); // no producer
    expect(row('Mixdown: "Harbour"').textContent).not.toContain('Now');
    expect(row('Mixdown: "Harbour"').textContent).toContain('3/4 tasks done');
    expect(row('Writing session').textContent).toContain('Cancelled');
  });

  it('filters by status and by room with toggle chips', async () => {
    setup();
    await screen.findByRole('link', { name: 'Drum tracking' });
    const statusChips = screen.getByRole('group', { name: 'Status' });
    const cancelled = within(statusChips).getByRole('button', { name: /^Cancelled/ });
    expect(cancelled.textContent).toBe('Cancelled1');
    fireEvent.click(cancelled);
    expect(cancelled.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getAllByRole('link', { name: /./ }).filter((a) => a.closest('li')).map((a) => a.textContent)).toEqual(['Writing session']);

    fireEvent.click(within(statusChips).getByRole('button', { name: /^All/ }));
    fireEvent.click(within(screen.getByRole('group', { name: 'Room' })).getByRole('button', { name: /^Control Room B/ }));
    expect(screen.getAllByRole('link').filter((a) => a.closest('li')).map((a) => a.textContent)).toEqual(['Mixdown: "Harbour"']);
    expect(dayHeadings()).toEqual(['Tomorrow — Wed 25 Nov']);
  });

  it('says so when nothing matches, and clears the filters', async () => {
    setup();
    await screen.findByRole('link', { name: 'Drum tracking' });
    fireEvent.click(within(screen.getByRole('group', { name: 'Status' })).getByRole('button', { name: /^Wrapped/ }));
    expect(screen.getByText('No sessions match these filters.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByRole('link', { name: 'Drum tracking' })).toBeTruthy();
  });

  it('asks for the past two weeks and lists the newest day first', async () => {
    const api = setup('/?when=past');
    await screen.findByRole('link', { name: 'Drum tracking' });
    const request = api.calls.find((c) => c.path === '/sessions');
    expect(request?.query.get('from')).toBe('2026-11-10T00:00:00.000Z');
    expect(request?.query.get('to')).toBe('2026-11-24T00:00:00.000Z');
    expect(dayHeadings()).toEqual(['Fri 27 Nov', 'Tomorrow — Wed 25 Nov', 'Today — Tue 24 Nov']);
  });

  it('opens the board when a session is chosen', async () => {
    setup();
    fireEvent.click(await screen.findByRole('link', { name: 'Drum tracking' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Drum tracking' })).toBeTruthy();
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(1));
    const crumbs = screen.getByRole('navigation', { name: 'Breadcrumb' });
    expect(within(crumbs).getByRole('link', { name: 'Sessions' }).getAttribute('href')).toBe('/sessions');
  });
});

describe('focus after navigation', () => {
  it('moves focus to the board’s heading when its link is followed (the link is gone), and to a page’s heading from the header', async () => {
    setup('/sessions');
    const link = await screen.findByRole('link', { name: 'Drum tracking' });
    link.focus();
    fireEvent.click(link);
    const heading = await screen.findByRole('heading', { level: 1, name: 'Drum tracking' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(heading.getAttribute('tabindex')).toBe('-1');

    const sessionsLink = within(document.querySelector<HTMLElement>('.app-header')!).getByRole('link', { name: 'Sessions' });
    sessionsLink.focus();
    fireEvent.click(sessionsLink);
    const list = await screen.findByRole('heading', { level: 1, name: 'Sessions' });
    await waitFor(() => expect(document.activeElement).toBe(list));
  });
});
