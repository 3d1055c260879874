/**
 * Scheduling conflicts of a session being booked: the same room, the same producer or engineer,
 * a member staffed on two overlapping sessions in different roles, or one of its people busy
 * with a timed task of another session. People are busy by the one availability model
 * (availability.ts), the rule routing uses: whoever routing calls double-booked for the session,
 * booking does too, and the other way round. Intervals are half-open [startsAt, endsAt): a
 * session ending at 14:00 does not clash with one starting at 14:00.
 */
import { blocksWork, sessionSpan, staffWindow, takesTime, type SessionTimes } from './availability';
import type { Booking } from './bookings';
import type { BookingHold, SessionStatus } from './roles';
import { formatWindow } from './time-zone';

export interface Interval {
  readonly startsAt: Date;
  readonly endsAt: Date;
}

/** True when [a.startsAt, a.endsAt) and [b.startsAt, b.endsAt) share an instant. Empty intervals overlap nothing. */
export function overlaps(a: Interval, b: Interval): boolean {
  const aStart = a.startsAt.getTime();
  const aEnd = a.endsAt.getTime();
  const bStart = b.startsAt.getTime();
  const bEnd = b.endsAt.getTime();
  return aStart < aEnd && bStart < bEnd && aStart < bEnd && bStart < aEnd;
}

/** A session being planned or edited. `id` is absent for a new session. */
export interface CandidateSession extends Interval, SessionTimes {
  readonly id?: string;
  readonly roomId: string;
  readonly producerId: string | null;
  readonly engineerId: string | null;
  readonly status: SessionStatus;
  readonly hold?: BookingHold;
}

export interface ExistingSession extends Interval, SessionTimes {
  readonly id: string;
  readonly title: string;
  readonly roomId: string;
  readonly roomName?: string;
  readonly producerId: string | null;
  readonly engineerId: string | null;
  readonly status: SessionStatus;
  readonly hold?: BookingHold;
}

/**
 * - room: the candidate's room is taken by the other session;
 * - producer / engineer: the same person holds the same role on both;
 * - member: the same person holds different roles (producer here, engineer there or vice versa);
 * - task: one of the session's people has a timed task of another session then.
 */
