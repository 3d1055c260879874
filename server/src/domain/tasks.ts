import {
  resolveTaskKind,
  type CreateTaskInput,
  type MemberRole,
  type Task,
  type TaskStatus,
  type UpdateTaskInput,
} from '@patchbay/shared';
import type { AppContext } from '../context';
import type { Tx } from '../db/database';
import { AppError, notFound } from '../http/errors';
import { presentTask, taskInclude } from '../presenters/task';
import { appendBoardEvents } from './board-events';
import { runCommand, type CommandOptions } from './command';
import { routeNewTask } from './task-routing';

async function nextPosition(tx: Tx, sessionId: string, status: TaskStatus): Promise<number> {
  const last = await tx.task.findFirst({ where: { sessionId, status }, orderBy: { position: 'desc' }, select: { position: true } });
  return last ? last.position + 1 : 0;
}

async function requireMember(tx: Tx, studioId: string, memberId: string): Promise<{ id: string; name: string }> {
  const member = await tx.member.findFirst({ where: { id: memberId, studioId }, select: { id: true, name: true } });
  if (!member) throw new AppError('VALIDATION_FAILED', `Member ${memberId} is not in this studio`, {
    issues: [{ location: 'body', path: 'assigneeId', message: 'no such member in this studio' }],
  });
  return member;
}

export async function createTask(
  ctx: AppContext,
  studioId: string,
  sessionId: string,
  input: CreateTaskInput,
  options: CommandOptions = {},
): Promise<Task> {
  const kind = resolveTaskKind(input.kind, []);
  if (!kind) {
    throw new AppError('VALIDATION_FAILED', `Unknown task kind "${input.kind}"`, {
      issues: [{ location: 'body', path: 'kind', message: 'unknown task kind' }],
    });
  }
  return runCommand(
    ctx,
    async (tx) => {
      const session = await tx.session.findFirst({ where: { id: sessionId, studioId } });
      if (!session) throw notFound('Session', sessionId);
      const role: MemberRole = input.role ?? kind.defaultRole;
      let assigneeId: string | null;
      let routingReason: string;
      if (input.assigneeId) {
        const member = await requireMember(tx, studioId, input.assigneeId);
        assigneeId = member.id;
        routingReason = `Assigned to ${member.name} by hand.`;
      } else if (input.assigneeId === null) {
        assigneeId = null;
        routingReason = 'Left unassigned on purpose.';
      } else {
        ({ assigneeId, reason: routingReason } = await routeNewTask(tx, { studioId, session, kind: input.kind, role }));
      }
      const status = input.status ?? 'TODO';
      const row = await tx.task.create({
        data: {
          studioId,
          sessionId,
          kind: input.kind,
          title: input.title,
          notes: input.notes ?? '',
          role,
          assigneeId,
          status,
          estimateMinutes: input.estimateMinutes ?? kind.defaultEstimateMinutes ?? null,
          dueAt: input.dueAt ? new Date(input.dueAt) : null,
          position: await nextPosition(tx, sessionId, status),
          routingReason,
        },
        include: taskInclude,
      });
      const task = presentTask(row);
      const events = await appendBoardEvents(tx, sessionId, [{ type: 'task.created', sessionId, task }]);
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

function versionConflict(current: Task, basedOn: number): AppError {
  return new AppError(
    'VERSION_CONFLICT',
    `Task was changed by someone else (you edited version ${basedOn}, it is now at version ${current.version})`,
    { current },
  );
}

export async function updateTask(
  ctx: AppContext,
  studioId: string,
  taskId: string,
  input: UpdateTaskInput,
  options: CommandOptions = {},
): Promise<Task> {
  return runCommand(
    ctx,
    async (tx) => {
      const before = await loadTask(tx, studioId, taskId);
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
      if (input.assigneeId !== undefined && input.assigneeId !== before.assigneeId) {
        const member = input.assigneeId ? await requireMember(tx, studioId, input.assigneeId) : null;
        set('assigneeId', member?.id ?? null, before.assigneeId);
        data.routingReason = member ? `Assigned to ${member.name} by hand.` : 'Unassigned by hand.';
      }
      set('status', input.status, before.status);
      const status = (input.status ?? before.status) as TaskStatus;
      if (input.position !== undefined) set('position', input.position, before.position);
      else if (status !== before.status) set('position', await nextPosition(tx, before.sessionId, status), before.position);
      if (changed.length === 0) return { result: presentTask(before), events: [] };

      // Compare-and-set on the version: a concurrent writer that committed first wins.
      const { count } = await tx.task.updateMany({
        where: { id: taskId, version: input.version },
        data: { ...data, version: { increment: 1 } },
      });
      if (count === 0) throw versionConflict(presentTask(await loadTask(tx, studioId, taskId)), input.version);
      const task = presentTask(await loadTask(tx, studioId, taskId));
      const events = await appendBoardEvents(tx, before.sessionId, [{ type: 'task.updated', sessionId: before.sessionId, task, changed }]);
      return { result: task, events };
    },
    options,
  );
}

export async function deleteTask(
  ctx: AppContext,
  studioId: string,
  taskId: string,
  version: number | undefined,
  options: CommandOptions = {},
): Promise<void> {
  await runCommand(
    ctx,
    async (tx) => {
      const before = await loadTask(tx, studioId, taskId);
      if (version !== undefined && before.version !== version) throw versionConflict(presentTask(before), version);
      await tx.task.delete({ where: { id: taskId } });
      const events = await appendBoardEvents(tx, before.sessionId, [{ type: 'task.deleted', sessionId: before.sessionId, taskId }]);
      return { result: undefined, events };
    },
    options,
  );
}
