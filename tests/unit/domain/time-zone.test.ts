import { describe, expect, it } from 'vitest';
import {
  assertTimeZone,
  dayRange,
  formatHours,
  formatWindow,
  isoWeekKey,
  isoWeekRange,
  zonedTimeToInstant,
} from '../../../shared/src/domain/index';

const iso = (d: Date) => d.toISOString();

describe('time zone helpers', () => {
  it.each([
    ['UTC midweek', '2025-03-05T12:00:00Z', 'UTC', '2025-03-03T00:00:00.000Z', '2025-03-10T00:00:00.000Z', '2025-W10'],
    ['Berlin: Sunday 23:30 UTC is Monday', '2025-03-02T23:30:00Z', 'Europe/Berlin', '2025-03-02T23:00:00.000Z', '2025-03-09T23:00:00.000Z', '2025-W10'],
    ['Berlin week containing the spring DST change', '2025-03-30T12:00:00Z', 'Europe/Berlin', '2025-03-23T23:00:00.000Z', '2025-03-30T22:00:00.000Z', '2025-W13'],
    ['New York: Monday 03:00 UTC is still Sunday', '2025-03-10T03:00:00Z', 'America/New_York', '2025-03-03T05:00:00.000Z', '2025-03-10T04:00:00.000Z', '2025-W10'],
    ['ISO week-year differs from the year', '2024-12-30T12:00:00Z', 'UTC', '2024-12-30T00:00:00.000Z', '2025-01-06T00:00:00.000Z', '2025-W01'],
    ['week 53', '2021-01-01T12:00:00Z', 'UTC', '2020-12-28T00:00:00.000Z', '2021-01-04T00:00:00.000Z', '2020-W53'],
    ['Kolkata (+05:30)', '2025-03-02T19:00:00Z', 'Asia/Kolkata', '2025-03-02T18:30:00.000Z', '2025-03-09T18:30:00.000Z', '2025-W10'],
  ])('%s', (_name, instant, zone, start, end, key) => {
    const week = isoWeekRange(new Date(instant), zone);
    expect([iso(week.start), iso(week.end), week.key]).toEqual([start, end, key]);
  });

  it('days are 23 or 25 hours long across DST changes', () => {
    const spring = dayRange(new Date('2025-03-30T12:00:00Z'), 'Europe/Berlin');
    expect(spring.key).toBe('2025-03-30');
    expect((spring.end.getTime() - spring.start.getTime()) / 3_600_000).toBe(23);
    const autumn = dayRange(new Date('2025-10-26T12:00:00Z'), 'Europe/Berlin');
    expect((autumn.end.getTime() - autumn.start.getTime()) / 3_600_000).toBe(25);
  });

  it('resolves DST gaps forward and ambiguous times to the earlier instant', () => {
    // São Paulo skipped 00:00–01:00 on 4 Nov 2018: the day started at 01:00 local (03:00 UTC).
    expect(iso(zonedTimeToInstant({ year: 2018, month: 11, day: 4 }, 'America/Sao_Paulo'))).toBe('2018-11-04T03:00:00.000Z');
    expect(iso(zonedTimeToInstant({ year: 2025, month: 3, day: 9, hour: 2, minute: 30 }, 'America/New_York'))).toBe('2025-03-09T07:30:00.000Z');
    expect(iso(zonedTimeToInstant({ year: 2025, month: 11, day: 2, hour: 1, minute: 30 }, 'America/New_York'))).toBe('2025-11-02T05:30:00.000Z');
  });

  it('week keys', () => {
    expect(isoWeekKey({ year: 2026, month: 1, day: 1 })).toBe('2026-W01');
    expect(isoWeekKey({ year: 2027, month: 1, day: 3 })).toBe('2026-W53');
  });

  it('formats windows and hours', () => {
    expect(formatWindow(new Date('2025-03-05T10:00:00Z'), new Date('2025-03-05T14:00:00Z'), 'UTC')).toBe('10:00–14:00');
    expect(formatWindow(new Date('2025-03-05T20:00:00Z'), new Date('2025-03-06T00:00:00Z'), 'UTC')).toBe('20:00–00:00');
    expect(formatWindow(new Date('2025-03-05T22:00:00Z'), new Date('2025-03-06T02:00:00Z'), 'Europe/Berlin')).toBe('Wed 5 Mar 23:00 – Thu 6 Mar 03:00');
    expect([formatHours(720), formatHours(750), formatHours(20), formatHours(0)]).toEqual(['12', '12.5', '0.3', '0']);
  });

  it('rejects unknown zones', () => {
    expect(() => assertTimeZone('Mars/Olympus')).toThrow(RangeError);
    expect(() => assertTimeZone('Europe/Berlin')).not.toThrow();
  });
});
