// The one availability model (shared/src/domain/availability.ts): what makes someone busy, what
// only counts toward hours, capacity; and that routing, booking conflicts, manual-assignment
// warnings and the workload report agree for any studio.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blocksWork,
  bookingsFromSchedule,
  checkManualAssignment,
  computeWorkload,
  dayCapacityMinutes,
  dayRange,
  findSessionConflicts,
  indexBookings,
  isAtCapacity,
  isOverCapacity,
  isoWeekRange,
  routeTask,
  scanBookings,
  takesTime,
  workloadItems,
  zonedTimeToInstant,
} from '../../../shared/src/domain/index';
import type { BookingHold, MemberRole, RoutingContext, RoutingMember, ScheduleSession, ScheduleTask } from '../../../shared/src/domain/index';

const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;

function sessionOf(id: string, start: string, end: string, overrides: Partial<ScheduleSession> = {}): ScheduleSession {
  return { id, title: `Session ${id}`, roomName: 'Studio A', startsAt: at(start), endsAt: at(end), producerId: null, engineerId: null, status: 'PLANNED', ...overrides };
}
function taskOf(id: string, sessionId: string, assigneeId: string | null, overrides: Partial<ScheduleTask> = {}): ScheduleTask {
  return { id, title: `Task ${id}`, sessionId, assigneeId, role: 'ENGINEER', status: 'TODO', estimateMinutes: 60, ...overrides };
}

// Wednesday 4 March 2026 (ISO week 2026-W10), UTC.
const drums = sessionOf('drums', '2026-03-04T10:00:00Z', '2026-03-04T16:00:00Z', { engineerId: 'sam' });
const vocals = sessionOf('vocals', '2026-03-04T12:00:00Z', '2026-03-04T18:00:00Z', { producerId: 'pat' });

