// A session's status follows the work: it starts by itself when work happens in it (inside the
// transaction of that work, with its own board event), and is started, wrapped and reopened by
// the people running it. The rules are shared (shared/src/domain/session-status.ts).
import {
  HOLD_LABELS,
  notDoneWarning,
  sessionTransition,
  setupProgress,
  statusAfterWork,
  tasksNotDone,
  type SessionCommand,
  type SessionStatusChange,
  type SessionWork,
  type UnsequencedBoardEvent,
} from '@patchbay/shared';
import { requireCan, sessionAccess } from '../auth/access';
import type { AuthContext } from '../auth/auth-context';
import { audit } from '../auth/audit';
import type { AppContext } from '../context';
import type { Tx } from '../db/database';
import { AppError, notFound } from '../errors';
import { emptyTaskCounts, presentSession, sessionInclude } from '../presenters/session';
import { appendBoardEvents, lockBoard } from './board-events';
import { runCommand } from './command';
import { getSession, setupProgressOf } from './sessions';

/** The session as it is now in this transaction (task counts, setup progress), as a `session.updated` event. */
export async function sessionUpdatedEvent(tx: Tx, sessionId: string): Promise<UnsequencedBoardEvent> {
  const row = await tx.session.findUniqueOrThrow({ where: { id: sessionId }, include: sessionInclude });
  const counts = emptyTaskCounts();
  for (const c of await tx.task.groupBy({ by: ['status'], where: { sessionId }, _count: { _all: true } })) counts[c.status] = c._count?._all ?? 0;
  const setup = (await setupProgressOf(tx, [sessionId])).get(sessionId) ?? setupProgress([]);
  return { type: 'session.updated', sessionId, session: presentSession(row, counts, setup) };
}

/**
 * After `work` was written in the session (the caller holds its board lock): a planned session
 * becomes in progress, and the returned `session.updated` event goes into the same log after the
 * work's own events, so every viewer sees "In progress" at once. Nothing when the status stays.
 */
export async function promoteOnWork(tx: Tx, auth: Pick<AuthContext, 'studioId' | 'memberId'>, sessionId: string, work: SessionWork): Promise<UnsequencedBoardEvent[]> {
  const session = await tx.session.findUniqueOrThrow({ where: { id: sessionId }, select: { status: true, hold: true } });
  // Only a confirmed booking runs: work on a pencilled-in session does not start it.
  if (session.hold !== 'CONFIRMED') return [];
  const next = statusAfterWork(session.status, work);
  if (next === session.status) return [];
  await tx.session.update({ where: { id: sessionId }, data: { status: next } });
  await audit(tx, { studioId: auth.studioId, actorId: auth.memberId, action: 'session.started', entityType: 'session', entityId: sessionId, details: { by: work.kind === 'task' ? 'task' : 'setup' } });
  return [await sessionUpdatedEvent(tx, sessionId)];
}

const AUDIT_ACTION: Readonly<Record<SessionCommand, string>> = { start: 'session.started', wrap: 'session.wrapped', reopen: 'session.reopened' };

/**
 * Start, wrap or reopen a session ('sessions.run': its producer or engineer, the project's lead,
 * managers). A command that does not fit the status is a 409 saying what to do instead. Wrapping
 * with tasks left is allowed; the answer warns ("3 tasks not done").
 */
export async function changeSessionStatus(ctx: AppContext, auth: AuthContext, sessionId: string, command: SessionCommand): Promise<SessionStatusChange> {
  const notDone = await runCommand(ctx, async (tx) => {
    const { scope } = await sessionAccess(tx, auth, sessionId);
    requireCan(auth, 'sessions.run', `${command} this session`, scope);
    await lockBoard(tx, sessionId);
    const before = await tx.session.findFirst({ where: { id: sessionId, studioId: auth.studioId }, select: { status: true, hold: true } });
    if (!before) throw notFound('Session', sessionId);
    if (before.hold !== 'CONFIRMED' && command !== 'reopen') {
      const why = before.hold === 'FIRST_HOLD' || before.hold === 'SECOND_HOLD' ? `is only pencilled in (${HOLD_LABELS[before.hold]}): confirm the booking` : `has lost its booking (${HOLD_LABELS[before.hold].toLowerCase()}): book it again`;
      throw new AppError('CONFLICT', `This session ${why} before you ${command} it.`, { status: before.status, hold: before.hold, command });
    }
    const transition = sessionTransition(before.status, command);
    if (!transition.ok) throw new AppError('CONFLICT', transition.message, { status: before.status, command });
    await tx.session.update({ where: { id: sessionId }, data: { status: transition.status } });
    await audit(tx, { studioId: auth.studioId, actorId: auth.memberId, action: AUDIT_ACTION[command], entityType: 'session', entityId: sessionId, details: { from: before.status, to: transition.status } });
    const event = await sessionUpdatedEvent(tx, sessionId);
    const events = await appendBoardEvents(tx, sessionId, [event], auth);
    const counts = event.type === 'session.updated' ? event.session.taskCounts : {};
    return { result: command === 'wrap' ? tasksNotDone(counts) : 0, events };
  });
  const warning = notDoneWarning(notDone);
  // Read after commit, as this member may see it (guests: no setup progress).
  return { session: await getSession(ctx, auth, sessionId), warnings: warning ? [{ code: 'tasks_not_done', message: warning }] : [] };
}
