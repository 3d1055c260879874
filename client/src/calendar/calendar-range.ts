/**
 * The calendar's time maths, always in the studio's time zone (never the browser's).
 *
 * The day grid is wall-clock time: a row is a local "HH:MM" of the studio, so the hour labels
 * read as people read a clock, and a grid position goes back to an instant with
 * `zonedTimeToInstant` (a time in a DST gap resolves forward, an ambiguous one to the earlier).
 */
import type { Session } from '@patchbay/shared';
import {
  addDays,
  formatDay,
  isoWeekday,
  isoWeekKey,
  localDateKey,
  localDateOf,
  startOfLocalDay,
  zonedParts,
  zonedTimeToInstant,
  type LocalDate,
} from '@patchbay/shared/domain/time-zone';

export type CalendarView = 'day' | 'week';

/** The grid's step: selections, moves and resizes snap to it. */
export const SLOT_MINUTES = 15;
export const DAY_MINUTES = 24 * 60;
/** What a day shows unless sessions need more. */
export const DEFAULT_FIRST_MINUTE = 7 * 60;
export const DEFAULT_LAST_MINUTE = DAY_MINUTES;
/** A plain click on an empty slot selects this long. */
export const CLICK_SELECTION_MINUTES = 60;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseDateKey(key: string | null): LocalDate | null {
  const m = key ? DATE_PATTERN.exec(key) : null;
  if (!m) return null;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  // 2026-02-31 is not a day: it must survive a round trip.
  return localDateKey(addDays(date, 0)) === key ? date : null;
}

/** The view and date of the URL (?view=week&date=2026-12-01); today in the studio by default. */
export function calendarState(params: URLSearchParams, timeZone: string, now: Date = new Date()): { view: CalendarView; date: LocalDate; today: LocalDate } {
  const today = localDateOf(now, timeZone);
  return { view: params.get('view') === 'week' ? 'week' : 'day', date: parseDateKey(params.get('date')) ?? today, today };
}

export function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, 1 - isoWeekday(date));
}

export function weekDays(date: LocalDate): LocalDate[] {
  const monday = mondayOf(date);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** The instants the view covers: [from, to). */
export function viewRange(view: CalendarView, date: LocalDate, timeZone: string): { from: Date; to: Date } {
  if (view === 'day') return { from: startOfLocalDay(date, timeZone), to: startOfLocalDay(addDays(date, 1), timeZone) };
  const monday = mondayOf(date);
  return { from: startOfLocalDay(monday, timeZone), to: startOfLocalDay(addDays(monday, 7), timeZone) };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** "Tue 1 Dec" (the date's own name, whatever the zone). */
export function dayLabel(date: LocalDate): string {
  return formatDay(Date.UTC(date.year, date.month - 1, date.day, 12), 'UTC');
}

/** "Week 49 · 30 Nov – 6 Dec". */
export function weekLabel(date: LocalDate): string {
  const monday = mondayOf(date);
  const sunday = addDays(monday, 6);
  const week = Number(isoWeekKey(monday).split('-W')[1]);
  return `Week ${week} · ${monday.day} ${MONTHS[monday.month - 1]} – ${sunday.day} ${MONTHS[sunday.month - 1]}`;
}

export function sameDate(a: LocalDate, b: LocalDate): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

/** Minutes since local midnight of an instant's wall clock in the zone. */
export function wallMinutes(instant: Date | number, timeZone: string): number {
  const p = zonedParts(instant, timeZone);
  return p.hour * 60 + p.minute;
}

/** The instant of `minutes` after local midnight of `date` (1440 is the next day's 00:00). */
export function instantAt(date: LocalDate, minutes: number, timeZone: string): Date {
  const days = Math.floor(minutes / DAY_MINUTES);
  const rest = minutes - days * DAY_MINUTES;
  return zonedTimeToInstant({ ...addDays(date, days), hour: Math.floor(rest / 60), minute: rest % 60 }, timeZone);
}

/** "HH:MM" of minutes after midnight (1440 → "00:00", the next day's). */
export function clockOf(minutes: number): string {
  const m = ((minutes % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

export function snap(minutes: number, step = SLOT_MINUTES): number {
  return Math.round(minutes / step) * step;
}

/** Where one session falls on one day of the grid, in wall-clock minutes clipped to the day. */
export interface DaySpan {
  /** The session itself (startsAt–endsAt). */
  start: number;
  end: number;
  /** With prep and teardown (callAt–clearAt). */
  call: number;
  clear: number;
  /** It started on an earlier day / goes on past midnight. */
  fromBefore: boolean;
  continues: boolean;
}

/** The part of a session (from call to clear) on a day, or null when none of it is. */
export function daySpan(session: Pick<Session, 'startsAt' | 'endsAt' | 'callAt' | 'clearAt'>, date: LocalDate, timeZone: string): DaySpan | null {
  const dayStart = startOfLocalDay(date, timeZone).getTime();
  const dayEnd = startOfLocalDay(addDays(date, 1), timeZone).getTime();
  const at = (iso: string) => Date.parse(iso);
  const call = at(session.callAt);
  const clear = at(session.clearAt);
  if (clear <= dayStart || call >= dayEnd) return null;
  const place = (t: number) => (t <= dayStart ? 0 : t >= dayEnd ? DAY_MINUTES : wallMinutes(t, timeZone));
  const start = place(at(session.startsAt));
  const end = place(at(session.endsAt));
  return {
    start,
    end: Math.max(end, start),
    call: Math.min(place(call), start),
    clear: Math.max(place(clear), end),
    fromBefore: call < dayStart,
    continues: clear > dayEnd,
  };
}

/** The hours a day shows: 07:00–24:00, widened to whole hours to fit every span. */
export function visibleHours(spans: readonly DaySpan[]): { first: number; last: number } {
  let first = DEFAULT_FIRST_MINUTE;
  let last = DEFAULT_LAST_MINUTE;
  for (const s of spans) {
    first = Math.min(first, Math.floor(s.call / 60) * 60);
    last = Math.max(last, Math.ceil(s.clear / 60) * 60);
  }
  return { first, last };
}

/** Side-by-side lanes for overlapping blocks in one column: first holds before second holds. */
export function assignLanes<T extends { id: string; call: number; clear: number; rank: number }>(items: readonly T[]): Map<string, { lane: number; lanes: number }> {
  const sorted = [...items].sort((a, b) => a.call - b.call || a.rank - b.rank || b.clear - a.clear);
  const result = new Map<string, { lane: number; lanes: number }>();
  let cluster: { item: T; lane: number }[] = [];
  let clusterEnd = -Infinity;
  const flush = () => {
    const lanes = Math.max(1, ...cluster.map((c) => c.lane + 1));
    for (const c of cluster) result.set(c.item.id, { lane: c.lane, lanes });
    cluster = [];
  };
  for (const item of sorted) {
    if (item.call >= clusterEnd) {
      flush();
      clusterEnd = -Infinity;
    }
    const taken = new Set(cluster.filter((c) => c.item.clear > item.call).map((c) => c.lane));
    let lane = 0;
    while (taken.has(lane)) lane += 1;
    cluster.push({ item, lane });
    clusterEnd = Math.max(clusterEnd, item.clear);
  }
  flush();
  return result;
}

export function dateKeyOf(date: LocalDate): string {
  return localDateKey(date);
}
