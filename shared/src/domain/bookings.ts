/**
 * Bookings: time a member is already committed to (a session they staff, or a task estimate).
 * Routing asks two questions of them, through a BookingLookup:
 * - is the member booked on another session overlapping this window? (rule 4)
 * - how many minutes are booked in this week? (rule 6)
 *
 * `indexBookings` builds a per-member index once (sorted starts, prefix sums of minutes), so each
 * question is a binary search. `scanBookings` answers the same questions by scanning every
 * booking, the straightforward reference implementation: both return identical answers.
 */

export interface Booking {
  readonly memberId: string;
  readonly sessionId: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  /** Minutes this booking takes from the member's week: a session's length, or a task's estimate. */
  readonly minutes: number;
  /** What the member is booked on, for reasons ("Drum tracking"). */
  readonly title?: string;
  readonly roomName?: string;
}

export interface BookingLookup {
  /**
   * The member's earliest booking (by start, end, session id, title, room, minutes) overlapping [startMs, endMs)
   * on a session other than `sessionId`; bookings on that same session never count.
   */
  findOverlap(memberId: string, startMs: number, endMs: number, sessionId: string): Booking | undefined;
  /** Sum of minutes of the member's bookings starting in [fromMs, toMs). */
  bookedMinutes(memberId: string, fromMs: number, toMs: number): number;
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
    a.minutes - b.minutes
  );
}

function overlapsWindow(booking: Booking, startMs: number, endMs: number, sessionId: string): boolean {
  const s = booking.startsAt.getTime();
  const e = booking.endsAt.getTime();
  return booking.sessionId !== sessionId && s < e && startMs < endMs && s < endMs && startMs < e;
}

/** Reference lookup: scans all bookings for every question. */
export function scanBookings(bookings: readonly Booking[]): BookingLookup {
  return {
    findOverlap(memberId, startMs, endMs, sessionId) {
      let best: Booking | undefined;
      for (const booking of bookings) {
        if (booking.memberId !== memberId || !overlapsWindow(booking, startMs, endMs, sessionId)) continue;
        if (best === undefined || compareBookings(booking, best) < 0) best = booking;
      }
      return best;
    },
    bookedMinutes(memberId, fromMs, toMs) {
      let total = 0;
      for (const booking of bookings) {
        const s = booking.startsAt.getTime();
        if (booking.memberId === memberId && s >= fromMs && s < toMs) total += booking.minutes;
      }
      return total;
    },
  };
}

interface MemberBookings {
  readonly items: readonly Booking[];
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  /** prefix[i] = minutes of items[0..i). */
  readonly prefix: Float64Array;
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

/** Builds the per-member index once; O(n log n). Query cost is O(log n + overlapping bookings). */
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
    const ends = new Float64Array(list.length);
    const prefix = new Float64Array(list.length + 1);
    let maxDurationMs = 0;
    list.forEach((booking, i) => {
      starts[i] = booking.startsAt.getTime();
      ends[i] = booking.endsAt.getTime();
      prefix[i + 1] = (prefix[i] ?? 0) + booking.minutes;
      maxDurationMs = Math.max(maxDurationMs, (ends[i] ?? 0) - (starts[i] ?? 0));
    });
    byMember.set(memberId, { items: list, starts, ends, prefix, maxDurationMs });
  }

  return {
    findOverlap(memberId, startMs, endMs, sessionId) {
      const entry = byMember.get(memberId);
      if (!entry || !(startMs < endMs)) return undefined;
      // A booking overlapping the window starts before endMs and after startMs - maxDuration.
      const from = lowerBound(entry.starts, startMs - entry.maxDurationMs);
      const to = lowerBound(entry.starts, endMs);
      for (let i = from; i < to; i++) {
        const booking = entry.items[i];
        if (booking !== undefined && overlapsWindow(booking, startMs, endMs, sessionId)) return booking;
      }
      return undefined;
    },
    bookedMinutes(memberId, fromMs, toMs) {
      const entry = byMember.get(memberId);
      if (!entry || !(fromMs < toMs)) return 0;
      const from = lowerBound(entry.starts, fromMs);
      const to = lowerBound(entry.starts, toMs);
      return (entry.prefix[to] ?? 0) - (entry.prefix[from] ?? 0);
    },
  };
}

/**
 * Adds minutes booked during routing (e.g. earlier tasks of the same session routed in one go)
 * on top of a lookup. They are on the routed session, so they never overlap it.
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
    findOverlap: (memberId, startMs, endMs, sessionId) => base.findOverlap(memberId, startMs, endMs, sessionId),
    bookedMinutes(memberId, fromMs, toMs) {
      let total = base.bookedMinutes(memberId, fromMs, toMs);
      for (const item of byMember.get(memberId) ?? []) {
        if (item.atMs >= fromMs && item.atMs < toMs) total += item.minutes;
      }
      return total;
    },
  };
}