export const CONFLICT_KINDS = ['room', 'producer', 'engineer', 'member', 'task'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

export interface SessionConflict {
  readonly kind: ConflictKind;
  /** The other (existing) session. */
  readonly sessionId: string;
  readonly title: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  /** For producer / engineer / member conflicts: who is double-booked. */
  readonly memberId?: string;
  /** For member conflicts: the role the member holds on the other session. */
  readonly otherRole?: 'PRODUCER' | 'ENGINEER';
  /** For room conflicts. */
  readonly roomId?: string;
  readonly roomName?: string;
  /** For task conflicts: the timed task (startsAt/endsAt are its slot). */
  readonly taskId?: string;
  readonly taskTitle?: string;
}

/**
 * Conflicts of a candidate session with existing ones, ordered by the other session's start,
 * then kind (room, producer, engineer, member), then session id. CANCELLED sessions (on either
 * side) conflict with nothing; the candidate itself (same id) is skipped.
 */
function kindOrder(kind: ConflictKind): number {
  return CONFLICT_KINDS.indexOf(kind);
}

/**
 * `bookings` adds what else makes people busy (availability.ts): their timed tasks in other
 * sessions. Session bookings among them are ignored (they come from `existing`).
 */
export function findSessionConflicts(candidate: CandidateSession, existing: readonly ExistingSession[], bookings: readonly Booking[] = []): SessionConflict[] {
  // A second hold takes no time (it queues behind a first hold, holds.ts): it only may not sit
  // on a room that is confirmed then. Whatever else takes nothing conflicts with nothing.
  if (candidate.hold === 'SECOND_HOLD' && candidate.status !== 'CANCELLED') return roomTakenByConfirmed(candidate, existing);
  if (!takesTime(candidate)) return [];
  const conflicts: SessionConflict[] = [];
  const windows = new Map<string, Interval>();
  if (candidate.producerId !== null) windows.set(candidate.producerId, staffWindow(candidate, candidate.producerId === candidate.engineerId ? 'ENGINEER' : 'PRODUCER'));
  if (candidate.engineerId !== null) windows.set(candidate.engineerId, staffWindow(candidate, 'ENGINEER'));
  const work = { sessionId: candidate.id ?? '' };
  for (const booking of bookings) {
    const window = booking.kind === 'task' ? windows.get(booking.memberId) : undefined;
    if (!window) continue;
    if (!blocksWork(booking, work, window.startsAt.getTime(), window.endsAt.getTime())) continue;
    conflicts.push({
      kind: 'task',
      sessionId: booking.sessionId,
      title: booking.title ?? 'another session',
      startsAt: booking.startsAt,
      endsAt: booking.endsAt,
      memberId: booking.memberId,
      ...(booking.taskId !== undefined ? { taskId: booking.taskId } : {}),
      ...(booking.taskTitle !== undefined ? { taskTitle: booking.taskTitle } : {}),
    });
  }
  const span = sessionSpan(candidate);
  for (const other of existing) {
    if (!takesTime(other)) continue;
    if (candidate.id !== undefined && other.id === candidate.id) continue;
    const otherSpan = sessionSpan(other);
    if (!overlaps(span, otherSpan)) continue;
    const base = { sessionId: other.id, title: other.title, startsAt: other.startsAt, endsAt: other.endsAt };
    // Where a person stands on the other session: busy there from its call (engineer) or start (producer).
    const busyThere = (memberId: string): Interval | null =>
      memberId === other.engineerId ? otherSpan : memberId === other.producerId ? staffWindow(other, 'PRODUCER') : null;
    const clashes = (memberId: string): boolean => {
      const here = windows.get(memberId);
      const there = busyThere(memberId);
      return here !== undefined && there !== null && overlaps(here, there);
    };
    if (other.roomId === candidate.roomId) {
      conflicts.push({ ...base, kind: 'room', roomId: other.roomId, ...(other.roomName !== undefined ? { roomName: other.roomName } : {}) });
    }
    if (candidate.producerId !== null && candidate.producerId === other.producerId && clashes(candidate.producerId)) {
      conflicts.push({ ...base, kind: 'producer', memberId: candidate.producerId });
    }
    if (candidate.engineerId !== null && candidate.engineerId === other.engineerId && clashes(candidate.engineerId)) {
      conflicts.push({ ...base, kind: 'engineer', memberId: candidate.engineerId });
    }
    // Cross-role double booking. Skip a person already reported for the same session above.
    if (candidate.producerId !== null && candidate.producerId === other.engineerId && candidate.producerId !== other.producerId && clashes(candidate.producerId)) {
      conflicts.push({ ...base, kind: 'member', memberId: candidate.producerId, otherRole: 'ENGINEER' });
    }
    if (
      candidate.engineerId !== null &&
      candidate.engineerId === other.producerId &&
      candidate.engineerId !== other.engineerId &&
      candidate.engineerId !== candidate.producerId &&
      clashes(candidate.engineerId)
    ) {
      conflicts.push({ ...base, kind: 'member', memberId: candidate.engineerId, otherRole: 'PRODUCER' });
    }
  }
  return conflicts.sort(
    (a, b) =>
      a.startsAt.getTime() - b.startsAt.getTime() ||
      kindOrder(a.kind) - kindOrder(b.kind) ||
      (a.sessionId < b.sessionId ? -1 : a.sessionId > b.sessionId ? 1 : 0) ||
      ((a.taskId ?? '') < (b.taskId ?? '') ? -1 : (a.taskId ?? '') > (b.taskId ?? '') ? 1 : 0),
  );
}

/** Room clashes of a second hold: only with sessions confirmed then (first holds are what it queues behind). */
function roomTakenByConfirmed(candidate: CandidateSession, existing: readonly ExistingSession[]): SessionConflict[] {
  const span = sessionSpan(candidate);
  return existing
    .filter((o) => o.roomId === candidate.roomId && o.id !== candidate.id && takesTime(o) && (o.hold ?? 'CONFIRMED') === 'CONFIRMED' && overlaps(span, sessionSpan(o)))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || (a.id < b.id ? -1 : 1))
    .map((o) => ({ kind: 'room' as const, sessionId: o.id, title: o.title, startsAt: o.startsAt, endsAt: o.endsAt, roomId: o.roomId, ...(o.roomName !== undefined ? { roomName: o.roomName } : {}) }));
}

export interface DescribeConflictOptions {
  /** IANA zone for the times; default UTC. */
  readonly timeZone?: string;
  /** Member names by id; without a name the role is used ("The producer"). */
  readonly memberNames?: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  /** Room names by id, used when the conflict carries no roomName. */
  readonly roomNames?: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
}

function lookup(names: DescribeConflictOptions['memberNames'], id: string | undefined): string | undefined {
  if (!names || id === undefined) return undefined;
  if (names instanceof Map) return names.get(id);
  return Object.hasOwn(names, id) ? (names as Readonly<Record<string, string>>)[id] : undefined;
}

/** A readable sentence, e.g. "Studio A is already booked for 'Drum tracking' 10:00–14:00." */
export function describeConflict(conflict: SessionConflict, options: DescribeConflictOptions = {}): string {
  const when = formatWindow(conflict.startsAt, conflict.endsAt, options.timeZone ?? 'UTC');
  const what = `'${conflict.title}' ${when}`;
  const name = lookup(options.memberNames, conflict.memberId);
  switch (conflict.kind) {
    case 'room': {
      const room = conflict.roomName ?? lookup(options.roomNames, conflict.roomId) ?? 'The room';
      return `${room} is already booked for ${what}.`;
    }
    case 'producer':
      return `${name ?? 'The producer'} is already producing ${what}.`;
    case 'engineer':
      return `${name ?? 'The engineer'} is already engineering ${what}.`;
    case 'member': {
      const role = conflict.otherRole === 'PRODUCER' ? 'producer' : 'engineer';
      return `${name ?? 'A member'} is already booked as ${role} on ${what}.`;
    }
    case 'task': {
      const task = conflict.taskTitle !== undefined ? `'${conflict.taskTitle}'` : 'a task';
      return `${name ?? 'A member'} has ${task} of '${conflict.title}' ${when}.`;
    }
  }
}
