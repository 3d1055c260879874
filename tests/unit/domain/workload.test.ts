import { describe, expect, it } from 'vitest';
import { bookingsFromSchedule, computeWorkload } from '../../../shared/src/domain/index';
import type { ScheduleSession, ScheduleTask } from '../../../shared/src/domain/index';

const members = [
  { id: 'pat', weeklyCapacityHours: 40 },
  { id: 'eve', weeklyCapacityHours: 10 },
  { id: 'eli', weeklyCapacityHours: 0 },
];

function sessionOf(id: string, start: string, end: string, overrides: Partial<ScheduleSession> = {}): ScheduleSession {
  return { id, title: `Session ${id}`, roomName: 'Studio A', startsAt: new Date(start), endsAt: new Date(end), producerId: 'pat', engineerId: 'eve', status: 'PLANNED', ...overrides };
}
function taskOf(sessionId: string, assigneeId: string | null, overrides: Partial<ScheduleTask> = {}): ScheduleTask {
  return { sessionId, assigneeId, role: 'ENGINEER', status: 'TODO', estimateMinutes: 60, ...overrides };
}

// Wed 5 Mar 2025 10:00–14:00 UTC and a late session Thu 22:00 → Fri 02:00 UTC.
const sessions = [sessionOf('s1', '2025-03-05T10:00:00Z', '2025-03-05T14:00:00Z'), sessionOf('s2', '2025-03-06T22:00:00Z', '2025-03-07T02:00:00Z', { producerId: null })];
const tasks = [
  taskOf('s1', 'eve', { status: 'DONE', estimateMinutes: 90 }), // inside eve's staffed session: no extra time
  taskOf('s1', 'eli', { status: 'IN_PROGRESS', estimateMinutes: 120 }), // eli does not staff s1: +2 h
  taskOf('s2', 'pat', { role: 'PRODUCER', status: 'BLOCKED', estimateMinutes: 30 }), // pat does not staff s2: +0.5 h
  taskOf('s1', null, { estimateMinutes: 600 }), // unassigned: nobody's time
  taskOf('s1', 'ghost', { estimateMinutes: 600 }), // unknown member: ignored
];

