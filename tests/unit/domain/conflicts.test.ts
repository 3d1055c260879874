import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeConflict, findSessionConflicts, overlaps } from '../../../shared/src/domain/index';
import type { CandidateSession, ExistingSession } from '../../../shared/src/domain/index';

const t = (hhmm: string) => new Date(`2025-03-05T${hhmm}:00Z`);
const m = (minutes: number) => new Date(minutes * 60_000);
const iv = (a: string, b: string) => ({ startsAt: t(a), endsAt: t(b) });

describe('overlaps (half-open intervals)', () => {
  it.each([
    ['10:00–14:00 vs 12:00–16:00', iv('10:00', '14:00'), iv('12:00', '16:00'), true],
    ['touching end/start', iv('10:00', '14:00'), iv('14:00', '16:00'), false],
    ['touching start/end', iv('10:00', '14:00'), iv('08:00', '10:00'), false],
    ['contained', iv('10:00', '14:00'), iv('11:00', '12:00'), true],
    ['identical', iv('10:00', '14:00'), iv('10:00', '14:00'), true],
    ['disjoint', iv('10:00', '11:00'), iv('12:00', '13:00'), false],
    ['empty inside another', iv('12:00', '12:00'), iv('10:00', '14:00'), false],
    ['one minute shared', iv('10:00', '12:01'), iv('12:00', '13:00'), true],
  ])('%s → %s', (_name, a, b, expected) => {
    expect(overlaps(a, b)).toBe(expected);
    expect(overlaps(b, a)).toBe(expected);
  });

  it('is symmetric and agrees with a minute-by-minute check', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 10 }), (s1, d1, s2, d2) => {
        const a = { startsAt: m(s1), endsAt: m(s1 + d1) };
        const b = { startsAt: m(s2), endsAt: m(s2 + d2) };
        let shared = false;
        for (let x = 0; x < 70; x++) if (x >= s1 && x < s1 + d1 && x >= s2 && x < s2 + d2) shared = true;
        expect(overlaps(a, b)).toBe(shared);
        expect(overlaps(b, a)).toBe(shared);
      }),
    );
  });
});

const candidate: CandidateSession = { roomId: 'room-a', producerId: 'pat', engineerId: 'eve', ...iv('10:00', '14:00'), status: 'PLANNED' };
function existing(id: string, overrides: Partial<ExistingSession> = {}): ExistingSession {
  return { id, title: `Session ${id}`, roomId: 'room-b', roomName: 'Studio B', producerId: null, engineerId: null, ...iv('12:00', '16:00'), status: 'PLANNED', ...overrides };
}

