import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_TASK_KIND_KEYS,
  MEMBER_ROLES,
  RULE_LABELS,
  indexBookings,
  routeTask,
  scanBookings,
  zonedParts,
} from '../../../shared/src/domain/index';
import type { Booking, MemberRole, RoutingContext, RoutingMember, RoutingResult } from '../../../shared/src/domain/index';

// Independent statement of who may do what (not derived from the implementation).
const TECHNICAL = new Set(['room_prep', 'equipment_setup', 'mic_setup', 'soundboard_operation', 'tracking', 'editing', 'noise_cleanup', 'mixing', 'bounce_export']);
const ASSISTANT_OK = new Set(['room_prep', 'mic_setup']);

function hasRoleFor(m: RoutingMember, kind: string): boolean {
  if (!TECHNICAL.has(kind)) return m.roles.includes('PRODUCER');
  return m.roles.includes('ENGINEER') || (ASSISTANT_OK.has(kind) && m.roles.includes('ASSISTANT_ENGINEER'));
}
function hasSkillFor(m: RoutingMember, kind: string): boolean {
  return m.skills.includes(TECHNICAL.has(kind) ? 'engineering' : 'production') || m.skills.includes(kind);
}

const WEEK_START = Date.parse('2025-03-03T00:00:00Z');
const HOUR = 3_600_000;
const NAMES = ['Alex', 'Sam', 'Jo', 'Kim', 'alex', 'Ava', 'Sam'];
const SESSIONS = ['session-1', 's2', 's3', 's4'];

const memberArb = (id: string) =>
  fc.record({
    id: fc.constant(id),
    name: fc.constantFrom(...NAMES),
    roles: fc.subarray<MemberRole>([...MEMBER_ROLES]),
    skills: fc.subarray(['engineering', 'production', 'mixing', 'mic_setup', 'arrangement', 'editing']),
    weeklyCapacityHours: fc.integer({ min: 0, max: 30 }),
    knownRoomIds: fc.subarray(['room-a', 'room-b']),
  });

const studioArb = fc
  .integer({ min: 1, max: 8 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => memberArb(`m${i}`))))
  .chain((members) => {
    const ids = members.map((m) => m.id);
    const bookingArb = fc
      .record({
        memberId: fc.constantFrom(...ids),
        sessionId: fc.constantFrom(...SESSIONS),
        startHour: fc.integer({ min: -48, max: 8 * 24 }),
        hours: fc.integer({ min: 1, max: 10 }),
        // As availability.ts builds them: busy slots take their length (0 for a timed task inside
        // a session its assignee staffs); hours-only tasks take any estimate, at their start.
        busy: fc.constantFrom('slot', 'slot-no-hours', 'hours-only'),
        estimate: fc.integer({ min: 0, max: 900 }),
        title: fc.option(fc.constantFrom('Drum tracking', 'Mixdown'), { nil: undefined }),
      })
      .map(({ startHour, hours, title, busy, estimate, ...rest }): Booking => ({
        ...rest,
        startsAt: new Date(WEEK_START + startHour * HOUR),
        endsAt: new Date(WEEK_START + (startHour + hours) * HOUR),
        minutes: busy === 'slot' ? hours * 60 : busy === 'slot-no-hours' ? 0 : estimate,
        ...(busy === 'hours-only' ? { busy: false, kind: 'task' as const } : {}),
        ...(title !== undefined ? { title } : {}),
      }));
    return fc.record({
      members: fc.constant(members as RoutingMember[]),
      bookings: fc.array(bookingArb, { maxLength: 40 }),
      kind: fc.constantFrom(...BUILT_IN_TASK_KIND_KEYS),
      startHour: fc.integer({ min: 0, max: 7 * 24 - 13 }),
      hours: fc.integer({ min: 1, max: 12 }),
      roomId: fc.constantFrom('room-a', 'room-b'),
      producerId: fc.option(fc.constantFrom(...ids), { nil: null }),
      engineerId: fc.option(fc.constantFrom(...ids), { nil: null }),
      timeZone: fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata'),
    });
  });

type Studio = typeof studioArb extends fc.Arbitrary<infer T> ? T : never;

function contextOf(s: Studio, members: readonly RoutingMember[] = s.members): RoutingContext {
  return {
    session: {
      id: 'session-1',
      roomId: s.roomId,
      roomName: s.roomId === 'room-a' ? 'Studio A' : 'Studio B',
      startsAt: new Date(WEEK_START + s.startHour * HOUR),
      endsAt: new Date(WEEK_START + (s.startHour + s.hours) * HOUR),
      producerId: s.producerId,
      engineerId: s.engineerId,
    },
    members,
    bookings: s.bookings,
    timeZone: s.timeZone,
  };
}

