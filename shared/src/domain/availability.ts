/**
 * The one availability model. Routing, booking conflicts, manual-assignment warnings and the
 * workload report all read a member's time from the bookings built here, and ask of them through
 * the same questions (bookings.ts), so they cannot disagree.
 *
 * What a member's time goes to (a "booking"):
 * - Staffing a session (its producer or engineer): busy for the whole session, and its whole
 *   length counts toward hours. Someone both producer and engineer of a session counts once.
 * - A task with a time of its own (`startsAt`, lasting its estimate): busy during that slot.
 * - A task without a time of its own: counts toward hours only, blocking no slot (it is done
 *   some time during its session; routing and booking never call its assignee busy for it).
 * - A task in a session its assignee staffs adds no hours (the session's time covers it); a timed
 *   one still makes its slot busy.
 * - CANCELLED sessions, released and expired holds, second holds (queued behind a first hold,
 *   see holds.ts), and tasks in them, take nothing. First holds take time like confirmed
 *   sessions. DONE tasks still count (the time was spent). A task without an estimate takes 0.
 * - Prep and teardown: a session's engineer (and its room) is busy from the call time
 *   (startsAt - prepMinutes) to the clear time (endsAt + teardownMinutes), and those minutes count;
 *   its producer is busy from startsAt to endsAt. Tasks of the session without a time of their own
 *   may be done any time from call to clear, so that is the window their assignee must be free.
 * Where hours fall: a busy booking's hours are spread over its slot (a session from 22:00 to
 * 02:00 is 2 h on each day); an hours-only task's estimate falls at its session's start.
 *
 * Busy: work in a session S (staffing it, or a task of it without a time) needs the member free
 * during S; a timed task of S needs its own slot free. Nothing of S itself gets in the way of
 * work in S, except two timed tasks of S whose slots overlap. Intervals are half-open.
 *
 * Capacity: `weeklyCapacityHours` per ISO week (Monday start, studio time), and a day's share of
 * a fifth of it. Over capacity means more booked than that; routing gives no new work to anyone
 * at or over their week's capacity (see routing.ts).
 */
import type { Booking } from './bookings';
import type { BookingHold, MemberRole, SessionStatus, TaskStatus } from './roles';

/** Upper bound of a session's prep and of its teardown, so queries can widen their windows by it. */
export const MAX_PREP_MINUTES = 240;

/** What of a session the availability rules need: its times, prep and teardown, status and hold. */
export interface SessionTimes {
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly prepMinutes?: number;
  readonly teardownMinutes?: number;
  readonly status?: SessionStatus;
  readonly hold?: BookingHold;
}

/** Whether a session takes time at all: not cancelled, and confirmed or a first hold. */
export function takesTime(session: Pick<SessionTimes, 'status' | 'hold'>): boolean {
  if (session.status === 'CANCELLED') return false;
  return session.hold === undefined || session.hold === 'CONFIRMED' || session.hold === 'FIRST_HOLD';
}

/** Call time: when prep starts. Staff see this as the session's start. */
export function callTime(session: SessionTimes): Date {
  return new Date(session.startsAt.getTime() - Math.max(0, session.prepMinutes ?? 0) * 60_000);
}

/** Clear time: when teardown is done. */
export function clearTime(session: SessionTimes): Date {
  return new Date(session.endsAt.getTime() + Math.max(0, session.teardownMinutes ?? 0) * 60_000);
}

/** The whole span a session holds its room: call to clear. */
export function sessionSpan(session: SessionTimes): { startsAt: Date; endsAt: Date } {
  return { startsAt: callTime(session), endsAt: clearTime(session) };
}

/** When a member staffing the session is busy: the engineer call to clear, the producer start to end. */
export function staffWindow(session: SessionTimes, role: 'PRODUCER' | 'ENGINEER'): { startsAt: Date; endsAt: Date } {
  return role === 'ENGINEER' ? sessionSpan(session) : { startsAt: session.startsAt, endsAt: session.endsAt };
}

export interface ScheduleSession extends SessionTimes {
  readonly id: string;
  readonly title?: string;
  readonly roomName?: string;
  readonly projectId?: string;
  readonly producerId: string | null;
  readonly engineerId: string | null;
  readonly status: SessionStatus;
}

