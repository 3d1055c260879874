/**
 * A task's own time within its session, as the forms and the card handle it: an 'HH:MM' clock
 * in the studio zone on the session's day (a time earlier than the session's start means the
 * next day, for a session crossing midnight), checked like the server checks it.
 */
import { addDays, formatClock, formatWindow, localDateOf, zonedParts, zonedTimeToInstant } from '@patchbay/shared/domain/time-zone';
import { formatMinutes } from '../lib/time';

export interface SessionWindow {
  readonly startsAt: string;
  readonly endsAt: string;
}

const CLOCK = /^(\d{1,2}):(\d{2})$/;

/** 'HH:MM' of an instant in the zone (for a type="time" input). */
export function clockOf(iso: string, timeZone: string): string {
  return formatClock(new Date(iso), timeZone);
}

/** The instant of an 'HH:MM' clock within the session's span in the zone, as ISO; null when it is not a time. */
export function startsAtFromClock(clock: string, session: SessionWindow, timeZone: string): string | null {
  const match = CLOCK.exec(clock.trim());
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (hour > 23 || minute > 59) return null;
  const start = new Date(session.startsAt);
  const opens = zonedParts(start, timeZone);
  const day = localDateOf(start, timeZone);
  const date = hour * 60 + minute < opens.hour * 60 + opens.minute ? addDays(day, 1) : day;
  const instant = zonedTimeToInstant({ ...date, hour, minute }, timeZone);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}

/**
 * Why a start time can't be used (undefined: it can, or it is empty). `estimateMinutes` is the
 * slot's length: the estimate the task will have.
 */
export function startTimeError(clock: string, estimateMinutes: number | null, session: SessionWindow, timeZone: string): string | undefined {
  if (!clock.trim()) return undefined;
  const startsAt = startsAtFromClock(clock, session, timeZone);
  if (startsAt === null) return 'Enter a time like 14:30, or leave it empty.';
  if (!estimateMinutes || estimateMinutes < 1) return 'A start time needs an estimate: it is how long the slot lasts.';
  const start = Date.parse(startsAt);
  const end = start + estimateMinutes * 60_000;
  if (start < Date.parse(session.startsAt) || end > Date.parse(session.endsAt)) {
    return `Pick a time within the session (${formatWindow(new Date(session.startsAt), new Date(session.endsAt), timeZone)}) that leaves room for ${formatMinutes(estimateMinutes)}.`;
  }
  return undefined;
}

/** A task's slot on a card: "10:00–11:00", read as "Starts 10:00, until 11:00". */
export function taskTimeText(startsAt: string, estimateMinutes: number | null, timeZone: string): { text: string; label: string } {
  const start = formatClock(new Date(startsAt), timeZone);
  if (!estimateMinutes) return { text: `from ${start}`, label: `Starts ${start}` };
  const end = formatClock(new Date(Date.parse(startsAt) + estimateMinutes * 60_000), timeZone);
  return { text: `${start}–${end}`, label: `Starts ${start}, until ${end}` };
}
