// Re-routing a task on demand, checking a manual assignment, and the assignment history.
import { routeTask, workOfTask, type RuleWarning, type Task, type TaskCandidates } from '@patchbay/shared';
import { forbidden, requireCan, sessionAccess } from '../auth/access';
import type { AuthContext } from '../auth/auth-context';
import type { AppContext } from '../context';
import type { Tx } from '../db/database';
import { notFound } from '../errors';
import { audienceOf } from '../presenters/guest';
import { presentRouting } from '../presenters/routing';
import { presentTask } from '../presenters/task';
import { loadRoutingContext } from './routing-loader';
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
      const assignment = await routedAssignment(tx, studioId, session, before.kind, before.estimateMinutes, { startsAt: before.startsAt, taskId });
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

/** A task and its session, for someone who may assign tasks there (404 / 403 otherwise). */
async function loadForAssigning(tx: Tx, auth: AuthContext, taskId: string) {
  const task = await loadTask(tx, auth.studioId, taskId);
  const { scope } = await sessionAccess(tx, auth, task.sessionId, task.assigneeId);
  requireCan(auth, 'tasks.assign', 'assign tasks in this session', scope);
  return { task, session: await requireSession(tx, auth.studioId, task.sessionId) };
}

/** The rules assigning `memberId` by hand would break, without changing anything. */
export async function checkAssignment(ctx: AppContext, auth: AuthContext, taskId: string, memberId: string): Promise<RuleWarning[]> {
  const studioId = auth.studioId;
  return ctx.db.prisma.$transaction(async (tx) => {
    const { task, session } = await loadForAssigning(tx, auth, taskId);
    await requireMember(tx, studioId, memberId);
    return manualAssignmentWarnings(tx, { studioId, session, kind: task.kind, estimateMinutes: task.estimateMinutes, memberId, startsAt: task.startsAt, taskId });
  });
}

/**
 * Who could take a task instead of its assignee, by the routing rules with the task's own hours
 * left out, and what moving it does to the current assignee's week. Changes nothing.
 */
export async function taskCandidates(ctx: AppContext, auth: AuthContext, taskId: string): Promise<TaskCandidates> {
  const studioId = auth.studioId;
  return ctx.db.prisma.$transaction(async (tx) => {
    const { task, session } = await loadForAssigning(tx, auth, taskId);
    const context = await loadRoutingContext(tx, studioId, session, { excludeTaskId: taskId, ...(task.assigneeId ? { includeMemberId: task.assigneeId } : {}) });
    const result = routeTask({ kind: task.kind, sessionId: session.id, estimateMinutes: task.estimateMinutes, startsAt: task.startsAt, id: task.id }, context);
    // The hours a task's booking takes: its estimate (none: 0), as availability.ts counts them.
    const estimate = task.estimateMinutes ?? 0;
    const routing = presentRouting(task.kind, result, { ...workOfTask({ id: task.id, startsAt: task.startsAt, estimateMinutes: task.estimateMinutes }, session), estimateMinutes: estimate });
    const assignee = task.assigneeId;
    const figures = [...routing.candidates, ...routing.ineligible].find((c) => c.member.id === assignee);
    const current = task.assignee && figures
      ? { member: task.assignee, bookedMinutes: figures.bookedMinutes + figures.addsMinutes, capacityMinutes: figures.capacityMinutes, freesMinutes: figures.addsMinutes }
      : null;
    return { taskId: task.id, version: task.version, routing, current };
  });
}

export async function listAssignments(ctx: AppContext, auth: AuthContext, taskId: string) {
  const task = await ctx.db.prisma.task.findFirst({ where: { id: taskId, studioId: auth.studioId }, select: { id: true, sessionId: true, assigneeId: true } });
  if (!task) throw notFound('Task', taskId);
  const { scope } = await sessionAccess(ctx.db.prisma, auth, task.sessionId, task.assigneeId);
  requireCan(auth, 'board.view', 'see this session', scope);
  // Who was chosen and why (routing reasons, broken rules) is the team's business.
  if (audienceOf(auth) === 'guest') throw forbidden("see a task's assignment history");
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

