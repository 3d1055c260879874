// Holds on a slot (shared/src/domain/holds.ts), prep and teardown in the availability model, and
// what a booking of each hold conflicts with.
import { describe, expect, it } from 'vitest';
import {
  HoldError,
  bookingsFromSchedule,
  callTime,
  clearTime,
  defaultHoldUntil,
  dueHolds,
  findSessionConflicts,
  firstHoldsOnSlot,
  planConfirm,
  planRelease,
  queueBehind,
  takesTime,
  type BookingHold,
  type ExistingSession,
  type HoldSession,
} from '../../../shared/src/domain/index';

const at = (hhmm: string, day = '2026-12-07') => new Date(`${day}T${hhmm}:00Z`);
const NOW = at('09:00', '2026-12-01');

function held(id: string, hold: BookingHold, over: Partial<HoldSession> = {}): HoldSession & ExistingSession {
  return {
    id,
    title: `Session ${id}`,
    roomId: 'live-a',
    startsAt: at('10:00'),
    endsAt: at('18:00'),
    producerId: null,
    engineerId: null,
    status: 'PLANNED',
    hold,
    holdUntil: hold === 'FIRST_HOLD' || hold === 'SECOND_HOLD' ? at('12:00', '2026-12-05') : null,
    createdAt: at(`0${id.length}:00`, '2026-11-30'),
    ...over,
  };
}

describe('which bookings take time', () => {
  it.each<[BookingHold, 'PLANNED' | 'CANCELLED', boolean]>([
    ['CONFIRMED', 'PLANNED', true],
    ['FIRST_HOLD', 'PLANNED', true],
    ['SECOND_HOLD', 'PLANNED', false],
    ['RELEASED', 'PLANNED', false],
    ['EXPIRED', 'PLANNED', false],
    ['CONFIRMED', 'CANCELLED', false],
    ['FIRST_HOLD', 'CANCELLED', false],
  ])('%s, %s → %s', (hold, status, expected) => {
    expect(takesTime({ hold, status })).toBe(expected);
  });
});

describe('prep and teardown', () => {
  const session = { ...held('a', 'CONFIRMED'), prepMinutes: 45, teardownMinutes: 30, engineerId: 'sam', producerId: 'maya' };

  it('call time is the start less prep, clear time the end plus teardown', () => {
    expect(callTime(session)).toEqual(at('09:15'));
    expect(clearTime(session)).toEqual(at('18:30'));
  });

  it('the engineer is busy (and counts hours) from call to clear, the producer from start to end', () => {
    const bookings = bookingsFromSchedule({ sessions: [session], tasks: [] });
    expect(bookings.map((b) => [b.memberId, b.startsAt.toISOString(), b.endsAt.toISOString(), b.minutes])).toEqual([
      ['maya', at('10:00').toISOString(), at('18:00').toISOString(), 480],
      ['sam', at('09:15').toISOString(), at('18:30').toISOString(), 555],
    ]);
  });

  it.each([
    ['the room, in teardown of the session before', { roomId: 'live-a', startsAt: at('18:15'), endsAt: at('20:00') }, ['room']],
    ['the engineer, in the prep of the next session', { roomId: 'booth', engineerId: 'sam', startsAt: at('18:00'), endsAt: at('20:00'), prepMinutes: 60 }, ['engineer']],
    ['the producer, in the other session’s teardown only', { roomId: 'booth', producerId: 'maya', startsAt: at('18:10'), endsAt: at('20:00') }, []],
    ['the producer as engineer elsewhere, in its prep', { roomId: 'booth', engineerId: 'maya', startsAt: at('18:30'), endsAt: at('20:00'), prepMinutes: 45 }, ['member']],
    ['back to back after teardown', { roomId: 'live-a', engineerId: 'sam', startsAt: at('19:00'), endsAt: at('21:00'), prepMinutes: 30 }, []],
  ])('a booking clashes with %s', (_name, over, kinds) => {
    const candidate = { id: 'new', producerId: null, engineerId: null, status: 'PLANNED' as const, ...over };
    expect(findSessionConflicts(candidate, [session]).map((c) => c.kind)).toEqual(kinds);
  });
});

