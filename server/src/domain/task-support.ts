// What the task commands share: lookups under the studio scope, the board lock, version
// conflicts, assignments (routed or by hand) with their history, and follow-up tasks.
import {
  followUpTasks,
  resolveTaskKind,
  type RuleWarning,
  type Task,
  type TaskKind,
  type TaskStatus,
  type UnsequencedBoardEvent,
} from '@patchbay/shared';
import { audit } from '../auth/audit';
import type { Tx } from '../db/database';
import { AppError, notFound } from '../errors';
import { presentTask, taskInclude } from '../presenters/task';
import { loadCustomKinds } from './task-kinds';
import { manualAssignmentWarnings, routeNewTask } from './task-routing';

export async function nextPosition(tx: Tx, sessionId: string, status: TaskStatus): Promise<number> {
  const last = await tx.task.findFirst({ where: { sessionId, status }, orderBy: { position: 'desc' }, select: { position: true } });
  return last ? last.position + 1 : 0;
}

export async function requireMember(tx: Tx, studioId: string, memberId: string): Promise<{ id: string; name: string }> {
  const member = await tx.member.findFirst({ where: { id: memberId, studioId }, select: { id: true, name: true } });
  if (!member) {
    throw new AppError('VALIDATION_FAILED', `Member ${memberId} is not in this studio`, {
      issues: [{ location: 'body', path: 'assigneeId', message: 'no such member in this studio' }],
    });
  }
  return member;
}

export async function requireSession(tx: Tx, studioId: string, sessionId: string) {
  const session = await tx.session.findFirst({ where: { id: sessionId, studioId } });
  if (!session) throw notFound('Session', sessionId);
  return session;
}

export async function requireKind(tx: Tx, studioId: string, key: string): Promise<TaskKind> {
  const kind = resolveTaskKind(key, await loadCustomKinds(tx, studioId));
  if (!kind) {
    throw new AppError('VALIDATION_FAILED', `Unknown task kind "${key}"`, {
      issues: [{ location: 'body', path: 'kind', message: 'unknown task kind' }],
    });
  }
  return kind;
}

export interface Assignment {
  assigneeId: string | null;
  routingReason: string;
  routingRule: string;
  assignedManually: boolean;
  warnings: RuleWarning[];
}

export async function studioTimeZone(tx: Tx, studioId: string): Promise<string> {
  const studio = await tx.studio.findUniqueOrThrow({ where: { id: studioId }, select: { timezone: true } });
  return studio.timezone;
}

/** When a task takes place, for the availability rules: its own time, and its id once it exists. */
export interface TaskTiming {
  startsAt?: Date | null;
  taskId?: string;
}

/** A person chose the assignee: allowed, but the reason says which rules it breaks. */
export async function manualAssignment(
  tx: Tx,
  studioId: string,
  session: Awaited<ReturnType<typeof requireSession>>,
  kind: string,
  estimateMinutes: number | null,
  memberId: string | null,
  note: string | undefined,
  timing: TaskTiming = {},
): Promise<Assignment> {
  if (memberId === null) {
    return { assigneeId: null, routingReason: note ? `Left unassigned by hand: ${note}` : 'Left unassigned by hand.', routingRule: 'manual', assignedManually: true, warnings: [] };
  }
  const member = await requireMember(tx, studioId, memberId);
  const warnings = await manualAssignmentWarnings(tx, { studioId, session, kind, estimateMinutes, memberId, ...timing });
  const parts = [`Assigned to ${member.name} by hand${note ? `: ${note}` : '.'}`];
  if (warnings.length) parts.push(`Overrides routing — ${warnings.map((w) => w.message).join(' ')}`);
  return { assigneeId: member.id, routingReason: parts.join(' '), routingRule: 'manual', assignedManually: true, warnings };
}

