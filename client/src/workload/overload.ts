import type { MemberRole, WorkloadMemberLoad } from '@patchbay/shared';
import { plural } from '../lib/labels';

/**
 * Who is over capacity in the weeks shown, by the report's own flags (the server's rules): over
 * the week's capacity, or over a day's share (a fifth of it) on some days. The headline, the
 * bars and the order of the rows all read these, so they cannot disagree.
 */
export interface MemberOverload {
  memberId: string;
  /** ISO weeks shown in which they are over the week's capacity. */
  weeks: string[];
  /** Local dates shown on which they are over a day's share. */
  days: string[];
}

export function overloadOf(entry: WorkloadMemberLoad, weeks: readonly string[], dates: readonly string[]): MemberOverload {
  const shownWeeks = new Set(weeks);
  const shownDays = new Set(dates);
  return {
    memberId: entry.member.id,
    weeks: entry.weeks.filter((w) => shownWeeks.has(w.week) && w.overCapacity).map((w) => w.week),
    days: entry.days.filter((d) => shownDays.has(d.date) && d.overCapacity).map((d) => d.date),
  };
}

/** 0: over a week's capacity, 1: over a day's share only, 2: within capacity. */
export function overloadRank(o: MemberOverload): number {
  return o.weeks.length > 0 ? 0 : o.days.length > 0 ? 1 : 2;
}

/** The page's headline, e.g. "1 person over the week's capacity · 2 people over a day's share on 3 days". */
export function overloadHeadline(overloads: readonly MemberOverload[], span: 1 | 4): string {
  const overWeek = overloads.filter((o) => o.weeks.length > 0).length;
  const overDay = overloads.filter((o) => o.days.length > 0);
  const dayCount = overDay.reduce((sum, o) => sum + o.days.length, 0);
  const when = span === 1 ? 'this week' : 'in these 4 weeks';
  if (overWeek === 0 && overDay.length === 0) return `Nobody is over capacity ${when}.`;
  const parts: string[] = [];
  if (overWeek > 0) parts.push(`${plural(overWeek, 'person', 'people')} over ${span === 1 ? "the week's" : "a week's"} capacity`);
  if (overDay.length > 0) parts.push(`${plural(overDay.length, 'person', 'people')} over a day's share on ${plural(dayCount, 'day')}`);
  return `${parts.join(' · ')} ${when}.`;
}

export type RoleFilter = 'all' | MemberRole;

/** Rows shown: by role and project (someone with hours on it in the weeks shown), the overloaded first, then by name. */
export function visibleMembers(
  members: readonly WorkloadMemberLoad[],
  overloads: ReadonlyMap<string, MemberOverload>,
  filter: { role: RoleFilter; projectId: string | null },
  weeks: readonly string[],
): WorkloadMemberLoad[] {
  const shown = new Set(weeks);
  return members
    .filter((m) => filter.role === 'all' || m.member.roles.includes(filter.role))
    .filter((m) => filter.projectId === null || m.weeks.some((w) => shown.has(w.week) && (w.byProject[filter.projectId!] ?? 0) > 0))
    .sort((a, b) => {
      const ra = overloads.get(a.member.id);
      const rb = overloads.get(b.member.id);
      return (ra ? overloadRank(ra) : 2) - (rb ? overloadRank(rb) : 2) || a.member.name.localeCompare(b.member.name);
    });
}
