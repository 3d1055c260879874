import type { CreateTaskInput, Task, TaskStatus } from '@patchbay/shared';
import { TASK_STATUS_LABELS } from '@patchbay/shared/domain/roles';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '../api/api-context';
import { conflictingTask, errorMessage } from '../api/client';
import { ApiError } from '../api/http';
import { useNotices } from '../components/notices';
import type { LocalChange } from './activity';
import type { BoardAction, TaskColumns } from './board-state';
import type { Override, TaskEdits } from './optimistic';

/** An edit the server refused because someone else saved first. */
export interface EditConflict {
  /** The task as it was when the edit began. */
  base: Task;
  /** Only the fields this person changed. */
  mine: TaskEdits;
  /** The task as it is now on the server (409 details.current). */
  current: Task;
}

export interface TaskActions {
  /** Ids of tasks with a write in flight. */
  busy: ReadonlySet<string>;
  /** Our writes in flight, shown before the server answers (see optimistic.ts). */
  overrides: ReadonlyMap<string, Override>;
  /** Status change from a button: the task goes to the end of the column. Resolves true when saved. */
  move(task: Task, status: TaskStatus): Promise<boolean>;
  /** Drag and drop: the task to `index` (0 = top) of the `status` column. Resolves true when saved. */
  place(task: Task, status: TaskStatus, index: number): Promise<boolean>;
  /** Title, notes, estimate, due time; a 409 goes to `onConflict`. */
  edit(task: Task, fields: TaskEdits): Promise<void>;
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

export interface TaskActionOptions {
  /** The board as shown now (for "the end of a column"). */
  getColumns: () => TaskColumns;
  /** One of our writes was saved (for the activity feed). */
  onSaved?: (change: LocalChange) => void;
  /** An edit met a newer version: let the person compare and choose. */
  onConflict?: (conflict: EditConflict) => void;
  /** After any saved write (fetch the events it made). */
  afterWrite?: () => void;
}

const quoted = (title: string) => `“${title}”`;

/** Fields whose change an answer reports, for the feed's "changed the notes of …". */
function changedFields(before: Task, after: Task): string[] {
  const fields: (keyof Task)[] = ['title', 'notes', 'estimateMinutes', 'dueAt', 'startsAt', 'status', 'position'];
  const changed: string[] = fields.filter((f) => before[f] !== after[f]);
  if (before.assignee?.id !== after.assignee?.id) changed.push('assigneeId');
  if (before.routingRule !== after.routingRule) changed.push('routingRule');
  return changed;
}

/**
 * Writes from this board. Status changes and edits show at once (an override on top of the
 * reducer) and the answer replaces them; a refusal rolls back to the server's truth with a
 * notice. Results are applied to the board directly (our own events are not echoed to our socket).
 */
export function useTaskActions(sessionId: string, dispatch: (action: BoardAction) => void, options: TaskActionOptions): TaskActions {
  const api = useApi();
  const { notify } = useNotices();
  const [busy, setBusy] = useState<ReadonlySet<string>>(() => new Set());
  const [overrides, setOverrides] = useState<ReadonlyMap<string, Override>>(() => new Map());
  const optionsRef = useRef(options);
  useEffect(() => {
    optionsRef.current = options;
  });

  const setOverride = useCallback((taskId: string, override: Override | null) => {
    setOverrides((prev) => {
      if (!override && !prev.has(taskId)) return prev;
      const next = new Map(prev);
      if (override) next.set(taskId, override);
      else next.delete(taskId);
      return next;
    });
  }, []);

  const saved = useCallback((change: LocalChange) => {
    optionsRef.current.onSaved?.(change);
    optionsRef.current.afterWrite?.();
  }, []);

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
    (task: Task, err: unknown, verb: 'move' | 'delete' | 'assign' | 're-route' | 'save') => {
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
      // A refused move or edit was already shown: say that the board is back to the truth.
      const rolledBack = (verb === 'move' || verb === 'save') && err instanceof ApiError && err.code === 'FORBIDDEN';
      const why = rolledBack ? `${errorMessage(err)} The board shows it as it was.` : errorMessage(err);
      notify({ tone: 'error', title: `Couldn't ${verb} ${quoted(task.title)}.`, message: why });
    },
    [dispatch, notify],
  );

