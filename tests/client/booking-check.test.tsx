import type { BookingCheck, Session } from '@patchbay/shared';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MAYA, PROJECT_ID, ROOM_A, ROOM_B, SAM, THEO, makeSession, studio } from './fixtures';
import { apiError, json, mockApi, renderApp, type FetchCall } from './harness';
import { sessionWindow, validateSession } from '../../client/src/components/book-session-form';

const field = (label: string) => screen.getByLabelText(label) as HTMLSelectElement | HTMLInputElement;
const change = (label: string, value: string) => fireEvent.change(field(label), { target: { value } });
const options = (label: string) => within(field(label)).getAllByRole('option').map((o) => o.textContent);
/** What a control's aria-describedby points at, as text. */
const description = (el: HTMLElement) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
/** Real time passing (the debounce uses real timers; only Date is faked). */
const pause = (ms: number) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));
/** Past the debounce, with room for a busy machine. */
const soon = { timeout: 3_000 };
const confirmButton = () => screen.getByRole('button', { name: 'Confirm booking' });
/** The live summary by the submit button (the button is described by it). */
const summary = () => {
  const id = confirmButton().getAttribute('aria-describedby') ?? '';
  const el = document.getElementById(id);
  if (!el) throw new Error('the submit button is not described by the availability summary');
  return el;
};

type Person = BookingCheck['people'][number];
const person = (who: { id: string; name: string }, figures: Partial<Person> = {}): Person => ({
  member: who,
  free: true,
  busyWith: null,
  bookedMinutes: 30 * 60,
  capacityMinutes: 40 * 60,
  dayBookedMinutes: 4 * 60,
  dayCapacityMinutes: 8 * 60,
  ...figures,
});

/** Everyone free, both rooms free, in the week of Mon 23 Nov 2026 (London is on UTC then). */
function answer(overrides: Partial<BookingCheck> = {}): BookingCheck {
  return {
    conflicts: [],
    people: [person(MAYA), person(SAM), person(THEO, { capacityMinutes: 30 * 60, dayCapacityMinutes: 6 * 60 })],
    rooms: [
      { room: { id: ROOM_B, name: 'Control Room B' }, free: true, busyWith: null },
      { room: { id: ROOM_A, name: 'Live Room A' }, free: true, busyWith: null },
    ],
    week: { start: '2026-11-23T00:00:00.000Z', end: '2026-11-30T00:00:00.000Z' },
    callAt: '2026-11-26T10:00:00.000Z',
    clearAt: '2026-11-26T14:00:00.000Z',
    prepMinutes: 0,
    teardownMinutes: 0,
    firstHolds: [],
    ...overrides,
  };
}

const drums = { kind: 'session' as const, sessionId: makeSession().id, title: 'Drum tracking', taskTitle: null, startsAt: '2026-11-26T10:00:00.000Z', endsAt: '2026-11-26T14:00:00.000Z' };

function openForm(check: (call: FetchCall) => Response | Promise<Response>, routes: Parameters<typeof mockApi>[0] = {}) {
  const api = mockApi({
    'GET /studio': () => json(studio),
    'GET /sessions': () => json({ sessions: [makeSession()] }),
    'POST /bookings/check': check,
    ...routes,
  });
  renderApp('/');
  return api;
}

const checks = (api: ReturnType<typeof mockApi>) => api.calls.filter((c) => c.method === 'POST' && c.path === '/bookings/check');

/** Room A, Maya producing, Sam engineering, Thu 26 Nov 12:00–15:00 studio time. */
function typeSlot() {
  change('Title', 'Overdubs');
  change('Project', PROJECT_ID);
  change('Room', ROOM_A);
  change('Day', '2026-11-26');
  change('Starts', '12:00');
  change('Ends', '15:00');
  change('Producer', MAYA.id);
  change('Engineer', SAM.id);
}