describe('what a member is busy with, and what only counts toward hours', () => {
  const cases: { name: string; sessions: ScheduleSession[]; tasks: ScheduleTask[]; member: string; work: { sessionId: string; from: string; to: string; taskId?: string }; busy: boolean; weekMinutes: number }[] = [
    { name: 'staffing a session: busy for all of it, its length in hours', sessions: [drums], tasks: [], member: 'sam', work: { sessionId: 'vocals', from: '2026-03-04T15:00:00Z', to: '2026-03-04T17:00:00Z' }, busy: true, weekMinutes: 360 },
    { name: 'back to back with a staffed session is free', sessions: [drums], tasks: [], member: 'sam', work: { sessionId: 'vocals', from: '2026-03-04T16:00:00Z', to: '2026-03-04T18:00:00Z' }, busy: false, weekMinutes: 360 },
    { name: 'a task without a time: hours only, never busy (the reported bug)', sessions: [drums, vocals], tasks: [taskOf('t', 'vocals', 'sam', { estimateMinutes: 480 })], member: 'sam', work: { sessionId: 'drums', from: '2026-03-04T10:00:00Z', to: '2026-03-04T16:00:00Z' }, busy: false, weekMinutes: 360 + 480 },
    { name: 'a timed task: busy in its slot only', sessions: [drums, vocals], tasks: [taskOf('t', 'vocals', 'eve', { startsAt: at('2026-03-04T12:00:00Z'), estimateMinutes: 90 })], member: 'eve', work: { sessionId: 'drums', from: '2026-03-04T13:00:00Z', to: '2026-03-04T14:00:00Z' }, busy: true, weekMinutes: 90 },
    { name: 'a timed task: free after its slot', sessions: [drums, vocals], tasks: [taskOf('t', 'vocals', 'eve', { startsAt: at('2026-03-04T12:00:00Z'), estimateMinutes: 90 })], member: 'eve', work: { sessionId: 'drums', from: '2026-03-04T13:30:00Z', to: '2026-03-04T15:00:00Z' }, busy: false, weekMinutes: 90 },
    { name: 'a task in a session one staffs adds no hours', sessions: [drums], tasks: [taskOf('t', 'drums', 'sam', { estimateMinutes: 120 })], member: 'sam', work: { sessionId: 'vocals', from: '2026-03-05T10:00:00Z', to: '2026-03-05T11:00:00Z' }, busy: false, weekMinutes: 360 },
    { name: 'nothing of the session itself gets in the way of work in it', sessions: [drums], tasks: [taskOf('t', 'drums', 'sam', { startsAt: at('2026-03-04T10:00:00Z') })], member: 'sam', work: { sessionId: 'drums', from: '2026-03-04T10:00:00Z', to: '2026-03-04T16:00:00Z' }, busy: false, weekMinutes: 360 },
    { name: 'except two timed tasks of it whose slots overlap', sessions: [drums], tasks: [taskOf('t', 'drums', 'eve', { startsAt: at('2026-03-04T10:00:00Z') })], member: 'eve', work: { sessionId: 'drums', from: '2026-03-04T10:30:00Z', to: '2026-03-04T11:30:00Z', taskId: 'other' }, busy: true, weekMinutes: 60 },
    { name: 'a timed task never clashes with itself', sessions: [drums], tasks: [taskOf('t', 'drums', 'eve', { startsAt: at('2026-03-04T10:00:00Z') })], member: 'eve', work: { sessionId: 'drums', from: '2026-03-04T10:00:00Z', to: '2026-03-04T11:00:00Z', taskId: 't' }, busy: false, weekMinutes: 60 },
    { name: 'cancelled sessions and their tasks take nothing', sessions: [{ ...drums, status: 'CANCELLED' }], tasks: [taskOf('t', 'drums', 'eve', { startsAt: at('2026-03-04T10:00:00Z') })], member: 'sam', work: { sessionId: 'vocals', from: '2026-03-04T10:00:00Z', to: '2026-03-04T16:00:00Z' }, busy: false, weekMinutes: 0 },
    { name: 'done tasks still count (the time was spent)', sessions: [drums, vocals], tasks: [taskOf('t', 'vocals', 'eve', { status: 'DONE', estimateMinutes: 45 })], member: 'eve', work: { sessionId: 'drums', from: '2026-03-04T10:00:00Z', to: '2026-03-04T16:00:00Z' }, busy: false, weekMinutes: 45 },
    { name: 'a task without an estimate takes nothing, and a start without an estimate is no slot', sessions: [drums, vocals], tasks: [taskOf('t', 'vocals', 'eve', { estimateMinutes: null, startsAt: at('2026-03-04T12:00:00Z') })], member: 'eve', work: { sessionId: 'drums', from: '2026-03-04T10:00:00Z', to: '2026-03-04T16:00:00Z' }, busy: false, weekMinutes: 0 },
  ];
  it.each(cases)('$name', ({ sessions, tasks, member, work, busy, weekMinutes }) => {
    const bookings = bookingsFromSchedule({ sessions, tasks });
    const week = isoWeekRange(at('2026-03-04T12:00:00Z'), 'UTC');
    for (const lookup of [indexBookings(bookings), scanBookings(bookings)]) {
      expect(lookup.findOverlap(member, Date.parse(work.from), Date.parse(work.to), work.sessionId, work.taskId) !== undefined).toBe(busy);
      expect(lookup.bookedMinutes(member, week.start.getTime(), week.end.getTime())).toBe(weekMinutes);
    }
    const report = computeWorkload({ members: [{ id: member, weeklyCapacityHours: 40 }], sessions, tasks, range: { from: week.start, to: week.end } });
    expect(report.weeks[0]?.bookedMinutes).toBe(weekMinutes);
  });

  it('blocksWork treats intervals as half-open and empty slots as nothing', () => {
    const slot = bookingsFromSchedule({ sessions: [drums], tasks: [] })[0]!;
    const other = { sessionId: 'x' };
    expect(blocksWork(slot, other, Date.parse('2026-03-04T16:00:00Z'), Date.parse('2026-03-04T17:00:00Z'))).toBe(false);
    expect(blocksWork(slot, other, Date.parse('2026-03-04T15:59:00Z'), Date.parse('2026-03-04T17:00:00Z'))).toBe(true);
    expect(blocksWork(slot, other, Date.parse('2026-03-04T12:00:00Z'), Date.parse('2026-03-04T12:00:00Z'))).toBe(false);
  });
});

