import { can, computeWorkload, isoWeekRange, type Workload } from '@patchbay/shared';
import type { AuthContext } from '../auth/auth-context';
import type { AppContext } from '../context';
import { AppError } from '../http/errors';

const MAX_RANGE_DAYS = 92;

/** Booked hours against capacity per member, per day and per ISO week (studio time). */
export async function getWorkload(ctx: AppContext, auth: AuthContext, range: { from?: string | undefined; to?: string | undefined }): Promise<Workload> {
  const prisma = ctx.db.prisma;
  const studioId = auth.studioId;
  // Producers and admins see the whole team; engineers only themselves.
  const team = can(auth.role, 'workload.viewTeam');
  const studio = await prisma.studio.findUniqueOrThrow({ where: { id: studioId }, select: { timezone: true } });
  const week = isoWeekRange(new Date(), studio.timezone);
  const from = range.from ? new Date(range.from) : week.start;
  const to = range.to ? new Date(range.to) : range.from ? new Date(from.getTime() + 7 * 86_400_000) : week.end;
  // Checked after the defaults are filled in: a lone `to` far away must not mean a huge report.
  if (!(from < to) || to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000) {
    throw new AppError('VALIDATION_FAILED', `Invalid query: the window must run forwards and span at most ${MAX_RANGE_DAYS} days`, {
      issues: [{ location: 'query', path: 'to', message: `at most ${MAX_RANGE_DAYS} days after "from"` }],
    });
  }
  const [members, sessions] = await Promise.all([
    prisma.member.findMany({ where: { studioId, ...(team ? { roles: { isEmpty: false } } : { id: auth.memberId }) }, orderBy: { name: 'asc' } }),
    prisma.session.findMany({
      where: { studioId, startsAt: { lt: to }, endsAt: { gt: from } },
      select: { id: true, title: true, startsAt: true, endsAt: true, producerId: true, engineerId: true, status: true },
    }),
  ]);
  const tasks = await prisma.task.findMany({
    where: { sessionId: { in: sessions.map((s) => s.id) } },
    select: { id: true, title: true, sessionId: true, assigneeId: true, role: true, status: true, estimateMinutes: true },
  });
  const report = computeWorkload({ members, sessions, tasks, timeZone: studio.timezone, range: { from, to } });
  return {
    timeZone: studio.timezone,
    from: from.toISOString(),
    to: to.toISOString(),
    members: members.map((m) => ({
      member: { id: m.id, name: m.name, roles: m.roles, weeklyCapacityHours: m.weeklyCapacityHours },
      weeks: report.weeks
        .filter((w) => w.memberId === m.id)
        .map(({ memberId: _memberId, start, end, ...w }) => ({ ...w, start: start.toISOString(), end: end.toISOString() })),
      days: report.days.filter((d) => d.memberId === m.id).map(({ memberId: _memberId, start: _start, end: _end, ...d }) => d),
    })),
  };
}
