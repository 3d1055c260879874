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
  session: { id: string; projectId: string; producerId: string | null; engineerId: string | null; leadProducerId: string | null; title: string };
  scope: AccessScope;
}

/**
 * Loads a session of the member's studio (another studio's id answers 404) with how the member
 * relates to it, for 'own' permissions.
 */
interface AccessRow {
  id: string;
  title: string;
  projectId: string;
  producerId: string | null;
  engineerId: string | null;
  leadProducerId: string | null;
  guest: boolean;
  hasTasks: boolean;
}

export async function sessionAccess(db: Tx | PrismaClient, auth: AuthContext, sessionId: string, taskAssigneeId?: string | null): Promise<SessionAccess> {
  const me = auth.memberId;
  // Asked before every board read and change: one statement (in _ProjectGuests, A is the member, B the project).
  const [row] = await db.$queryRaw<AccessRow[]>`
    SELECT s."id", s."title", s."projectId", s."producerId", s."engineerId", p."leadProducerId",
      EXISTS (SELECT 1 FROM "_ProjectGuests" g WHERE g."B" = p."id" AND g."A" = ${me}::uuid) AS "guest",
      EXISTS (SELECT 1 FROM "Task" t WHERE t."sessionId" = s."id" AND t."assigneeId" = ${me}::uuid) AS "hasTasks"
    FROM "Session" s JOIN "Project" p ON p."id" = s."projectId"
    WHERE s."id" = ${sessionId}::uuid AND s."studioId" = ${auth.studioId}::uuid`;
  if (!row) throw notFound('Session', sessionId);
  return {
    session: { id: row.id, title: row.title, projectId: row.projectId, producerId: row.producerId, engineerId: row.engineerId, leadProducerId: row.leadProducerId },
    scope: {
      leadsProject: row.leadProducerId === me,
      staffsSession: row.producerId === me || row.engineerId === me,
      hasTasksInSession: row.hasTasks,
      guestOfProject: row.guest,
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