describe('where hours fall: days, midnight, time zones and DST', () => {
  const member = [{ id: 'sam', weeklyCapacityHours: 40 }];
  it('a session across midnight counts on both days; an untimed task falls on its session start day', () => {
    const late = sessionOf('late', '2026-03-05T22:00:00Z', '2026-03-06T02:00:00Z', { engineerId: 'sam' });
    const report = computeWorkload({ members: [...member, { id: 'eve', weeklyCapacityHours: 40 }], sessions: [late], tasks: [taskOf('t', 'late', 'eve', { estimateMinutes: 180 })] });
    expect(report.days.map((d) => [d.memberId, d.date, d.bookedMinutes])).toEqual([
      ['eve', '2026-03-05', 180],
      ['sam', '2026-03-05', 120],
      ['sam', '2026-03-06', 120],
    ]);
  });

  it('a timed task across midnight is spread over its slot', () => {
    const late = sessionOf('late', '2026-03-05T22:00:00Z', '2026-03-06T04:00:00Z');
    const report = computeWorkload({ members: member, sessions: [late], tasks: [taskOf('t', 'late', 'sam', { startsAt: at('2026-03-05T23:00:00Z'), estimateMinutes: 120 })] });
    expect(report.days.map((d) => [d.date, d.bookedMinutes, d.taskCount])).toEqual([
      ['2026-03-05', 60, 1],
      ['2026-03-06', 60, 0],
    ]);
  });

  it('uses the studio time zone, also on the DST days (23 and 25 hour days)', () => {
    const tz = 'Europe/Berlin';
    // Spring forward on Sunday 29 March 2026: local midnight to 06:00 is 5 hours.
    const spring = sessionOf('spring', zonedTimeToInstant({ year: 2026, month: 3, day: 29, hour: 0 }, tz).toISOString(), zonedTimeToInstant({ year: 2026, month: 3, day: 29, hour: 6 }, tz).toISOString(), { engineerId: 'sam' });
    // Fall back on Sunday 25 October 2026: local midnight to 06:00 is 7 hours.
    const fall = sessionOf('fall', zonedTimeToInstant({ year: 2026, month: 10, day: 25, hour: 0 }, tz).toISOString(), zonedTimeToInstant({ year: 2026, month: 10, day: 25, hour: 6 }, tz).toISOString(), { engineerId: 'sam' });
    const report = computeWorkload({ members: member, sessions: [spring, fall], tasks: [], timeZone: tz });
    expect(report.days.map((d) => [d.date, d.bookedMinutes, d.capacityMinutes])).toEqual([
      ['2026-03-29', 300, 480],
      ['2026-10-25', 420, 480],
    ]);
    expect(dayRange(spring.startsAt, tz).end.getTime() - dayRange(spring.startsAt, tz).start.getTime()).toBe(23 * HOUR);
    expect(report.weeks.map((w) => [w.week, w.bookedMinutes])).toEqual([
      ['2026-W13', 300],
      ['2026-W43', 420],
    ]);
  });
});

describe('capacity', () => {
  it.each([
    ['exactly full is not over, but full', 2400, 2400, false, true],
    ['a minute more is over', 2401, 2400, true, true],
    ['a minute less is neither', 2399, 2400, false, false],
    ['no capacity: anything is over, nothing booked is full', 0, 0, false, true],
    ['no capacity with a booking', 30, 0, true, true],
  ] as const)('%s', (_name, booked, capacity, over, full) => {
    expect(isOverCapacity(booked, capacity)).toBe(over);
    expect(isAtCapacity(booked, capacity)).toBe(full);
  });

  it("a day's share is a fifth of the week", () => {
    expect(dayCapacityMinutes(40)).toBe(480);
    expect(dayCapacityMinutes(0)).toBe(0);
    expect(dayCapacityMinutes(-5)).toBe(0);
  });
});

