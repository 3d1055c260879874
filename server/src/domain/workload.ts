// The workload report, the bookings behind one member's hours, and the CSV of the report. All
// count the bookings of the shared availability model (shared/src/domain/availability.ts).
import {
  MAX_WORKLOAD_DAYS,
  bookingsFromSchedule,
  can,
  computeWorkload,
  isoWeekRange,
  type Booking,
  type MemberRole,
  type TaskStatus,
  type Workload,
  type WorkloadItems,
} from '@patchbay/shared';
import { sessionTimesSelect, takingTimeAround } from './session-times';
import type { AuthContext } from '../auth/auth-context';
import type { AppContext } from '../context';
import type { Tx } from '../db/database';
import type { PrismaClient } from '../generated/prisma/client';
import { AppError, notFound } from '../errors';
import { presentWorkload, presentWorkloadItems, type WorkloadSession } from '../presenters/workload';

const DAY_MS = 86_400_000;

export interface WorkloadWindow {
  from?: string | undefined;
  to?: string | undefined;
}

/** The window asked for, defaulting to this week (studio time); at most MAX_WORKLOAD_DAYS. */
function windowOf(range: WorkloadWindow, timeZone: string): { from: Date; to: Date } {
  const week = isoWeekRange(new Date(), timeZone);
  const from = range.from ? new Date(range.from) : week.start;
  const to = range.to ? new Date(range.to) : range.from ? new Date(from.getTime() + 7 * DAY_MS) : week.end;
  // Checked after the defaults are filled in: a lone `to` far away must not mean a huge report.
  if (!(from < to) || to.getTime() - from.getTime() > MAX_WORKLOAD_DAYS * DAY_MS) {
    throw new AppError('VALIDATION_FAILED', `Invalid query: the window must run forwards and span at most ${MAX_WORKLOAD_DAYS} days`, {
      issues: [{ location: 'query', path: 'to', message: `at most ${MAX_WORKLOAD_DAYS} days after "from"` }],
    });
  }
  return { from, to };
}

interface TaskFigures {
  id: string;
  sessionId: string;
  assigneeId: string;
  role: MemberRole;
  status: TaskStatus;
  estimateMinutes: number | null;
  startsAt: Date | null;
}

/**
 * The assigned tasks of these sessions with just what the figures need. Plain SQL on purpose:
 * for a busy week of a large studio (thousands of tasks) the query builder's own row handling
 * doubled the time of the report (measured in tests/bench/workload.bench.ts).
 */
async function taskFigures(db: Tx | PrismaClient, sessionIds: string[]): Promise<TaskFigures[]> {
  if (sessionIds.length === 0) return [];
  return db.$queryRaw<TaskFigures[]>`
    SELECT "id"::text AS "id", "sessionId"::text AS "sessionId", "assigneeId"::text AS "assigneeId", "role"::text AS "role", "status"::text AS "status", "estimateMinutes", "startsAt"
    FROM "Task" WHERE "sessionId" = ANY(${sessionIds}::uuid[]) AND "assigneeId" IS NOT NULL`;
}

/**
 * The sessions touching [from, to) and their assigned tasks, as bookings (with the rows, for
 * presenting). With `detail` (one member's items), their tasks with titles and versions.
 */
export async function loadWorkloadBookings(
  db: Tx | PrismaClient,
  studioId: string,
  from: Date,
  to: Date,
  options: { detail?: { memberId: string } } = {},
): Promise<{ bookings: Booking[]; sessions: Map<string, WorkloadSession> }> {
  const sessions = await db.session.findMany({
    where: { studioId, ...takingTimeAround(from, to) },
    select: {
      id: true, title: true, status: true, projectId: true, startsAt: true, endsAt: true, producerId: true, engineerId: true, ...sessionTimesSelect,
      room: { select: { id: true, name: true } },
      project: { select: { id: true, title: true, artist: true, leadProducerId: true } },
    },
  });
  const ids = sessions.map((s) => s.id);
  const detailed = options.detail
    ? await db.task.findMany({
        where: { sessionId: { in: ids }, assigneeId: options.detail.memberId },
        select: { id: true, title: true, kind: true, version: true, sessionId: true, assigneeId: true, role: true, status: true, estimateMinutes: true, startsAt: true },
      })
    : null;
  const tasks = detailed ?? (await taskFigures(db, ids));
  const bookings = bookingsFromSchedule({ sessions: sessions.map((s) => ({ ...s, roomName: s.room.name })), tasks });
  const taskRows = new Map((detailed ?? []).map((t) => [t.id, t]));
  return { bookings, sessions: new Map(sessions.map((s) => [s.id, { ...s, tasks: taskRows }])) };
}

