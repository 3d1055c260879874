/**
 * What counts as "booked" time, shared by workload and routing:
 * - A member who staffs a session (its producer or engineer) is booked for the whole session.
 *   Someone who is both producer and engineer of one session is counted once.
 * - A task assigned to a member adds its estimate, unless the member staffs the task's session
 *   (that time is already booked by the session itself).
 * - CANCELLED sessions, and tasks in them, book nothing. DONE tasks still count: the time was
 *   spent that week. A task without an estimate books 0 minutes (as a routing booking it still
 *   marks the member as busy during its session).
 */
import type { Booking } from './bookings';
import type { MemberRole, SessionStatus, TaskStatus } from './roles';

export interface ScheduleSession {
  readonly id: string;
  readonly title?: string;
  readonly roomName?: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
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
  /** The task's session times; when absent the session is looked up in the sessions list. */
  readonly session?: { readonly startsAt: Date; readonly endsAt: Date; readonly status?: SessionStatus };
}

export interface Schedule {
  readonly sessions: readonly ScheduleSession[];
  readonly tasks: readonly ScheduleTask[];
}

/** Members staffing a session with the role they hold there (producer first; one entry per person). */
export function sessionStaff(session: ScheduleSession): { memberId: string; role: 'PRODUCER' | 'ENGINEER' }[] {
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

export interface ResolvedTask {
  readonly task: ScheduleTask;
  readonly assigneeId: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly minutes: number;
  /** True when the assignee staffs the task's session, so the estimate adds no booked time. */
  readonly withinStaffedSession: boolean;
  readonly session: ScheduleSession | undefined;
}

/** Assigned tasks in non-cancelled sessions, with their times; tasks whose session is unknown are skipped. */
export function resolveAssignedTasks(schedule: Schedule): ResolvedTask[] {
  const sessionsById = new Map(schedule.sessions.map((s) => [s.id, s]));
  const result: ResolvedTask[] = [];
  for (const task of schedule.tasks) {
    if (task.assigneeId === null) continue;
    const session = sessionsById.get(task.sessionId);
    const times = task.session ?? session;
    if (!times) continue;
    const status = task.session?.status ?? session?.status;
    if (status === 'CANCELLED') continue;
    const withinStaffedSession =
      session !== undefined && (session.producerId === task.assigneeId || session.engineerId === task.assigneeId);
    result.push({
      task,
      assigneeId: task.assigneeId,
      startsAt: times.startsAt,
      endsAt: times.endsAt,
      minutes: Math.max(0, task.estimateMinutes ?? 0),
      withinStaffedSession,
      session,
    });
  }
  return result;
}

/** Routing bookings built from sessions and tasks with the definition above. */
export function bookingsFromSchedule(schedule: Schedule): Booking[] {
  const bookings: Booking[] = [];
  for (const session of schedule.sessions) {
    if (session.status === 'CANCELLED') continue;
    for (const { memberId } of sessionStaff(session)) {
      bookings.push({
        memberId,
        sessionId: session.id,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        minutes: durationMinutes(session.startsAt, session.endsAt),
        ...(session.title !== undefined ? { title: session.title } : {}),
        ...(session.roomName !== undefined ? { roomName: session.roomName } : {}),
      });
    }
  }
  for (const resolved of resolveAssignedTasks(schedule)) {
    if (resolved.withinStaffedSession) continue;
    const title = resolved.session?.title ?? resolved.task.title;
    bookings.push({
      memberId: resolved.assigneeId,
      sessionId: resolved.task.sessionId,
      startsAt: resolved.startsAt,
      endsAt: resolved.endsAt,
      minutes: resolved.minutes,
      ...(title !== undefined ? { title } : {}),
      ...(resolved.session?.roomName !== undefined ? { roomName: resolved.session.roomName } : {}),
    });
  }
  return bookings;
}
