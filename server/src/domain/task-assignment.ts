// Re-routing a task on demand, checking a manual assignment, and the assignment history.
import { type RuleWarning, type Task } from '@patchbay/shared';
import { requireCan, sessionAccess } from '../auth/access';
import type { AuthContext } from '../auth/auth-context';
import type { AppContext } from '../context';
import { notFound } from '../http/errors';
import { presentTask } from '../presenters/task';
import { appendBoardEvents } from './board-events';
import { runCommand, type CommandOptions } from './command';
import { manualAssignmentWarnings } from './task-routing';
import {
  loadTask,
  loadTaskLocked,
  recordAssignment,
  requireMember,
  requireSession,
  routedAssignment,
  versionConflict,
} from './task-support';

/** Runs routing again for an existing task, replacing a manual or stale assignment. */
export async function rerouteTask(ctx: AppContext, auth: AuthContext, taskId: string, version: number, options: CommandOptions = {}): Promise<Task> {
  return runCommand(
    ctx,
    async (tx) => {
      const studioId = auth.studioId;
      const before = await loadTaskLocked(tx, studioId, taskId);
      const { scope } = await sessionAccess(tx, auth, before.sessionId, before.assigneeId);
      requireCan(auth, 'tasks.assign', 'assign tasks in this session', scope);
      if (before.version !== version) throw versionConflict(presentTask(before), version);
      const session = await requireSession(tx, studioId, before.sessionId);
      const assignment = await routedAssignment(tx, studioId, session, before.kind, before.estimateMinutes);
      await tx.task.update({
        where: { id: taskId },
        data: {
          assigneeId: assignment.assigneeId,
          routingReason: assignment.routingReason,
          routingRule: assignment.routingRule,
          assignedManually: false,
          version: { increment: 1 },
        },
      });
      await recordAssignment(tx, studioId, taskId, assignment, auth.memberId);
      const task = presentTask(await loadTask(tx, studioId, taskId));
      const changed = ['routingReason', 'routingRule', 'assignedManually', ...(assignment.assigneeId !== before.assigneeId ? ['assigneeId'] : [])];
      const events = await appendBoardEvents(tx, before.sessionId, [{ type: 'task.updated', sessionId: before.sessionId, task, changed }], auth);
      return { result: task, events };
    },
    options,
  );
}

/** The rules assigning `memberId` by hand would break, without changing anything. */
export async function checkAssignment(ctx: AppContext, auth: AuthContext, taskId: string, memberId: string): Promise<RuleWarning[]> {
  const studioId = auth.studioId;
  return ctx.db.prisma.$transaction(async (tx) => {
    const task = await loadTask(tx, studioId, taskId);
    const { scope } = await sessionAccess(tx, auth, task.sessionId, task.assigneeId);
    requireCan(auth, 'tasks.assign', 'assign tasks in this session', scope);
    const session = await requireSession(tx, studioId, task.sessionId);
    await requireMember(tx, studioId, memberId);
    return manualAssignmentWarnings(tx, { studioId, session, kind: task.kind, estimateMinutes: task.estimateMinutes, memberId });
  });
}

export async function listAssignments(ctx: AppContext, auth: AuthContext, taskId: string) {
  const task = await ctx.db.prisma.task.findFirst({ where: { id: taskId, studioId: auth.studioId }, select: { id: true, sessionId: true, assigneeId: true } });
  if (!task) throw notFound('Task', taskId);
  const { scope } = await sessionAccess(ctx.db.prisma, auth, task.sessionId, task.assigneeId);
  requireCan(auth, 'board.view', 'see this session', scope);
  const rows = await ctx.db.prisma.taskAssignment.findMany({
    where: { taskId },
    orderBy: { createdAt: 'desc' },
    include: { assignee: { select: { id: true, name: true } }, by: { select: { id: true, name: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    assignee: r.assignee,
    by: r.by,
    manual: r.manual,
    rule: r.rule,
    reason: r.reason,
    warnings: Array.isArray(r.warnings) ? (r.warnings as unknown as RuleWarning[]) : [],
    at: r.createdAt.toISOString(),
  }));
}

