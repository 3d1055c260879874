// iCalendar (RFC 5545) text of a calendar feed, written with ical-generator: one VEVENT per
// session (and per timed task in a member's feed), stable UIDs, SEQUENCE from the board's
// sequence number (it grows with every change of the session or its tasks), cancelled and
// released bookings as STATUS:CANCELLED so subscribed calendars drop them, and times in the
// studio's time zone with its VTIMEZONE.
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalEventStatus, ICalEventTransparency, type ICalCalendar } from 'ical-generator';
import { DateTime } from 'luxon';
import { formatClock, formatDay, formatWindow, type BookingHold, type SessionStatus } from '@patchbay/shared';

/** A session as a feed needs it. */
export interface FeedSession {
  id: string;
  title: string;
  status: SessionStatus;
  hold: BookingHold;
  holdUntil: Date | null;
  startsAt: Date;
  endsAt: Date;
  prepMinutes: number;
  teardownMinutes: number;
  boardSeq: number;
  updatedAt: Date;
  room: { name: string };
  project: { artist: string; title: string };
  producer: { id: string; name: string } | null;
  engineer: { id: string; name: string } | null;
}

/** One of the feed owner's tasks in a listed session. */
export interface FeedTask {
  id: string;
  sessionId: string;
  title: string;
  startsAt: Date | null;
  estimateMinutes: number | null;
  done: boolean;
  updatedAt: Date;
}

export interface FeedCalendar {
  /** Shown as the calendar's name in the subscriber's app. */
  name: string;
  description: string;
  timezone: string;
  /** The site's origin, for links back to each session's board. */
  origin: string;
  sessions: FeedSession[];
  /**
   * Whose feed it is: their own tasks go in each session's description and timed ones get their
   * own events; the engineer's session ends when teardown is over. Null: a room's feed.
   */
  member: { id: string; tasks: FeedTask[] } | null;
}

const MINUTE = 60_000;
/** How often the feed suggests being fetched again (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
export const FEED_REFRESH_SECONDS = 30 * 60;

export const sessionUid = (sessionId: string): string => `session-${sessionId}@patchbay`;
export const taskUid = (taskId: string): string => `task-${taskId}@patchbay`;

/** Whether the booking no longer takes place: cancelled, or a hold that was released or ran out. */
const isCancelled = (s: FeedSession): boolean => s.status === 'CANCELLED' || s.hold === 'RELEASED' || s.hold === 'EXPIRED';

function statusOf(s: FeedSession): ICalEventStatus {
  if (isCancelled(s)) return ICalEventStatus.CANCELLED;
  if (s.hold === 'FIRST_HOLD' || s.hold === 'SECOND_HOLD') return ICalEventStatus.TENTATIVE;
  return ICalEventStatus.CONFIRMED;
}

const HOLD_WORDS: Readonly<Record<BookingHold, string>> = {
  CONFIRMED: '',
  FIRST_HOLD: 'First hold',
  SECOND_HOLD: 'Second hold',
  RELEASED: 'Hold released',
  EXPIRED: 'Hold expired',
};

function summaryOf(s: FeedSession): string {
  const name = `${s.title} — ${s.project.artist}`;
  if (s.status === 'CANCELLED') return `Cancelled: ${name}`;
  const hold = HOLD_WORDS[s.hold];
  return hold ? `${hold}: ${name}` : name;
}

const callAt = (s: FeedSession): Date => new Date(s.startsAt.getTime() - s.prepMinutes * MINUTE);
const clearAt = (s: FeedSession): Date => new Date(s.endsAt.getTime() + s.teardownMinutes * MINUTE);
const latest = (...dates: Date[]): Date => new Date(Math.max(...dates.map((d) => d.getTime())));