// The report: an 8-hour task in another session assigned to the house engineer by hand
// sent all the mic setup of his own drum session to the assistant, while booking him reported
// nothing. With one model, all three agree he is free.
describe('the house engineer with an 8-hour task elsewhere', () => {
  const members: RoutingMember[] = [
    { id: 'sam', name: 'Sam', roles: ['ENGINEER'], skills: [], weeklyCapacityHours: 40, knownRoomIds: ['room-a'] },
    { id: 'theo', name: 'Theo', roles: ['ASSISTANT_ENGINEER'], skills: [], weeklyCapacityHours: 40, knownRoomIds: ['room-a'] },
  ];
  const bookings = bookingsFromSchedule({ sessions: [drums, vocals], tasks: [taskOf('long', 'vocals', 'sam', { estimateMinutes: 480 })] });
  const context: RoutingContext = { session: { ...drums, roomId: 'room-a', roomName: 'Live Room A' }, members, bookings };
  it('routing keeps his own mic setup with him', () => {
    const result = routeTask({ kind: 'mic_setup', sessionId: 'drums' }, context);
    expect(result.assigneeId).toBe('sam');
    expect(result.ineligible).toEqual([]);
  });
  it('booking him as the engineer and assigning him by hand report no double booking', () => {
    const candidate = { ...drums, roomId: 'room-a' };
    const others = [{ ...vocals, title: 'Session vocals', roomId: 'room-b' }];
    expect(findSessionConflicts(candidate, others, bookings)).toEqual([]);
    expect(checkManualAssignment({ kind: 'mic_setup', sessionId: 'drums' }, 'sam', context).map((w) => w.code)).toEqual([]);
  });
});

// Random studios: a week of sessions (some across midnight, some cancelled, some with prep and
// teardown, some held, released or expired) and tasks (timed or not, with or without an
// estimate), in a random time zone.
const WEEK = Date.parse('2026-03-02T00:00:00Z');
const MEMBER_IDS = ['m0', 'm1', 'm2', 'm3', 'm4'];
const ROLES: MemberRole[] = ['PRODUCER', 'ENGINEER', 'ASSISTANT_ENGINEER'];

