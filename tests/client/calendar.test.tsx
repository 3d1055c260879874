import type { BookingCheck, Session } from '@patchbay/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { daySpan, instantAt, visibleHours } from '../../client/src/calendar/calendar-range';
import { MAYA, OTHER_SESSION_ID, ROOM_A, ROOM_B, SAM, makeSession, studio } from './fixtures';
import { json, mockApi, renderApp, type FetchCall } from './harness';

// A summer day: Europe/London is on BST (UTC+1), so 09:00Z is 10:00 on the studio's clock.
const DAY = '2026-07-14';
const drums = makeSession({
  startsAt: '2026-07-14T09:00:00.000Z',
  endsAt: '2026-07-14T19:00:00.000Z',
  callAt: '2026-07-14T08:30:00.000Z',
  clearAt: '2026-07-14T19:15:00.000Z',
  prepMinutes: 30,
  teardownMinutes: 15,
  status: 'PLANNED',
  setup: { done: 12, total: 47, byPart: { INPUT: { done: 10, total: 30 }, PATCH: { done: 2, total: 10 }, CHECK: { done: 0, total: 7 } } },
});
const FIRST = '22222222-2222-4222-8222-222222222223';
const SECOND = '22222222-2222-4222-8222-222222222224';
const EXPIRED = '22222222-2222-4222-8222-222222222225';
const held = (id: string, title: string, hold: Session['hold'], startsAt: string, endsAt: string) =>
  makeSession({ id, title, hold, status: 'PLANNED', startsAt, endsAt, callAt: startsAt, clearAt: endsAt, room: { id: ROOM_B, name: 'Control Room B' }, holdUntil: hold === 'FIRST_HOLD' || hold === 'SECOND_HOLD' ? '2026-07-10T17:00:00.000Z' : null });
const first = held(FIRST, 'Mix pencil', 'FIRST_HOLD', '2026-07-14T12:00:00.000Z', '2026-07-14T16:00:00.000Z');
const second = held(SECOND, 'Podcast pencil', 'SECOND_HOLD', '2026-07-14T13:00:00.000Z', '2026-07-14T15:00:00.000Z');
const expired = held(EXPIRED, 'Old pencil', 'EXPIRED', '2026-07-14T07:00:00.000Z', '2026-07-14T08:00:00.000Z');
const cancelled = makeSession({ id: OTHER_SESSION_ID, title: 'Called off', status: 'CANCELLED', startsAt: '2026-07-14T17:00:00.000Z', endsAt: '2026-07-14T18:00:00.000Z', callAt: '2026-07-14T17:00:00.000Z', clearAt: '2026-07-14T18:00:00.000Z', room: { id: ROOM_B, name: 'Control Room B' } });

function check(conflicts: BookingCheck['conflicts'] = []): BookingCheck {
  return { conflicts, people: [], rooms: [], week: { start: '2026-07-13T00:00:00.000Z', end: '2026-07-20T00:00:00.000Z' }, callAt: '2026-07-14T08:30:00.000Z', clearAt: '2026-07-14T19:15:00.000Z', prepMinutes: 30, teardownMinutes: 15, firstHolds: [] };
}

function setup(sessions: Session[] = [drums, first, second, expired, cancelled], answer: (call: FetchCall) => BookingCheck = () => check(), path = `/calendar?date=${DAY}`) {
  const api = mockApi({
    'GET /studio': () => json(studio),
    'GET /sessions': () => json({ sessions }),
    'GET /templates': () => json({ templates: [] }),
    'POST /bookings/check': (call) => json(answer(call)),
    [`PATCH /sessions/${drums.id}`]: (call) => {
      const body = call.body as { startsAt: string; endsAt: string; roomId: string };
      return json({ ...drums, ...body, room: studio.rooms.find((r) => r.id === body.roomId)! });
    },
  });
  const utils = renderApp(path);
  return { api, ...utils };
}