describe('computeWorkload', () => {
  const report = computeWorkload({ members, sessions, tasks, timeZone: 'UTC' });
  const week = (id: string) => report.weeks.find((w) => w.memberId === id);
  const day = (id: string, date: string) => report.days.find((d) => d.memberId === id && d.date === date);

  it.each([
    // member, booked, session, extra task, PRODUCER, ENGINEER, capacity, over
    ['pat', 270, 240, 30, 270, 0, 2400, false],
    ['eve', 480, 480, 0, 0, 480, 600, false],
    ['eli', 120, 0, 120, 0, 120, 0, true],
  ] as const)('week of %s: %s min booked', (id, booked, sessionMinutes, extra, producer, engineer, capacity, over) => {
    expect(week(id)).toMatchObject({
      week: '2025-W10',
      bookedMinutes: booked,
      sessionMinutes,
      extraTaskMinutes: extra,
      byRole: { PRODUCER: producer, ENGINEER: engineer, ASSISTANT_ENGINEER: 0 },
      capacityMinutes: capacity,
      freeMinutes: capacity - booked,
      overCapacity: over,
    });
  });

  it('splits task estimates by status, including tasks inside staffed sessions', () => {
    expect(week('eve')?.tasksByStatus).toEqual({ TODO: 0, IN_PROGRESS: 0, BLOCKED: 0, DONE: 90 });
    expect(week('eve')?.taskCount).toBe(1);
    expect(week('eli')?.tasksByStatus).toEqual({ TODO: 0, IN_PROGRESS: 120, BLOCKED: 0, DONE: 0 });
    expect(week('pat')?.tasksByStatus.BLOCKED).toBe(30);
    expect(week('eli')?.utilization).toBeNull();
    expect(week('eve')?.utilization).toBeCloseTo(0.8);
  });

  it('splits a session across midnight into days', () => {
    expect(day('eve', '2025-03-06')?.sessionMinutes).toBe(120);
    expect(day('eve', '2025-03-07')?.sessionMinutes).toBe(120);
    expect(day('eve', '2025-03-05')).toMatchObject({ bookedMinutes: 240, capacityMinutes: 120, overCapacity: true });
    // A task estimate falls on the day its session starts.
    expect(day('pat', '2025-03-06')?.extraTaskMinutes).toBe(30);
    expect(day('pat', '2025-03-07')).toBeUndefined();
  });

  it('orders entries by period start, then member id', () => {
    expect(report.weeks.map((w) => w.memberId)).toEqual(['eli', 'eve', 'pat']);
    const keys = report.days.map((d) => `${d.date}/${d.memberId}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('uses the studio time zone for days and weeks', () => {
    // Sunday 2 March 23:00 UTC is Monday 3 March 00:00 in Berlin: W10 there, W09 in UTC.
    const late = [sessionOf('s3', '2025-03-02T23:00:00Z', '2025-03-03T01:00:00Z')];
    expect(computeWorkload({ members, sessions: late, tasks: [], timeZone: 'UTC' }).weeks.map((w) => [w.memberId, w.week, w.bookedMinutes])).toEqual([
      ['eve', '2025-W09', 60],
      ['pat', '2025-W09', 60],
      ['eve', '2025-W10', 60],
      ['pat', '2025-W10', 60],
    ]);
    expect(computeWorkload({ members, sessions: late, tasks: [], timeZone: 'Europe/Berlin' }).weeks.map((w) => [w.memberId, w.week, w.bookedMinutes])).toEqual([
      ['eve', '2025-W10', 120],
      ['pat', '2025-W10', 120],
    ]);
  });

  it('ignores cancelled sessions and their tasks; counts a producer-engineer once', () => {
    const cancelled = computeWorkload({ members, sessions: [sessionOf('s1', '2025-03-05T10:00:00Z', '2025-03-05T14:00:00Z', { status: 'CANCELLED' })], tasks: [taskOf('s1', 'eli')] });
    expect(cancelled.weeks).toEqual([]);
    const both = computeWorkload({ members, sessions: [sessionOf('s1', '2025-03-05T10:00:00Z', '2025-03-05T14:00:00Z', { engineerId: 'pat' })], tasks: [] });
    expect(both.weeks).toHaveLength(1);
    expect(both.weeks[0]).toMatchObject({ memberId: 'pat', bookedMinutes: 240, byRole: { PRODUCER: 240, ENGINEER: 0 } });
  });

  it('with a range, zero-fills whole days and weeks for every member and leaves out the rest', () => {
    const ranged = computeWorkload({ members, sessions, tasks, range: { from: new Date('2025-03-07T12:00:00Z'), to: new Date('2025-03-09T12:00:00Z') } });
    expect(ranged.days.map((d) => d.date)).toEqual(['2025-03-07', '2025-03-07', '2025-03-07', '2025-03-08', '2025-03-08', '2025-03-08', '2025-03-09', '2025-03-09', '2025-03-09']);
    expect(ranged.days.find((d) => d.memberId === 'eve' && d.date === '2025-03-07')?.bookedMinutes).toBe(120);
    expect(ranged.days.find((d) => d.memberId === 'pat' && d.date === '2025-03-08')?.bookedMinutes).toBe(0);
    // The week touching the range is complete, not clipped.
    expect(ranged.weeks.map((w) => [w.memberId, w.bookedMinutes])).toEqual([
      ['eli', 120],
      ['eve', 480],
      ['pat', 270],
    ]);
  });
});

describe('bookingsFromSchedule', () => {
  it('books staff for whole sessions and assignees for task estimates outside their sessions (0 minutes inside them)', () => {
    const bookings = bookingsFromSchedule({ sessions, tasks });
    expect(bookings.map((b) => [b.memberId, b.sessionId, b.minutes, b.title])).toEqual([
      ['pat', 's1', 240, 'Session s1'],
      ['eve', 's1', 240, 'Session s1'],
      ['eve', 's2', 240, 'Session s2'],
      ['eve', 's1', 0, 'Session s1'],
      ['eli', 's1', 120, 'Session s1'],
      ['pat', 's2', 30, 'Session s2'],
      ['ghost', 's1', 600, 'Session s1'],
    ]);
    expect(bookings[0]?.roomName).toBe('Studio A');
  });

  it('agrees with the weekly workload totals', () => {
    const bookings = bookingsFromSchedule({ sessions, tasks });
    const report = computeWorkload({ members, sessions, tasks });
    for (const week of report.weeks) {
      const total = bookings.filter((b) => b.memberId === week.memberId).reduce((sum, b) => sum + b.minutes, 0);
      expect(total).toBe(week.bookedMinutes);
    }
  });
});