const slotBody = { startsAt: '2026-11-26T12:00:00.000Z', endsAt: '2026-11-26T15:00:00.000Z', roomId: ROOM_A, producerId: MAYA.id, engineerId: SAM.id };

describe('the booking form checks the slot as it is typed', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-24T11:00:00.000Z') });
  });

  it('asks about the window, room and people (debounced) and says when they are free', async () => {
    const api = openForm(() => json(answer()));
    fireEvent.click(await screen.findByRole('button', { name: /Book session/ }));
    typeSlot();
    // Debounced: nothing is asked while someone keeps typing (pauses shorter than the debounce).
    change('Engineer', THEO.id);
    await pause(100);
    expect(checks(api)).toEqual([]);
    change('Engineer', SAM.id);
    await pause(100);
    expect(checks(api)).toEqual([]);
    expect(summary().getAttribute('aria-live')).toBe('polite');
    expect(summary().textContent).toBe('Checking the room and people…');

    await waitFor(() => expect(summary().textContent).toBe('✓ Live Room A, Maya Okafor and Sam Reyes are free then.'), soon);
    // One question for the whole burst of typing, about the slot as typed (no sessionId: a new booking).
    expect(checks(api).map((c) => c.body)).toEqual([{ ...slotBody, hold: 'CONFIRMED' }]);

    expect(options('Producer')).toEqual(['None', 'Maya Okafor — free · 30 of 40 h this week']);
    expect(options('Engineer')).toEqual(['None', 'Sam Reyes — free · 30 of 40 h this week', 'Theo Grant — free · 30 of 30 h this week · over capacity']);
    expect(options('Room')).toEqual(['Choose a room…', 'Live Room A', 'Control Room B']);
    expect(description(field('Engineer'))).toBe('Sam Reyes is free then · 30 of 40 h booked this week, 4 of 8 h that day.');
    expect(description(field('Room'))).toBe('Live Room A is free then.');
    expect(screen.getByText('Sam Reyes is free then · 30 of 40 h booked this week, 4 of 8 h that day.').closest('.field__help')).toBeTruthy();
  });

  it('lists the clashes, marks the taken room and the busy engineer, and still lets the user submit', async () => {
    const roomClash = { kind: 'room' as const, sessionId: drums.sessionId, title: 'Drum tracking', startsAt: drums.startsAt, endsAt: drums.endsAt, message: "Live Room A is booked for 'Drum tracking' 10:00–14:00." };
    const samClash = { ...roomClash, kind: 'engineer' as const, memberId: SAM.id, message: "Sam Reyes is engineering 'Drum tracking' 10:00–14:00." };
    const clashing = answer({
      conflicts: [roomClash, samClash],
      rooms: [
        { room: { id: ROOM_B, name: 'Control Room B' }, free: true, busyWith: null },
        { room: { id: ROOM_A, name: 'Live Room A' }, free: false, busyWith: drums },
      ],
      people: [
        person(MAYA, { bookedMinutes: 39 * 60 }),
        person(SAM, { free: false, busyWith: drums }),
        person(THEO, { free: false, busyWith: { ...drums, kind: 'task', title: 'Drum tracking', taskTitle: 'Reamp guitars', startsAt: '2026-11-26T10:00:00.000Z', endsAt: '2026-11-26T13:00:00.000Z' } }),
      ],
    });
    const api = openForm(() => json(clashing), { 'POST /sessions': () => apiError(409, 'BOOKING_CONFLICT', roomClash.message, { conflicts: [roomClash, samClash] }) });
    fireEvent.click(await screen.findByRole('button', { name: /Book session/ }));
    typeSlot();

    await waitFor(() => expect(within(summary()).queryAllByRole('listitem')).toHaveLength(2), soon);
    expect(within(summary()).getByText('This slot clashes (2):')).toBeTruthy();
    expect(within(summary()).getAllByRole('listitem').map((li) => li.textContent)).toEqual([roomClash.message, samClash.message]);

    expect(options('Room')).toEqual(['Choose a room…', "Live Room A — taken: 'Drum tracking' 10:00–14:00", 'Control Room B']);
    expect(options('Engineer')).toEqual(['None', "Sam Reyes — busy: 'Drum tracking' 10:00–14:00", "Theo Grant — busy: 'Reamp guitars' (Drum tracking) 10:00–13:00"]);
    expect(description(field('Room'))).toBe("Live Room A is taken then: 'Drum tracking' 10:00–14:00.");
    expect(description(field('Engineer'))).toBe("Sam Reyes is busy then: 'Drum tracking' 10:00–14:00.");
    // Maya is free, but these 3 hours take her over her 40-hour week: said in words.
    expect(description(field('Producer'))).toBe('Maya Okafor is free then · 39 of 40 h booked this week, 4 of 8 h that day. With this session they would be over capacity (42 of 40 h this week).');

    // Booking is not blocked: the server refuses it and the form shows its clash list once.
    expect((confirmButton() as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(confirmButton());
    await screen.findByText('This is a double booking (2 clashes):');
    expect(api.writes().filter((c) => c.path === '/sessions')).toHaveLength(1);
    expect(within(summary()).queryAllByRole('listitem')).toHaveLength(0);
  });

  it('asks again when the time changes, aborts the old question and ignores its slower answer', async () => {
    const pending: { body: unknown; answer: (r: Response) => void }[] = [];
    const api = openForm((call) => new Promise<Response>((resolve) => pending.push({ body: call.body, answer: resolve })));
    fireEvent.click(await screen.findByRole('button', { name: /Book session/ }));
    typeSlot();
    await waitFor(() => expect(pending).toHaveLength(1), soon);

    change('Ends', '16:00');
    expect(summary().textContent).toBe('Checking the room and people…');
    await waitFor(() => expect(pending).toHaveLength(2), soon);
    expect(pending.map((p) => p.body)).toEqual([{ ...slotBody, hold: 'CONFIRMED' }, { ...slotBody, hold: 'CONFIRMED', endsAt: '2026-11-26T16:00:00.000Z' }]);
    // The first request was aborted when the question changed.
    const signals = vi
      .mocked(fetch)
      .mock.calls.filter(([url]) => String(url).includes('/bookings/check'))
      .map(([, init]) => init?.signal?.aborted);
    expect(signals).toEqual([true, false]);

    // The newer answer arrives first: the slot is free…
    await act(async () => pending[1]!.answer(json(answer())));
    await waitFor(() => expect(summary().textContent).toBe('✓ Live Room A, Maya Okafor and Sam Reyes are free then.'));
    // …and the older, slower answer (a clash for 12:00–15:00) does not overwrite it.
    const stale = answer({
      conflicts: [{ kind: 'room', sessionId: drums.sessionId, title: 'Drum tracking', startsAt: drums.startsAt, endsAt: drums.endsAt, message: "Live Room A is booked for 'Drum tracking' 10:00–14:00." }],
      rooms: [{ room: { id: ROOM_A, name: 'Live Room A' }, free: false, busyWith: drums }],
    });
    await act(async () => pending[0]!.answer(json(stale)));
    await pause(50);
    expect(summary().textContent).toBe('✓ Live Room A, Maya Okafor and Sam Reyes are free then.');
    expect(options('Room')).toEqual(['Choose a room…', 'Live Room A', 'Control Room B']);
    expect(checks(api)).toHaveLength(2);
  });

  it('says quietly when the check fails, and booking still works', async () => {
    const booked: Session = makeSession({ id: '88888888-8888-4888-8888-000000000009', title: 'Overdubs', status: 'PLANNED' });
    const api = openForm(() => apiError(500, 'INTERNAL', 'The server had a problem.'), { 'POST /sessions': () => json(booked, 201) });
    fireEvent.click(await screen.findByRole('button', { name: /Book session/ }));
    typeSlot();
    await waitFor(() => expect(summary().textContent).toBe('Couldn’t check availability: The server had a problem; you can still book.'), soon);
    // Not an alert, and the choices are left as they are.
    expect(summary().getAttribute('role')).toBe('status');
    expect(options('Engineer')).toEqual(['None', 'Sam Reyes', 'Theo Grant']);
    expect(description(field('Engineer'))).toBe('');

    fireEvent.click(confirmButton());
    await screen.findByText('Booked “Overdubs”.');
    expect(api.writes().filter((c) => c.path === '/sessions').map((c) => c.body)).toEqual([{ title: 'Overdubs', projectId: PROJECT_ID, ...slotBody, hold: 'CONFIRMED' }]);
  });

  it('passes the session being edited, so its own time is left out', async () => {
    const session = makeSession({ startsAt: '2026-11-26T10:00:00.000Z', endsAt: '2026-11-26T14:00:00.000Z', status: 'PLANNED' });
    const api = mockApi({
      'GET /studio': () => json(studio),
      'GET /sessions': () => json({ sessions: [session] }),
      'POST /bookings/check': () => json(answer()),
    });
    renderApp('/studio/sessions');
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Drum tracking' }));
    await waitFor(() => expect(checks(api)).toHaveLength(1), soon);
    // The session's own prep and teardown (none here) are asked about with it.
    expect(checks(api)[0]?.body).toEqual({ startsAt: session.startsAt, endsAt: session.endsAt, roomId: ROOM_A, producerId: MAYA.id, engineerId: SAM.id, sessionId: session.id, prepMinutes: 0, teardownMinutes: 0 });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Save changes' }).getAttribute('aria-describedby')).toBeTruthy());
    const saveSummary = document.getElementById(screen.getByRole('button', { name: 'Save changes' }).getAttribute('aria-describedby')!);
    await waitFor(() => expect(saveSummary?.textContent).toBe('✓ Live Room A, Maya Okafor and Sam Reyes are free then.'), soon);
  });
});