/** Oracle: hard eligibility from raw data. */
function oracle(s: Studio, result: RoutingResult) {
  const ctx = contextOf(s);
  const start = ctx.session.startsAt.getTime();
  const end = ctx.session.endsAt.getTime();
  const doubleBooked = (m: RoutingMember) =>
    s.bookings.some((b) => b.memberId === m.id && b.busy !== false && b.sessionId !== 'session-1' && b.startsAt.getTime() < end && start < b.endsAt.getTime());
  // Hours: a busy slot's minutes inside the week; an hours-only booking's minutes if it starts in it.
  const [weekStart, weekEnd] = [result.week.start.getTime(), result.week.end.getTime()];
  const booked = (m: RoutingMember) =>
    s.bookings
      .filter((b) => b.memberId === m.id)
      .reduce((sum, b) => {
        const [bs, be] = [b.startsAt.getTime(), b.endsAt.getTime()];
        if (b.busy === false) return sum + (bs >= weekStart && bs < weekEnd ? b.minutes : 0);
        if (b.minutes === 0) return sum;
        return sum + Math.max(0, Math.min(be, weekEnd) - Math.max(bs, weekStart)) / 60_000;
      }, 0);
  // A full week blocks new hours only: the session's own producer and engineer add none with its tasks.
  const staffs = (m: RoutingMember) => m.id === s.producerId || m.id === s.engineerId;
  const available = (m: RoutingMember) => !doubleBooked(m) && (staffs(m) || booked(m) < m.weeklyCapacityHours * 60);
  const withRole = s.members.filter((m) => hasRoleFor(m, s.kind) && available(m));
  const withSkill = s.members.filter((m) => !hasRoleFor(m, s.kind) && hasSkillFor(m, s.kind) && available(m));
  return { withRole, withSkill, doubleBooked, booked, staffs };
}

const runs = { numRuns: 400 };

