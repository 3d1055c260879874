/**
 * Small time-zone helpers on top of Intl (no date library): local calendar parts of an
 * instant in an IANA zone, start of a local day, ISO weeks (Monday start), and formatting.
 *
 * Local wall times that do not exist (DST gap) resolve forward and ambiguous ones (DST
 * overlap) resolve to the earlier instant, like Temporal's "compatible" disambiguation.
 * An invalid time zone throws a RangeError (from Intl).
 */

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;

/** A calendar date; month is 1–12. */
export interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export interface ZonedParts extends LocalDate {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** A half-open range of instants [start, end) with a readable key. */
export interface PeriodRange {
  readonly start: Date;
  readonly end: Date;
  /** 'YYYY-MM-DD' for a day, 'YYYY-Www' (ISO week) for a week. */
  readonly key: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Throws a RangeError unless timeZone is a valid IANA zone name (or "UTC"). */
export function assertTimeZone(timeZone: string): void {
  partsFormatter(timeZone);
}

const PARTS_PATTERN = /^(\d+)\/(\d+)\/(\d+),? (\d+):(\d+):(\d+)$/;

export function zonedParts(instant: Date | number, timeZone: string): ZonedParts {
  const formatter = partsFormatter(timeZone);
  // Fast path: "3/5/2025, 10:00:00" (en-US, h23); formatToParts if an engine formats otherwise.
  const match = PARTS_PATTERN.exec(formatter.format(instant));
  if (match) {
    return { month: Number(match[1]), day: Number(match[2]), year: Number(match[3]), hour: Number(match[4]), minute: Number(match[5]), second: Number(match[6]) };
  }
  const values = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatter.formatToParts(instant)) {
    if (part.type in values) values[part.type as keyof typeof values] = Number(part.value);
  }
  return values;
}

/** Offset of the zone from UTC at an instant, in ms (east positive). */
function offsetAt(ms: number, timeZone: string): number {
  const p = zonedParts(ms, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(ms / 1000) * 1000;
}

/** The instant of a local wall time in a zone. */
export function zonedTimeToInstant(local: LocalDate & { hour?: number; minute?: number }, timeZone: string): Date {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour ?? 0, local.minute ?? 0);
  const before = offsetAt(wall - MS_PER_DAY, timeZone);
  const after = offsetAt(wall + MS_PER_DAY, timeZone);
  const candidates = before === after ? [wall - before] : [wall - before, wall - after];
  const valid = candidates.filter((t) => offsetAt(t, timeZone) === wall - t);
  if (valid.length > 0) return new Date(Math.min(...valid));
  // The wall time falls in a DST gap: move forward by the gap (use the offset before it).
  return new Date(Math.max(...candidates));
}

export function localDateOf(instant: Date | number, timeZone: string): LocalDate {
  const { year, month, day } = zonedParts(instant, timeZone);
  return { year, month, day };
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function isoWeekday(date: LocalDate): number {
  const day = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return day === 0 ? 7 : day;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function localDateKey(date: LocalDate): string {
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

/** 'YYYY-Www' of the ISO week containing the date (the ISO week-year may differ from the year). */
export function isoWeekKey(date: LocalDate): string {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const dayOfYear = (Date.UTC(thursday.year, thursday.month - 1, thursday.day) - Date.UTC(thursday.year, 0, 1)) / MS_PER_DAY + 1;
  const week = Math.floor((dayOfYear - 1) / 7) + 1;
  return `${pad(thursday.year, 4)}-W${pad(week)}`;
}

// Memo of day starts (a pure function of zone and date), bounded so it cannot grow forever.
const dayStarts = new Map<string, number>();
const DAY_STARTS_MAX = 4096;

/** First instant of a local calendar day. */
export function startOfLocalDay(date: LocalDate, timeZone: string): Date {
  const key = `${timeZone}|${date.year}-${date.month}-${date.day}`;
  let start = dayStarts.get(key);
  if (start === undefined) {
    start = zonedTimeToInstant({ ...date, hour: 0, minute: 0 }, timeZone).getTime();
    if (dayStarts.size >= DAY_STARTS_MAX) dayStarts.clear();
    dayStarts.set(key, start);
  }
  return new Date(start);
}

/** The local day containing an instant. */
export function dayRange(instant: Date | number, timeZone: string): PeriodRange {
  const date = localDateOf(instant, timeZone);
  return {
    start: startOfLocalDay(date, timeZone),
    end: startOfLocalDay(addDays(date, 1), timeZone),
    key: localDateKey(date),
  };
}

/** The ISO week (Monday 00:00 to the next Monday 00:00, local) containing an instant. */
export function isoWeekRange(instant: Date | number, timeZone: string): PeriodRange {
  const date = localDateOf(instant, timeZone);
  const monday = addDays(date, 1 - isoWeekday(date));
  return {
    start: startOfLocalDay(monday, timeZone),
    end: startOfLocalDay(addDays(monday, 7), timeZone),
    key: isoWeekKey(monday),
  };
}

const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** 'HH:MM' (24 h) in the zone. */
export function formatClock(instant: Date | number, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** 'Mon 3 Mar' in the zone. */
export function formatDay(instant: Date | number, timeZone: string): string {
  const date = localDateOf(instant, timeZone);
  return `${WEEKDAY_NAMES[isoWeekday(date) - 1] ?? ''} ${date.day} ${MONTH_NAMES[date.month - 1] ?? ''}`;
}

/** '10:00–14:00' within one local day, else 'Mon 3 Mar 22:00 – Tue 4 Mar 02:00'. */
export function formatWindow(start: Date | number, end: Date | number, timeZone: string): string {
  const a = localDateOf(start, timeZone);
  // An end at exactly local midnight still reads as the same day ("20:00–00:00").
  const b = localDateOf(new Date(end).getTime() - 1, timeZone);
  if (localDateKey(a) === localDateKey(b)) return `${formatClock(start, timeZone)}–${formatClock(end, timeZone)}`;
  return `${formatDay(start, timeZone)} ${formatClock(start, timeZone)} – ${formatDay(end, timeZone)} ${formatClock(end, timeZone)}`;
}

/** Minutes as hours for people: 750 → '12.5', 720 → '12'. */
export function formatHours(minutes: number): string {
  const tenths = Math.round(minutes / 6);
  return tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1);
}
