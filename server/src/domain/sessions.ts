import type { BoardSnapshot, EventsPage, ListSessionsQuery, Session, TaskStatus } from '@patchbay/shared';
import { BoardEventSchema, can } from '@patchbay/shared';
import { requireBoardAccess } from '../auth/access';
import type { AuthContext } from '../auth/auth-context';
import type { AppContext } from '../context';
import type { Prisma } from '../generated/prisma/client';
import { notFound } from '../http/errors';
import { emptyTaskCounts, presentSession, sessionInclude } from '../presenters/session';
import { presentTask, taskInclude } from '../presenters/task';

/** How many events a reconnecting client may replay before it is told to reload the snapshot. */
export const MAX_REPLAY = 500;

/** Sessions a member without `sessions.viewAll` is involved in (staff, tasks, lead, guest). */
function involvedIn(memberId: string): Prisma.SessionWhereInput {
  return {
    OR: [
      { producerId: memberId },
      { engineerId: memberId },
      { tasks: { some: { assigneeId: memberId } } },
      { project: { leadProducerId: memberId } },
      { project: { guests: { some: { id: memberId } } } },
    ],
  };
}

export async function listSessions(ctx: AppContext, auth: AuthContext, query: ListSessionsQuery): Promise<Session[]> {
  const where: Prisma.SessionWhereInput = {
    studioId: auth.studioId,
    ...(can(auth.role, 'sessions.viewAll') ? {} : involvedIn(auth.memberId)),
    ...(query.status ? { status: query.status } : {}),
    ...(query.roomId ? { roomId: query.roomId } : {}),
    ...(query.from ? { endsAt: { gt: new Date(query.from) } } : {}),
    ...(query.to ? { startsAt: { lt: new Date(query.to) } } : {}),
  };
  const rows = await ctx.db.prisma.session.findMany({ where, include: sessionInclude, orderBy: [{ startsAt: 'asc' }, { id: 'asc' }] });
  const counts = await ctx.db.prisma.task.groupBy({
    by: ['sessionId', 'status'],
    where: { sessionId: { in: rows.map((r) => r.id) } },
    _count: { _all: true },
  });
  const bySession = new Map<string, Record<TaskStatus, number>>();
  for (const c of counts) {
    const entry = bySession.get(c.sessionId) ?? emptyTaskCounts();
    entry[c.status] = c._count?._all ?? 0;
    bySession.set(c.sessionId, entry);
  }
  return rows.map((r) => presentSession(r, bySession.get(r.id)));
}

export async function getSession(ctx: AppContext, auth: AuthContext, sessionId: string): Promise<Session> {
  const board = await getBoard(ctx, auth, sessionId);
  return board.session;
}

/** The board snapshot, read in one transaction so tasks and `seq` agree. */
export async function getBoard(ctx: AppContext, auth: AuthContext, sessionId: string): Promise<BoardSnapshot> {
  const studioId = auth.studioId;
  await requireBoardAccess(ctx.db.prisma, auth, sessionId);
  return ctx.db.prisma.$transaction(async (tx) => {
    const session = await tx.session.findFirst({ where: { id: sessionId, studioId }, include: sessionInclude });
    if (!session) throw notFound('Session', sessionId);
    const tasks = await tx.task.findMany({
      where: { sessionId },
      include: taskInclude,
      orderBy: [{ status: 'asc' }, { position: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
    });
    const counts = emptyTaskCounts();
    for (const t of tasks) counts[t.status] += 1;
    return { session: presentSession(session, counts), tasks: tasks.map(presentTask), seq: session.boardSeq };
    // One snapshot for both reads, so the tasks are exactly the board at `seq`.
  }, { isolationLevel: 'RepeatableRead' });
}

/** Events of a board after sequence number `after`, from the persisted log. */
export async function listEventsAfter(ctx: AppContext, auth: AuthContext, sessionId: string, after: number): Promise<EventsPage> {
  await requireBoardAccess(ctx.db.prisma, auth, sessionId);
  const session = await ctx.db.prisma.session.findFirst({ where: { id: sessionId, studioId: auth.studioId }, select: { boardSeq: true } });
  if (!session) throw notFound('Session', sessionId);
  const seq = session.boardSeq;
  if (after > seq) return { events: [], seq, reset: true };
  if (after === seq) return { events: [], seq, reset: false };
  if (seq - after > MAX_REPLAY) return { events: [], seq, reset: true };
  const rows = await ctx.db.prisma.boardEvent.findMany({
    where: { sessionId, seq: { gt: after, lte: seq } },
    orderBy: { seq: 'asc' },
  });
  // A hole means old events were pruned: the client must reload rather than miss changes.
  if (rows.length !== seq - after) return { events: [], seq, reset: true };
  return { events: rows.map((r) => BoardEventSchema.parse(r.payload)), seq, reset: false };
}
