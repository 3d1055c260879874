// Tasks with a time of their own (availability.ts): the checks on it, keeping it with its session
// when the session moves, and the bookings it makes for booking conflicts.
import { bookingsFromSchedule, formatWindow, sessionSpan, type Booking, type SessionTimes, type UnsequencedBoardEvent } from '@patchbay/shared';
import { sessionTimesSelect } from './session-times';
import type { Tx } from '../db/database';
import { invalidField } from '../errors';
import { presentTask, taskInclude } from '../presenters/task';

const DAY_MS = 86_400_000;

/**
 * A task's own time must lie within its session, from call time to clear time (prep and
 * teardown included), and needs an estimate (its length): 400 naming `startsAt` or
 * `estimateMinutes` otherwise.
 */
export function checkTaskTime(session: SessionTimes, startsAt: Date | null, estimateMinutes: number | null, timeZone: string): void {
  if (startsAt === null) return;
  if (!estimateMinutes) throw invalidField('estimateMinutes', 'a task with a start time needs an estimate: it is how long the slot lasts');
  if (!fits(session, startsAt, estimateMinutes)) {
    const span = sessionSpan(session);
    throw invalidField('startsAt', `the task's time must lie within its session (${formatWindow(span.startsAt, span.endsAt, timeZone)}, prep and teardown included)`);
  }
}

function fits(session: SessionTimes, startsAt: Date, estimateMinutes: number): boolean {
  const span = sessionSpan(session);
  return startsAt >= span.startsAt && startsAt.getTime() + estimateMinutes * 60_000 <= span.endsAt.getTime();
}

/**
 * A session moved: its timed tasks move by as much as its start did. One that no longer fits
 * the session (it was shortened) loses its time and is done some time during the session.
 * Returns the tasks' board events.
 */
export async function moveTimedTasks(tx: Tx, sessionId: string, before: { startsAt: Date }, after: SessionTimes): Promise<UnsequencedBoardEvent[]> {
  const delta = after.startsAt.getTime() - before.startsAt.getTime();
  const timed = await tx.task.findMany({ where: { sessionId, startsAt: { not: null } }, select: { id: true, startsAt: true, estimateMinutes: true } });
  const events: UnsequencedBoardEvent[] = [];
  for (const task of timed) {
    const moved = new Date((task.startsAt as Date).getTime() + delta);
    const startsAt = task.estimateMinutes && fits(after, moved, task.estimateMinutes) ? moved : null;
    if (startsAt?.getTime() === task.startsAt?.getTime()) continue;
    const row = await tx.task.update({ where: { id: task.id }, data: { startsAt, version: { increment: 1 } }, include: taskInclude });
    events.push({ type: 'task.updated', sessionId, task: presentTask(row), changed: ['startsAt'] });
  }
  return events;
}

/** The timed tasks of these people in other sessions that could overlap [from, to), as bookings. */
export async function timedTaskBookings(tx: Tx, studioId: string, memberIds: readonly string[], from: Date, to: Date): Promise<Booking[]> {
  if (memberIds.length === 0) return [];
  const tasks = await tx.task.findMany({
    where: {
      studioId,
      assigneeId: { in: [...memberIds] },
      startsAt: { not: null, lt: to, gt: new Date(from.getTime() - DAY_MS) },
      session: { status: { not: 'CANCELLED' }, hold: { in: ['CONFIRMED', 'FIRST_HOLD'] } },
    },
    select: {
      id: true, title: true, sessionId: true, assigneeId: true, role: true, status: true, estimateMinutes: true, startsAt: true,
      session: { select: { id: true, title: true, projectId: true, startsAt: true, endsAt: true, producerId: true, engineerId: true, status: true, ...sessionTimesSelect, room: { select: { name: true } } } },
    },
  });
  const sessions = new Map(tasks.map((t) => [t.session.id, { ...t.session, roomName: t.session.room.name }]));
  return bookingsFromSchedule({ sessions: [...sessions.values()], tasks }).filter((b) => b.kind === 'task');
}
