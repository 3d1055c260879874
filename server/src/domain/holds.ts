// Holds on a slot (shared/src/domain/holds.ts states the rules): confirming, releasing and the
// sweep that expires holds past their deadline. Each change is one transaction writing a
// `session.updated` event to every board it touches, broadcast after commit.
import {
  HoldError,
  MAX_PREP_MINUTES,
  dueHolds,
  planConfirm,
  planRelease,
  queueBehind,
  sessionSpan,
  type BoardEvent,
  type HoldChange,
  type HoldSession,
  type Session,
} from '@patchbay/shared';
import { requireCan, sessionAccess } from '../auth/access';
import type { AuthContext } from '../auth/auth-context';
import { audit } from '../auth/audit';
import type { AppContext } from '../context';
import type { Tx } from '../db/database';
import { AppError, notFound } from '../errors';
import { appendBoardEvents, lockBoard } from './board-events';
import { bookingConflicts } from './booking-check';
import { runCommand } from './command';
import { lockBookings } from './session-times';
import { sessionUpdatedEvent } from './session-status';
import { getSession } from './sessions';
import { expandTemplateInto } from './templates';

const MARGIN_MS = MAX_PREP_MINUTES * 60_000;

type SlotRow = HoldSession & { title: string; templateId: string | null; producerId: string | null; engineerId: string | null };

const slotSelect = { id: true, title: true, roomId: true, startsAt: true, endsAt: true, prepMinutes: true, teardownMinutes: true, status: true, hold: true, holdUntil: true, createdAt: true, templateId: true, producerId: true, engineerId: true } as const;

/** Every confirmed or live-held session in a room that may touch a span (with a margin for prep and teardown). */
async function sessionsOnSlot(tx: Tx, studioId: string, slot: HoldSession): Promise<SlotRow[]> {
  const span = sessionSpan(slot);
  return tx.session.findMany({
    where: {
      studioId,
      roomId: slot.roomId,
      status: { not: 'CANCELLED' },
      hold: { in: ['CONFIRMED', 'FIRST_HOLD', 'SECOND_HOLD'] },
      startsAt: { lt: new Date(span.endsAt.getTime() + MARGIN_MS) },
      endsAt: { gt: new Date(span.startsAt.getTime() - MARGIN_MS) },
    },
    select: slotSelect,
    orderBy: { id: 'asc' },
  });
}

/** The target and every confirmed or live-held session in its room that may touch its span. */
async function loadSlot(tx: Tx, studioId: string, sessionId: string): Promise<{ target: SlotRow; sessions: SlotRow[] }> {
  const target = await tx.session.findFirst({ where: { id: sessionId, studioId }, select: slotSelect });
  if (!target) throw notFound('Session', sessionId);
  return { target, sessions: await sessionsOnSlot(tx, studioId, target) };
}

function holdConflict(err: unknown): never {
  if (err instanceof HoldError) throw new AppError('CONFLICT', err.message, { reason: err.code });
  throw err;
}

/** Writes the changes, audits them and returns each touched board's `session.updated` event. */
async function applyChanges(tx: Tx, auth: Pick<AuthContext, 'studioId' | 'memberId' | 'name'> | null, studioId: string, changes: readonly HoldChange[]): Promise<BoardEvent[]> {
  const events: BoardEvent[] = [];
  for (const change of changes) {
    await tx.session.update({
      where: { id: change.id },
      data: { hold: change.hold, holdUntil: change.holdUntil, ...(change.challengedAt ? { challengedAt: change.challengedAt } : change.hold === 'CONFIRMED' || change.reason === 'promoted' ? { challengedAt: null } : {}) },
    });
    await audit(tx, { studioId, actorId: auth?.memberId ?? null, action: `session.hold_${change.reason}`, entityType: 'session', entityId: change.id, details: { hold: change.hold } });
    events.push(...(await appendBoardEvents(tx, change.id, [await sessionUpdatedEvent(tx, change.id)], auth)));
  }
  return events;
}