async function studioZone(db: Tx | PrismaClient, studioId: string): Promise<string> {
  const studio = await db.studio.findUnique({ where: { id: studioId }, select: { timezone: true } });
  if (!studio) throw notFound('Studio', studioId);
  return studio.timezone;
}

/** The sessions among these whose tasks the viewer may reassign (tasks.assign with their scope there). */
async function movableSessions(db: PrismaClient, auth: AuthContext, sessions: readonly WorkloadSession[]): Promise<Set<string>> {
  const withOwnTasks = new Set(
    (await db.task.findMany({ where: { assigneeId: auth.memberId, sessionId: { in: sessions.map((s) => s.id) } }, select: { sessionId: true }, distinct: ['sessionId'] })).map((t) => t.sessionId),
  );
  return new Set(
    sessions
      .filter((s) => can(auth.role, 'tasks.assign', {
        leadsProject: s.project.leadProducerId === auth.memberId,
        staffsSession: s.producerId === auth.memberId || s.engineerId === auth.memberId,
        hasTasksInSession: withOwnTasks.has(s.id),
      }))
      .map((s) => s.id),
  );
}

/** Booked hours against capacity per member, per day and per ISO week (studio time). */
export async function getWorkload(ctx: AppContext, auth: AuthContext, range: WorkloadWindow): Promise<Workload> {
  const prisma = ctx.db.prisma;
  const studioId = auth.studioId;
  const timeZone = await studioZone(prisma, studioId);
  const { from, to } = windowOf(range, timeZone);
  // Producers and admins see the whole team; everyone else only themselves.
  const team = can(auth.role, 'workload.viewTeam');
  const [members, loaded] = await Promise.all([
    prisma.member.findMany({
      where: { studioId, ...(team ? { roles: { isEmpty: false } } : { id: auth.memberId }) },
      select: { id: true, name: true, roles: true, weeklyCapacityHours: true },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    }),
    loadWorkloadBookings(prisma, studioId, from, to),
  ]);
  const ids = new Set(members.map((m) => m.id));
  const bookings = loaded.bookings.filter((b) => ids.has(b.memberId));
  const report = computeWorkload({ members, bookings, timeZone, range: { from, to } });
  return presentWorkload({ timeZone, from, to, members, report, bookings, sessions: loaded.sessions });
}

/** The sessions and tasks behind one member's hours in the window, with their minutes per day. */
export async function getWorkloadItems(ctx: AppContext, auth: AuthContext, memberId: string, range: WorkloadWindow): Promise<WorkloadItems> {
  const prisma = ctx.db.prisma;
  const studioId = auth.studioId;
  if (memberId !== auth.memberId && !can(auth.role, 'workload.viewTeam')) {
    throw new AppError('FORBIDDEN', "You can only see your own workload, not a colleague's");
  }
  const member = await prisma.member.findFirst({ where: { id: memberId, studioId }, select: { id: true, name: true, roles: true, weeklyCapacityHours: true } });
  if (!member) throw notFound('Member', memberId);
  const timeZone = await studioZone(prisma, studioId);
  const { from, to } = windowOf(range, timeZone);
  const loaded = await loadWorkloadBookings(prisma, studioId, from, to, { detail: { memberId } });
  const own = loaded.bookings.filter((b) => b.memberId === memberId);
  return presentWorkloadItems({ member, timeZone, from, to, bookings: own, sessions: loaded.sessions, movableIn: await movableSessions(prisma, auth, [...loaded.sessions.values()]) });
}
