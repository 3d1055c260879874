// Booking conflicts of a session, and the live check of a slot being typed into the booking form:
// who and which rooms are free then, by the shared availability model, before anything is booked.
import {
  dayCapacityMinutes,
  dayRange,
  describeConflict,
  findSessionConflicts,
  indexBookings,
  isoWeekRange,
  overlaps,
  weekCapacityMinutes,
  type BookingCheck,
  type BookingCheckInput,
  type BookingConflictDetails,
  type CandidateSession,
} from '@patchbay/shared';
import { requireCan, sessionAccess } from '../auth/access';
import type { AuthContext } from '../auth/auth-context';
import type { AppContext } from '../context';
import type { Tx } from '../db/database';
import { presentBusyWith } from '../presenters/routing';
import { timedTaskBookings } from './task-times';
import { loadWorkloadBookings } from './workload';

type DescribedConflict = BookingConflictDetails['conflicts'][number];

/** What booking `c` would be refused for: room, people staffed elsewhere, their timed tasks; described in studio time. */
export async function bookingConflicts(tx: Tx, studioId: string, c: CandidateSession): Promise<DescribedConflict[]> {
  if (c.status === 'CANCELLED') return [];
  const [studio, existing] = await Promise.all([
    tx.studio.findUniqueOrThrow({ where: { id: studioId }, select: { timezone: true } }),
    tx.session.findMany({
      where: { studioId, status: { not: 'CANCELLED' }, startsAt: { lt: c.endsAt }, endsAt: { gt: c.startsAt }, ...(c.id ? { id: { not: c.id } } : {}) },
      include: { room: { select: { name: true } } },
    }),
  ]);
  const staff = [c.producerId, c.engineerId].filter((id): id is string => id !== null);
  const timed = await timedTaskBookings(tx, studioId, staff, c.startsAt, c.endsAt);
  const conflicts = findSessionConflicts(c, existing.map((s) => ({ ...s, roomName: s.room.name })), timed);
  if (conflicts.length === 0) return [];
  const people = await tx.member.findMany({ where: { studioId, id: { in: conflicts.flatMap((x) => (x.memberId ? [x.memberId] : [])) } }, select: { id: true, name: true } });
  const rooms = await tx.room.findMany({ where: { studioId }, select: { id: true, name: true } });
  const options = { timeZone: studio.timezone, memberNames: new Map(people.map((p) => [p.id, p.name])), roomNames: new Map(rooms.map((r) => [r.id, r.name])) };
  return conflicts.map((x) => ({
    kind: x.kind,
    sessionId: x.sessionId,
    title: x.title,
    startsAt: x.startsAt.toISOString(),
    endsAt: x.endsAt.toISOString(),
    ...(x.memberId ? { memberId: x.memberId } : {}),
    message: describeConflict(x, options),
  }));
}

/**
 * The booking form's live check of a slot: the conflicts booking it would be refused for, every
 * person with a trade role (free then or busy with what, their week's and day's hours without
 * this session) and every room (free or taken by what). Changes nothing.
 */
export async function checkBooking(ctx: AppContext, auth: AuthContext, input: BookingCheckInput): Promise<BookingCheck> {
  const studioId = auth.studioId;
  return ctx.db.prisma.$transaction(async (tx) => {
    if (input.sessionId) {
      const { scope } = await sessionAccess(tx, auth, input.sessionId);
      requireCan(auth, 'sessions.edit', 'change this session', scope);
    }
    const slot = { startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt) };
    const editing = input.sessionId ?? '';
    const studio = await tx.studio.findUniqueOrThrow({ where: { id: studioId }, select: { timezone: true } });
    const week = isoWeekRange(slot.startsAt, studio.timezone);
    const from = new Date(Math.min(week.start.getTime(), slot.startsAt.getTime()));
    const to = new Date(Math.max(week.end.getTime(), slot.endsAt.getTime()));
    const [members, rooms, loaded] = await Promise.all([
      tx.member.findMany({ where: { studioId, roles: { isEmpty: false } }, select: { id: true, name: true, weeklyCapacityHours: true }, orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
      tx.room.findMany({ where: { studioId }, select: { id: true, name: true }, orderBy: { name: 'asc' } }),
      loadWorkloadBookings(tx, studioId, from, to),
    ]);
    const candidate: CandidateSession = {
      ...(input.sessionId ? { id: input.sessionId } : {}),
      ...slot,
      roomId: input.roomId ?? '',
      producerId: input.producerId ?? null,
      engineerId: input.engineerId ?? null,
      status: 'PLANNED',
    };
    const conflicts = await bookingConflicts(tx, studioId, candidate);
    // The session being changed is left out: the figures are "without this session".
    const lookup = indexBookings(loaded.bookings.filter((b) => b.sessionId !== editing));
    const day = dayRange(slot.startsAt, studio.timezone);
    const people = members.map((m) => {
      const busy = lookup.findOverlap(m.id, slot.startsAt.getTime(), slot.endsAt.getTime(), editing);
      return {
        member: { id: m.id, name: m.name },
        free: busy === undefined,
        busyWith: busy ? presentBusyWith(busy) : null,
        bookedMinutes: lookup.bookedMinutes(m.id, week.start.getTime(), week.end.getTime()),
        capacityMinutes: weekCapacityMinutes(m.weeklyCapacityHours),
        dayBookedMinutes: lookup.bookedMinutes(m.id, day.start.getTime(), day.end.getTime()),
        dayCapacityMinutes: dayCapacityMinutes(m.weeklyCapacityHours),
      };
    });
    const sessions = [...loaded.sessions.values()].filter((s) => s.id !== editing && overlaps(s, slot)).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    const roomAnswers = rooms.map((room) => {
      const taken = sessions.find((s) => s.room.id === room.id);
      return {
        room,
        free: taken === undefined,
        busyWith: taken ? { kind: 'session' as const, sessionId: taken.id, title: taken.title, taskTitle: null, startsAt: taken.startsAt.toISOString(), endsAt: taken.endsAt.toISOString() } : null,
      };
    });
    return { conflicts, people, rooms: roomAnswers, week: { start: week.start.toISOString(), end: week.end.toISOString() } };
  });
}
