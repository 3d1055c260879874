/**
 * Bookings: what a member's time goes to (built by availability.ts, which states the rules).
 * Routing, booking conflicts, assignment warnings and the workload report ask two questions of
 * them, through a BookingLookup:
 * - is the member busy with something else during this work? (`findOverlap`, via `blocksWork`)
 * - how many minutes of hours fall in this period? (`bookedMinutes`, via `minutesIn`)
 *
 * `indexBookings` builds a per-member index once (sorted starts), so each question is a binary
 * search plus the bookings near the window. `scanBookings` answers the same questions by scanning
 * every booking, the straightforward reference implementation: both return identical answers.
 */
import type { MemberRole, TaskStatus } from './roles';
import { blocksWork, minutesIn } from './availability';

export interface Booking {
  readonly memberId: string;
  readonly sessionId: string;
  /** The slot: the session, or a timed task's own time; for an hours-only task, its session. */
  readonly startsAt: Date;
  readonly endsAt: Date;
  /** Minutes this booking takes from the member's hours: a session's length, or a task's estimate. */
  readonly minutes: number;
  /** False: counts toward hours only and blocks no slot (a task without a time). Default true. */
  readonly busy?: boolean;
  readonly kind?: 'session' | 'task';
  readonly taskId?: string;
  /** The role held on the session, or the task's role. */
  readonly role?: MemberRole;
  readonly status?: TaskStatus;
  /** A task's estimate, also when it adds no hours (inside a session its assignee staffs). */
  readonly estimateMinutes?: number;
  readonly withinStaffedSession?: boolean;
  /** What the member is booked on, for reasons ("Drum tracking"): the session's title. */
  readonly title?: string;
  readonly taskTitle?: string;
  readonly roomName?: string;
  readonly projectId?: string;
}

export interface BookingLookup {
  /**
   * The member's earliest booking (by start, end, session id, title, room, minutes) that makes
   * them busy for work in session `sessionId` over [startMs, endMs) (see `blocksWork`): bookings on
   * that same session never count, except other timed tasks when `taskId` is given.
   */
  findOverlap(memberId: string, startMs: number, endMs: number, sessionId: string, taskId?: string): Booking | undefined;
  /** Minutes of the member's bookings falling in [fromMs, toMs) (see `minutesIn`). */
  bookedMinutes(memberId: string, fromMs: number, toMs: number): number;
  /** The member's bookings touching [fromMs, toMs) (hours-only ones by their start), in order. */
  bookingsIn(memberId: string, fromMs: number, toMs: number): Booking[];
}

export function isBookingLookup(value: readonly Booking[] | BookingLookup): value is BookingLookup {
  return typeof (value as Partial<BookingLookup>).findOverlap === 'function';
}

