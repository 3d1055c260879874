import type { CreateTaskInput, Task, TaskStatus } from '@patchbay/shared';
import { TASK_STATUS_LABELS } from '@patchbay/shared/domain/roles';
import { useCallback, useState } from 'react';
import { useApi } from '../api/api-context';
import { conflictingTask, errorMessage } from '../api/client';
import { ApiError } from '../api/http';
import { useNotices } from '../components/notices';
import type { BoardAction } from './board-state';

export interface TaskActions {
  /** Ids of tasks with a write in flight. */
  busy: ReadonlySet<string>;
  move(task: Task, status: TaskStatus): Promise<void>;
  remove(task: Task): Promise<void>;
  /** Creates a task; resolves with it, rejects with the ApiError (the form shows it). */
  create(input: CreateTaskInput): Promise<Task>;
  /**
   * Assigns by hand (null: unassigned). Resolves true when done or when the task changed under
   * us (a notice says so: the dialog can close); rejects with other errors (the dialog shows them).
   */
  assign(task: Task, assigneeId: string | null, note: string): Promise<boolean>;
  /** Lets routing pick again (replaces an assignment made by hand). */
  reroute(task: Task): Promise<void>;
}

const quoted = (title: string) => `“${title}”`;

/**
 * Writes from this board. Results are applied to the board at once (our own events are not
 * echoed to our socket). A 409 applies the server's current task and says what happened.
 */
export function useTaskActions(sessionId: string, dispatch: (action: BoardAction) => void): TaskActions {
  const api = useApi();
  const { notify } = useNotices();
  const [busy, setBusy] = useState<ReadonlySet<string>>(() => new Set());

  const track = useCallback(async (taskId: string, work: () => Promise<void>) => {
    setBusy((prev) => new Set(prev).add(taskId));
    try {
      await work();
    } finally {
      setBusy((prev) => {
        const next = new Set(prev);
        next.delete(taskId);
        return next;
      });
    }
  }, []);

  /** Shared handling of failures of a write to an existing task. */
  const handleWriteError = useCallback(
    (task: Task, err: unknown, verb: 'move' | 'delete' | 'assign' | 're-route') => {
      const current = conflictingTask(err);
      if (current) {
        dispatch({ type: 'taskSaved', task: current });
        notify({
          tone: 'warning',
          title: `Couldn't ${verb} ${quoted(task.title)}: someone else changed it first.`,
          message: `It is now in ${TASK_STATUS_LABELS[current.status]}. The board shows the latest version; check it and try again.`,
        });
        return;
      }
      if (err instanceof ApiError && err.code === 'NOT_FOUND') {
        dispatch({ type: 'taskRemoved', taskId: task.id });
        notify({ tone: 'warning', title: `${quoted(task.title)} was already deleted by someone else.` });
        return;
      }
      notify({ tone: 'error', title: `Couldn't ${verb} ${quoted(task.title)}.`, message: errorMessage(err) });
    },
    [dispatch, notify],
  );

  const move = useCallback(
    (task: Task, status: TaskStatus) =>
      track(task.id, async () => {
        try {
          const saved = await api.updateTask(task.id, { version: task.version, status });
          dispatch({ type: 'taskSaved', task: saved });
        } catch (err) {
          handleWriteError(task, err, 'move');
        }
      }),
    [api, dispatch, handleWriteError, track],
  );

  const remove = useCallback(
    (task: Task) =>
      track(task.id, async () => {
        try {
          await api.deleteTask(task.id, task.version);
          dispatch({ type: 'taskRemoved', taskId: task.id });
          notify({ tone: 'success', title: `Deleted ${quoted(task.title)}.` });
        } catch (err) {
          handleWriteError(task, err, 'delete');
        }
      }),
    [api, dispatch, handleWriteError, notify, track],
  );

  const create = useCallback(
    async (input: CreateTaskInput) => {
      const task = await api.createTask(sessionId, input);
      dispatch({ type: 'taskSaved', task });
      return task;
    },
    [api, dispatch, sessionId],
  );

  const assign = useCallback(
    async (task: Task, assigneeId: string | null, note: string) => {
      let done = false;
      await track(task.id, async () => {
        try {
          const input = note.trim() && assigneeId ? { version: task.version, assigneeId, assignmentNote: note.trim() } : { version: task.version, assigneeId };
          const saved = await api.updateTask(task.id, input);
          dispatch({ type: 'taskSaved', task: saved });
          notify({
            tone: 'success',
            title: saved.assignee ? `Assigned ${quoted(task.title)} to ${saved.assignee.name}.` : `${quoted(task.title)} is now unassigned.`,
          });
          done = true;
        } catch (err) {
          if (conflictingTask(err) || (err instanceof ApiError && err.code === 'NOT_FOUND')) {
            handleWriteError(task, err, 'assign');
            done = true;
            return;
          }
          throw err;
        }
      });
      return done;
    },
    [api, dispatch, handleWriteError, notify, track],
  );

  const reroute = useCallback(
    (task: Task) =>
      track(task.id, async () => {
        try {
          const saved = await api.rerouteTask(task.id, task.version);
          dispatch({ type: 'taskSaved', task: saved });
          notify({
            tone: 'success',
            title: saved.assignee ? `Re-routed ${quoted(task.title)} to ${saved.assignee.name}.` : `Re-routed ${quoted(task.title)}: nobody fits, it is unassigned.`,
            message: saved.routingReason,
          });
        } catch (err) {
          handleWriteError(task, err, 're-route');
        }
      }),
    [api, dispatch, handleWriteError, notify, track],
  );

  return { busy, move, remove, create, assign, reroute };
}