describe('booking a hold from the form', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-24T11:00:00.000Z') });
  });

  it('offers a 2nd hold behind a 1st hold, sends the hold and its deadline in studio time, and shows call and clear time', async () => {
    const first = { sessionId: makeSession().id, title: 'Band A (hold)', startsAt: '2026-11-26T10:00:00.000Z', endsAt: '2026-11-26T18:00:00.000Z', holdUntil: '2026-11-25T12:00:00.000Z' };
    const booked: Session = makeSession({ id: '88888888-8888-4888-8888-000000000010', title: 'Overdubs', hold: 'SECOND_HOLD' });
    const api = openForm(() => json(answer({ firstHolds: [first] })), { 'POST /sessions': () => json(booked, 201) });
    fireEvent.click(await screen.findByRole('button', { name: /Book session/ }));
    typeSlot();
    // The room's defaults (30 min prep, 15 teardown) give the call and clear time.
    expect(description(field('Prep (min)'))).toBe('Call 11:30 · clear 15:15 (room defaults)');
    await waitFor(() => expect(description(field('Booking'))).toBe('Live Room A has a 1st hold then (“Band A (hold)”): book a 2nd hold to queue behind it.'), soon);
    change('Booking', 'SECOND_HOLD');
    await waitFor(() => expect(description(field('Booking'))).toContain('Queues behind the 1st hold “Band A (hold)”'), soon);
    change('Release by (day)', '2026-11-25');
    change('Release by (time)', '18:00');
    change('Prep (min)', '45');
    expect(description(field('Prep (min)'))).toBe('Call 11:15 · clear 15:15');
    await waitFor(() => expect(checks(api).at(-1)?.body).toEqual({ ...slotBody, hold: 'SECOND_HOLD', prepMinutes: 45 }), soon);
    fireEvent.click(screen.getByRole('button', { name: 'Book 2nd hold' }));
    await screen.findByText('Booked “Overdubs”.');
    expect(api.writes().filter((c) => c.path === '/sessions').map((c) => c.body)).toEqual([
      { title: 'Overdubs', projectId: PROJECT_ID, ...slotBody, prepMinutes: 45, holdUntil: '2026-11-25T18:00:00.000Z', hold: 'SECOND_HOLD' },
    ]);
  });

  it('refuses a release deadline in the past before asking the server', async () => {
    const api = openForm(() => json(answer()));
    fireEvent.click(await screen.findByRole('button', { name: /Book session/ }));
    typeSlot();
    change('Booking', 'FIRST_HOLD');
    change('Release by (day)', '2026-11-20');
    change('Release by (time)', '09:00');
    fireEvent.click(screen.getByRole('button', { name: 'Pencil in (1st hold)' }));
    expect(await screen.findByText('The release deadline must be in the future.')).toBeTruthy();
    expect(api.writes().filter((c) => c.path === '/sessions')).toEqual([]);
  });
});

