import type { Session } from '@patchbay/shared';
import { SESSION_STATUS_LABELS } from '@patchbay/shared/domain/roles';
import { formatClock, formatDay, formatWindow } from '@patchbay/shared/domain/time-zone';

/** The first hold a second hold queues behind: a live first hold in the same room at overlapping times. */
export function firstHoldBehind(session: Session, all: readonly Session[]): Session | undefined {
  if (session.hold !== 'SECOND_HOLD') return undefined;
  const call = Date.parse(session.callAt);
  const clear = Date.parse(session.clearAt);
  return all.find(
    (s) => s.id !== session.id && s.hold === 'FIRST_HOLD' && s.status !== 'CANCELLED' && s.room.id === session.room.id && Date.parse(s.callAt) < clear && Date.parse(s.clearAt) > call,
  );
}

/** "1st hold", "2nd hold — behind “X”", "Hold expired", "Released"; null when confirmed. */
export function holdLabel(session: Session, all: readonly Session[]): string | null {
  switch (session.hold) {
    case 'CONFIRMED':
      return null;
    case 'FIRST_HOLD':
      return session.challengedAt ? '1st hold — challenged' : '1st hold';
    case 'SECOND_HOLD': {
      const first = firstHoldBehind(session, all);
      return first ? `2nd hold — behind “${first.title}”` : '2nd hold';
    }
    case 'EXPIRED':
      return 'Hold expired';
    case 'RELEASED':
      return 'Released';
  }
}

/** "12/47 checked" (setup list lines), or null without a list to see. */
export function setupWords(session: Session): string | null {
  if (!session.setup || session.setup.total === 0) return null;
  return `${session.setup.done}/${session.setup.total} checked`;
}

export function peopleWords(session: Session): string {
  const parts = [session.producer ? `Producer ${session.producer.name}` : 'No producer', session.engineer ? `engineer ${session.engineer.name}` : 'no engineer'];
  return parts.join(', ');
}

/** Everything a block shows, as one sentence for its accessible name. */
export function sessionDescription(session: Session, all: readonly Session[], timeZone: string): string {
  const start = new Date(session.startsAt);
  const end = new Date(session.endsAt);
  const parts = [
    `${session.title}, ${formatDay(start, timeZone)} ${formatWindow(start, end, timeZone)}, ${session.room.name}`,
    `${session.project.artist} – ${session.project.title}`,
    peopleWords(session),
  ];
  if (session.prepMinutes > 0) parts.push(`call ${formatClock(new Date(session.callAt), timeZone)}`);
  if (session.teardownMinutes > 0) parts.push(`clear ${formatClock(new Date(session.clearAt), timeZone)}`);
  const setup = setupWords(session);
  if (setup) parts.push(`setup ${setup}`);
  parts.push(SESSION_STATUS_LABELS[session.status]);
  const hold = holdLabel(session, all);
  if (hold) parts.push(session.holdUntil && (session.hold === 'FIRST_HOLD' || session.hold === 'SECOND_HOLD') ? `${hold}, until ${formatDay(new Date(session.holdUntil), timeZone)} ${formatClock(new Date(session.holdUntil), timeZone)}` : hold);
  return parts.join('. ');
}

/** A session that can be moved on the calendar: on (or pencilled in) and not over. */
export function movable(session: Session): boolean {
  return (session.status === 'PLANNED' || session.status === 'IN_PROGRESS') && session.hold !== 'RELEASED' && session.hold !== 'EXPIRED';
}