describe('booking a hold', () => {
  const confirmed = held('c', 'CONFIRMED');
  const first = held('f', 'FIRST_HOLD');

  it('a first hold over a first hold is a room conflict; a second hold behind it is not', () => {
    expect(findSessionConflicts({ ...held('n', 'FIRST_HOLD'), id: 'n' }, [first]).map((c) => c.kind)).toEqual(['room']);
    expect(findSessionConflicts({ ...held('n', 'SECOND_HOLD'), id: 'n' }, [first])).toEqual([]);
    expect(firstHoldsOnSlot(held('n', 'SECOND_HOLD'), [first, confirmed]).map((s) => s.id)).toEqual(['f']);
  });

  it('a second hold may not sit on a confirmed session', () => {
    expect(findSessionConflicts(held('n', 'SECOND_HOLD'), [confirmed]).map((c) => [c.kind, c.sessionId])).toEqual([['room', 'c']]);
  });

  it('second holds, released and expired holds block nobody', () => {
    const people = { producerId: 'maya', engineerId: 'sam' };
    for (const hold of ['SECOND_HOLD', 'RELEASED', 'EXPIRED'] as const) {
      const other = held('o', hold, { ...people, roomId: 'booth' });
      expect(findSessionConflicts({ ...held('n', 'CONFIRMED'), ...people }, [other])).toEqual([]);
      expect(bookingsFromSchedule({ sessions: [other], tasks: [{ sessionId: 'o', assigneeId: 'theo', role: 'ENGINEER', status: 'TODO', estimateMinutes: 60 }] })).toEqual([]);
    }
  });

  it('the default release deadline is a week ahead, never after the call time', () => {
    expect(defaultHoldUntil({ startsAt: at('10:00', '2026-12-20'), endsAt: at('18:00', '2026-12-20') }, NOW)).toEqual(at('09:00', '2026-12-08'));
    expect(defaultHoldUntil({ startsAt: at('10:00', '2026-12-03'), endsAt: at('18:00', '2026-12-03'), prepMinutes: 30 }, NOW)).toEqual(at('09:30', '2026-12-03'));
  });
});

