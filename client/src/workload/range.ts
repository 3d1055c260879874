import { addDays, formatDay, isoWeekRange, localDateKey, localDateOf, startOfLocalDay, type LocalDate } from '@patchbay/shared/domain/time-zone';

/** How many weeks the workload page shows. */
export type Span = 1 | 4;

export interface WorkloadRange {
  span: Span;
  /** First instant (Monday 00:00 studio time) and the end (exclusive). */
  start: Date;
  end: Date;
  monday: LocalDate;
  /** Every local day shown, in order. */
  days: LocalDate[];
  /** ISO week keys shown ('2026-W49'), in order. */
  weeks: string[];
  /** The ISO week key of the first week. */
  key: string;
}

function parseDateKey(key: string | null): LocalDate | null {
  const match = key ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(key) : null;
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= 31 ? date : null;
}

/** The weeks shown: from ?week=YYYY-MM-DD (any day of the first week), else this week; `span` weeks long. */
export function workloadRange(param: string | null, span: Span, timeZone: string, now: Date = new Date()): WorkloadRange {
  const date = parseDateKey(param);
  const first = isoWeekRange(date ? startOfLocalDay(date, timeZone) : now, timeZone);
  const monday = localDateOf(first.start, timeZone);
  const days = Array.from({ length: 7 * span }, (_, i) => addDays(monday, i));
  const weeks: string[] = [];
  let end = first.end;
  for (let w = 0; w < span; w++) {
    const week = isoWeekRange(startOfLocalDay(addDays(monday, 7 * w), timeZone), timeZone);
    weeks.push(week.key);
    end = week.end;
  }
  return { span, start: first.start, end, monday, days, weeks, key: first.key };
}

/** "23–29 Nov", "30 Nov – 6 Dec", or for four weeks "30 Nov – 27 Dec". */
export function rangeLabel(start: Date, end: Date, timeZone: string): string {
  const first = formatDay(start, timeZone).split(' ');
  const last = formatDay(new Date(end.getTime() - 1), timeZone).split(' ');
  return first[2] === last[2] ? `${first[1]}–${last[1]} ${last[2]}` : `${first[1]} ${first[2]} – ${last[1]} ${last[2]}`;
}

export const dateKey = localDateKey;

/** The first instant of a local date 'YYYY-MM-DD' in the zone (for headings of that day). */
export function dayStartOf(key: string, timeZone: string): Date {
  const date = parseDateKey(key);
  return date ? startOfLocalDay(date, timeZone) : new Date(Number.NaN);
}
