import { can, type AccessScope, type Action } from '@patchbay/shared';
import type { Tx } from '../db/database';
import type { PrismaClient } from '../generated/prisma/client';
import { AppError, notFound } from '../errors';
import type { AuthContext } from './auth-context';

export const forbidden = (what: string): AppError => new AppError('FORBIDDEN', `You may not ${what}`);

/** Throws 403 unless the matrix allows `action` (for the given scope when it is 'own'). */
export function requireCan(auth: AuthContext, action: Action, what: string, scope?: AccessScope): void {
  if (!can(auth.role, action, scope)) throw forbidden(what);
}

export interface SessionAccess {
  session: { id: string; projectId: string; producerId: string | null; engineerId: string | null; title: string };
  scope: AccessScope;
}

/**
 * Loads a session of the member's studio (another studio's id answers 404) with how the member
 * relates to it, for 'own' permissions.
 */
export async function sessionAccess(db: Tx | PrismaClient, auth: AuthContext, sessionId: string, taskAssigneeId?: string | null): Promise<SessionAccess> {
  const session = await db.session.findFirst({
    where: { id: sessionId, studioId: auth.studioId },
    select: { id: true, title: true, projectId: true, producerId: true, engineerId: true, project: { select: { leadProducerId: true, guests: { where: { id: auth.memberId }, select: { id: true } } } } },
  });
  if (!session) throw notFound('Session', sessionId);
  const me = auth.memberId;
  const hasTasksInSession = (await db.task.count({ where: { sessionId, assigneeId: me } })) > 0;
  return {
    session,
    scope: {
      leadsProject: session.project.leadProducerId === me,
      staffsSession: session.producerId === me || session.engineerId === me,
      hasTasksInSession,
      guestOfProject: session.project.guests.length > 0,
      isAssignee: taskAssigneeId !== undefined && taskAssigneeId === me,
    },
  };
}

/** Whether the member sees the session's setup list (guests never do). */
export function seesSetup(auth: AuthContext, scope: AccessScope): boolean {
  return can(auth.role, 'setup.view', scope);
}

/** Throws 404/403 unless the member may see the session's board. */
export async function requireBoardAccess(db: Tx | PrismaClient, auth: AuthContext, sessionId: string): Promise<SessionAccess> {
  const access = await sessionAccess(db, auth, sessionId);
  requireCan(auth, 'board.view', 'see this session', access.scope);
  return access;
}