export interface ScheduleTask {
  readonly id?: string;
  readonly title?: string;
  readonly sessionId: string;
  readonly assigneeId: string | null;
  readonly role: MemberRole;
  readonly status: TaskStatus;
  readonly estimateMinutes: number | null;
  /** A time of its own within the session (it then lasts its estimate); null or absent: none. */
  readonly startsAt?: Date | null;
  /** The task's session times; when absent the session is looked up in the sessions list. */
  readonly session?: SessionTimes;
}

export interface Schedule {
  readonly sessions: readonly ScheduleSession[];
  readonly tasks: readonly ScheduleTask[];
}

/** Members staffing a session with the role they hold there (producer first; one entry per person). */
export function sessionStaff(session: Pick<ScheduleSession, 'producerId' | 'engineerId'>): { memberId: string; role: 'PRODUCER' | 'ENGINEER' }[] {
  const staff: { memberId: string; role: 'PRODUCER' | 'ENGINEER' }[] = [];
  if (session.producerId !== null) staff.push({ memberId: session.producerId, role: 'PRODUCER' });
  if (session.engineerId !== null && session.engineerId !== session.producerId) {
    staff.push({ memberId: session.engineerId, role: 'ENGINEER' });
  }
  return staff;
}

export function durationMinutes(startsAt: Date, endsAt: Date): number {
  return Math.max(0, (endsAt.getTime() - startsAt.getTime()) / 60_000);
}

/** A task's own slot: from its start for its estimate; null without a start or an estimate. */
export function taskSlot(task: { readonly startsAt?: Date | null; readonly estimateMinutes: number | null }): { startsAt: Date; endsAt: Date } | null {
  if (!task.startsAt || !task.estimateMinutes || task.estimateMinutes <= 0) return null;
  return { startsAt: task.startsAt, endsAt: new Date(task.startsAt.getTime() + task.estimateMinutes * 60_000) };
}

/** The week's capacity in minutes. */
export function weekCapacityMinutes(weeklyCapacityHours: number): number {
  return Math.max(0, weeklyCapacityHours * 60);
}

/** A day's share of the week's capacity: a fifth of it (a five-day week). */
export function dayCapacityMinutes(weeklyCapacityHours: number): number {
  return weekCapacityMinutes(weeklyCapacityHours) / 5;
}

/** More booked than the capacity (exactly full is not over). */
export function isOverCapacity(bookedMinutes: number, capacityMinutes: number): boolean {
  return bookedMinutes > capacityMinutes;
}

/** Full: routing gives no new work to someone whose week is at or over capacity. */
export function isAtCapacity(bookedMinutes: number, capacityMinutes: number): boolean {
  return bookedMinutes >= capacityMinutes;
}

/**
 * Every booking of the schedule by the rules above: one per staffed session and person, one per
 * assigned task in a non-cancelled session (0 minutes when its assignee staffs the session, so
 * task counts stay complete). Tasks whose session is unknown are skipped.
 */
