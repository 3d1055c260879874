/**
 * Workload per member per day and per ISO week (Monday start) in a studio's time zone:
 * booked hours against capacity, split by role and by task status.
 *
 * "Booked" is defined in schedule.ts: the whole length of every non-cancelled session a member
 * staffs (producer or engineer), plus the estimates of tasks assigned to them in sessions they do
 * not staff. Session time is split across days/weeks where it crosses midnight; a task estimate
 * falls on the day its session starts.
 * - byRole sums to bookedMinutes: session time under the role held there (PRODUCER for someone
 *   who is both producer and engineer), extra task time under the task's role.
 * - tasksByStatus lists the estimates of all assigned tasks, including those inside staffed
 *   sessions, so it does not sum to bookedMinutes; it shows what the time is made of.
 * - Capacity: weeklyCapacityHours per week, a fifth of it per day (a five-day week).
 *   freeMinutes may be negative; routing treats freeMinutes <= 0 as "at capacity".
 * With `range`, every member gets an entry for every day and week touching the range (whole
 * days/weeks, zero-filled) and nothing else; without it, only periods with bookings appear.
 */
import type { MemberRole, TaskStatus } from './roles';
import { MEMBER_ROLES, TASK_STATUSES } from './roles';
import type { Schedule } from './schedule';
import { durationMinutes, resolveAssignedTasks, sessionStaff } from './schedule';
import type { PeriodRange } from './time-zone';
import { dayRange, isoWeekRange } from './time-zone';

export interface WorkloadMember {
  readonly id: string;
  readonly weeklyCapacityHours: number;
}

export interface WorkloadInput extends Schedule {
  readonly members: readonly WorkloadMember[];
  /** IANA zone for day and week boundaries. Default 'UTC'. */
  readonly timeZone?: string;
  readonly range?: { readonly from: Date; readonly to: Date };
}

export interface LoadFigures {
  readonly bookedMinutes: number;
  readonly sessionMinutes: number;
  /** Estimates of assigned tasks outside the member's staffed sessions. */
  readonly extraTaskMinutes: number;
  readonly byRole: Readonly<Record<MemberRole, number>>;
  readonly tasksByStatus: Readonly<Record<TaskStatus, number>>;
  readonly taskCount: number;
  readonly capacityMinutes: number;
  readonly freeMinutes: number;
  readonly overCapacity: boolean;
  /** bookedMinutes / capacityMinutes; null when capacity is 0. */
  readonly utilization: number | null;
}

export interface MemberDayLoad extends LoadFigures {
  readonly memberId: string;
  /** Local date 'YYYY-MM-DD'. */
  readonly date: string;
  readonly start: Date;
  readonly end: Date;
}

export interface MemberWeekLoad extends LoadFigures {
  readonly memberId: string;
  /** ISO week 'YYYY-Www'. */
  readonly week: string;
  readonly start: Date;
  readonly end: Date;
}

export interface WorkloadReport {
  readonly timeZone: string;
  /** By day start, then member id. */
  readonly days: MemberDayLoad[];
  /** By week start, then member id. */
  readonly weeks: MemberWeekLoad[];
}

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

interface Bucket {
  readonly memberId: string;
  readonly period: PeriodRange;
  sessionMinutes: number;
  extraTaskMinutes: number;
  taskCount: number;
  readonly byRole: Record<MemberRole, number>;
  readonly tasksByStatus: Record<TaskStatus, number>;
}

class Buckets {
  private readonly map = new Map<string, Bucket>();
  constructor(
    private readonly rangeOf: (instant: Date | number) => PeriodRange,
    private readonly fixed: boolean,
  ) {}

  /** Creates the empty buckets of a member for every period touching [from, to). */
  fill(memberId: string, from: Date, to: Date): void {
    let cursor = from.getTime();
    do {
      const period = this.rangeOf(cursor);
      this.create(memberId, period);
      cursor = period.end.getTime();
    } while (cursor < to.getTime());
  }

  private create(memberId: string, period: PeriodRange): Bucket {
    const bucket: Bucket = { memberId, period, sessionMinutes: 0, extraTaskMinutes: 0, taskCount: 0, byRole: zeros(MEMBER_ROLES), tasksByStatus: zeros(TASK_STATUSES) };
    this.map.set(`${memberId}|${period.key}`, bucket);
    return bucket;
  }

