import type { Task, TaskStatus } from '@patchbay/shared';
import type { TaskColumns } from './board-state';
import { fold } from '../lib/fold';

/** What the board's toolbar narrows the cards to ('' = no narrowing on that field). */
export interface TaskFilter {
  /** Words to find in the title, the notes or the assignee's name. */
  text: string;
  /** A member's id, or UNASSIGNED. */
  who: string;
  role: string;
  kind: string;
  /** One column only. */
  status: TaskStatus | '';
}

export const UNASSIGNED = 'none';
export const NO_FILTER: TaskFilter = { text: '', who: '', role: '', kind: '', status: '' };

export const isFiltering = (f: TaskFilter): boolean => f.text.trim() !== '' || f.who !== '' || f.role !== '' || f.kind !== '' || f.status !== '';


/** Whether a task passes the filter; the words all have to appear (in any of the fields). */
export function matchesFilter(task: Task, f: TaskFilter): boolean {
  if (f.who === UNASSIGNED ? task.assignee !== null : f.who !== '' && task.assignee?.id !== f.who) return false;
  if (f.role !== '' && task.role !== f.role) return false;
  if (f.kind !== '' && task.kind !== f.kind) return false;
  if (f.status !== '' && task.status !== f.status) return false;
  const words = fold(f.text).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold(`${task.title} ${task.notes} ${task.assignee?.name ?? ''}`);
  return words.every((w) => haystack.includes(w));
}

/** The columns with only the matching tasks, in the same order (the same object when nothing is filtered). */
export function filterColumns(columns: TaskColumns, f: TaskFilter): TaskColumns {
  if (!isFiltering(f)) return columns;
  const out = {} as Record<TaskStatus, readonly Task[]>;
  for (const status of Object.keys(columns) as TaskStatus[]) out[status] = filterColumn(columns[status], f);
  return out;
}

/** The last answer per column and filter: an unchanged column keeps its array, so it need not render again. */
const filtered = new WeakMap<readonly Task[], { f: TaskFilter; tasks: readonly Task[] }>();
function filterColumn(tasks: readonly Task[], f: TaskFilter): readonly Task[] {
  const last = filtered.get(tasks);
  if (last?.f === f) return last.tasks;
  const shown = tasks.filter((t) => matchesFilter(t, f));
  filtered.set(tasks, { f, tasks: shown });
  return shown;
}