  const move = useCallback(
    async (task: Task, status: TaskStatus) => {
      let ok = false;
      await track(task.id, async () => {
        const end = optionsRef.current.getColumns()[status].filter((t) => t.id !== task.id).length;
        setOverride(task.id, { kind: 'move', baseVersion: task.version, status, index: end });
        try {
          const answer = await api.updateTask(task.id, { version: task.version, status });
          dispatch({ type: 'taskSaved', task: answer });
          setOverride(task.id, null);
          saved({ type: 'task.updated', task: answer, changed: changedFields(task, answer) });
          ok = true;
        } catch (err) {
          setOverride(task.id, null);
          handleWriteError(task, err, 'move');
        }
      });
      return ok;
    },
    [api, dispatch, handleWriteError, saved, setOverride, track],
  );

  const place = useCallback(
    async (task: Task, status: TaskStatus, index: number) => {
      let ok = false;
      await track(task.id, async () => {
        setOverride(task.id, { kind: 'move', baseVersion: task.version, status, index });
        try {
          const answer = await api.moveTask(task.id, { version: task.version, status, index });
          dispatch({ type: 'taskMoved', task: answer.task, columns: answer.columns, seq: answer.seq });
          setOverride(task.id, null);
          if (answer.task.version !== task.version) saved({ type: 'task.moved', task: answer.task, columns: answer.columns });
          ok = true;
        } catch (err) {
          setOverride(task.id, null);
          handleWriteError(task, err, 'move');
        }
      });
      return ok;
    },
    [api, dispatch, handleWriteError, saved, setOverride, track],
  );

  const edit = useCallback(
    (task: Task, fields: TaskEdits) =>
      track(task.id, async () => {
        setOverride(task.id, { kind: 'edit', baseVersion: task.version, fields });
        try {
          const answer = await api.updateTask(task.id, { version: task.version, ...fields });
          dispatch({ type: 'taskSaved', task: answer });
          setOverride(task.id, null);
          if (answer.version !== task.version) {
            saved({ type: 'task.updated', task: answer, changed: changedFields(task, answer), previousTitle: task.title });
          }
        } catch (err) {
          setOverride(task.id, null);
          const current = conflictingTask(err);
          if (current && optionsRef.current.onConflict) {
            dispatch({ type: 'taskSaved', task: current });
            optionsRef.current.onConflict({ base: task, mine: fields, current });
            return;
          }
          handleWriteError(task, err, 'save');
        }
      }),
    [api, dispatch, handleWriteError, saved, setOverride, track],
  );

  const remove = useCallback(
    (task: Task) =>
      track(task.id, async () => {
        try {
          await api.deleteTask(task.id, task.version);
          dispatch({ type: 'taskRemoved', taskId: task.id });
          notify({ tone: 'success', title: `Deleted ${quoted(task.title)}.` });
          saved({ type: 'task.deleted', taskId: task.id, title: task.title });
        } catch (err) {
          handleWriteError(task, err, 'delete');
        }
      }),
    [api, dispatch, handleWriteError, notify, saved, track],
  );

  const create = useCallback(
    async (input: CreateTaskInput) => {
      const task = await api.createTask(sessionId, input);
      dispatch({ type: 'taskSaved', task });
      saved({ type: 'task.created', task });
      return task;
    },
    [api, dispatch, saved, sessionId],
  );

  const assign = useCallback(
    async (task: Task, assigneeId: string | null, note: string) => {
      let done = false;
      await track(task.id, async () => {
        try {
          const input = note.trim() && assigneeId ? { version: task.version, assigneeId, assignmentNote: note.trim() } : { version: task.version, assigneeId };
          const answer = await api.updateTask(task.id, input);
          dispatch({ type: 'taskSaved', task: answer });
          notify({
            tone: 'success',
            title: answer.assignee ? `Assigned ${quoted(task.title)} to ${answer.assignee.name}.` : `${quoted(task.title)} is now unassigned.`,
          });
          if (answer.version !== task.version) saved({ type: 'task.updated', task: answer, changed: changedFields(task, answer) });
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
    [api, dispatch, handleWriteError, notify, saved, track],
  );

  const reroute = useCallback(
    (task: Task) =>
      track(task.id, async () => {
        try {
          const answer = await api.rerouteTask(task.id, task.version);
          dispatch({ type: 'taskSaved', task: answer });
          notify({
            tone: 'success',
            title: answer.assignee ? `Re-routed ${quoted(task.title)} to ${answer.assignee.name}.` : `Re-routed ${quoted(task.title)}: nobody fits, it is unassigned.`,
            message: answer.routingReason,
          });
          saved({ type: 'task.updated', task: answer, changed: [...changedFields(task, answer), 'routingRule'] });
        } catch (err) {
          handleWriteError(task, err, 're-route');
        }
      }),
    [api, dispatch, handleWriteError, notify, saved, track],
  );

  return { busy, overrides, move, place, edit, remove, create, assign, reroute };
}
