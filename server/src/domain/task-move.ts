// Drag and drop: moving a task to a column and a place in it.
import {
  type TaskStatus,
  type ColumnOrder,
  type MoveTaskInput,
  type MovedTask,
  type UnsequencedBoardEvent,
} from '@patchbay/shared';
import { blockedReasonAfter, blockedReasonRefusal, canChangeTaskStatus } from '@patchbay/shared';
import { requireCan, sessionAccess } from '../auth/access';
import type { AuthContext } from '../auth/auth-context';
import type { AppContext } from '../context';
import type { Tx } from '../db/database';
import { AppError, invalidField } from '../errors';
import { presentTask } from '../presenters/task';
import { appendBoardEvents } from './board-events';
import { promoteOnWork } from './session-status';
import { runCommand, type CommandOptions } from './command';
import {
  createFollowUps,
  loadTask,
  loadTaskLocked,
  versionConflict,
} from './task-support';

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
  return runCommand<MovedTask>(
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

      const refusal = blockedReasonRefusal(input.status, input.blockedReason);
      if (refusal) throw invalidField('blockedReason', refusal);
      const blockedReason = blockedReasonAfter(input.status, input.blockedReason, before.blockedReason);
      if (before.status === input.status && blockedReason === before.blockedReason) {
        const current = await column(tx, before.sessionId, input.status);
        if (current.findIndex((t) => t.id === taskId) === Math.min(input.index, current.length - 1)) {
          return { result: { task: presentTask(before), columns: { [input.status]: current }, seq: null }, events: [] };
        }
      }
      const target = await column(tx, before.sessionId, input.status, taskId);
      const index = Math.min(input.index, target.length);
      const source = before.status !== input.status ? await column(tx, before.sessionId, before.status, taskId) : null;
      await renumber(tx, [...target.slice(0, index), { id: taskId }, ...target.slice(index)], taskId);
      if (source) await renumber(tx, source, taskId);
      await tx.task.update({ where: { id: taskId }, data: { status: input.status, position: index, blockedReason, version: { increment: 1 } } });
      const task = presentTask(await loadTask(tx, studioId, taskId));
      const columns: ColumnOrder = { [input.status]: [...target.slice(0, index), { id: taskId, version: task.version }, ...target.slice(index)] };
      if (source) columns[before.status] = source;
      const pending: UnsequencedBoardEvent[] = [{ type: 'task.moved', sessionId: before.sessionId, task, columns }];
      if (before.status !== 'DONE' && task.status === 'DONE') pending.push(...(await createFollowUps(tx, studioId, task)));
      // Work under way starts a planned session: its own event, after the move, in the same log.
      pending.push(...(await promoteOnWork(tx, auth, before.sessionId, { kind: 'task', from: before.status, to: task.status })));
      const events = await appendBoardEvents(tx, before.sessionId, pending, auth);
      return { result: { task, columns, seq: events[0]!.seq }, events };
    },
    options,
  );
}

