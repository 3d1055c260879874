// One member's agenda (My day): the sessions they work on in a window and their own tasks in
// them, with task counts and setup progress. Default window: today and the next six days, in
// the studio's time zone.
import { addDays, can, localDateOf, setupProgress, startOfLocalDay, type Agenda, type AgendaQuery, type AgendaSession } from '@patchbay/shared';
import type { AuthContext } from '../auth/auth-context';
import type { AppContext } from '../context';
import { emptyTaskCounts, presentSession, sessionInclude } from '../presenters/session';
import { presentTask, taskInclude } from '../presenters/task';
import { setupProgressOf } from './sessions';
import { loadRulesContext, runRules, sessionInputLines } from './setup-support';
import { invalidField } from '../errors';
import { audienceOf } from '../presenters/guest';

export const AGENDA_DAYS = 7;
const MAX_AGENDA_DAYS = 35;

export async function getAgenda(ctx: AppContext, auth: AuthContext, query: AgendaQuery, now = new Date()): Promise<Agenda> {
  const db = ctx.db.prisma;
  const me = auth.memberId;
  const studio = await db.studio.findUniqueOrThrow({ where: { id: auth.studioId }, select: { timezone: true } });
  const today = localDateOf(now, studio.timezone);
  // One end given: the window is the agenda's length from (or up to) it.
  const span = AGENDA_DAYS * 86_400_000;
  const from = query.from ? new Date(query.from) : query.to ? new Date(Date.parse(query.to) - span) : startOfLocalDay(today, studio.timezone);
  const to = query.to ? new Date(query.to) : query.from ? new Date(from.getTime() + span) : startOfLocalDay(addDays(today, AGENDA_DAYS), studio.timezone);
  if (!(from < to) || to.getTime() - from.getTime() > MAX_AGENDA_DAYS * 86_400_000) {
    throw invalidField('to', `"from" must be before "to", at most ${MAX_AGENDA_DAYS} days apart`, 'query');
  }
  // The end derived from the one given must be an instant too (years 1900–9999, like InstantSchema).
  const inRange = (d: Date) => d.getUTCFullYear() >= 1900 && d.getUTCFullYear() <= 9999;
  if (!inRange(from) || !inRange(to)) {
    throw invalidField(query.from ? 'from' : 'to', `the ${AGENDA_DAYS}-day window it sets must stay between the years 1900 and 9999`, 'query');
  }
  // My day is the team's page: a guest's sessions are on their own page (GET /artist/sessions).
  if (audienceOf(auth) === 'guest') return { from: from.toISOString(), to: to.toISOString(), sessions: [], tasks: [] };

  const rows = await db.session.findMany({
    where: {
      studioId: auth.studioId,
      startsAt: { lt: to },
      endsAt: { gt: from },
      OR: [{ producerId: me }, { engineerId: me }, { project: { leadProducerId: me } }, { tasks: { some: { assigneeId: me } } }, { project: { guests: { some: { id: me } } } }],
    },
    include: { ...sessionInclude, project: { select: { id: true, artist: true, title: true, leadProducerId: true } } },
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
  });
  const ids = rows.map((r) => r.id);
  const [tasks, counts, progress] = await Promise.all([
    db.task.findMany({ where: { sessionId: { in: ids }, assigneeId: me }, include: taskInclude, orderBy: [{ sessionId: 'asc' }, { status: 'asc' }, { position: 'asc' }, { id: 'asc' }] }),
    db.task.groupBy({ by: ['sessionId', 'status'], where: { sessionId: { in: ids } }, _count: { _all: true } }),
    // The member is involved in each of these sessions: the 'own' scope of setup.view holds (guests never see it).
    can(auth.role, 'setup.view') ? setupProgressOf(db, ids) : Promise.resolve(null),
  ]);
  const countsOf = new Map<string, ReturnType<typeof emptyTaskCounts>>();
  for (const c of counts) {
    const entry = countsOf.get(c.sessionId) ?? emptyTaskCounts();
    entry[c.status] = c._count?._all ?? 0;
    countsOf.set(c.sessionId, entry);
  }
  const mine = new Set(tasks.map((t) => t.sessionId));
  // The setup rules on each listed session with an input list (a week of one person's sessions: a few).
  const issues = new Map<string, { errors: number; warnings: number }>();
  if (progress) {
    for (const row of rows) {
      if ((progress.get(row.id)?.byPart.INPUT.total ?? 0) === 0) continue;
      const found = runRules(row, await sessionInputLines(db, row.id), await loadRulesContext(db, auth.studioId, row));
      issues.set(row.id, { errors: found.filter((i) => i.severity === 'error').length, warnings: found.filter((i) => i.severity === 'warning').length });
    }
  }
  const sessions: AgendaSession[] = rows.map((row) => {
    const involvement: AgendaSession['involvement'] = [];
    if (row.producerId === me) involvement.push('producer');
    if (row.engineerId === me) involvement.push('engineer');
    if (row.project.leadProducerId === me) involvement.push('lead');
    if (mine.has(row.id)) involvement.push('tasks');
    const { leadProducerId: _lead, ...project } = row.project;
    const session = presentSession({ ...row, project }, countsOf.get(row.id), progress ? (progress.get(row.id) ?? setupProgress([])) : null);
    return { ...session, involvement, setupIssues: progress ? (issues.get(row.id) ?? { errors: 0, warnings: 0 }) : null };
  });
  return { from: from.toISOString(), to: to.toISOString(), sessions, tasks: tasks.map(presentTask) };
}
