// The guest (artist) audience: the one place that decides who is a guest and what a guest's answers
// and events hold. Each presenter copies the fields a guest may see, by name (an allow-list): a
// field added to a row or to the staff shapes never reaches a guest unless it is added here.
import type { AccessRole, BoardEvent, GuestBoardSnapshot, GuestBooking, GuestSession, GuestTask } from '@patchbay/shared';
import type { SessionRow } from './session';
import type { TaskRow } from './task';

/** Who an answer or event is for: the studio's people, or a guest of a project (the artist). */
export type Audience = 'staff' | 'guest';

/** A member's audience: guests (access role GUEST) get the guest shapes everywhere. */
export function audienceOf(auth: { role: AccessRole }): Audience {
  return auth.role === 'GUEST' ? 'guest' : 'staff';
}

/**
 * A board viewer's audience: a guest, or anyone who may see the board but not its setup list,
 * gets the guest view of the board (and sits in the board's limited room).
 */
export function boardAudience(auth: { role: AccessRole }, seesSetup: boolean): Audience {
  return audienceOf(auth) === 'guest' || !seesSetup ? 'guest' : 'staff';
}

type GuestSessionRow = Pick<SessionRow, 'id' | 'title' | 'status' | 'hold' | 'startsAt' | 'endsAt' | 'prepMinutes' | 'room' | 'project' | 'producer' | 'engineer' | 'guestNote'>;

export function guestBooking(hold: SessionRow['hold']): GuestBooking {
  if (hold === 'FIRST_HOLD' || hold === 'SECOND_HOLD') return 'PENCILLED';
  if (hold === 'RELEASED' || hold === 'EXPIRED') return 'OFF';
  return 'CONFIRMED';
}

export function presentGuestSession(row: GuestSessionRow): GuestSession {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    booking: guestBooking(row.hold),
    callAt: new Date(row.startsAt.getTime() - row.prepMinutes * 60_000).toISOString(),
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    room: { name: row.room.name },
    project: { id: row.project.id, artist: row.project.artist, title: row.project.title },
    producer: row.producer ? { name: row.producer.name } : null,
    engineer: row.engineer ? { name: row.engineer.name } : null,
    guestNote: row.guestNote,
  };
}

export function presentGuestTask(row: Pick<TaskRow, 'id' | 'sessionId' | 'title' | 'status' | 'position' | 'version'>): GuestTask {
  return { id: row.id, sessionId: row.sessionId, title: row.title, status: row.status, position: row.position, version: row.version };
}

export function presentGuestBoard(session: GuestSessionRow & { boardSeq: number }, tasks: TaskRow[]): GuestBoardSnapshot {
  return { session: presentGuestSession(session), tasks: tasks.map(presentGuestTask), seq: session.boardSeq };
}

/**
 * A board event as a guest receives it: its place in the sequence and nothing else (no payload,
 * no actor), so the guest's sequence stays gap-free and its client knows to reload the guest
 * snapshot. Tasks and sessions travel in staff shapes in events, so none of them is passed on.
 */
export function presentGuestEvent(event: BoardEvent): BoardEvent {
  return { v: event.v, sessionId: event.sessionId, seq: event.seq, at: event.at, actor: null, type: 'redacted' };
}