export async function routedAssignment(
  tx: Tx,
  studioId: string,
  session: Awaited<ReturnType<typeof requireSession>>,
  kind: string,
  estimateMinutes: number | null,
  timing: TaskTiming = {},
): Promise<Assignment> {
  const routed = await routeNewTask(tx, { studioId, session, kind, estimateMinutes, ...timing });
  return { assigneeId: routed.assigneeId, routingReason: routed.reason, routingRule: routed.rule, assignedManually: false, warnings: [] };
}

export async function recordAssignment(tx: Tx, studioId: string, taskId: string, a: Assignment, actorId: string | null): Promise<void> {
  await tx.taskAssignment.create({
    data: {
      taskId, assigneeId: a.assigneeId, byMemberId: a.assignedManually ? actorId : null, manual: a.assignedManually,
      rule: a.routingRule, reason: a.routingReason, warnings: a.warnings.map((w) => ({ ...w })),
    },
  });
  await audit(tx, {
    studioId, actorId, action: a.assignedManually ? 'task.assigned_by_hand' : 'task.routed', entityType: 'task', entityId: taskId,
    details: { assigneeId: a.assigneeId, rule: a.routingRule, reason: a.routingReason, warnings: a.warnings.map((w) => w.code) },
  });
}

export async function loadTask(tx: Tx, studioId: string, taskId: string) {
  const row = await tx.task.findFirst({ where: { id: taskId, studioId }, include: taskInclude });
  if (!row) throw notFound('Task', taskId);
  return row;
}

/** Loads a task after taking its board's lock, so what is read is what the change is based on. */
export async function loadTaskLocked(tx: Tx, studioId: string, taskId: string) {
  // Finds the task's board and takes its lock in one statement.
  const [found] = await tx.$queryRaw<Array<{ sessionId: string }>>`
    SELECT s."id" AS "sessionId" FROM "Task" t JOIN "Session" s ON s."id" = t."sessionId"
    WHERE t."id" = ${taskId}::uuid AND t."studioId" = ${studioId}::uuid FOR UPDATE OF s`;
  if (!found) throw notFound('Task', taskId);
  return loadTask(tx, studioId, taskId);
}

export function versionConflict(current: Task, basedOn: number): AppError {
  return new AppError(
    'VERSION_CONFLICT',
    `Task was changed by someone else (you edited version ${basedOn}, it is now at version ${current.version})`,
    { current },
  );
}

/** Tasks the completion of `task` creates (a mix review after an engineer's mix). */
export async function createFollowUps(tx: Tx, studioId: string, task: Task): Promise<UnsequencedBoardEvent[]> {
  const session = await requireSession(tx, studioId, task.sessionId);
  const existing = await tx.task.findMany({ where: { sessionId: task.sessionId }, select: { kind: true, status: true } });
  const specs = followUpTasks(
    { id: task.id, kind: task.kind, title: task.title, status: task.status, role: task.role, assigneeId: task.assignee?.id ?? null, sessionId: task.sessionId },
    { id: session.id, title: session.title, producerId: session.producerId },
    existing,
  );
  const events: UnsequencedBoardEvent[] = [];
  for (const spec of specs) {
    const assignment: Assignment = spec.assigneeId
      ? { assigneeId: spec.assigneeId, routingReason: spec.routingReason, routingRule: 'session_staff', assignedManually: false, warnings: [] }
      : await routedAssignment(tx, studioId, session, spec.kind, spec.estimateMinutes);
    const row = await tx.task.create({
      data: {
        studioId,
        sessionId: spec.sessionId,
        kind: spec.kind,
        title: spec.title,
        role: spec.role,
        estimateMinutes: spec.estimateMinutes,
        position: await nextPosition(tx, spec.sessionId, 'TODO'),
        assigneeId: assignment.assigneeId,
        routingReason: assignment.routingReason,
        routingRule: assignment.routingRule,
      },
      include: taskInclude,
    });
    await recordAssignment(tx, studioId, row.id, assignment, null);
    events.push({ type: 'task.created', sessionId: spec.sessionId, task: presentTask(row) });
  }
  return events;
}

