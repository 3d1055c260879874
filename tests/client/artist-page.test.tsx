// The artist's page: a guest lands on "Your sessions", grouped by day, with the call time big,
// the room, the session's times, who they will work with and the producer's note; the team's
// pages are not for them. Producers write the note on the board, labelled as seen by the artist.
import type { ArtistSessions, GuestSession } from '@patchbay/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MAYA, PROJECT_ID, SESSION_ID, makeSession, makeSnapshot, makeTask, studio, taskKinds } from './fixtures';
import { json, meAs, mockApi, renderApp } from './harness';

const ADA = { id: '44444444-4444-4444-8444-444444444450', name: 'Ada Quinn' };
const base: GuestSession = {
  id: SESSION_ID,
  title: 'Lead vocal overdubs',
  status: 'PLANNED',
  booking: 'CONFIRMED',
  callAt: '2026-11-25T09:15:00.000Z',
  startsAt: '2026-11-25T10:00:00.000Z',
  endsAt: '2026-11-25T16:00:00.000Z',
  room: { name: 'Studio A' },
  project: { id: PROJECT_ID, artist: 'Ada Quinn', title: 'Quiet Hours EP' },
  producer: { name: 'Maya Okafor' },
  engineer: { name: 'Sam Reyes' },
  guestNote: 'Your in-ear moulds and the lyric sheet',
};
const list: ArtistSessions = {
  timeZone: 'Europe/London',
  from: '2026-11-23T11:00:00.000Z',
  sessions: [
    base,
    { ...base, id: '11111111-1111-4111-8111-111111111112', title: 'Harmonies', booking: 'PENCILLED', callAt: '2026-11-27T12:00:00.000Z', startsAt: '2026-11-27T12:00:00.000Z', endsAt: '2026-11-27T15:00:00.000Z', engineer: null, guestNote: '' },
    { ...base, id: '11111111-1111-4111-8111-111111111113', title: 'Ad-libs', status: 'CANCELLED', callAt: '2026-11-27T17:00:00.000Z', startsAt: '2026-11-27T17:00:00.000Z', endsAt: '2026-11-27T19:00:00.000Z' },
  ],
};

describe("the artist's page", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-24T11:00:00.000Z') });
  });

  it('a guest lands on Your sessions: by day, call time first, room, times, who, the note, and holds and cancellations said plainly', async () => {
    const api = mockApi({ 'GET /auth/me': () => json(meAs('GUEST', ADA)), 'GET /artist/sessions': () => json(list) });
    renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Your sessions' })).toBeTruthy();
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getAllByRole('link').map((a) => a.textContent)).toEqual(['Your sessions']);

    const tomorrow = await screen.findByRole('region', { name: 'Tomorrow — Wed 25 Nov' });
    const vocals = within(tomorrow).getByRole('listitem', { name: 'Lead vocal overdubs' });
    expect(within(vocals).getByText('Call time')).toBeTruthy();
    expect(within(vocals).getByText('09:15').className).toBe('artist-session__call-time');
    expect(vocals.textContent).toContain('Studio A');
    expect(vocals.textContent).toContain('Session 10:00–16:00');
    expect(vocals.textContent).toContain('Quiet Hours EP (Ada Quinn)');
    expect(within(vocals).getByText('You’ll work with Maya Okafor (producer) and Sam Reyes (engineer)')).toBeTruthy();
    expect(within(vocals).getByText('What to bring')).toBeTruthy();
    expect(within(vocals).getByText('Your in-ear moulds and the lyric sheet')).toBeTruthy();

    const friday = screen.getByRole('region', { name: 'Fri 27 Nov' });
    const harmonies = within(friday).getByRole('listitem', { name: 'Harmonies' });
    expect(within(harmonies).getByText('Pencilled in')).toBeTruthy();
    expect(within(harmonies).getByText('You’ll work with Maya Okafor (producer)')).toBeTruthy();
    expect(within(harmonies).queryByText('What to bring')).toBeNull();
    const adlibs = within(friday).getByRole('listitem', { name: 'Ad-libs' });
    expect(within(adlibs).getByText('Cancelled')).toBeTruthy();
    expect(within(adlibs).getByText('This session is cancelled: no need to come in.')).toBeTruthy();
    // Nothing of the team's is asked for.
    expect(api.calls.map((c) => c.path).filter((p) => p !== '/auth/me')).toEqual(['/artist/sessions']);
  });

  it("a guest who opens a team page (a board, the sessions list, My day) is taken to their own page", async () => {
    for (const path of [`/sessions/${SESSION_ID}`, '/sessions', '/my-day', '/my-week']) {
      const api = mockApi({ 'GET /auth/me': () => json(meAs('GUEST', ADA)), 'GET /artist/sessions': () => json({ ...list, sessions: [] }) });
      const { unmount } = renderApp(path);
      expect(await screen.findByRole('heading', { level: 1, name: 'Your sessions' })).toBeTruthy();
      expect(await screen.findByText('No sessions booked for you yet. The studio will add them here.')).toBeTruthy();
      expect(api.calls.some((c) => c.path.startsWith('/sessions') || c.path.startsWith('/me/'))).toBe(false);
      unmount();
    }
  });

  it('the producer writes the note for the artist on the board, labelled as visible to the artist', async () => {
    const session = makeSession({ guestNote: '' });
    const snapshot = makeSnapshot([makeTask(1)], 10, session);
    const api = mockApi({
      'GET /auth/me': () => json(meAs('PRODUCER', MAYA)),
      [`GET /sessions/${SESSION_ID}/board`]: () => json(snapshot),
      'GET /studio': () => json(studio),
      'GET /task-kinds': () => json(taskKinds),
      [`PATCH /sessions/${SESSION_ID}`]: (call) => json({ ...session, guestNote: (call.body as { guestNote: string }).guestNote }),
      [`GET /sessions/${SESSION_ID}/events`]: () => json({ events: [], seq: 10, reset: false }),
    });
    renderApp(`/sessions/${SESSION_ID}`);
    expect(await screen.findByText('Note for the artist')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    const box = screen.getByRole('textbox', { name: 'Note for the artist' });
    expect(box.getAttribute('maxlength')).toBe('2000');
    expect(screen.getByText(/Visible to the artist on their page/)).toBeTruthy();
    fireEvent.change(box, { target: { value: 'Bring the lyric sheet' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    await waitFor(() => expect(api.writes()).toEqual([expect.objectContaining({ method: 'PATCH', path: `/sessions/${SESSION_ID}`, body: { guestNote: 'Bring the lyric sheet' } })]));
  });

  it('people who may not edit the session see no note field', async () => {
    mockApi({
      'GET /auth/me': () => json(meAs('ENGINEER', { id: '44444444-4444-4444-8444-444444444460', name: 'Lena Park' })),
      [`GET /sessions/${SESSION_ID}/board`]: () => json(makeSnapshot([makeTask(1)], 10, makeSession({ guestNote: 'Bring the lyric sheet' }))),
      'GET /studio': () => json(studio),
      'GET /task-kinds': () => json(taskKinds),
    });
    renderApp(`/sessions/${SESSION_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Drum tracking' })).toBeTruthy();
    expect(screen.getByText('Producer')).toBeTruthy();
    expect(screen.queryByText('Note for the artist')).toBeNull();
  });
});