/**
 * The first of the second holds queued behind a first hold that left the slot (released, expired,
 * cancelled or moved away) that can take time then without double-booking anybody becomes the
 * first hold; the others keep queueing behind it.
 */
async function promotion(tx: Tx, studioId: string, queue: readonly HoldSession[], sessions: readonly SlotRow[]): Promise<HoldChange[]> {
  for (const next of queue) {
    const row = sessions.find((s) => s.id === next.id);
    if (!row) continue;
    const conflicts = await bookingConflicts(tx, studioId, { ...row, hold: 'FIRST_HOLD' });
    if (conflicts.length === 0) return [{ id: row.id, hold: 'FIRST_HOLD', holdUntil: row.holdUntil, reason: 'promoted' }];
  }
  return [];
}

/**
 * A first hold left `slot` through an edit (cancelled, moved, restaffed into another room): the
 * queue behind it moves up as on a release. Returns the promoted session's events and its id.
 */
export async function promoteAfterFirstHoldLeft(tx: Tx, auth: Pick<AuthContext, 'studioId' | 'memberId' | 'name'>, slot: HoldSession): Promise<{ events: BoardEvent[]; sessionIds: string[] }> {
  const sessions = (await sessionsOnSlot(tx, auth.studioId, slot)).filter((s) => s.id !== slot.id);
  const promoted = await promotion(tx, auth.studioId, queueBehind(slot, sessions), sessions);
  return { events: await applyChanges(tx, auth, auth.studioId, promoted), sessionIds: promoted.map((p) => p.id) };
}

/** Everyone whose hours or calendar a hold change on these sessions touches. */
function staffOf(sessions: readonly SlotRow[], ids: readonly string[]): string[] {
  const wanted = new Set(ids);
  return [...new Set(sessions.filter((s) => wanted.has(s.id)).flatMap((s) => [s.producerId, s.engineerId]).filter((m): m is string => m !== null))];
}

async function lockSlotBoards(tx: Tx, studioId: string, sessionId: string): Promise<void> {
  const { sessions } = await loadSlot(tx, studioId, sessionId);
  const ids = [...new Set([sessionId, ...sessions.map((s) => s.id)])].sort();
  for (const id of ids) await lockBoard(tx, id);
  await lockBookings(tx, studioId);
}

export interface HoldOutcome {
  readonly session: Session;
  /** Confirming a second hold while a first hold is live challenges the first instead. */
  readonly challenged: boolean;
}

/**
 * Confirms a hold. A first hold (or a second one with no live first hold) becomes confirmed,
 * releasing the second holds behind it, and a hold booked from a template gets its tasks and
 * setup list now. A second hold behind a live first hold challenges it (its deadline is brought
 * forward to 24 hours from now). 409 CONFLICT for a confirmed session or an ended hold;
 * 409 BOOKING_CONFLICT if confirming would double-book someone.
 */
