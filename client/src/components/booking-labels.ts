import type { BookingCheck, BusyWith } from '@patchbay/shared';
import { dayRange, formatHours, formatWindow } from '@patchbay/shared/domain/time-zone';
import { hours } from '../lib/format';

export type PersonAvailability = BookingCheck['people'][number];
export type RoomAvailability = BookingCheck['rooms'][number];

/** The slot being checked, in instants. */
export interface Slot {
  startsAt: Date;
  endsAt: Date;
}

/** "'Drum tracking' 10:00–14:00", or for a timed task "'Reamp guitars' (Drum tracking) 10:00–11:00", in studio time. */
export function describeBusy(busy: BusyWith, timeZone: string): string {
  const when = formatWindow(new Date(busy.startsAt), new Date(busy.endsAt), timeZone);
  return busy.kind === 'task' && busy.taskTitle ? `'${busy.taskTitle}' (${busy.title}) ${when}` : `'${busy.title}' ${when}`;
}

const overlapMinutes = (slot: Slot, start: Date, end: Date) =>
  Math.max(0, Math.min(slot.endsAt.getTime(), end.getTime()) - Math.max(slot.startsAt.getTime(), start.getTime())) / 60_000;

/** A person's hours with this session added: its part in the checked week and in its first day. */
export function loadWithSession(person: PersonAvailability, check: BookingCheck, slot: Slot, timeZone: string) {
  const day = dayRange(slot.startsAt, timeZone);
  const week = person.bookedMinutes + overlapMinutes(slot, new Date(check.week.start), new Date(check.week.end));
  const dayMinutes = person.dayBookedMinutes + overlapMinutes(slot, day.start, day.end);
  return {
    weekMinutes: week,
    dayMinutes,
    overWeek: person.capacityMinutes > 0 && week > person.capacityMinutes,
    overDay: person.dayCapacityMinutes > 0 && dayMinutes > person.dayCapacityMinutes,
  };
}

/** "Live Room A — taken: 'Drum tracking' 10:00–14:00" (the room's name alone when free or unknown). */
export function roomOptionLabel(name: string, room: RoomAvailability | undefined, timeZone: string): string {
  return room?.busyWith ? `${name} — taken: ${describeBusy(room.busyWith, timeZone)}` : name;
}

/** "Sam Reyes — free · 30 of 40 h this week", "… — busy: 'Drum tracking' 10:00–14:00". */
export function personOptionLabel(name: string, person: PersonAvailability | undefined, check: BookingCheck, slot: Slot, timeZone: string): string {
  if (!person) return name;
  if (person.busyWith) return `${name} — busy: ${describeBusy(person.busyWith, timeZone)}`;
  const load = loadWithSession(person, check, slot, timeZone);
  const over = load.overWeek ? ' · over capacity' : load.overDay ? ' · over a day’s share' : '';
  return `${name} — free · ${formatHours(person.bookedMinutes)} of ${hours(person.capacityMinutes)} this week${over}`;
}

/** "Live Room A is free then." / "Live Room A is taken then: 'Drum tracking' 10:00–14:00." */
export function roomHintText(name: string, room: RoomAvailability, timeZone: string): string {
  return room.busyWith ? `${name} is taken then: ${describeBusy(room.busyWith, timeZone)}.` : `${name} is free then.`;
}

/**
 * The chosen person's status in full: busy with what, or free with their week's and day's hours
 * (without this session), and in words when this session takes them over capacity.
 */
export function personHintText(name: string, person: PersonAvailability, check: BookingCheck, slot: Slot, timeZone: string): string {
  if (person.busyWith) return `${name} is busy then: ${describeBusy(person.busyWith, timeZone)}.`;
  const week = `${formatHours(person.bookedMinutes)} of ${hours(person.capacityMinutes)} booked this week`;
  const day = `${formatHours(person.dayBookedMinutes)} of ${hours(person.dayCapacityMinutes)} that day`;
  const load = loadWithSession(person, check, slot, timeZone);
  const over = [
    load.overWeek ? `over capacity (${formatHours(load.weekMinutes)} of ${hours(person.capacityMinutes)} this week)` : '',
    load.overDay ? `over a day’s share (${formatHours(load.dayMinutes)} of ${hours(person.dayCapacityMinutes)} that day)` : '',
  ].filter(Boolean);
  const warning = over.length > 0 ? ` With this session they would be ${over.join(' and ')}.` : '';
  return `${name} is free then · ${week}, ${day}.${warning}`;
}

/** "A", "A and B", "A, B and C". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}
