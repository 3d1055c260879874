/**
 * Workload per member per day and per ISO week (Monday start) in a studio's time zone: booked
 * hours against capacity, split by role, by project and by task status.
 *
 * Everything is counted from the bookings of availability.ts (the one model routing and booking
 * conflicts use): a booking's hours spread over its slot where it is busy (sessions staffed,
 * timed tasks), and fall at its session's start where it only counts hours (tasks without a time).
 * So for any period, bookedMinutes equals the lookup's `bookedMinutes` over that period.
 * - byRole and byProject sum to bookedMinutes (a booking without a project is not in byProject).
 * - tasksByStatus lists the estimates of all assigned tasks starting in the period, including
 *   those inside staffed sessions, so it does not sum to bookedMinutes: it shows what the time is
 *   made of. taskCount counts them.
 * - Capacity per week: weeklyCapacityHours; per day: a fifth of it (availability.ts).
 *   overCapacity: more booked than that; freeMinutes may be negative.
 * With `range`, every member gets an entry for every day and week touching the range (whole
 * days/weeks, zero-filled) and nothing else; without it, only periods with bookings appear.
 */
import type { MemberRole, TaskStatus } from './roles';
import { MEMBER_ROLES, TASK_STATUSES } from './roles';
import type { Schedule } from './availability';
import { bookingsFromSchedule, dayCapacityMinutes, isOverCapacity, minutesIn, weekCapacityMinutes } from './availability';
import type { Booking } from './bookings';
import { touches } from './bookings';
import type { PeriodRange } from './time-zone';
import { dayRange, isoWeekRange } from './time-zone';

export interface WorkloadMember {
  readonly id: string;
  readonly weeklyCapacityHours: number;
}

export interface WorkloadInput extends Partial<Schedule> {
  /** The bookings to count; built from `sessions` and `tasks` when absent. */
  readonly bookings?: readonly Booking[];
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
  /** Minutes by project id. */
  readonly byProject: Readonly<Record<string, number>>;
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

const NO_ROLES = zeros(MEMBER_ROLES);
const NO_STATUSES = zeros(TASK_STATUSES);

interface Bucket {
  readonly memberId: string;
  readonly period: PeriodRange;
  sessionMinutes: number;
  extraTaskMinutes: number;
  taskCount: number;
  readonly byRole: Record<MemberRole, number>;
  readonly byProject: Record<string, number>;
  readonly tasksByStatus: Record<TaskStatus, number>;
}

class Buckets {
  /** member id → period (the cached period object itself) → bucket. */
  private readonly map = new Map<string, Map<PeriodRange, Bucket>>();
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
    const bucket: Bucket = { memberId, period, sessionMinutes: 0, extraTaskMinutes: 0, taskCount: 0, byRole: { ...NO_ROLES }, byProject: {}, tasksByStatus: { ...NO_STATUSES } };
    let periods = this.map.get(memberId);
    if (!periods) {
      periods = new Map();
      this.map.set(memberId, periods);
    }
    periods.set(period, bucket);
    return bucket;
  }

  get(memberId: string, period: PeriodRange): Bucket | undefined {
    const found = this.map.get(memberId)?.get(period);
    if (found || this.fixed) return found;
    return this.create(memberId, period);
  }

  /**
   * Calls `each` for the periods [start, end) crosses (one for an empty interval: the one
   * holding start), with whether it is the first.
   */
  forPeriods(start: Date, end: Date, each: (period: PeriodRange, first: boolean) => void): void {
    let cursor = start.getTime();
    const stop = Math.max(end.getTime(), cursor + 1);
    let first = true;
    while (cursor < stop) {
      const period = this.rangeOf(cursor);
      each(period, first);
      first = false;
      cursor = period.end.getTime();
    }
  }

  values(): Bucket[] {
    return [...this.map.values()].flatMap((periods) => [...periods.values()]);
  }
}

function figures(bucket: Bucket, capacityMinutes: number): LoadFigures {
  const bookedMinutes = bucket.sessionMinutes + bucket.extraTaskMinutes;
  return {
    bookedMinutes,
    sessionMinutes: bucket.sessionMinutes,
    extraTaskMinutes: bucket.extraTaskMinutes,
    byRole: bucket.byRole,
    byProject: bucket.byProject,
    tasksByStatus: bucket.tasksByStatus,
    taskCount: bucket.taskCount,
    capacityMinutes,
    freeMinutes: capacityMinutes - bookedMinutes,
    overCapacity: isOverCapacity(bookedMinutes, capacityMinutes),
    utilization: capacityMinutes > 0 ? bookedMinutes / capacityMinutes : null,
  };
}

function byStartThenMember(a: { start: Date; memberId: string }, b: { start: Date; memberId: string }): number {
  return a.start.getTime() - b.start.getTime() || (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0);
}

