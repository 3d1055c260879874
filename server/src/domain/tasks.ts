import {
  followUpTasks,
  resolveTaskKind,
  type CreateTaskInput,
  type RuleWarning,
  type Task,
  type TaskKind,
  type TaskStatus,
  type ColumnOrder,
  type MoveTaskInput,
  type MovedTask,
  type UnsequencedBoardEvent,
  type UpdateTaskInput,
} from '@patchbay/shared';
import { canChangeTaskStatus } from '@patchbay/shared';
import { requireCan, sessionAccess } from '../auth/access';
import type { AuthContext } from '../auth/auth-context';
import { audit } from '../auth/audit';
import type { AppContext } from '../context';
import type { Tx } from '../db/database';
import { AppError, notFound } from '../http/errors';
import { presentTask, taskInclude } from '../presenters/task';
import { appendBoardEvents, lockBoard } from './board-events';
import { runCommand, type CommandOptions } from './command';
import { loadCustomKinds } from './task-kinds';
import { manualAssignmentWarnings, routeNewTask } from './task-routing';

async function nextPosition(tx: Tx, sessionId: string, status: TaskStatus): Promise<number> {
  const last = await tx.task.findFirst({ where: { sessionId, status }, orderBy: { position: 'desc' }, select: { position: true } });
  return last ? last.position + 1 : 0;
}

async function requireMember(tx: Tx, studioId: string, memberId: string): Promise<{ id: string; name: string }> {
  const member = await tx.member.findFirst({ where: { id: memberId, studioId }, select: { id: true, name: true } });
  if (!member) {
    throw new AppError('VALIDATION_FAILED', `Member ${memberId} is not in this studio`, {
      issues: [{ location: 'body', path: 'assigneeId', message: 'no such member in this studio' }],
    });
  }
  return member;
}

async function requireSession(tx: Tx, studioId: string, sessionId: string) {
  const session = await tx.session.findFirst({ where: { id: sessionId, studioId } });
  if (!session) throw notFound('Session', sessionId);
  return session;
}

async function requireKind(tx: Tx, studioId: string, key: string): Promise<TaskKind> {
  const kind = resolveTaskKind(key, await loadCustomKinds(tx, studioId));
  if (!kind) {
    throw new AppError('VALIDATION_FAILED', `Unknown task kind "${key}"`, {
      issues: [{ location: 'body', path: 'kind', message: 'unknown task kind' }],
    });
  }
  return kind;
}

interface Assignment {
  assigneeId: string | null;
  routingReason: string;
  routingRule: string;
  assignedManually: boolean;
  warnings: RuleWarning[];
}

/** A person chose the assignee: allowed, but the reason says which rules it breaks. */
async function manualAssignment(
  tx: Tx,
  studioId: string,
  session: Awaited<ReturnType<typeof requireSession>>,
  kind: string,
  estimateMinutes: number | null,
  memberId: string | null,
  note: string | undefined,
): Promise<Assignment> {
  if (memberId === null) {
    return { assigneeId: null, routingReason: note ? `Left unassigned by hand: ${note}` : 'Left unassigned by hand.', routingRule: 'manual', assignedManually: true, warnings: [] };
  }
  const member = await requireMember(tx, studioId, memberId);
  const warnings = await manualAssignmentWarnings(tx, { studioId, session, kind, estimateMinutes, memberId });
  const parts = [`Assigned to ${member.name} by hand${note ? `: ${note}` : '.'}`];
  if (warnings.length) parts.push(`Overrides routing — ${warnings.map((w) => w.message).join(' ')}`);
  return { assigneeId: member.id, routingReason: parts.join(' '), routingRule: 'manual', assignedManually: true, warnings };
}

async function routedAssignment(
  tx: Tx,
  studioId: string,
  session: Awaited<ReturnType<typeof requireSession>>,
  kind: string,
  estimateMinutes: number | null,
): Promise<Assignment> {
  const routed = await routeNewTask(tx, { studioId, session, kind, estimateMinutes });
  return { assigneeId: routed.assigneeId, routingReason: routed.reason, routingRule: routed.rule, assignedManually: false, warnings: [] };
}