  get(memberId: string, period: PeriodRange): Bucket | undefined {
    const found = this.map.get(`${memberId}|${period.key}`);
    if (found || this.fixed) return found;
    return this.create(memberId, period);
  }

  /** Splits [start, end) over the periods it crosses. */
  *segments(start: Date, end: Date): Generator<{ period: PeriodRange; minutes: number }> {
    let cursor = start.getTime();
    const stop = end.getTime();
    while (cursor < stop) {
      const period = this.rangeOf(cursor);
      const segmentEnd = Math.min(stop, period.end.getTime());
      yield { period, minutes: (segmentEnd - cursor) / 60_000 };
      cursor = segmentEnd;
    }
  }

  values(): Bucket[] {
    return [...this.map.values()];
  }
}

function figures(bucket: Bucket, capacityMinutes: number): LoadFigures {
  const bookedMinutes = bucket.sessionMinutes + bucket.extraTaskMinutes;
  return {
    bookedMinutes,
    sessionMinutes: bucket.sessionMinutes,
    extraTaskMinutes: bucket.extraTaskMinutes,
    byRole: bucket.byRole,
    tasksByStatus: bucket.tasksByStatus,
    taskCount: bucket.taskCount,
    capacityMinutes,
    freeMinutes: capacityMinutes - bookedMinutes,
    overCapacity: bookedMinutes > capacityMinutes,
    utilization: capacityMinutes > 0 ? bookedMinutes / capacityMinutes : null,
  };
}

function byStartThenMember(a: { start: Date; memberId: string }, b: { start: Date; memberId: string }): number {
  return a.start.getTime() - b.start.getTime() || (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0);
}

export function computeWorkload(input: WorkloadInput): WorkloadReport {
  const timeZone = input.timeZone ?? 'UTC';
  const fixed = input.range !== undefined;
  const days = new Buckets((t) => dayRange(t, timeZone), fixed);
  const weeks = new Buckets((t) => isoWeekRange(t, timeZone), fixed);
  const capacity = new Map(input.members.map((m) => [m.id, Math.max(0, m.weeklyCapacityHours * 60)]));
  if (input.range) {
    for (const member of input.members) {
      days.fill(member.id, input.range.from, input.range.to);
      weeks.fill(member.id, input.range.from, input.range.to);
    }
  }

  for (const session of input.sessions) {
    if (session.status === 'CANCELLED' || durationMinutes(session.startsAt, session.endsAt) === 0) continue;
    for (const { memberId, role } of sessionStaff(session)) {
      if (!capacity.has(memberId)) continue;
      for (const buckets of [days, weeks]) {
        for (const { period, minutes } of buckets.segments(session.startsAt, session.endsAt)) {
          const bucket = buckets.get(memberId, period);
          if (!bucket) continue;
          bucket.sessionMinutes += minutes;
          bucket.byRole[role] += minutes;
        }
      }
    }
  }

  for (const resolved of resolveAssignedTasks(input)) {
    if (!capacity.has(resolved.assigneeId)) continue;
    for (const [buckets, rangeOf] of [
      [days, dayRange],
      [weeks, isoWeekRange],
    ] as const) {
      const bucket = buckets.get(resolved.assigneeId, rangeOf(resolved.startsAt, timeZone));
      if (!bucket) continue;
      bucket.taskCount += 1;
      bucket.tasksByStatus[resolved.task.status] += resolved.minutes;
      if (!resolved.withinStaffedSession) {
        bucket.extraTaskMinutes += resolved.minutes;
        bucket.byRole[resolved.task.role] += resolved.minutes;
      }
    }
  }

  const dayLoads = days.values().map((b): MemberDayLoad => ({
    memberId: b.memberId,
    date: b.period.key,
    start: b.period.start,
    end: b.period.end,
    ...figures(b, (capacity.get(b.memberId) ?? 0) / 5),
  }));
  const weekLoads = weeks.values().map((b): MemberWeekLoad => ({
    memberId: b.memberId,
    week: b.period.key,
    start: b.period.start,
    end: b.period.end,
    ...figures(b, capacity.get(b.memberId) ?? 0),
  }));
  return { timeZone, days: dayLoads.sort(byStartThenMember), weeks: weekLoads.sort(byStartThenMember) };
}