const block = (name: RegExp) => screen.findByRole('button', { name });
/** Saves (the live check's POSTs ask, they change nothing). */
const patches = (calls: FetchCall[]) => calls.filter((c) => c.method === 'PATCH');

describe('the studio calendar', () => {
  it('places blocks at their studio-time rows (BST), with prep and teardown, holds and setup progress', async () => {
    const { api } = setup();
    const b = await block(/^Drum tracking, Tue 14 Jul 10:00–20:00, Live Room A/);
    // The day starts at 07:00: the call at 09:30 is 150 minutes down, 0.8 px a minute.
    expect(b.style.top).toBe('120px');
    expect(b.style.height).toBe(`${(10 * 60 + 45) * 0.8}px`);
    expect(b.textContent).toContain('Call 09:30');
    expect(b.textContent).toContain('Clear 20:15');
    expect(b.textContent).toContain('12/47 checked');
    // Its name (from its words, not an aria-label) is what a screen reader says.
    expect(screen.getByRole('button', { name: /^Drum tracking, .*Producer Maya Okafor, engineer Sam Reyes.*setup 12\/47 checked/ })).toBe(b);
    // The range asked for is the studio's day, not the browser's.
    const list = api.calls.find((c) => c.path === '/sessions')!;
    expect(list.query.get('from')).toBe('2026-07-13T23:00:00.000Z');
    expect(list.query.get('to')).toBe('2026-07-14T23:00:00.000Z');

    const firstHold = await block(/^Mix pencil/);
    expect(within(firstHold).getByText('1st hold')).toBeTruthy();
    const secondHold = await block(/^Podcast pencil/);
    expect(within(secondHold).getByText('2nd hold — behind “Mix pencil”')).toBeTruthy();
    // Side by side: the second hold in the second lane.
    expect(firstHold.style.left).toBe('calc(0% + 0px)');
    expect(secondHold.style.left).toBe('calc(50% + 6px)');
    expect(firstHold.className).toContain('cal-block--hold-first-hold');
    const old = await block(/^Old pencil/);
    expect(within(old).getByText('Hold expired')).toBeTruthy();
    expect(old.style.top).toBe(`${60 * 0.8}px`); // 08:00 BST
    // Cancelled sessions only behind the toggle.
    expect(screen.queryByRole('button', { name: /^Called off/ })).toBeNull();
    fireEvent.click(screen.getByLabelText(/Show cancelled \(1\)/));
    expect((await block(/^Called off/)).className).toContain('cal-block--cancelled');
  });

  it('moves a session by keyboard, announcing each step and checking the slot, and saves the PATCH', async () => {
    const { api } = setup();
    const b = await block(/^Drum tracking/);
    b.focus();
    fireEvent.keyDown(b, { key: 'm' });
    fireEvent.keyDown(b, { key: 'ArrowDown' });
    fireEvent.keyDown(b, { key: 'ArrowDown' });
    fireEvent.keyDown(b, { key: 'ArrowRight' });
    const live = document.querySelector('.cal-status')!;
    expect(live.getAttribute('aria-live')).toBe('assertive');
    await waitFor(() => expect(live.textContent).toBe('Moving “Drum tracking”: Tue 14 Jul 10:30–20:30, Control Room B. Free.'));
    const asked = api.calls.filter((c) => c.path === '/bookings/check').at(-1)!;
    expect(asked.body).toEqual({ startsAt: '2026-07-14T09:30:00.000Z', endsAt: '2026-07-14T19:30:00.000Z', roomId: ROOM_B, producerId: MAYA.id, engineerId: SAM.id, sessionId: drums.id });
    // Shift+down stretches the end only.
    fireEvent.keyDown(b, { key: 'ArrowDown', shiftKey: true });
    await waitFor(() => expect(live.textContent).toBe('Resizing “Drum tracking”: Tue 14 Jul 10:30–20:45, Control Room B. Free.'));
    fireEvent.keyDown(b, { key: 'Enter' });
    await waitFor(() => expect(patches(api.calls)).toHaveLength(1));
    expect(patches(api.calls)[0]).toMatchObject({ method: 'PATCH', path: `/sessions/${drums.id}`, body: { startsAt: '2026-07-14T09:30:00.000Z', endsAt: '2026-07-14T19:45:00.000Z', roomId: ROOM_B } });
    expect(await screen.findByText('“Drum tracking” now runs Tue 14 Jul 10:30–20:45.')).toBeTruthy();
  });

  it('shows a conflicting slot before the drop and does not save it', async () => {
    const message = 'Sam Reyes is engineering “Vocals” 12:00–16:00.';
    const { api } = setup(undefined, (call) => ((call.body as { startsAt: string }).startsAt === '2026-07-14T10:00:00.000Z' ? check([{ kind: 'engineer', sessionId: FIRST, title: 'Vocals', startsAt: '2026-07-14T11:00:00.000Z', endsAt: '2026-07-14T15:00:00.000Z', memberId: SAM.id, message }]) : check()));
    const b = await block(/^Drum tracking/);
    b.focus();
    fireEvent.keyDown(b, { key: 'Enter' });
    for (let i = 0; i < 4; i += 1) fireEvent.keyDown(b, { key: 'ArrowDown' });
    const live = document.querySelector('.cal-status')!;
    await waitFor(() => expect(live.textContent).toBe(`Moving “Drum tracking”: Tue 14 Jul 11:00–21:00, Live Room A. Conflict: ${message}`));
    // The ghost turns red and says why, next to where it would land.
    const ghost = document.querySelector('.cal-ghost')!;
    expect(ghost.className).toContain('cal-ghost--conflict');
    expect(ghost.textContent).toContain('11:00–21:00, Live Room A');
    expect(ghost.textContent).toContain(message);
    fireEvent.keyDown(b, { key: 'Enter' });
    await waitFor(() => expect(live.textContent).toBe(`Not moved: ${message} “Drum tracking” stays where it was.`));
    expect(patches(api.calls)).toEqual([]);
    expect(document.querySelector('.cal-ghost')).toBeNull();
    // Escape puts a picked-up session back without asking anything.
    fireEvent.keyDown(b, { key: 'Enter' });
    fireEvent.keyDown(b, { key: 'ArrowUp' });
    fireEvent.keyDown(b, { key: 'Escape' });
    expect(live.textContent).toBe('Move cancelled: “Drum tracking” stays at Tue 14 Jul 10:00–20:00, Live Room A.');
    expect(patches(api.calls)).toEqual([]);
  });

  it('books by selecting a slot: the form opens with the room, day and times selected', async () => {
    setup();
    await block(/^Drum tracking/);
    const column = document.querySelector<HTMLElement>(`.cal-day__column[data-room-id="${ROOM_B}"]`)!;
    // happy-dom puts the column's top at 0: 240 px down is 12:00, 324 px is in the 13:45 slot.
    fireEvent.pointerDown(column, { clientY: 240, button: 0, pointerId: 1, pointerType: 'mouse' });
    fireEvent.pointerMove(column, { clientY: 324, pointerId: 1, pointerType: 'mouse' });
    fireEvent.pointerUp(column, { clientY: 324, pointerId: 1, pointerType: 'mouse' });
    const form = await screen.findByRole('region', { name: 'Book a session' });
    expect((within(form).getByLabelText('Room') as HTMLSelectElement).value).toBe(ROOM_B);
    expect((within(form).getByLabelText('Day') as HTMLInputElement).value).toBe(DAY);
    expect((within(form).getByLabelText('Starts') as HTMLInputElement).value).toBe('12:00');
    expect((within(form).getByLabelText('Ends') as HTMLInputElement).value).toBe('14:00');
    fireEvent.click(within(form).getByRole('button', { name: 'Cancel' }));

    // A plain click selects an hour; the keyboard way is the room's "Book in" button.
    fireEvent.pointerDown(column, { clientY: 480, button: 0, pointerId: 2, pointerType: 'mouse' });
    fireEvent.pointerUp(column, { clientY: 480, pointerId: 2, pointerType: 'mouse' });
    const again = await screen.findByRole('region', { name: 'Book a session' });
    expect((within(again).getByLabelText('Starts') as HTMLInputElement).value).toBe('17:00');
    expect((within(again).getByLabelText('Ends') as HTMLInputElement).value).toBe('18:00');
    fireEvent.click(within(again).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Book in Live Room A' }));
    const byKeyboard = await screen.findByRole('region', { name: 'Book a session' });
    expect((within(byKeyboard).getByLabelText('Room') as HTMLSelectElement).value).toBe(ROOM_A);
    expect((within(byKeyboard).getByLabelText('Day') as HTMLInputElement).value).toBe(DAY);
  });

  it('shows the week with rooms as rows and opens a day from its heading', async () => {
    setup(undefined, undefined, `/calendar?view=week&date=${DAY}`);
    expect(await screen.findByRole('heading', { name: 'Week 29 · 13 Jul – 19 Jul' })).toBeTruthy();
    // The rooms come with the studio, which may answer after the heading is drawn.
    const row = await screen.findByRole('group', { name: 'Control Room B' });
    expect((await within(row).findByRole('button', { name: /^Podcast pencil/ })).textContent).toContain('2nd hold — behind “Mix pencil”');
    fireEvent.click(screen.getByRole('button', { name: 'Tue 14 Jul: open the day' }));
    expect(await screen.findByRole('heading', { name: 'Tue 14 Jul' })).toBeTruthy();
  });
});

describe('calendar time maths in the studio zone', () => {
  it('reads wall-clock rows across a DST change and clips sessions at midnight', () => {
    const tz = 'Europe/London';
    // 25 Oct 2026: clocks go back at 02:00 BST. 00:30 BST (23:30Z the day before) to 03:00 GMT.
    const night = { startsAt: '2026-10-24T23:30:00.000Z', endsAt: '2026-10-25T03:00:00.000Z', callAt: '2026-10-24T23:30:00.000Z', clearAt: '2026-10-25T03:00:00.000Z' };
    const span = daySpan(night, { year: 2026, month: 10, day: 25 }, tz)!;
    expect([span.start, span.end, span.fromBefore, span.continues]).toEqual([30, 180, false, false]);
    // The same session, seen from the day before: not there (it starts after that midnight).
    expect(daySpan(night, { year: 2026, month: 10, day: 24 }, tz)).toBeNull();
    // A late session continues past midnight: clipped at 24:00 with the marker.
    const late = { startsAt: '2026-12-01T21:00:00.000Z', endsAt: '2026-12-02T02:00:00.000Z', callAt: '2026-12-01T21:00:00.000Z', clearAt: '2026-12-02T02:00:00.000Z' };
    expect(daySpan(late, { year: 2026, month: 12, day: 1 }, tz)).toMatchObject({ start: 21 * 60, end: 24 * 60, continues: true });
    expect(daySpan(late, { year: 2026, month: 12, day: 2 }, tz)).toMatchObject({ start: 0, end: 120, fromBefore: true });
    expect(visibleHours([daySpan(late, { year: 2026, month: 12, day: 2 }, tz)!])).toEqual({ first: 0, last: 24 * 60 });
    // A grid row back to an instant: 10:00 on a BST day is 09:00Z; 24:00 is the next day's midnight.
    expect(instantAt({ year: 2026, month: 7, day: 14 }, 600, tz).toISOString()).toBe('2026-07-14T09:00:00.000Z');
    expect(instantAt({ year: 2026, month: 7, day: 14 }, 1440, tz).toISOString()).toBe('2026-07-14T23:00:00.000Z');
  });
});