const studioArb = fc
  .record({
    members: fc.tuple(
      ...MEMBER_IDS.map((id) =>
        fc.record({
          id: fc.constant(id),
          name: fc.constantFrom('Sam', 'Jo', 'Kim', 'Ava', 'Theo'),
          roles: fc.subarray(ROLES, { minLength: 1 }),
          skills: fc.subarray(['engineering', 'production']),
          weeklyCapacityHours: fc.integer({ min: 0, max: 40 }),
          knownRoomIds: fc.subarray(['room-a', 'room-b']),
        }),
      ),
    ),
    sessions: fc.array(
      fc.record({
        startHour: fc.integer({ min: -12, max: 7 * 24 }),
        hours: fc.integer({ min: 1, max: 14 }),
        roomId: fc.constantFrom('room-a', 'room-b'),
        producerId: fc.option(fc.constantFrom(...MEMBER_IDS), { nil: null }),
        engineerId: fc.option(fc.constantFrom(...MEMBER_IDS), { nil: null }),
        cancelled: fc.boolean(),
        prepMinutes: fc.constantFrom(0, 30, 90, 180),
        teardownMinutes: fc.constantFrom(0, 15, 60, 120),
        hold: fc.constantFrom<BookingHold>('CONFIRMED', 'CONFIRMED', 'FIRST_HOLD', 'SECOND_HOLD', 'RELEASED', 'EXPIRED'),
      }),
      { minLength: 1, maxLength: 7 },
    ),
    tasks: fc.array(
      fc.record({
        session: fc.nat(),
        assigneeId: fc.option(fc.constantFrom(...MEMBER_IDS), { nil: null }),
        estimate: fc.option(fc.integer({ min: 15, max: 600 }), { nil: null }),
        offsetMinutes: fc.option(fc.integer({ min: 0, max: 13 * 60 }), { nil: null }),
        role: fc.constantFrom(...ROLES),
        done: fc.boolean(),
      }),
      { maxLength: 16 },
    ),
    timeZone: fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata'),
    routed: fc.nat(),
    kind: fc.constantFrom('mic_setup', 'mixing', 'editing', 'arrangement', 'creative_direction'),
  })
  .map((s) => {
    const sessions: (ScheduleSession & { roomId: string })[] = s.sessions.map((x, i) => ({
      id: `s${i}`,
      title: `Session ${i}`,
      roomId: x.roomId,
      roomName: x.roomId,
      startsAt: new Date(WEEK + x.startHour * HOUR),
      endsAt: new Date(WEEK + (x.startHour + x.hours) * HOUR),
      producerId: x.producerId,
      engineerId: x.engineerId,
      status: x.cancelled ? 'CANCELLED' : 'PLANNED',
      prepMinutes: x.prepMinutes,
      teardownMinutes: x.teardownMinutes,
      hold: x.hold,
    }));
    const tasks: ScheduleTask[] = s.tasks.map((x, i) => {
      const session = sessions[x.session % sessions.length]!;
      const length = (session.endsAt.getTime() - session.startsAt.getTime()) / 60_000;
      // A timed task lies within its session (the server refuses others).
      const timed = x.estimate !== null && x.offsetMinutes !== null && x.offsetMinutes + x.estimate <= length;
      return {
        id: `t${i}`,
        title: `Task ${i}`,
        sessionId: session.id,
        assigneeId: x.assigneeId,
        role: x.role,
        status: x.done ? 'DONE' : 'TODO',
        estimateMinutes: x.estimate,
        startsAt: timed ? new Date(session.startsAt.getTime() + (x.offsetMinutes ?? 0) * 60_000) : null,
      };
    });
    // Routing routes work of sessions that take time (not cancelled, confirmed or a first hold).
    const live = sessions.filter((x) => takesTime(x));
    return { ...s, sessions, tasks, target: live.length > 0 ? live[s.routed % live.length]! : undefined };
  });