describe('the booking window is read in the studio’s time zone, whatever the browser’s', () => {
  it.each([
    // London: clocks go forward at 01:00 on 28 Mar 2027, so 00:30–03:00 lasts 1.5 hours.
    ['Europe/London', { date: '2027-03-28', startTime: '00:30', endTime: '03:00', endsNextDay: false }, ['2027-03-28T00:30:00.000Z', '2027-03-28T02:00:00.000Z']],
    // And back at 02:00 on 31 Oct 2027: 00:30–03:00 lasts 3.5 hours.
    ['Europe/London', { date: '2027-10-31', startTime: '00:30', endTime: '03:00', endsNextDay: false }, ['2027-10-30T23:30:00.000Z', '2027-10-31T03:00:00.000Z']],
    // Across midnight only when asked: 22:00 to 02:00 the next day.
    ['America/New_York', { date: '2026-12-05', startTime: '22:00', endTime: '02:00', endsNextDay: true }, ['2026-12-06T03:00:00.000Z', '2026-12-06T07:00:00.000Z']],
    // Not asked: the same times are a reversed window (refused), never a silent 20 or 24 hours.
    ['America/New_York', { date: '2026-12-05', startTime: '22:00', endTime: '02:00', endsNextDay: false }, ['2026-12-06T03:00:00.000Z', '2026-12-05T07:00:00.000Z']],
    ['Asia/Kolkata', { date: '2026-12-05', startTime: '10:00', endTime: '10:00', endsNextDay: false }, ['2026-12-05T04:30:00.000Z', '2026-12-05T04:30:00.000Z']],
  ])('%s %o', (timeZone, values, [startsAt, endsAt]) => {
    const window = sessionWindow(values, timeZone)!;
    expect([window.startsAt.toISOString(), window.endsAt.toISOString()]).toEqual([startsAt, endsAt]);
  });

  it('a zero-length or reversed window is refused by name, with the way to cross midnight', () => {
    const base = { title: 'X', projectId: PROJECT_ID, roomId: ROOM_A, producerId: '', engineerId: '', status: 'PLANNED' as const, hold: 'CONFIRMED' as const, holdUntilDate: '', holdUntilTime: '', prepMinutes: '', teardownMinutes: '' };
    expect(validateSession({ ...base, date: '2026-12-05', startTime: '10:00', endTime: '10:00', endsNextDay: false }, 'Europe/London').endTime).toBe('The end must be after the start. For a session past midnight, tick “Ends the next day”.');
    expect(validateSession({ ...base, date: '2026-12-05', startTime: '22:00', endTime: '23:00', endsNextDay: true }, 'Europe/London').endTime).toBe('A session lasts at most 24 hours.');
    expect(validateSession({ ...base, date: '2026-12-05', startTime: '22:00', endTime: '02:00', endsNextDay: true }, 'Europe/London')).toEqual({});
  });
});