function sessionDescription(s: FeedSession, tz: string, tasks: FeedTask[] | null): string {
  const lines = [
    `${s.project.artist} — ${s.project.title}`,
    `Room: ${s.room.name}`,
    `Call ${formatClock(callAt(s), tz)} · session ${formatWindow(s.startsAt, s.endsAt, tz)} · clear by ${formatClock(clearAt(s), tz)}`,
    `Producer: ${s.producer?.name ?? 'not set'}`,
    `Engineer: ${s.engineer?.name ?? 'not set'}`,
  ];
  if (s.status === 'CANCELLED') lines.push('This session is cancelled.');
  else if ((s.hold === 'FIRST_HOLD' || s.hold === 'SECOND_HOLD') && s.holdUntil) {
    lines.push(`${HOLD_WORDS[s.hold]} until ${formatDay(s.holdUntil, tz)} ${formatClock(s.holdUntil, tz)}: not confirmed yet.`);
  } else if (s.hold === 'RELEASED' || s.hold === 'EXPIRED') lines.push(`${HOLD_WORDS[s.hold]}: this booking is off.`);
  if (tasks && tasks.length > 0) {
    lines.push('', 'Your tasks:');
    for (const t of tasks) {
      const when = t.startsAt
        ? formatWindow(t.startsAt, new Date(t.startsAt.getTime() + (t.estimateMinutes ?? 0) * MINUTE), tz)
        : t.estimateMinutes
          ? `during the session, ${t.estimateMinutes} min`
          : 'during the session';
      lines.push(`- ${t.title} (${when})${t.done ? ' — done' : ''}`);
    }
  }
  return lines.join('\n');
}

/** The iCalendar text of a member's or a room's feed. */
export function buildFeed(feed: FeedCalendar): string {
  const tz = feed.timezone;
  const vtimezone = tz === 'UTC' || tz === 'Etc/UTC' ? null : getVtimezoneComponent(tz);
  const cal: ICalCalendar = ical({
    name: feed.name,
    description: feed.description,
    prodId: { company: 'Patchbay', product: 'Patchbay calendar feed', language: 'EN' },
    ttl: FEED_REFRESH_SECONDS,
    // Each event names the zone and the generator adds its VTIMEZONE. No calendar-wide zone: with
    // one, ical-generator would write DTSTAMP and LAST-MODIFIED as local times, which RFC 5545
    // requires in UTC. An unknown zone has no VTIMEZONE: then every time is written in UTC.
    ...(vtimezone ? { timezone: { name: null, generator: () => vtimezone }, x: { 'X-WR-TIMEZONE': tz } } : {}),
  });
  // ical-generator writes a Luxon DateTime in the event's zone as local time with TZID.
  const at = (d: Date) => (vtimezone ? DateTime.fromJSDate(d, { zone: tz }) : d);
  const eventZone = vtimezone ? tz : null;

  const tasksBySession = new Map<string, FeedTask[]>();
  for (const t of feed.member?.tasks ?? []) tasksBySession.set(t.sessionId, [...(tasksBySession.get(t.sessionId) ?? []), t]);

  for (const s of feed.sessions) {
    const cancelled = isCancelled(s);
    const engineering = feed.member === null || s.engineer?.id === feed.member.id;
    const tasks = feed.member ? (tasksBySession.get(s.id) ?? []) : null;
    const url = `${feed.origin}/sessions/${s.id}`;
    cal.createEvent({
      id: sessionUid(s.id),
      sequence: s.boardSeq,
      start: at(callAt(s)),
      end: at(engineering ? clearAt(s) : s.endsAt),
      timezone: eventZone,
      stamp: s.updatedAt,
      lastModified: s.updatedAt,
      summary: summaryOf(s),
      location: s.room.name,
      description: sessionDescription(s, tz, tasks),
      status: statusOf(s),
      transparency: cancelled ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE,
      url,
    });
    for (const t of tasks ?? []) {
      if (!t.startsAt) continue;
      const modified = latest(t.updatedAt, s.updatedAt);
      cal.createEvent({
        id: taskUid(t.id),
        // Task changes are board events too: the session's sequence grows with each of them.
        sequence: s.boardSeq,
        start: at(t.startsAt),
        end: at(new Date(t.startsAt.getTime() + Math.max(t.estimateMinutes ?? 0, 1) * MINUTE)),
        timezone: eventZone,
        stamp: modified,
        lastModified: modified,
        summary: `${t.title} — ${s.title}`,
        location: s.room.name,
        description: `Your task in "${s.title}" (${s.project.artist} — ${s.project.title}).${t.done ? '\nDone.' : ''}`,
        status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        transparency: cancelled ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE,
        url,
      });
    }
  }
  return cal.toString();
}