function str(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Total order used to pick "the earliest" overlapping booking deterministically. */
export function compareBookings(a: Booking, b: Booking): number {
  return (
    a.startsAt.getTime() - b.startsAt.getTime() ||
    a.endsAt.getTime() - b.endsAt.getTime() ||
    str(a.sessionId, b.sessionId) ||
    str(a.title ?? '', b.title ?? '') ||
    str(a.roomName ?? '', b.roomName ?? '') ||
    a.minutes - b.minutes ||
    str(a.kind ?? '', b.kind ?? '') ||
    str(a.taskId ?? '', b.taskId ?? '')
  );
}

/** Whether a booking belongs in [fromMs, toMs): a busy slot overlapping it, an hours-only booking starting in it. */
export function touches(booking: Booking, fromMs: number, toMs: number): boolean {
  const s = booking.startsAt.getTime();
  const e = booking.endsAt.getTime();
  if (booking.busy === false || !(s < e)) return s >= fromMs && s < toMs;
  return s < toMs && fromMs < e;
}

/** Reference lookup: scans all bookings for every question. */
export function scanBookings(bookings: readonly Booking[]): BookingLookup {
  return {
    findOverlap(memberId, startMs, endMs, sessionId, taskId) {
      let best: Booking | undefined;
      for (const booking of bookings) {
        if (booking.memberId !== memberId || !blocksWork(booking, { sessionId, taskId }, startMs, endMs)) continue;
        if (best === undefined || compareBookings(booking, best) < 0) best = booking;
      }
      return best;
    },
    bookedMinutes(memberId, fromMs, toMs) {
      let total = 0;
      for (const booking of bookings) if (booking.memberId === memberId) total += minutesIn(booking, fromMs, toMs);
      return total;
    },
    bookingsIn(memberId, fromMs, toMs) {
      return bookings.filter((b) => b.memberId === memberId && touches(b, fromMs, toMs)).sort(compareBookings);
    },
  };
}

interface MemberBookings {
  readonly items: readonly Booking[];
  readonly starts: Float64Array;
  readonly maxDurationMs: number;
}

/** First index i with values[i] >= target (values ascending). */
function lowerBound(values: Float64Array, target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] ?? 0) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Builds the per-member index once; O(n log n). Query cost is O(log n + bookings near the window). */
export function indexBookings(bookings: readonly Booking[]): BookingLookup {
  const grouped = new Map<string, Booking[]>();
  for (const booking of bookings) {
    const list = grouped.get(booking.memberId);
    if (list) list.push(booking);
    else grouped.set(booking.memberId, [booking]);
  }
  const byMember = new Map<string, MemberBookings>();
  for (const [memberId, list] of grouped) {
    list.sort(compareBookings);
    const starts = new Float64Array(list.length);
    let maxDurationMs = 0;
    list.forEach((booking, i) => {
      starts[i] = booking.startsAt.getTime();
      maxDurationMs = Math.max(maxDurationMs, booking.endsAt.getTime() - booking.startsAt.getTime());
    });
    byMember.set(memberId, { items: list, starts, maxDurationMs });
  }
  /** Bookings that can touch [fromMs, toMs): starting before toMs and after fromMs - the longest. */
  function* near(memberId: string, fromMs: number, toMs: number): Generator<Booking> {
    const entry = byMember.get(memberId);
    if (!entry || !(fromMs < toMs)) return;
    const to = lowerBound(entry.starts, toMs);
    for (let i = lowerBound(entry.starts, fromMs - entry.maxDurationMs); i < to; i++) {
      const booking = entry.items[i];
      if (booking !== undefined) yield booking;
    }
  }

  return {
    findOverlap(memberId, startMs, endMs, sessionId, taskId) {
      for (const booking of near(memberId, startMs, endMs)) {
        if (blocksWork(booking, { sessionId, taskId }, startMs, endMs)) return booking;
      }
      return undefined;
    },
    bookedMinutes(memberId, fromMs, toMs) {
      let total = 0;
      for (const booking of near(memberId, fromMs, toMs)) total += minutesIn(booking, fromMs, toMs);
      return total;
    },
    bookingsIn(memberId, fromMs, toMs) {
      return [...near(memberId, fromMs, toMs)].filter((b) => touches(b, fromMs, toMs));
    },
  };
}

/**
 * Adds minutes booked during routing (e.g. earlier tasks of the same session routed in one go)
 * on top of a lookup, as hours-only bookings at `atMs`: they block no slot.
 */
export function withExtraMinutes(
  base: BookingLookup,
  extra: readonly { readonly memberId: string; readonly atMs: number; readonly minutes: number }[],
): BookingLookup {
  const byMember = new Map<string, { atMs: number; minutes: number }[]>();
  for (const item of extra) {
    const list = byMember.get(item.memberId);
    if (list) list.push(item);
    else byMember.set(item.memberId, [item]);
  }
  return {
    findOverlap: (memberId, startMs, endMs, sessionId, taskId) => base.findOverlap(memberId, startMs, endMs, sessionId, taskId),
    bookedMinutes(memberId, fromMs, toMs) {
      let total = base.bookedMinutes(memberId, fromMs, toMs);
      for (const item of byMember.get(memberId) ?? []) {
        if (item.atMs >= fromMs && item.atMs < toMs) total += item.minutes;
      }
      return total;
    },
    bookingsIn: (memberId, fromMs, toMs) => base.bookingsIn(memberId, fromMs, toMs),
  };
}
