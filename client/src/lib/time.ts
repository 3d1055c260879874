import {
  addDays,
  formatDay,
  formatWindow,
  localDateKey,
  localDateOf,
  startOfLocalDay,
  zonedParts,
  zonedTimeToInstant,
} from '@patchbay/shared/domain/time-zone';

export { formatDay, formatWindow };

/** 'YYYY-MM-DD' of the local day an instant falls on in the zone. */
export function dayKey(instant: string | Date | number, timeZone: string): string {
  return localDateKey(localDateOf(new Date(instant), timeZone));
}

/** "Today — Tue 24 Nov", "Tomorrow — Wed 25 Nov", "Yesterday — Mon 23 Nov", else "Thu 26 Nov". */
export function dayHeading(instant: string | Date | number, timeZone: string, now: Date = new Date()): string {
  const date = new Date(instant);
  const key = dayKey(date, timeZone);
  const today = localDateOf(now, timeZone);
  const day = formatDay(date, timeZone);
  if (key === localDateKey(today)) return `Today — ${day}`;
  if (key === localDateKey(addDays(today, 1))) return `Tomorrow — ${day}`;
  if (key === localDateKey(addDays(today, -1))) return `Yesterday — ${day}`;
  return day;
}

/** First instant of the local day `offsetDays` from today, as an ISO string. */
export function startOfDayIso(timeZone: string, offsetDays = 0, now: Date = new Date()): string {
  return startOfLocalDay(addDays(localDateOf(now, timeZone), offsetDays), timeZone).toISOString();
}

/** 90 → "1 h 30 min", 45 → "45 min", 120 → "2 h". */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** A short zone name for the studio's zone at an instant, e.g. "GMT" or "CET" (falls back to the IANA name). */
export function zoneAbbreviation(timeZone: string, at: Date = new Date()): string {
  try {
    const part = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName');
    return part?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}

/** An instant as a `datetime-local` input value ("2026-11-24T14:30") in the zone. */
export function toZonedInputValue(iso: string, timeZone: string): string {
  const p = zonedParts(new Date(iso), timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}

/** A `datetime-local` input value read as a wall time in the zone; null when it is not one. */
export function fromZonedInputValue(value: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value.trim());
  if (!m) return null;
  const instant = zonedTimeToInstant({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]) }, timeZone);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}