export function bookingsFromSchedule(schedule: Schedule): Booking[] {
  const bookings: Booking[] = [];
  const sessionsById = new Map(schedule.sessions.map((s) => [s.id, s]));
  // What a booking says about its session, made once per session (a large schedule has many tasks per session).
  const described = new Map(schedule.sessions.map((s) => [s.id, describe(s)]));
  for (const session of schedule.sessions) {
    if (!takesTime(session)) continue;
    const info = described.get(session.id);
    for (const { memberId, role } of sessionStaff(session)) {
      // Someone both producer and engineer of a session is busy for the engineer's (longer) window.
      const window = staffWindow(session, memberId === session.engineerId ? 'ENGINEER' : role);
      bookings.push(withInfo({ memberId, sessionId: session.id, startsAt: window.startsAt, endsAt: window.endsAt, minutes: durationMinutes(window.startsAt, window.endsAt), kind: 'session', role }, info));
    }
  }
  for (const task of schedule.tasks) {
    if (task.assigneeId === null) continue;
    const session = sessionsById.get(task.sessionId);
    const times = task.session ?? session;
    if (!times) continue;
    const status = task.session?.status ?? session?.status;
    const hold = task.session?.hold ?? session?.hold;
    if (!takesTime({ ...(status !== undefined ? { status } : {}), ...(hold !== undefined ? { hold } : {}) })) continue;
    const staffs = session !== undefined && (session.producerId === task.assigneeId || session.engineerId === task.assigneeId);
    const estimate = Math.max(0, task.estimateMinutes ?? 0);
    const slot = taskSlot(task);
    const booking: Mutable<Booking> = {
      memberId: task.assigneeId,
      sessionId: task.sessionId,
      startsAt: slot?.startsAt ?? times.startsAt,
      endsAt: slot?.endsAt ?? times.endsAt,
      minutes: staffs ? 0 : estimate,
      busy: slot !== null,
      kind: 'task',
      role: task.role,
      status: task.status,
      estimateMinutes: estimate,
      withinStaffedSession: staffs,
    };
    if (task.id !== undefined) booking.taskId = task.id;
    if (task.title !== undefined) booking.taskTitle = task.title;
    bookings.push(withInfo(booking, described.get(task.sessionId)));
  }
  return bookings;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type SessionInfo = Pick<Booking, 'title' | 'roomName' | 'projectId'>;

/** Sets the session's title, room and project on a booking (assignments, not spreads: this runs per booking). */
function withInfo(booking: Mutable<Booking>, info: SessionInfo | undefined): Booking {
  if (info?.title !== undefined) booking.title = info.title;
  if (info?.roomName !== undefined) booking.roomName = info.roomName;
  if (info?.projectId !== undefined) booking.projectId = info.projectId;
  return booking;
}

function describe(session: ScheduleSession): SessionInfo {
  return {
    ...(session.title !== undefined ? { title: session.title } : {}),
    ...(session.roomName !== undefined ? { roomName: session.roomName } : {}),
    ...(session.projectId !== undefined ? { projectId: session.projectId } : {}),
  };
}

/** The work availability is asked about: in a session, over a window, optionally one timed task of it. */
export interface Work {
  readonly sessionId: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  /** A timed task of the session: its slot is the window, other timed tasks of the session count. */
  readonly taskId?: string;
}

/** Whether a booking makes its member busy for some work (see the file comment). */
export function blocksWork(booking: Booking, work: { readonly sessionId: string; readonly taskId?: string | undefined }, startMs: number, endMs: number): boolean {
  if (booking.busy === false) return false;
  if (booking.sessionId === work.sessionId) {
    const bothTimedTasks = work.taskId !== undefined && booking.kind === 'task' && booking.taskId !== undefined;
    if (!bothTimedTasks || booking.taskId === work.taskId) return false;
  }
  const s = booking.startsAt.getTime();
  const e = booking.endsAt.getTime();
  return s < e && startMs < endMs && s < endMs && startMs < e;
}

/** Minutes of a booking's hours that fall in [fromMs, toMs): spread over a busy slot, else at its start. */
export function minutesIn(booking: Booking, fromMs: number, toMs: number): number {
  if (!(fromMs < toMs) || booking.minutes === 0) return 0;
  const s = booking.startsAt.getTime();
  const e = booking.endsAt.getTime();
  if (booking.busy === false || !(s < e)) return s >= fromMs && s < toMs ? booking.minutes : 0;
  const overlap = Math.min(e, toMs) - Math.max(s, fromMs);
  if (overlap <= 0) return 0;
  if (overlap === e - s) return booking.minutes;
  const length = (e - s) / 60_000;
  return booking.minutes === length ? overlap / 60_000 : (booking.minutes * overlap) / (e - s);
}

/** The window of the work a task is: its own slot when timed, else its whole session, call to clear. */
export function workOfTask(task: { readonly id?: string; readonly startsAt?: Date | null; readonly estimateMinutes: number | null }, session: SessionTimes & { readonly id: string }): Work {
  const slot = taskSlot(task);
  if (!slot) return { sessionId: session.id, ...sessionSpan(session) };
  return { sessionId: session.id, startsAt: slot.startsAt, endsAt: slot.endsAt, ...(task.id !== undefined ? { taskId: task.id } : { taskId: '' }) };
}