export async function confirmHold(ctx: AppContext, auth: AuthContext, sessionId: string, now = new Date()): Promise<HoldOutcome> {
  const studioId = auth.studioId;
  const touched: { sessions: SlotRow[]; ids: string[] } = { sessions: [], ids: [sessionId] };
  const challenged = await runCommand(ctx, async (tx) => {
    const { scope } = await sessionAccess(tx, auth, sessionId);
    requireCan(auth, 'sessions.edit', 'confirm this booking', scope);
    await lockSlotBoards(tx, studioId, sessionId);
    const { target, sessions } = await loadSlot(tx, studioId, sessionId);
    let plan: ReturnType<typeof planConfirm>;
    try {
      plan = planConfirm(target, sessions, now);
    } catch (err) {
      holdConflict(err);
    }
    if (!plan.challenged) {
      const described = await bookingConflicts(tx, studioId, { ...target, hold: 'CONFIRMED' });
      if (described.length > 0) throw new AppError('BOOKING_CONFLICT', described[0]!.message, { conflicts: described });
    }
    const events = await applyChanges(tx, auth, studioId, plan.changes);
    Object.assign(touched, { sessions, ids: plan.changes.map((c) => c.id) });
    if (!plan.challenged && target.templateId) {
      const row = await tx.session.update({ where: { id: target.id }, data: { templateId: null } });
      // A template deleted since the hold was booked brings nothing; the booking is still confirmed.
      const template = await tx.sessionTemplate.findFirst({ where: { id: target.templateId, studioId }, select: { id: true } });
      if (template) events.push(...(await appendBoardEvents(tx, target.id, await expandTemplateInto(tx, studioId, template.id, row), auth)));
    }
    return { result: plan.challenged, events };
  });
  ctx.broadcaster.workloadChanged(studioId, { memberIds: staffOf(touched.sessions, touched.ids), sessionIds: touched.ids });
  return { session: await getSession(ctx, auth, sessionId), challenged };
}

/** Lets a hold go (RELEASED); the second hold behind a first hold moves up. 409 for a confirmed session or an ended hold. */
export async function releaseHold(ctx: AppContext, auth: AuthContext, sessionId: string): Promise<Session> {
  const studioId = auth.studioId;
  const touched = await runCommand(ctx, async (tx) => {
    const { scope } = await sessionAccess(tx, auth, sessionId);
    requireCan(auth, 'sessions.edit', 'release this hold', scope);
    await lockSlotBoards(tx, studioId, sessionId);
    const { target, sessions } = await loadSlot(tx, studioId, sessionId);
    let plan: ReturnType<typeof planRelease>;
    try {
      plan = planRelease(target, sessions, 'released');
    } catch (err) {
      holdConflict(err);
    }
    // The hold ends first: the one behind it is checked against the slot without it.
    const events = await applyChanges(tx, auth, studioId, plan.changes);
    const promoted = await promotion(tx, studioId, plan.promote, sessions);
    events.push(...(await applyChanges(tx, auth, studioId, promoted)));
    const ids = [...plan.changes, ...promoted].map((c) => c.id);
    return { result: { memberIds: staffOf(sessions, ids), sessionIds: ids }, events };
  });
  ctx.broadcaster.workloadChanged(studioId, touched);
  return getSession(ctx, auth, sessionId);
}

/**
 * Expires every live hold past its deadline (all studios), one transaction per hold, so the
 * people concerned see "Hold expired" live on the board, the calendar and the workload page.
 * Safe to run on several instances at once: each hold is re-read under its locks.
 */
export async function expireDueHolds(ctx: AppContext, now = new Date()): Promise<number> {
  const due = await ctx.db.prisma.session.findMany({
    where: { hold: { in: ['FIRST_HOLD', 'SECOND_HOLD'] }, status: { not: 'CANCELLED' }, holdUntil: { lte: now } },
    select: { id: true, studioId: true },
    orderBy: { holdUntil: 'asc' },
    take: 200,
  });
  let expired = 0;
  for (const { id, studioId } of due) {
    const touched = await runCommand(ctx, async (tx) => {
      await lockSlotBoards(tx, studioId, id);
      const { target, sessions } = await loadSlot(tx, studioId, id);
      if (dueHolds([target], now).length === 0) return { result: null, events: [] };
      const plan = planRelease(target, sessions, 'expired');
      const events = await applyChanges(tx, null, studioId, plan.changes);
      const promoted = await promotion(tx, studioId, plan.promote, sessions);
      events.push(...(await applyChanges(tx, null, studioId, promoted)));
      const ids = [...plan.changes, ...promoted].map((c) => c.id);
      return { result: { memberIds: staffOf(sessions, ids), sessionIds: ids }, events };
    });
    if (touched) {
      expired += 1;
      ctx.broadcaster.workloadChanged(studioId, touched);
    }
  }
  return expired;
}
