import type { BoardSnapshot, EventsPage, GuestBoardSnapshot, GuestSession, GuestSessionList, ListSessionsQuery, Session, SessionList, SetupProgress, TaskStatus } from '@patchbay/shared';
import { BoardEventSchema, PROTOCOL_VERSION, can, setupProgress, type BoardEvent } from '@patchbay/shared';
import { forbidden, requireBoardAccess, seesSetup } from '../auth/access';
import type { AuthContext } from '../auth/auth-context';
import type { AppContext } from '../context';
import type { Prisma } from '../generated/prisma/client';
import { notFound } from '../errors';
import { commentInclude, presentComment } from '../presenters/comment';
import { emptyTaskCounts, presentSession, sessionInclude } from '../presenters/session';
import { presentEventFor } from '../presenters/board-event';
import { audienceOf, boardAudience, presentGuestBoard, presentGuestSession, type Audience } from '../presenters/guest';
import { presentSetupItem, setupInclude, setupOrder } from '../presenters/setup';
import { presentTask, taskInclude } from '../presenters/task';
import type { Tx } from '../db/database';
import type { PrismaClient } from '../generated/prisma/client';

/** How many events a reconnecting client may replay before it is told to reload the snapshot. */
export const MAX_REPLAY = 500;

/** Sessions a member without `sessions.viewAll` is involved in (staff, tasks, lead, guest). */
export function involvedIn(memberId: string): Prisma.SessionWhereInput {
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

/** Sessions as the member's audience sees them: guests get the guest shape (presenters/guest.ts). */
export async function listSessions(ctx: AppContext, auth: AuthContext, query: ListSessionsQuery): Promise<SessionList | GuestSessionList> {
  const where: Prisma.SessionWhereInput = {
    studioId: auth.studioId,
    ...(can(auth.role, 'sessions.viewAll') ? {} : involvedIn(auth.memberId)),
    ...(query.status ? { status: query.status } : {}),
    ...(query.roomId ? { roomId: query.roomId } : {}),
    ...(query.from ? { endsAt: { gt: new Date(query.from) } } : {}),
    ...(query.to ? { startsAt: { lt: new Date(query.to) } } : {}),
  };
  const rows = await ctx.db.prisma.session.findMany({ where, include: sessionInclude, orderBy: [{ startsAt: 'asc' }, { id: 'asc' }] });
  if (audienceOf(auth) === 'guest') return { sessions: rows.map(presentGuestSession) };
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
  // Everyone listed here but a guest sees these sessions' setup lists: staff see the sessions
  // they are involved in (the 'own' scope of setup.view) or all of them.
  const progress = can(auth.role, 'setup.view') ? await setupProgressOf(ctx.db.prisma, rows.map((r) => r.id)) : null;
  return { sessions: rows.map((r) => presentSession(r, bySession.get(r.id), progress ? (progress.get(r.id) ?? setupProgress([])) : null)) };
}

/** Setup progress of each session, from two grouped counts. */
export async function setupProgressOf(db: Tx | PrismaClient, sessionIds: string[]): Promise<Map<string, SetupProgress>> {
  const result = new Map<string, SetupProgress>();
  if (sessionIds.length === 0) return result;
  const [all, done] = await Promise.all([
    db.setupItem.groupBy({ by: ['sessionId', 'part'], where: { sessionId: { in: sessionIds } }, _count: { _all: true } }),
    db.setupItem.groupBy({ by: ['sessionId', 'part'], where: { sessionId: { in: sessionIds }, checkedAt: { not: null } }, _count: { _all: true } }),
  ]);
  const doneOf = new Map(done.map((d) => [`${d.sessionId}|${d.part}`, d._count?._all ?? 0]));
  for (const row of all) {
    const progress = result.get(row.sessionId) ?? setupProgress([]);
    const total = row._count?._all ?? 0;
    const checked = doneOf.get(`${row.sessionId}|${row.part}`) ?? 0;
    progress.byPart[row.part] = { done: checked, total };
    progress.total += total;
    progress.done += checked;
    result.set(row.sessionId, progress);
  }
  return result;
}

/** One session as the member's audience sees it (GET /sessions/:id). */
export async function getSessionFor(ctx: AppContext, auth: AuthContext, sessionId: string): Promise<Session | GuestSession> {
  return (await getBoard(ctx, auth, sessionId)).session;
}

/** A session in the staff shape (the answer of staff commands; guests are refused). */
export async function getSession(ctx: AppContext, auth: AuthContext, sessionId: string): Promise<Session> {
  const board = await getBoard(ctx, auth, sessionId);
  if (!('setup' in board)) throw forbidden('see this session as the studio does');
  return board.session;
}

/** The board snapshot, read in one transaction so tasks and `seq` agree; guests get the guest board. */
export async function getBoard(ctx: AppContext, auth: AuthContext, sessionId: string): Promise<BoardSnapshot | GuestBoardSnapshot> {
  const { scope } = await requireBoardAccess(ctx.db.prisma, auth, sessionId);
  return (await readBoard(ctx, auth.studioId, sessionId, boardAudience(auth, seesSetup(auth, scope)))).snapshot;
}

/**
 * A word that changes whenever anything a board snapshot shows may have changed: its seq (every
 * change to its session, tasks and setup lines), and the rows it shows names from without an
 * event (the session row, its room and project, the studio, its members and gear: renamed,
 * added or removed). Null when the session is not the studio's. One statement.
 */
export async function boardVersion(db: Tx | PrismaClient, studioId: string, sessionId: string): Promise<string | null> {
  const [row] = await db.$queryRaw<Array<{ version: string }>>`
    SELECT concat_ws('|', s."boardSeq", s."updatedAt", r."updatedAt", p."updatedAt", st."updatedAt",
      (SELECT concat(count(*), '/', max(m."updatedAt")) FROM "Member" m WHERE m."studioId" = s."studioId"),
      (SELECT concat(count(*), '/', max(g."updatedAt")) FROM "GearItem" g WHERE g."studioId" = s."studioId")) AS "version"
    FROM "Session" s JOIN "Room" r ON r."id" = s."roomId" JOIN "Project" p ON p."id" = s."projectId" JOIN "Studio" st ON st."id" = s."studioId"
    WHERE s."id" = ${sessionId}::uuid AND s."studioId" = ${studioId}::uuid`;
  return row?.version ?? null;
}

/** The snapshot for one audience (access already checked) and the board version it was read at. */
export async function readBoard(ctx: AppContext, studioId: string, sessionId: string, audience: Audience): Promise<{ snapshot: BoardSnapshot | GuestBoardSnapshot; version: string }> {
  const withSetup = audience === 'staff';
  return ctx.db.prisma.$transaction(async (tx) => {
    const version = await boardVersion(tx, studioId, sessionId);
    if (version === null) throw notFound('Session', sessionId);
    const session = await tx.session.findFirst({ where: { id: sessionId, studioId }, include: sessionInclude });
    if (!session) throw notFound('Session', sessionId);
    const tasks = await tx.task.findMany({
      where: { sessionId },
      include: taskInclude,
      orderBy: [{ status: 'asc' }, { position: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
    });
    if (audience === 'guest') return { snapshot: presentGuestBoard(session, tasks), version };
    const setup = withSetup ? (await tx.setupItem.findMany({ where: { sessionId }, include: setupInclude, orderBy: setupOrder })).map(presentSetupItem) : null;
    const counts = emptyTaskCounts();
    for (const t of tasks) counts[t.status] += 1;
    const comments = (await tx.taskComment.findMany({ where: { sessionId }, include: commentInclude, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })).map(presentComment);
    return { snapshot: { session: presentSession(session, counts, setup ? setupProgress(setup) : null), tasks: tasks.map(presentTask), setup, comments, seq: session.boardSeq }, version };
    // One snapshot for all reads, so the tasks and setup lines are exactly the board at `seq`.
  }, { isolationLevel: 'RepeatableRead' });
}

/** Events of a board after sequence number `after`, from the persisted log, as the member may see them. */
export async function listEventsAfter(ctx: AppContext, auth: AuthContext, sessionId: string, after: number): Promise<EventsPage> {
  const { scope } = await requireBoardAccess(ctx.db.prisma, auth, sessionId);
  return readEventsAfter(ctx, auth.studioId, sessionId, after, boardAudience(auth, seesSetup(auth, scope)));
}

/** The log after `after` as one audience may see it (guests: redacted); access already checked. */
export async function readEventsAfter(ctx: AppContext, studioId: string, sessionId: string, after: number, audience: Audience): Promise<EventsPage> {
  const session = await ctx.db.prisma.session.findFirst({ where: { id: sessionId, studioId }, select: { boardSeq: true } });
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
  const events: BoardEvent[] = [];
  for (const row of rows) {
    const parsed = BoardEventSchema.safeParse(upgradeStoredEvent(row.payload));
    // An event this version cannot read: the client reloads the snapshot instead.
    if (!parsed.success) return { events: [], seq, reset: true };
    events.push(presentEventFor(parsed.data, audience));
  }
  return { events, seq, reset: false };
}

/**
 * Events in the log keep the shape they were written with. Older versions differ only by what
 * this one added (the protocol number, a session's setup progress), so they are read as if
 * written now.
 */
export function upgradeStoredEvent(payload: unknown): unknown {
  if (typeof payload !== 'object' || payload === null) return payload;
  const event: Record<string, unknown> = { ...(payload as Record<string, unknown>), v: PROTOCOL_VERSION };
  const session = event.session as Record<string, unknown> | null | undefined;
  if (event.type === 'session.updated' && typeof session === 'object' && session !== null) {
    // Written before setup lists (setup), or before holds, prep and teardown and the artist's note:
    // those sessions had none, so they read as confirmed, with no prep, teardown or note.
    const startsAt = typeof session.startsAt === 'string' ? session.startsAt : undefined;
    const endsAt = typeof session.endsAt === 'string' ? session.endsAt : undefined;
    event.session = {
      setup: null,
      ...(startsAt !== undefined ? { callAt: startsAt } : {}),
      ...(endsAt !== undefined ? { clearAt: endsAt } : {}),
      prepMinutes: 0,
      teardownMinutes: 0,
      hold: 'CONFIRMED',
      holdUntil: null,
      challengedAt: null,
      guestNote: '',
      ...session,
    };
  }
  return event;
}
