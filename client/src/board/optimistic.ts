/**
 * The optimistic layer: our own writes in flight, shown on top of the reducer's board.
 *
 * The reducer stays the source of truth. A write in flight is an *override* kept beside it
 * (one per task: a task with a write in flight takes no other), applied when the board is
 * rendered and dropped when the server answers. On success the answer goes into the reducer in
 * the same render as the override is dropped, so nothing flickers; on failure dropping the
 * override is the rollback.
 *
 * An override applies only while the reducer still holds the version it was based on: once a
 * newer version arrives (someone else's change won, or ours came back), the truth shows.
 */
import type { Task, TaskStatus } from '@patchbay/shared';
import { TASK_STATUSES } from '@patchbay/shared/domain/roles';
import type { TaskColumns } from './board-state';

/** Fields of a task the edit dialog changes. */
export type TaskEdits = Partial<Pick<Task, 'title' | 'notes' | 'estimateMinutes' | 'dueAt' | 'startsAt' | 'blockedReason'>>;

export type Override =
  /** The task at `index` (0 = top) of the `status` column, counted without the task itself. */
  | { kind: 'move'; baseVersion: number; status: TaskStatus; index: number }
  | { kind: 'edit'; baseVersion: number; fields: TaskEdits };

/** The columns with `taskId` taken out of its column and put at `index` of `status`. */
export function relocate(columns: TaskColumns, taskId: string, status: TaskStatus, index: number, replacement?: Task): TaskColumns {
  let found: Task | undefined;
  let from: TaskStatus | undefined;
  for (const s of TASK_STATUSES) {
    found = columns[s].find((t) => t.id === taskId);
    if (found) {
      from = s;
      break;
    }
  }
  if (!found || !from) return columns;
  const task = replacement ?? (found.status === status ? found : { ...found, status });
  const without = columns[from].filter((t) => t.id !== taskId);
  const target = from === status ? without : [...columns[status]];
  const at = Math.max(0, Math.min(index, target.length));
  if (from === status && columns[from][at] === task) return columns; // already there
  target.splice(at, 0, task);
  return { ...columns, [from]: without, [status]: target };
}

/**
 * Keeps the object of each overridden task stable across renders (memoized cards would re-render
 * for a new but equal object), keyed by the task as the reducer holds it and the override.
 */
export class OverrideCache {
  private readonly entries = new Map<string, { base: Task; override: Override; result: Task }>();

  get(base: Task, override: Override): Task {
    const hit = this.entries.get(base.id);
    if (hit && hit.base === base && hit.override === override) return hit.result;
    const result = override.kind === 'edit' ? { ...base, ...override.fields } : base.status === override.status ? base : { ...base, status: override.status };
    this.entries.set(base.id, { base, override, result });
    return result;
  }

  /** Forget tasks that no longer have an override. */
  prune(keep: ReadonlyMap<string, Override>): void {
    for (const id of this.entries.keys()) if (!keep.has(id)) this.entries.delete(id);
  }
}

/** The board as shown: the reducer's columns with the overrides still based on what it holds. */
export function applyOverrides(
  columns: TaskColumns,
  tasks: ReadonlyMap<string, Task>,
  overrides: ReadonlyMap<string, Override>,
  cache: OverrideCache = new OverrideCache(),
): TaskColumns {
  let result = columns;
  for (const [taskId, override] of overrides) {
    const base = tasks.get(taskId);
    if (!base || base.version !== override.baseVersion) continue; // the truth moved on
    const shown = cache.get(base, override);
    if (override.kind === 'move') {
      result = relocate(result, taskId, override.status, override.index, shown);
    } else {
      const list = result[base.status];
      const at = list.findIndex((t) => t.id === taskId);
      if (at < 0) continue;
      const next = [...list];
      next[at] = shown;
      result = { ...result, [base.status]: next };
    }
  }
  return result;
}

/**
 * Column arrays of `next` replaced by those of `prev` when they hold the same tasks in the same
 * order, so a memoized column whose tasks did not change is not rendered again.
 */
export function reuseColumns(prev: TaskColumns | null, next: TaskColumns): TaskColumns {
  if (!prev) return next;
  let same = true;
  const merged = {} as Record<TaskStatus, readonly Task[]>;
  for (const status of TASK_STATUSES) {
    const a = prev[status];
    const b = next[status];
    const equal = a === b || (a.length === b.length && a.every((task, i) => task === b[i]));
    merged[status] = equal ? a : b;
    if (!equal) same = false;
  }
  return same ? prev : merged;
}

/** Where a task is on the board: its column and index, or null. */
export function placeOf(columns: TaskColumns, taskId: string): { status: TaskStatus; index: number } | null {
  for (const status of TASK_STATUSES) {
    const index = columns[status].findIndex((t) => t.id === taskId);
    if (index >= 0) return { status, index };
  }
  return null;
}

/**
 * The shown board, worked out again on every change but keeping what did not change: the same
 * task objects for overridden tasks and the same arrays for columns that hold the same tasks.
 */
export class ShownColumns {
  private readonly cache = new OverrideCache();
  private previous: TaskColumns | null = null;

  compute(columns: TaskColumns, tasks: ReadonlyMap<string, Task>, overrides: ReadonlyMap<string, Override>): TaskColumns {
    const next = reuseColumns(this.previous, applyOverrides(columns, tasks, overrides, this.cache));
    this.previous = next;
    return next;
  }

  /** Forget tasks that no longer have an override. */
  prune(overrides: ReadonlyMap<string, Override>): void {
    this.cache.prune(overrides);
  }
}
