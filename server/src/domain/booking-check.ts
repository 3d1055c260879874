// Booking conflicts of a session, and the live check of a slot being typed into the booking form:
// who and which rooms are free then, by the shared availability model, before anything is booked.
import {
  dayCapacityMinutes,
  dayRange,
  describeConflict,
  findSessionConflicts,
  indexBookings,
  isoWeekRange,
  firstHoldsOnSlot,
  overlaps,
  sessionSpan,
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
import { invalidField } from '../errors';
import { timedTaskBookings } from './task-times';
import { loadWorkloadBookings } from './workload';
import { sessionTimesSelect, takingTimeAround } from './session-times';

type DescribedConflict = BookingConflictDetails['conflicts'][number];

/** Sessions taking time whose span may touch the candidate's (its own row left out), with room names. */
export async function sessionsAround(tx: Tx, studioId: string, c: Pick<CandidateSession, 'id' | 'startsAt' | 'endsAt' | 'prepMinutes' | 'teardownMinutes'>) {
  const span = sessionSpan(c);
  const rows = await tx.session.findMany({
    where: { studioId, ...takingTimeAround(span.startsAt, span.endsAt), ...(c.id ? { id: { not: c.id } } : {}) },
    select: { id: true, title: true, roomId: true, startsAt: true, endsAt: true, producerId: true, engineerId: true, status: true, holdUntil: true, createdAt: true, ...sessionTimesSelect, room: { select: { name: true } } },
  });
  return rows.map((s) => ({ ...s, roomName: s.room.name }));
}

/** What booking `c` would be refused for: room, people staffed elsewhere, their timed tasks; described in studio time. */
export async function bookingConflicts(tx: Tx, studioId: string, c: CandidateSession): Promise<DescribedConflict[]> {
  if (c.status === 'CANCELLED') return [];
  const [studio, existing] = await Promise.all([
    tx.studio.findUniqueOrThrow({ where: { id: studioId }, select: { timezone: true } }),
    sessionsAround(tx, studioId, c),
  ]);
  const staff = [c.producerId, c.engineerId].filter((id): id is string => id !== null);
  const span = sessionSpan(c);
  const timed = await timedTaskBookings(tx, studioId, staff, span.startsAt, span.endsAt);
  const conflicts = findSessionConflicts(c, existing, timed);
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
    const editing = input.sessionId ?? '';
    const [studio, own, chosenRoom] = await Promise.all([
      tx.studio.findUniqueOrThrow({ where: { id: studioId }, select: { timezone: true } }),
      input.sessionId ? tx.session.findFirst({ where: { id: input.sessionId, studioId }, select: { prepMinutes: true, teardownMinutes: true, hold: true } }) : null,
      input.roomId ? tx.room.findFirst({ where: { id: input.roomId, studioId }, select: { prepMinutes: true, teardownMinutes: true } }) : null,
    ]);
    if (input.roomId && !chosenRoom) throw invalidField('roomId', 'no such room in this studio');
    // Prep and teardown: as given, else the session's own (when changing one), else the room's defaults.
    const prepMinutes = input.prepMinutes ?? own?.prepMinutes ?? chosenRoom?.prepMinutes ?? 0;
    const teardownMinutes = input.teardownMinutes ?? own?.teardownMinutes ?? chosenRoom?.teardownMinutes ?? 0;
    const hold = input.hold ?? (own?.hold === 'FIRST_HOLD' || own?.hold === 'SECOND_HOLD' ? own.hold : 'CONFIRMED');
    const times = { startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt), prepMinutes, teardownMinutes };
    // People and rooms are asked about the whole span, call to clear.
    const slot = sessionSpan(times);
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
      ...times,
      roomId: input.roomId ?? '',
      producerId: input.producerId ?? null,
      engineerId: input.engineerId ?? null,
      status: 'PLANNED',
      hold,
    };
    const conflicts = await bookingConflicts(tx, studioId, candidate);
    const firstHolds = input.roomId
      ? firstHoldsOnSlot({ ...candidate, id: editing, hold, holdUntil: null, createdAt: new Date() }, await sessionsAround(tx, studioId, candidate))
      : [];
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
    const sessions = [...loaded.sessions.values()].filter((s) => s.id !== editing && overlaps(sessionSpan(s), slot)).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    const roomAnswers = rooms.map((room) => {
      const taken = sessions.find((s) => s.room.id === room.id);
      return {
        room,
        free: taken === undefined,
        busyWith: taken ? { kind: 'session' as const, sessionId: taken.id, title: taken.title, taskTitle: null, startsAt: taken.startsAt.toISOString(), endsAt: taken.endsAt.toISOString() } : null,
      };
    });
    return {
      conflicts,
      people,
      rooms: roomAnswers,
      week: { start: week.start.toISOString(), end: week.end.toISOString() },
      callAt: slot.startsAt.toISOString(),
      clearAt: slot.endsAt.toISOString(),
      prepMinutes,
      teardownMinutes,
      firstHolds: firstHolds.map((f) => ({ sessionId: f.id, title: f.title, startsAt: f.startsAt.toISOString(), endsAt: f.endsAt.toISOString(), holdUntil: f.holdUntil?.toISOString() ?? null })),
    };
  });
}
