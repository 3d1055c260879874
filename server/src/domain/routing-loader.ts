// Loads what the shared routing rules need for one session: the studio's members, what they are
// booked on around the session and in its week, and the studio's own task kinds.
import {
  bookingsFromSchedule,
  indexBookings,
  isoWeekRange,
  type CustomTaskKind,
  type RoutingContext,
} from '@patchbay/shared';
import type { Tx } from '../db/database';
import { notFound } from '../errors';
import { loadCustomKinds } from './task-kinds';
import { sessionTimesSelect, takingTimeAround } from './session-times';

export interface RoutingSessionRow {
  id: string;
  title: string;
  roomId: string;
  startsAt: Date;
  endsAt: Date;
  producerId: string | null;
  engineerId: string | null;
  /** Absent: none (a row selected without them). */
  prepMinutes?: number;
  teardownMinutes?: number;
}

export interface RoutingLoadOptions {
  customKinds?: CustomTaskKind[];
  /** A member to include even without a trade role (a manual assignment being checked). */
  includeMemberId?: string;
  /** A task whose own booking is left out (it is the one being routed or reassigned). */
  excludeTaskId?: string;
}

export async function loadRoutingContext(tx: Tx, studioId: string, session: RoutingSessionRow, options: RoutingLoadOptions = {}): Promise<RoutingContext> {
  const { customKinds, includeMemberId, excludeTaskId } = options;
  const studio = await tx.studio.findUnique({ where: { id: studioId }, select: { timezone: true } });
  if (!studio) throw notFound('Studio', studioId);
  const room = await tx.room.findUnique({ where: { id: session.roomId }, select: { name: true } });
  const week = isoWeekRange(session.startsAt, studio.timezone);
  const from = new Date(Math.min(week.start.getTime(), session.startsAt.getTime()));
  const to = new Date(Math.max(week.end.getTime(), session.endsAt.getTime()));

  const [members, sessions] = await Promise.all([
    // People without a trade role (admins, guests) are never candidates.
    tx.member.findMany({
      where: { studioId, OR: [{ roles: { isEmpty: false } }, ...(includeMemberId ? [{ id: includeMemberId }] : [])] },
      include: { knownRooms: { select: { id: true } } },
      orderBy: { name: 'asc' },
    }),
    tx.session.findMany({
      where: { studioId, ...takingTimeAround(from, to) },
      select: { id: true, title: true, projectId: true, startsAt: true, endsAt: true, producerId: true, engineerId: true, status: true, ...sessionTimesSelect, room: { select: { name: true } } },
    }),
  ]);
  const tasks = await tx.task.findMany({
    where: { sessionId: { in: sessions.map((s) => s.id) }, assigneeId: { not: null }, ...(excludeTaskId ? { id: { not: excludeTaskId } } : {}) },
    select: { id: true, title: true, sessionId: true, assigneeId: true, role: true, status: true, estimateMinutes: true, startsAt: true },
  });
  const bookings = bookingsFromSchedule({
    sessions: sessions.map((s) => ({ ...s, roomName: s.room.name })),
    tasks,
  });

  return {
    session: {
      id: session.id,
      title: session.title,
      roomId: session.roomId,
      roomName: room?.name ?? 'the room',
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      ...(session.prepMinutes !== undefined ? { prepMinutes: session.prepMinutes } : {}),
      ...(session.teardownMinutes !== undefined ? { teardownMinutes: session.teardownMinutes } : {}),
      producerId: session.producerId,
      engineerId: session.engineerId,
    },
    members: members.map((m) => ({
      id: m.id,
      name: m.name,
      roles: m.roles,
      skills: m.skills,
      weeklyCapacityHours: m.weeklyCapacityHours,
      knownRoomIds: m.knownRooms.map((r) => r.id),
    })),
    bookings: indexBookings(bookings),
    timeZone: studio.timezone,
    week: { start: week.start, end: week.end },
    customKinds: customKinds ?? (await loadCustomKinds(tx, studioId)),
  };
}