describe('routing properties', () => {
  it('the assignee is eligible for the role, never double-booked, never at or over capacity unless they staff the session', () => {
    fc.assert(
      fc.property(studioArb, (s) => {
        const result = routeTask({ kind: s.kind, sessionId: 'session-1' }, contextOf(s));
        const { withRole, withSkill, doubleBooked, booked, staffs } = oracle(s, result);
        const eligibleIds = [...withRole, ...withSkill].map((m) => m.id).sort();
        expect(result.candidates.map((c) => c.memberId).sort()).toEqual(eligibleIds);
        const assignee = s.members.find((m) => m.id === result.assigneeId);
        expect({
          assigned: assignee !== undefined,
          nobodyRule: result.rule === 'no_eligible_member',
          top: result.candidates[0]?.memberId ?? null,
          fitsRoleOrSkill: assignee === undefined || hasRoleFor(assignee, s.kind) || hasSkillFor(assignee, s.kind),
          // Rule 2: skill only when nobody with the role is available.
          skillOnlyWhenNoRole: assignee === undefined || hasRoleFor(assignee, s.kind) || withRole.length === 0,
          doubleBooked: assignee !== undefined && doubleBooked(assignee),
          atOrOverCapacity: assignee !== undefined && !staffs(assignee) && booked(assignee) >= assignee.weeklyCapacityHours * 60,
        }).toEqual({
          assigned: eligibleIds.length > 0,
          nobodyRule: eligibleIds.length === 0,
          top: result.assigneeId,
          fitsRoleOrSkill: true,
          skillOnlyWhenNoRole: true,
          doubleBooked: false,
          atOrOverCapacity: false,
        });
      }),
      runs,
    );
  });

  it('the reasons name the deciding rule', () => {
    fc.assert(
      fc.property(studioArb, (s) => {
        const result = routeTask({ kind: s.kind, sessionId: 'session-1' }, contextOf(s));
        const assigned = result.assigneeId !== null;
        const decidedLines = result.reasons.filter((r) => r.startsWith(`Decided by ${RULE_LABELS[result.rule]}:`));
        expect({
          decidedLines: decidedLines.length,
          outcomeRule: result.rule === 'no_eligible_member' || result.rule === 'unknown_kind',
          explainsNobody: /^(No |Nobody )/.test(result.reasons.at(-1) ?? ''),
        }).toEqual({ decidedLines: assigned ? 1 : 0, outcomeRule: !assigned, explainsNobody: !assigned });
        expect(result.ineligible.filter((m) => !m.reasons.join(' ').includes(m.name))).toEqual([]);
      }),
      runs,
    );
  });

  it('the deciding rule is the first criterion separating #1 from #2', () => {
    fc.assert(
      fc.property(studioArb, (s) => {
        const result = routeTask({ kind: s.kind, sessionId: 'session-1' }, contextOf(s));
        const [a, b] = result.candidates;
        fc.pre(a !== undefined && b !== undefined && a.score.roleFit === 'role' && b.score.roleFit === 'role');
        if (!a || !b) return;
        const expected =
          a.score.sessionStaff !== b.score.sessionStaff
            ? 'session_staff'
            : (a.score.knowsRoom === true) !== (b.score.knowsRoom === true)
              ? 'room_knowledge'
              : a.score.freeMinutes !== b.score.freeMinutes
                ? 'free_capacity'
                : 'tie_break';
        expect(result.rule).toBe(expected);
        const [x, y] = [a.name.toLowerCase(), b.name.toLowerCase()];
        const nameOrder = x < y || (x === y && (a.name < b.name || (a.name === b.name && a.memberId < b.memberId)));
        expect({
          moreFree: expected !== 'free_capacity' || a.score.freeMinutes > b.score.freeMinutes,
          nameOrder: expected !== 'tie_break' || nameOrder,
        }).toEqual({ moreFree: true, nameOrder: true });
      }),
      runs,
    );
  });

  it('is deterministic and independent of member order', () => {
    fc.assert(
      fc.property(
        studioArb.chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s.members, { minLength: s.members.length, maxLength: s.members.length }))),
        ([s, shuffled]) => {
          const first = routeTask({ kind: s.kind, sessionId: 'session-1' }, contextOf(s));
          const again = routeTask({ kind: s.kind, sessionId: 'session-1' }, contextOf(s));
          const reordered = routeTask({ kind: s.kind, sessionId: 'session-1' }, contextOf(s, shuffled));
          expect(again).toEqual(first);
          expect(reordered).toEqual(first);
        },
      ),
      runs,
    );
  });

  it('gives the same result with indexed, scanned or plain bookings (and reversed bookings)', () => {
    fc.assert(
      fc.property(studioArb, (s) => {
        const plain = routeTask({ kind: s.kind, sessionId: 'session-1' }, contextOf(s));
        const indexed = routeTask({ kind: s.kind, sessionId: 'session-1' }, { ...contextOf(s), bookings: indexBookings(s.bookings) });
        const scanned = routeTask({ kind: s.kind, sessionId: 'session-1' }, { ...contextOf(s), bookings: scanBookings([...s.bookings].reverse()) });
        expect(indexed).toEqual(plain);
        expect(scanned).toEqual(plain);
      }),
      runs,
    );
  });

  it('measures the ISO week of the session start in the studio time zone', () => {
    fc.assert(
      fc.property(studioArb, (s) => {
        const ctx = contextOf(s);
        const { week } = routeTask({ kind: s.kind, sessionId: 'session-1' }, ctx);
        expect(week.start.getTime()).toBeLessThanOrEqual(ctx.session.startsAt.getTime());
        expect(week.end.getTime()).toBeGreaterThan(ctx.session.startsAt.getTime());
        const local = zonedParts(week.start, s.timeZone);
        expect([local.hour, local.minute]).toEqual([0, 0]);
        expect(new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay()).toBe(1);
      }),
      { numRuns: 100 },
    );
  });
});

function nearDuplicate(minutes: number): Booking {
  return { memberId: 'm0', sessionId: 's2', startsAt: new Date(WEEK_START), endsAt: new Date(WEEK_START + 4 * HOUR), minutes, title: 'Drum tracking' };
}

describe('booking lookups', () => {
  it('indexed and scanned lookups pick the same booking among near-duplicates', () => {
    const bookings = [nearDuplicate(240), nearDuplicate(30), nearDuplicate(120)];
    for (const list of [bookings, [...bookings].reverse()]) {
      expect(indexBookings(list).findOverlap('m0', WEEK_START + HOUR, WEEK_START + 2 * HOUR, 'session-1')?.minutes).toBe(30);
      expect(scanBookings(list).findOverlap('m0', WEEK_START + HOUR, WEEK_START + 2 * HOUR, 'session-1')?.minutes).toBe(30);
      expect(indexBookings(list).bookedMinutes('m0', WEEK_START, WEEK_START + 4 * HOUR)).toBe(390);
      expect(scanBookings(list).bookedMinutes('m0', WEEK_START, WEEK_START + 4 * HOUR)).toBe(390);
    }
  });
});
