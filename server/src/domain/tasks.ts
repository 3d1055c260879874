// Creating, editing and deleting tasks: each in one transaction under the board lock, with its
// board event, broadcast after commit.
import {
  type CreateTaskInput,
  type Task,
  type TaskStatus,
  type UnsequencedBoardEvent,
  type UpdateTaskInput,
} from '@patchbay/shared';
import { blockedReasonAfter, blockedReasonRefusal, canChangeTaskStatus } from '@patchbay/shared';
import { requireCan, sessionAccess } from '../auth/access';
import type { AuthContext } from '../auth/auth-context';
import type { AppContext } from '../context';
import { AppError, invalidField } from '../errors';
import { presentTask, taskInclude } from '../presenters/task';
import { appendBoardEvents, lockBoard } from './board-events';
import { runCommand, type CommandOptions } from './command';
import { takeBackComments } from './comments';
import {
  createFollowUps,
  loadTask,
  loadTaskLocked,
  manualAssignment,
  nextPosition,
  recordAssignment,
  requireKind,
  requireSession,
  routedAssignment,
  studioTimeZone,
  versionConflict,
  type Assignment,
} from './task-support';
import { checkTaskTime } from './task-times';
import { promoteOnWork } from './session-status';

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
      const startsAt = input.startsAt ? new Date(input.startsAt) : null;
      checkTaskTime(session, startsAt, estimateMinutes, await studioTimeZone(tx, studioId));
      const assignment =
        input.assigneeId === undefined
          ? await routedAssignment(tx, studioId, session, kind.key, estimateMinutes, { startsAt })
          : await manualAssignment(tx, studioId, session, kind.key, estimateMinutes, input.assigneeId, input.assignmentNote, { startsAt });
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
          startsAt,
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
      // A task created already under way starts its session (same transaction, same log).
      const promoted = await promoteOnWork(tx, auth, sessionId, { kind: 'task', from: null, to: task.status });
      const events = await appendBoardEvents(tx, sessionId, [{ type: 'task.created', sessionId, task }, ...promoted], auth);
      return { result: task, events };
    },
    options,
  );
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
      // A change that places the task or books someone takes the board's lock for the whole
      // transaction. A content edit (title, notes, due date) reads and checks without it and
      // takes it just before its compare-and-set on the version, so the lock is held only for
      // the write, its event and the commit (always the board before the task, as everywhere).
      const placesOrBooks = input.status !== undefined || input.assigneeId !== undefined || input.startsAt !== undefined || input.estimateMinutes !== undefined;
      const before = placesOrBooks ? await loadTaskLocked(tx, studioId, taskId) : await loadTask(tx, studioId, taskId);
      const { scope } = await sessionAccess(tx, auth, before.sessionId, before.assigneeId);
      requireCan(auth, 'board.view', 'see this session', scope);
      const editsContent = ['title', 'notes', 'estimateMinutes', 'dueAt', 'startsAt'].some((f) => input[f as keyof UpdateTaskInput] !== undefined);
      if (editsContent) requireCan(auth, 'tasks.edit', 'edit this task', scope);
      if (input.assigneeId !== undefined) requireCan(auth, 'tasks.assign', 'assign tasks in this session', scope);
      if ((input.status !== undefined || input.blockedReason !== undefined) && !canChangeTaskStatus(auth.role, scope)) {
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
      set('startsAt', input.startsAt === undefined ? undefined : input.startsAt === null ? null : new Date(input.startsAt), before.startsAt);
      const estimate = input.estimateMinutes === undefined ? before.estimateMinutes : input.estimateMinutes;
      const startsAt = input.startsAt === undefined ? before.startsAt : input.startsAt === null ? null : new Date(input.startsAt);
      if (changed.includes('startsAt') || changed.includes('estimateMinutes')) {
        checkTaskTime(await requireSession(tx, studioId, before.sessionId), startsAt, estimate, await studioTimeZone(tx, studioId));
      }
      let assignment: Assignment | undefined;
      if (input.assigneeId !== undefined && input.assigneeId !== before.assigneeId) {
        const session = await requireSession(tx, studioId, before.sessionId);
        assignment = await manualAssignment(tx, studioId, session, before.kind, estimate, input.assigneeId, input.assignmentNote, { startsAt, taskId });
        set('assigneeId', assignment.assigneeId, before.assigneeId);
        Object.assign(data, { routingReason: assignment.routingReason, routingRule: assignment.routingRule, assignedManually: true });
      }
      set('status', input.status, before.status);
      const status = (input.status ?? before.status) as TaskStatus;
      // A status change from an edit form puts the task at the end of its new column; exact
      // placement goes through moveTask.
      if (status !== before.status) set('position', await nextPosition(tx, before.sessionId, status), before.position);
      const refusal = blockedReasonRefusal(status, input.blockedReason);
      if (refusal) throw invalidField('blockedReason', refusal);
      set('blockedReason', blockedReasonAfter(status, input.blockedReason, before.blockedReason), before.blockedReason);
      if (changed.length === 0) return { result: presentTask(before), events: [] };

      if (!placesOrBooks) await lockBoard(tx, before.sessionId);
      // Compare-and-set on the version: a concurrent writer that committed first wins.
      const updated = await tx.task.updateManyAndReturn({ where: { id: taskId, version: input.version }, data: { ...data, version: { increment: 1 } }, include: taskInclude });
      if (updated.length === 0) throw versionConflict(presentTask(await loadTask(tx, studioId, taskId)), input.version);
      if (assignment) await recordAssignment(tx, studioId, taskId, assignment, auth.memberId);
      const task = presentTask(updated[0]!);
      const pending: UnsequencedBoardEvent[] = [{ type: 'task.updated', sessionId: before.sessionId, task, changed }];
      if (changed.includes('status') && task.status === 'DONE') pending.push(...(await createFollowUps(tx, studioId, task)));
      if (changed.includes('status')) pending.push(...(await promoteOnWork(tx, auth, before.sessionId, { kind: 'task', from: before.status, to: task.status })));
      const events = await appendBoardEvents(tx, before.sessionId, pending, auth);
      return { result: task, events };
    },
    options,
  );
}


export async function deleteTask(ctx: AppContext, auth: AuthContext, taskId: string, version: number | undefined, options: CommandOptions = {}): Promise<void> {
  await runCommand(
    ctx,
    async (tx) => {
      const before = await loadTaskLocked(tx, auth.studioId, taskId);
      const { scope } = await sessionAccess(tx, auth, before.sessionId, before.assigneeId);
      requireCan(auth, 'tasks.edit', 'delete tasks in this session', scope);
      if (version !== undefined && before.version !== version) throw versionConflict(presentTask(before), version);
      // Its comments go with it, their words out of the log, and the people they named are told.
      const { named } = await takeBackComments(tx, before.sessionId, { taskId });
      await tx.task.delete({ where: { id: taskId } });
      const events = await appendBoardEvents(tx, before.sessionId, [{ type: 'task.deleted', sessionId: before.sessionId, taskId }], auth);
      return { result: undefined, events, mentioned: named };
    },
    options,
  );
}