async function recordAssignment(tx: Tx, studioId: string, taskId: string, a: Assignment, actorId: string | null): Promise<void> {
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

export async function createTask(
  ctx: AppContext,
  auth: AuthContext,
  sessionId: string,
  input: CreateTaskInput,
  options: CommandOptions = {},
): Promise<Task> {
  return runCommand(
    ctx,
    async (tx) => {
      const studioId = auth.studioId;
      const access = await sessionAccess(tx, auth, sessionId);
      await lockBoard(tx, sessionId);
      requireCan(auth, 'tasks.create', 'add tasks to this session', access.scope);
      if (input.assigneeId !== undefined) requireCan(auth, 'tasks.assign', 'assign tasks in this session', access.scope);
      const session = await requireSession(tx, studioId, sessionId);
      const kind = await requireKind(tx, studioId, input.kind);
      const estimateMinutes = input.estimateMinutes === undefined ? kind.defaultEstimateMinutes : input.estimateMinutes;
      const assignment =
        input.assigneeId === undefined
          ? await routedAssignment(tx, studioId, session, kind.key, estimateMinutes)
          : await manualAssignment(tx, studioId, session, kind.key, estimateMinutes, input.assigneeId, input.assignmentNote);
      const status = input.status ?? 'TODO';
      const row = await tx.task.create({
        data: {
          studioId,
          sessionId,
          kind: kind.key,
          title: input.title,
          notes: input.notes ?? '',
          role: kind.defaultRole,
          status,
          estimateMinutes,
          dueAt: input.dueAt ? new Date(input.dueAt) : null,
          position: await nextPosition(tx, sessionId, status),
          assigneeId: assignment.assigneeId,
          routingReason: assignment.routingReason,
          routingRule: assignment.routingRule,
          assignedManually: assignment.assignedManually,
        },
        include: taskInclude,
      });
      await recordAssignment(tx, studioId, row.id, assignment, auth.memberId);
      const task = presentTask(row);
      const events = await appendBoardEvents(tx, sessionId, [{ type: 'task.created', sessionId, task }], auth);
      return { result: task, events };
    },
    options,
  );
}

async function loadTask(tx: Tx, studioId: string, taskId: string) {
  const row = await tx.task.findFirst({ where: { id: taskId, studioId }, include: taskInclude });
  if (!row) throw notFound('Task', taskId);
  return row;
}

/** Loads a task after taking its board's lock, so what is read is what the change is based on. */
async function loadTaskLocked(tx: Tx, studioId: string, taskId: string) {
  const found = await tx.task.findFirst({ where: { id: taskId, studioId }, select: { sessionId: true } });
  if (!found) throw notFound('Task', taskId);
  await lockBoard(tx, found.sessionId);
  return loadTask(tx, studioId, taskId);
}

function versionConflict(current: Task, basedOn: number): AppError {
  return new AppError(
    'VERSION_CONFLICT',
    `Task was changed by someone else (you edited version ${basedOn}, it is now at version ${current.version})`,
    { current },
  );
}

/** Tasks the completion of `task` creates (a mix review after an engineer's mix). */
async function createFollowUps(tx: Tx, studioId: string, task: Task): Promise<UnsequencedBoardEvent[]> {
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

export async function updateTask(
  ctx: AppContext,
  auth: AuthContext,
  taskId: string,
  input: UpdateTaskInput,
  options: CommandOptions = {},
): Promise<Task> {
  return runCommand(
    ctx,
    async (tx) => {
      const studioId = auth.studioId;
      const before = await loadTaskLocked(tx, studioId, taskId);
      const { scope } = await sessionAccess(tx, auth, before.sessionId, before.assigneeId);
      requireCan(auth, 'board.view', 'see this session', scope);
      const editsContent = ['title', 'notes', 'estimateMinutes', 'dueAt'].some((f) => input[f as keyof UpdateTaskInput] !== undefined);
      if (editsContent) requireCan(auth, 'tasks.edit', 'edit this task', scope);
      if (input.assigneeId !== undefined) requireCan(auth, 'tasks.assign', 'assign tasks in this session', scope);
      if (input.status !== undefined && !canChangeTaskStatus(auth.role, scope)) {
        throw new AppError('FORBIDDEN', 'You may only move your own tasks');
      }
      if (input.status === 'DONE' && before.kind === 'mix_review') requireCan(auth, 'mix.approve', 'approve mixes in this session', scope);
      if (before.version !== input.version) throw versionConflict(presentTask(before), input.version);
      const changed: string[] = [];
      const data: Record<string, unknown> = {};
      const set = (field: string, value: unknown, previous: unknown) => {
        if (value === undefined) return;
        const same = value instanceof Date && previous instanceof Date ? value.getTime() === previous.getTime() : value === previous;
        if (same) return;
        data[field] = value;
        changed.push(field);
      };
      set('title', input.title, before.title);
      set('notes', input.notes, before.notes);
      set('estimateMinutes', input.estimateMinutes, before.estimateMinutes);
      set('dueAt', input.dueAt === undefined ? undefined : input.dueAt === null ? null : new Date(input.dueAt), before.dueAt);
      let assignment: Assignment | undefined;
      if (input.assigneeId !== undefined && input.assigneeId !== before.assigneeId) {
        const session = await requireSession(tx, studioId, before.sessionId);
        const estimate = (data.estimateMinutes as number | null | undefined) ?? before.estimateMinutes;
        assignment = await manualAssignment(tx, studioId, session, before.kind, estimate, input.assigneeId, input.assignmentNote);
        set('assigneeId', assignment.assigneeId, before.assigneeId);
        Object.assign(data, { routingReason: assignment.routingReason, routingRule: assignment.routingRule, assignedManually: true });
      }
      set('status', input.status, before.status);
      const status = (input.status ?? before.status) as TaskStatus;
      // A status change from an edit form puts the task at the end of its new column; exact
      // placement goes through moveTask.
      if (status !== before.status) set('position', await nextPosition(tx, before.sessionId, status), before.position);
      if (changed.length === 0) return { result: presentTask(before), events: [] };

      // Compare-and-set on the version: a concurrent writer that committed first wins.
      const { count } = await tx.task.updateMany({ where: { id: taskId, version: input.version }, data: { ...data, version: { increment: 1 } } });
      if (count === 0) throw versionConflict(presentTask(await loadTask(tx, studioId, taskId)), input.version);
      if (assignment) await recordAssignment(tx, studioId, taskId, assignment, auth.memberId);
      const task = presentTask(await loadTask(tx, studioId, taskId));
      const pending: UnsequencedBoardEvent[] = [{ type: 'task.updated', sessionId: before.sessionId, task, changed }];
      if (changed.includes('status') && task.status === 'DONE') pending.push(...(await createFollowUps(tx, studioId, task)));
      const events = await appendBoardEvents(tx, before.sessionId, pending, auth);
      return { result: task, events };
    },
    options,
  );
}

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

export async function deleteTask(ctx: AppContext, auth: AuthContext, taskId: string, version: number | undefined, options: CommandOptions = {}): Promise<void> {
  await runCommand(
    ctx,
    async (tx) => {
      const before = await loadTaskLocked(tx, auth.studioId, taskId);
      const { scope } = await sessionAccess(tx, auth, before.sessionId, before.assigneeId);
      requireCan(auth, 'tasks.edit', 'delete tasks in this session', scope);
      if (version !== undefined && before.version !== version) throw versionConflict(presentTask(before), version);
      await tx.task.delete({ where: { id: taskId } });
      const events = await appendBoardEvents(tx, before.sessionId, [{ type: 'task.deleted', sessionId: before.sessionId, taskId }], auth);
      return { result: undefined, events };
    },
    options,
  );
}

/** Ids of a column in board order (optionally without one task). */
async function column(tx: Tx, sessionId: string, status: TaskStatus, without?: string): Promise<{ id: string; version: number }[]> {
  return tx.task.findMany({
    where: { sessionId, status, ...(without ? { NOT: { id: without } } : {}) },
    orderBy: [{ position: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, version: true },
  });
}

/** Dense positions 0..n-1 for a column; only rows whose position changes are written. */
async function renumber(tx: Tx, entries: { id: string }[], skip: string): Promise<void> {
  for (const [position, { id }] of entries.entries()) {
    if (id === skip) continue;
    // Raw on purpose: a neighbour's place changes, not the task itself (no version, no updatedAt).
    await tx.$executeRaw`UPDATE "Task" SET "position" = ${position} WHERE "id" = ${id}::uuid AND "position" <> ${position}`;
  }
}

/**
 * Moves a task to `index` in the `status` column. Runs under the board lock, renumbers the
 * columns it touches, and sends their full order in the event, so concurrent moves by several
 * people end in one order on every screen.
 */
export async function moveTask(ctx: AppContext, auth: AuthContext, taskId: string, input: MoveTaskInput, options: CommandOptions = {}): Promise<MovedTask> {
  return runCommand(
    ctx,
    async (tx) => {
      const studioId = auth.studioId;
      const before = await loadTaskLocked(tx, studioId, taskId);
      const { scope } = await sessionAccess(tx, auth, before.sessionId, before.assigneeId);
      requireCan(auth, 'board.view', 'see this session', scope);
      if (!canChangeTaskStatus(auth.role, scope)) throw new AppError('FORBIDDEN', 'You may only move your own tasks');
      if (input.status === 'DONE' && before.status !== 'DONE' && before.kind === 'mix_review') {
        requireCan(auth, 'mix.approve', 'approve mixes in this session', scope);
      }
      if (before.version !== input.version) throw versionConflict(presentTask(before), input.version);

      if (before.status === input.status) {
        const current = await column(tx, before.sessionId, input.status);
        if (current.findIndex((t) => t.id === taskId) === Math.min(input.index, current.length - 1)) {
          return { result: { task: presentTask(before), columns: { [input.status]: current } }, events: [] };
        }
      }
      const target = await column(tx, before.sessionId, input.status, taskId);
      const index = Math.min(input.index, target.length);
      const source = before.status !== input.status ? await column(tx, before.sessionId, before.status, taskId) : null;
      await renumber(tx, [...target.slice(0, index), { id: taskId }, ...target.slice(index)], taskId);
      if (source) await renumber(tx, source, taskId);
      await tx.task.update({ where: { id: taskId }, data: { status: input.status, position: index, version: { increment: 1 } } });
      const task = presentTask(await loadTask(tx, studioId, taskId));
      const columns: ColumnOrder = { [input.status]: [...target.slice(0, index), { id: taskId, version: task.version }, ...target.slice(index)] };
      if (source) columns[before.status] = source;
      const pending: UnsequencedBoardEvent[] = [{ type: 'task.moved', sessionId: before.sessionId, task, columns }];
      if (before.status !== 'DONE' && task.status === 'DONE') pending.push(...(await createFollowUps(tx, studioId, task)));
      const events = await appendBoardEvents(tx, before.sessionId, pending, auth);
      return { result: { task, columns }, events };
    },
    options,
  );
}
