// Calendar feeds: a secret iCalendar URL per member (their sessions and tasks) or per room.
// The token is kept as is so its owner can copy the URL again; regenerating replaces it and
// turning the feed off deletes the row, so an old URL answers 404 either way.
import { can, FEED_PATH_PREFIX, FEED_TOKEN_PATTERN, type CalendarFeed } from '@patchbay/shared';
import type { AuthContext } from '../auth/auth-context';
import { audit } from '../auth/audit';
import { newToken } from '../auth/crypto';
import type { AppContext } from '../context';
import { notFound } from '../errors';
import { buildFeed, type FeedSession, type FeedTask } from '../presenters/ics';

const DAY = 86_400_000;
/** What a feed holds: from 30 days back (recent history stays put) to 180 days ahead. */
export const FEED_DAYS_BACK = 30;
export const FEED_DAYS_AHEAD = 180;
/** A bound on one feed's size (a busy room books a few sessions a day). */
const MAX_FEED_SESSIONS = 2000;

type Owner = { memberId: string } | { roomId: string };

export const feedUrl = (origin: string, token: string): string => `${origin}${FEED_PATH_PREFIX}${token}.ics`;

async function readFeed(ctx: AppContext, owner: Owner, origin: string): Promise<CalendarFeed> {
  const row = await ctx.db.prisma.calendarFeed.findUnique({ where: owner });
  return row ? { url: feedUrl(origin, row.token), createdAt: row.createdAt.toISOString() } : { url: null, createdAt: null };
}

/** Makes the feed, or gives it a new token (the old URL stops working at once). */
async function rotateFeed(ctx: AppContext, auth: AuthContext, owner: Owner, origin: string): Promise<CalendarFeed> {
  const token = newToken();
  return ctx.db.prisma.$transaction(async (tx) => {
    const existing = await tx.calendarFeed.findUnique({ where: owner, select: { id: true } });
    const row = existing
      ? await tx.calendarFeed.update({ where: { id: existing.id }, data: { token, createdAt: new Date() } })
      : await tx.calendarFeed.create({ data: { studioId: auth.studioId, ...owner, token } });
    await audit(tx, {
      studioId: auth.studioId,
      actorId: auth.memberId,
      action: existing ? 'calendar_feed.regenerated' : 'calendar_feed.created',
      entityType: 'memberId' in owner ? 'member' : 'room',
      entityId: 'memberId' in owner ? owner.memberId : owner.roomId,
    });
    return { url: feedUrl(origin, row.token), createdAt: row.createdAt.toISOString() };
  });
}

async function revokeFeed(ctx: AppContext, auth: AuthContext, owner: Owner): Promise<void> {
  await ctx.db.prisma.$transaction(async (tx) => {
    const { count } = await tx.calendarFeed.deleteMany({ where: owner });
    if (count === 0) return;
    await audit(tx, {
      studioId: auth.studioId,
      actorId: auth.memberId,
      action: 'calendar_feed.revoked',
      entityType: 'memberId' in owner ? 'member' : 'room',
      entityId: 'memberId' in owner ? owner.memberId : owner.roomId,
    });
  });
}

async function requireRoom(ctx: AppContext, auth: AuthContext, roomId: string): Promise<void> {
  const room = await ctx.db.prisma.room.findFirst({ where: { id: roomId, studioId: auth.studioId }, select: { id: true } });
  if (!room) throw notFound('Room', roomId);
}

// The signed-in member's own feed.
export const getMyFeed = (ctx: AppContext, auth: AuthContext, origin: string) => readFeed(ctx, { memberId: auth.memberId }, origin);
export const rotateMyFeed = (ctx: AppContext, auth: AuthContext, origin: string) => rotateFeed(ctx, auth, { memberId: auth.memberId }, origin);
export const revokeMyFeed = (ctx: AppContext, auth: AuthContext) => revokeFeed(ctx, auth, { memberId: auth.memberId });

// A room's feed (studio admins and managers; another studio's room is not found).
export async function getRoomFeed(ctx: AppContext, auth: AuthContext, roomId: string, origin: string) {
  await requireRoom(ctx, auth, roomId);
  return readFeed(ctx, { roomId }, origin);
}
export async function rotateRoomFeed(ctx: AppContext, auth: AuthContext, roomId: string, origin: string) {
  await requireRoom(ctx, auth, roomId);
  return rotateFeed(ctx, auth, { roomId }, origin);
}
export async function revokeRoomFeed(ctx: AppContext, auth: AuthContext, roomId: string) {
  await requireRoom(ctx, auth, roomId);
  await revokeFeed(ctx, auth, { roomId });
}

const feedSessionInclude = {
  room: { select: { name: true } },
  project: { select: { artist: true, title: true } },
  producer: { select: { id: true, name: true } },
  engineer: { select: { id: true, name: true } },
} as const;

/**
 * The iCalendar text behind a feed token, or null when there is no such feed (never made,
 * regenerated, turned off, or its member may no longer have one).
 */
export async function renderFeed(ctx: AppContext, token: string, origin: string, now = new Date()): Promise<string | null> {
  if (!FEED_TOKEN_PATTERN.test(token)) return null;
  const db = ctx.db.prisma;
  const feed = await db.calendarFeed.findUnique({
    where: { token },
    include: { studio: { select: { name: true, timezone: true } }, member: { select: { id: true, name: true, accessRole: true } }, room: { select: { id: true, name: true } } },
  });
  if (!feed) return null;
  const from = new Date(now.getTime() - FEED_DAYS_BACK * DAY);
  const to = new Date(now.getTime() + FEED_DAYS_AHEAD * DAY);
  const window = { studioId: feed.studioId, startsAt: { lt: to }, endsAt: { gt: from } };
  const common = { timezone: feed.studio.timezone, origin };

  if (feed.member) {
    // A member whose role lost their own schedule (made a guest) has no feed any more.
    if (!can(feed.member.accessRole, 'workload.viewOwn')) return null;
    const me = feed.member.id;
    const sessions: FeedSession[] = await db.session.findMany({
      where: { ...window, OR: [{ producerId: me }, { engineerId: me }, { tasks: { some: { assigneeId: me } } }] },
      include: feedSessionInclude,
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
      take: MAX_FEED_SESSIONS,
    });
    const taskRows = await db.task.findMany({
      where: { assigneeId: me, sessionId: { in: sessions.map((s) => s.id) } },
      select: { id: true, sessionId: true, title: true, startsAt: true, estimateMinutes: true, status: true, updatedAt: true },
      orderBy: [{ startsAt: { sort: 'asc', nulls: 'last' } }, { position: 'asc' }, { id: 'asc' }],
    });
    const tasks: FeedTask[] = taskRows.map(({ status, ...t }) => ({ ...t, done: status === 'DONE' }));
    return buildFeed({
      ...common,
      name: `${feed.member.name} — ${feed.studio.name}`,
      description: `${feed.member.name}'s sessions and tasks at ${feed.studio.name} (Patchbay)`,
      sessions,
      member: { id: me, tasks },
    });
  }
  if (feed.room) {
    const sessions: FeedSession[] = await db.session.findMany({
      where: { ...window, roomId: feed.room.id },
      include: feedSessionInclude,
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
      take: MAX_FEED_SESSIONS,
    });
    return buildFeed({
      ...common,
      name: `${feed.room.name} — ${feed.studio.name}`,
      description: `Sessions in ${feed.room.name} at ${feed.studio.name} (Patchbay)`,
      sessions,
      member: null,
    });
  }
  return null;
}