describe('confirming, releasing, expiring', () => {
  it('confirming a first hold releases the second holds behind it, not those elsewhere', () => {
    const first = held('f', 'FIRST_HOLD');
    const second = held('s', 'SECOND_HOLD');
    const elsewhere = held('e', 'SECOND_HOLD', { roomId: 'booth' });
    const later = held('l', 'SECOND_HOLD', { startsAt: at('18:00'), endsAt: at('20:00') });
    expect(planConfirm(first, [first, second, elsewhere, later], NOW)).toEqual({
      challenged: false,
      changes: [
        { id: 'f', hold: 'CONFIRMED', holdUntil: null, reason: 'confirmed' },
        { id: 's', hold: 'RELEASED', holdUntil: null, reason: 'released_by_confirm' },
      ],
    });
  });

  it('confirming a second hold behind a live first hold challenges the first: 24 hours, or its own deadline if sooner', () => {
    const first = held('f', 'FIRST_HOLD');
    const soon = held('g', 'FIRST_HOLD', { holdUntil: at('15:00', '2026-12-01'), startsAt: at('16:00'), endsAt: at('19:00') });
    const second = held('s', 'SECOND_HOLD');
    expect(planConfirm(second, [first, soon, second], NOW)).toEqual({
      challenged: true,
      changes: [
        { id: 'f', hold: 'FIRST_HOLD', holdUntil: at('09:00', '2026-12-02'), challengedAt: NOW, reason: 'challenged' },
        { id: 'g', hold: 'FIRST_HOLD', holdUntil: at('15:00', '2026-12-01'), challengedAt: NOW, reason: 'challenged' },
      ],
    });
  });

  it('a second hold with no live first hold confirms at once', () => {
    const second = held('s', 'SECOND_HOLD');
    const gone = held('f', 'EXPIRED');
    expect(planConfirm(second, [second, gone], NOW).changes.map((c) => [c.id, c.hold])).toEqual([['s', 'CONFIRMED']]);
  });

  it.each<[BookingHold, 'PLANNED' | 'CANCELLED', string]>([
    ['CONFIRMED', 'PLANNED', 'not_a_hold'],
    ['RELEASED', 'PLANNED', 'hold_ended'],
    ['EXPIRED', 'PLANNED', 'hold_ended'],
    ['FIRST_HOLD', 'CANCELLED', 'cancelled'],
    ['SECOND_HOLD', 'CANCELLED', 'cancelled'],
  ])('a %s %s session cannot be confirmed (%s)', (hold, status, code) => {
    const s = held('x', hold, { status });
    const thrown = (() => {
      try {
        planConfirm(s, [s], NOW);
        return null;
      } catch (err) {
        return err;
      }
    })();
    expect(thrown).toBeInstanceOf(HoldError);
    expect((thrown as HoldError).code).toBe(code);
  });

  it('releasing a first hold moves the earliest-booked second hold up', () => {
    const first = held('f', 'FIRST_HOLD');
    const early = held('s1', 'SECOND_HOLD', { createdAt: at('08:00', '2026-11-29') });
    const late = held('s2', 'SECOND_HOLD', { createdAt: at('08:00', '2026-11-30') });
    const plan = planRelease(first, [first, late, early], 'released');
    expect(plan.changes).toEqual([{ id: 'f', hold: 'RELEASED', holdUntil: null, reason: 'released' }]);
    // The whole queue, earliest booked first: the server promotes the first that double-books nobody.
    expect(plan.promote.map((s) => s.id)).toEqual(['s1', 's2']);
  });

  it('nobody moves up while another first hold still covers the slot, or after a second hold is released', () => {
    const first = held('f', 'FIRST_HOLD');
    const other = held('g', 'FIRST_HOLD', { startsAt: at('16:00'), endsAt: at('20:00') });
    const second = held('s', 'SECOND_HOLD');
    expect(planRelease(first, [first, other, second], 'released').promote).toEqual([]);
    expect(planRelease(second, [first, second], 'released')).toEqual({ changes: [{ id: 's', hold: 'RELEASED', holdUntil: null, reason: 'released' }], promote: [] });
  });

  it('a first hold cancelled or moved away lets its queue move up, except second holds another first hold still covers', () => {
    const gone = held('f', 'FIRST_HOLD');
    const behind = held('s', 'SECOND_HOLD', { createdAt: at('08:00', '2026-11-28') });
    const late = held('l', 'SECOND_HOLD', { startsAt: at('16:00'), endsAt: at('20:00'), createdAt: at('08:00', '2026-11-29') });
    const stillCovered = held('g', 'FIRST_HOLD', { startsAt: at('19:00'), endsAt: at('22:00') });
    expect(queueBehind(gone, [behind, late, stillCovered]).map((s) => s.id)).toEqual(['s']);
    expect(queueBehind(gone, [behind, late]).map((s) => s.id)).toEqual(['s', 'l']);
  });

  it('holds past their deadline are due; confirmed, ended and cancelled ones never', () => {
    const due = held('d', 'FIRST_HOLD', { holdUntil: at('08:59', '2026-12-01') });
    const exactly = held('x', 'SECOND_HOLD', { holdUntil: NOW });
    const later = held('l', 'FIRST_HOLD', { holdUntil: at('09:01', '2026-12-01') });
    const cancelled = held('c', 'FIRST_HOLD', { holdUntil: at('08:00', '2026-12-01'), status: 'CANCELLED' });
    const confirmed = held('k', 'CONFIRMED', { holdUntil: at('08:00', '2026-12-01') });
    expect(dueHolds([due, exactly, later, cancelled, confirmed], NOW).map((s) => s.id)).toEqual(['d', 'x']);
    expect(planRelease(due, [due], 'expired').changes[0]).toEqual({ id: 'd', hold: 'EXPIRED', holdUntil: null, reason: 'expired' });
  });
});