function add(bucket: Bucket, booking: Booking, minutes: number, first: boolean): void {
  if (booking.kind === 'task') bucket.extraTaskMinutes += minutes;
  else bucket.sessionMinutes += minutes;
  if (booking.role) bucket.byRole[booking.role] += minutes;
  if (booking.projectId !== undefined && minutes > 0) bucket.byProject[booking.projectId] = (bucket.byProject[booking.projectId] ?? 0) + minutes;
  if (first && booking.kind === 'task') {
    bucket.taskCount += 1;
    if (booking.status) bucket.tasksByStatus[booking.status] += booking.estimateMinutes ?? booking.minutes;
  }
}

/**
 * Remembers the periods already looked up (contiguous, so sorted by start) and answers an
 * instant inside one of them by binary search instead of asking the time zone again: the report
 * asks thousands of times about a handful of days and weeks.
 */
function cachedPeriods(rangeOf: (instant: number) => PeriodRange): (instant: Date | number) => PeriodRange {
  const known: PeriodRange[] = [];
  return (instant) => {
    const ms = typeof instant === 'number' ? instant : instant.getTime();
    let lo = 0;
    let hi = known.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (known[mid]!.end.getTime() <= ms) lo = mid + 1;
      else hi = mid;
    }
    const found = known[lo];
    if (found && found.start.getTime() <= ms) return found;
    const period = rangeOf(ms);
    known.splice(lo, 0, period);
    return period;
  };
}

export function computeWorkload(input: WorkloadInput): WorkloadReport {
  const timeZone = input.timeZone ?? 'UTC';
  const fixed = input.range !== undefined;
  const days = new Buckets(cachedPeriods((t) => dayRange(t, timeZone)), fixed);
  const weeks = new Buckets(cachedPeriods((t) => isoWeekRange(t, timeZone)), fixed);
  const capacity = new Map(input.members.map((m) => [m.id, m.weeklyCapacityHours]));
  if (input.range) {
    for (const member of input.members) {
      days.fill(member.id, input.range.from, input.range.to);
      weeks.fill(member.id, input.range.from, input.range.to);
    }
  }
  const bookings = input.bookings ?? bookingsFromSchedule({ sessions: input.sessions ?? [], tasks: input.tasks ?? [] });
  for (const booking of bookings) {
    if (!capacity.has(booking.memberId)) continue;
    const spread = booking.busy !== false && booking.startsAt < booking.endsAt;
    for (const buckets of [days, weeks]) {
      buckets.forPeriods(booking.startsAt, spread ? booking.endsAt : booking.startsAt, (period, first) => {
        const bucket = buckets.get(booking.memberId, period);
        if (bucket) add(bucket, booking, minutesIn(booking, period.start.getTime(), period.end.getTime()), first);
      });
    }
  }

  const dayLoads = days.values().map((b): MemberDayLoad => ({
    memberId: b.memberId,
    date: b.period.key,
    start: b.period.start,
    end: b.period.end,
    ...figures(b, dayCapacityMinutes(capacity.get(b.memberId) ?? 0)),
  }));
  const weekLoads = weeks.values().map((b): MemberWeekLoad => ({
    memberId: b.memberId,
    week: b.period.key,
    start: b.period.start,
    end: b.period.end,
    ...figures(b, weekCapacityMinutes(capacity.get(b.memberId) ?? 0)),
  }));
  return { timeZone, days: dayLoads.sort(byStartThenMember), weeks: weekLoads.sort(byStartThenMember) };
}

/** One booking behind a member's hours in a range: its minutes there, and per local day. */
export interface BookingInRange {
  readonly booking: Booking;
  readonly minutes: number;
  /** Minutes per local date 'YYYY-MM-DD' (only days it touches). */
  readonly days: Readonly<Record<string, number>>;
}

/** The bookings behind a member's hours in [from, to), in time order, with their minutes per day. */
export function workloadItems(bookings: readonly Booking[], range: { readonly from: Date; readonly to: Date }, timeZone = 'UTC'): BookingInRange[] {
  const fromMs = range.from.getTime();
  const toMs = range.to.getTime();
  const items: BookingInRange[] = [];
  for (const booking of bookings) {
    if (!touches(booking, fromMs, toMs)) continue;
    const spread = booking.busy !== false && booking.startsAt < booking.endsAt;
    const perDay: Record<string, number> = {};
    let cursor = Math.max(booking.startsAt.getTime(), fromMs);
    const stop = spread ? Math.min(booking.endsAt.getTime(), toMs) : cursor + 1;
    while (cursor < stop) {
      const day = dayRange(cursor, timeZone);
      const minutes = minutesIn(booking, Math.max(day.start.getTime(), fromMs), Math.min(day.end.getTime(), toMs));
      perDay[day.key] = (perDay[day.key] ?? 0) + minutes;
      cursor = day.end.getTime();
    }
    items.push({ booking, minutes: minutesIn(booking, fromMs, toMs), days: perDay });
  }
  return items.sort((a, b) => a.booking.startsAt.getTime() - b.booking.startsAt.getTime() || (a.booking.kind === b.booking.kind ? 0 : a.booking.kind === 'session' ? -1 : 1));
}
