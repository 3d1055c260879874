/**
 * The workload report as a CSV file for a spreadsheet: one row per member and day, then one per
 * member and week, hours as decimals. Written like the input list export (Papa Parse, UTF-8 with
 * a byte-order mark, CRLF, every cell quoted, formula-like cells neutralised).
 */
import Papa from 'papaparse';
import type { Workload } from '../api/workload';
import { MEMBER_ROLE_LABELS } from './roles';
import { neutraliseCell } from './setup-csv';

export const WORKLOAD_CSV_HEADERS = [
  'Member',
  'Roles',
  'Period',
  'Day or week',
  'Booked (h)',
  'Capacity (h)',
  'Free (h)',
  'Over capacity',
  'Sessions staffed (h)',
  'Tasks in other sessions (h)',
] as const;

/** Minutes as hours with at most two decimals ("7.5", "0"). */
export function csvHours(minutes: number): string {
  return String(Math.round((minutes / 60) * 100) / 100);
}

export function exportWorkloadCsv(workload: Pick<Workload, 'members'>): string {
  const rows: string[][] = [];
  for (const { member, days, weeks } of workload.members) {
    const roles = member.roles.map((r) => MEMBER_ROLE_LABELS[r]).join(', ');
    const periods = [...days.map((d) => ({ ...d, period: d.date, span: 'day' })), ...weeks.map((w) => ({ ...w, period: w.week, span: 'week' }))];
    for (const p of periods) {
      rows.push([
        member.name,
        roles,
        p.period,
        p.span,
        csvHours(p.bookedMinutes),
        csvHours(p.capacityMinutes),
        csvHours(p.freeMinutes),
        p.overCapacity ? 'yes' : 'no',
        csvHours(p.sessionMinutes),
        csvHours(p.extraTaskMinutes),
      ].map(neutraliseCell));
    }
  }
  const body = Papa.unparse({ fields: [...WORKLOAD_CSV_HEADERS], data: rows }, { quotes: true, newline: '\r\n' });
  return `\uFEFF${body}\r\n`;
}