describe('findSessionConflicts', () => {
  it.each([
    ['same room', existing('s', { roomId: 'room-a', roomName: 'Studio A' }), [{ kind: 'room', roomId: 'room-a', roomName: 'Studio A' }]],
    ['same producer', existing('s', { producerId: 'pat' }), [{ kind: 'producer', memberId: 'pat' }]],
    ['same engineer', existing('s', { engineerId: 'eve' }), [{ kind: 'engineer', memberId: 'eve' }]],
    ['our producer engineers there', existing('s', { engineerId: 'pat' }), [{ kind: 'member', memberId: 'pat', otherRole: 'ENGINEER' }]],
    ['our engineer produces there', existing('s', { producerId: 'eve' }), [{ kind: 'member', memberId: 'eve', otherRole: 'PRODUCER' }]],
    ['room and both people', existing('s', { roomId: 'room-a', producerId: 'pat', engineerId: 'eve' }), [{ kind: 'room' }, { kind: 'producer' }, { kind: 'engineer' }]],
    ['no shared room or people', existing('s', { producerId: 'kim', engineerId: 'eli' }), []],
    ['back to back in the same room', existing('s', { roomId: 'room-a', ...iv('14:00', '16:00') }), []],
    ['cancelled sessions are ignored', existing('s', { roomId: 'room-a', status: 'CANCELLED' }), []],
    ['wrapped sessions still count', existing('s', { roomId: 'room-a', status: 'WRAPPED' }), [{ kind: 'room' }]],
  ] as const)('%s', (_name, other, expected) => {
    const conflicts = findSessionConflicts(candidate, [other]);
    expect(conflicts).toHaveLength(expected.length);
    expected.forEach((e, i) => expect(conflicts[i]).toMatchObject({ ...e, sessionId: 's', title: 'Session s' }));
  });

  it('skips the candidate itself when editing', () => {
    const self = existing('me', { roomId: 'room-a', producerId: 'pat' });
    expect(findSessionConflicts({ ...candidate, id: 'me' }, [self])).toEqual([]);
    expect(findSessionConflicts(candidate, [self])).toHaveLength(2);
  });

  it('a cancelled candidate conflicts with nothing', () => {
    expect(findSessionConflicts({ ...candidate, status: 'CANCELLED' }, [existing('s', { roomId: 'room-a' })])).toEqual([]);
  });

  it('does not report a member conflict for one person staffing the other session in both roles', () => {
    const conflicts = findSessionConflicts({ ...candidate, producerId: 'pat', engineerId: 'pat' }, [existing('s', { producerId: 'pat', engineerId: 'pat' })]);
    expect(conflicts.map((c) => c.kind)).toEqual(['producer', 'engineer']);
  });

  it('orders by start time, then kind, then session id', () => {
    const conflicts = findSessionConflicts(candidate, [
      existing('z', { producerId: 'pat', ...iv('09:00', '11:00') }),
      existing('b', { roomId: 'room-a', ...iv('13:00', '15:00') }),
      existing('a', { engineerId: 'eve', ...iv('13:00', '15:00') }),
      existing('c', { roomId: 'room-a', ...iv('13:00', '15:00') }),
    ]);
    expect(conflicts.map((c) => `${c.sessionId}:${c.kind}`)).toEqual(['z:producer', 'b:room', 'c:room', 'a:engineer']);
  });
});

describe('describeConflict', () => {
  const base = { sessionId: 's', title: 'Drum tracking', ...iv('10:00', '14:00') };
  it.each([
    [{ ...base, kind: 'room', roomId: 'room-a', roomName: 'Live Room A' }, {}, "Live Room A is already booked for 'Drum tracking' 10:00–14:00."],
    [{ ...base, kind: 'room', roomId: 'room-a' }, { roomNames: { 'room-a': 'Studio A' } }, "Studio A is already booked for 'Drum tracking' 10:00–14:00."],
    [{ ...base, kind: 'producer', memberId: 'pat' }, { memberNames: new Map([['pat', 'Pat']]) }, "Pat is already producing 'Drum tracking' 10:00–14:00."],
    [{ ...base, kind: 'producer', memberId: 'pat' }, {}, "The producer is already producing 'Drum tracking' 10:00–14:00."],
    [{ ...base, kind: 'engineer', memberId: 'eve' }, { memberNames: { eve: 'Eve' }, timeZone: 'America/New_York' }, "Eve is already engineering 'Drum tracking' 05:00–09:00."],
    [{ ...base, kind: 'member', memberId: 'eve', otherRole: 'PRODUCER' }, { memberNames: { eve: 'Eve' } }, "Eve is already booked as producer on 'Drum tracking' 10:00–14:00."],
    [{ ...base, kind: 'room', roomId: 'r', startsAt: new Date('2025-03-05T22:00:00Z'), endsAt: new Date('2025-03-06T02:00:00Z') }, {}, "The room is already booked for 'Drum tracking' Wed 5 Mar 22:00 – Thu 6 Mar 02:00."],
  ] as const)('%#: %s', (conflict, options, expected) => {
    expect(describeConflict(conflict, options)).toBe(expected);
  });

  it('does not read inherited names', () => {
    expect(describeConflict({ ...base, kind: 'producer', memberId: 'toString' }, { memberNames: {} })).toContain('The producer');
  });
});