describe('one model, no disagreement (property-based)', () => {
  it('routing never picks someone booking would call double-booked, and blocks exactly them; manual warnings agree', () => {
    fc.assert(
      fc.property(studioArb, (s) => {
        fc.pre(s.target !== undefined);
        const target = s.target!;
        const bookings = bookingsFromSchedule({ sessions: s.sessions, tasks: s.tasks });
        const context: RoutingContext = { session: { ...target, roomName: target.roomId }, members: s.members, bookings, timeZone: s.timeZone };
        const result = routeTask({ kind: s.kind, sessionId: target.id }, context);
        const others = s.sessions.filter((x) => x.id !== target.id).map((x) => ({ ...x, title: x.title ?? '', roomId: x.roomId }));
        const rows = s.members.map((member) => {
          // Booking this member onto the session (in the role the kind needs) as booking checks it.
          const asEngineer = { ...target, producerId: null, engineerId: member.id };
          const bookingSaysBusy = findSessionConflicts(asEngineer, others, bookings).some((c) => c.memberId === member.id && c.kind !== 'room');
          const blocked = result.ineligible.find((i) => i.memberId === member.id);
          // Someone with the wrong role is not checked further by routing: no verdict on their time.
          const fitsRole = blocked === undefined || blocked.blockers.some((b) => b.code !== 'wrong_role');
          const routingSaysBusy = fitsRole ? (blocked?.blockers.some((b) => b.code === 'double_booked') ?? false) : bookingSaysBusy;
          const warned = checkManualAssignment({ kind: s.kind, sessionId: target.id }, member.id, context).some((w) => w.code === 'double_booked');
          return { member: member.id, bookingSaysBusy, routingSaysBusy, warned, picked: result.assigneeId === member.id };
        });
        expect(rows.map((r) => ({ member: r.member, routing: r.routingSaysBusy, warned: r.warned }))).toEqual(rows.map((r) => ({ member: r.member, routing: r.bookingSaysBusy, warned: r.bookingSaysBusy })));
        expect(rows.filter((r) => r.picked && r.bookingSaysBusy)).toEqual([]);
      }),
      { numRuns: 800 },
    );
  });

  it("the workload report's hours are the sum of what the rules count, and routing reads the same hours", () => {
    fc.assert(
      fc.property(studioArb, (s) => {
        const bookings = bookingsFromSchedule({ sessions: s.sessions, tasks: s.tasks });
        const lookup = indexBookings(bookings);
        // Whole weeks of the studio's time zone, so every week has its seven days in the report.
        const range = { from: isoWeekRange(WEEK - 3 * 86_400_000, s.timeZone).start, to: isoWeekRange(WEEK + 9 * 86_400_000, s.timeZone).end };
        const report = computeWorkload({ members: s.members, sessions: s.sessions, tasks: s.tasks, timeZone: s.timeZone, range });
        for (const week of report.weeks) {
          expect(week.bookedMinutes).toBe(lookup.bookedMinutes(week.memberId, week.start.getTime(), week.end.getTime()));
          expect(week.bookedMinutes).toBe(scanBookings(bookings).bookedMinutes(week.memberId, week.start.getTime(), week.end.getTime()));
          // The items behind the hours add up to them, and so do the days of the week.
          const own = bookings.filter((b) => b.memberId === week.memberId);
          const items = workloadItems(own, { from: week.start, to: week.end }, s.timeZone);
          expect(items.reduce((sum, i) => sum + i.minutes, 0)).toBe(week.bookedMinutes);
          const days = report.days.filter((d) => d.memberId === week.memberId && d.start >= week.start && d.end <= week.end);
          expect(days).toHaveLength(7);
          expect(days.reduce((sum, d) => sum + d.bookedMinutes, 0)).toBe(week.bookedMinutes);
          expect(Object.values(week.byRole).reduce((a, b) => a + b, 0)).toBe(week.bookedMinutes);
        }
        // Routing reads the same week: every member's hours in its score equal the report's.
        const target = s.target ?? s.sessions[0]!;
        const result = routeTask({ kind: s.kind, sessionId: target.id }, { session: { ...target, roomName: target.roomId }, members: s.members, bookings, timeZone: s.timeZone });
        const week = isoWeekRange(target.startsAt, s.timeZone);
        const weekReport = computeWorkload({ members: s.members, sessions: s.sessions, tasks: s.tasks, timeZone: s.timeZone, range: { from: week.start, to: week.end } });
        const scores = [...result.candidates.map((x) => [x.memberId, x.score.bookedMinutes]), ...result.ineligible.map((x) => [x.memberId, x.score.bookedMinutes])];
        expect(Object.fromEntries(scores)).toEqual(Object.fromEntries(weekReport.weeks.map((w) => [w.memberId, w.bookedMinutes])));
      }),
      { numRuns: 200 },
    );
  });

  it('indexed and scanned lookups answer every question alike', () => {
    fc.assert(
      fc.property(studioArb, fc.integer({ min: -24, max: 8 * 24 }), fc.integer({ min: 1, max: 12 }), (s, startHour, hours) => {
        const bookings = bookingsFromSchedule({ sessions: s.sessions, tasks: s.tasks });
        const [indexed, scanned] = [indexBookings(bookings), scanBookings([...bookings].reverse())];
        const [from, to] = [WEEK + startHour * HOUR, WEEK + (startHour + hours) * HOUR];
        for (const id of MEMBER_IDS) {
          for (const work of [{ sessionId: 's0' }, { sessionId: 's1', taskId: 't0' }, { sessionId: 'none' }]) {
            expect(indexed.findOverlap(id, from, to, work.sessionId, work.taskId)).toEqual(scanned.findOverlap(id, from, to, work.sessionId, work.taskId));
          }
          expect(indexed.bookedMinutes(id, from, to)).toBe(scanned.bookedMinutes(id, from, to));
          expect(indexed.bookingsIn(id, from, to)).toEqual(scanned.bookingsIn(id, from, to));
        }
      }),
      { numRuns: 200 },
    );
  });
});
