/**
 * The live board as a pure reducer over a snapshot and the board's event stream.
 *
 * Rules (the protocol's "never silently stale"):
 * - Events are applied strictly in `seq` order, one after the other (seq = last + 1).
 * - An event with seq <= last applied is a duplicate and is dropped.
 * - An event with seq > last + 1 leaves a gap: it waits in `pending` until the missing ones
 *   arrive (the caller fetches them: see `gapAfter`), then everything pending is applied.
 * - `reset` marks the state as needing a fresh snapshot; the next snapshot replaces it.
 *
 * Our own writes are not echoed back on our socket, so their results are applied directly
 * (`taskSaved` / `taskRemoved`, `setupSaved` / `setupRemoved`). Those do not move `seq`; the
 * events for them arrive later through a gap fetch or a re-join and are then no-ops thanks to
 * two guards:
 * - a task (or setup line) is never replaced by an older version of itself;
 * - a deleted id is remembered, so a late event or response cannot bring it back.
 *
 * The setup list (input list, patch plan, checklist) lives in the same state and the same
 * sequence: `setup` is null for viewers who may not see it (their `redacted` events only move
 * `seq`).
 */
import type { BoardEvent, BoardSnapshot, ColumnOrder, Session, SetupItem, SetupOrder, SetupPart, Task, TaskComment, TaskStatus } from '@patchbay/shared';
import { TASK_STATUSES } from '@patchbay/shared/domain/roles';
import { SETUP_PARTS } from '@patchbay/shared/domain/setup-parts';

export interface BoardState {
  readonly session: Session;
  readonly tasks: ReadonlyMap<string, Task>;
  /** Sequence number of the last event applied (or of the snapshot). */
  readonly seq: number;
  /** Events received past a gap, by seq, waiting for the missing ones. */
  readonly pending: ReadonlyMap<number, BoardEvent>;
  /** Ids of tasks (and setup lines) known to be deleted. */
  readonly deleted: ReadonlySet<string>;
  /** The setup list by id, or null when this viewer may not see it. */
  readonly setup: ReadonlyMap<string, SetupItem> | null;
  /**
   * The tasks' comments by task id, oldest first. A task's array is replaced only when its own
   * comments change (so only its card draws again).
   */
  readonly comments: ReadonlyMap<string, readonly TaskComment[]>;
  /** The server could not replay what we missed: the board must be reloaded from a snapshot. */
  readonly needsReload: boolean;
}

export type BoardAction =
  /** A board snapshot; replaces the state unless the state is already further along. */
  | { type: 'snapshot'; snapshot: BoardSnapshot; force?: boolean }
  /** Events from the socket, a join ack or a gap fetch, in any order, possibly duplicated. */
  | { type: 'events'; events: readonly BoardEvent[] }
  /** The server said reset: our position in the log is gone. */
  | { type: 'reset' }
  /** A task as the server returned it to our own write (create, update, or a 409's current). */
  | { type: 'taskSaved'; task: Task }
  /** A task we deleted (or that the server says no longer exists). */
  | { type: 'taskRemoved'; taskId: string }
  /** The answer to our own move: the task and the new order of the columns it touched. */
  | { type: 'taskMoved'; task: Task; columns: ColumnOrder; seq: number | null }
  /** A setup line as the server returned it to our own write (or a 409's current). */
  | { type: 'setupSaved'; item: SetupItem }
  /** A setup line we deleted (or that the server says no longer exists). */
  | { type: 'setupRemoved'; itemId: string }
  /** The answer to our own reorder of a setup line. */
  | { type: 'setupMoved'; item: SetupItem; order: SetupOrder; seq: number | null }
  /** A comment as the server returned it to our own post. */
  | { type: 'commentSaved'; comment: TaskComment }
  /** A comment we took back. */
  | { type: 'commentRemoved'; commentId: string; taskId: string };

export function stateFromSnapshot(snapshot: BoardSnapshot): BoardState {
  return {
    session: snapshot.session,
    tasks: new Map(snapshot.tasks.map((task) => [task.id, task])),
    seq: snapshot.seq,
    pending: new Map(),
    deleted: new Set(),
    setup: snapshot.setup ? new Map(snapshot.setup.map((item) => [item.id, item])) : null,
    // An older server's snapshot has none.
    comments: commentsByTask(snapshot.comments ?? []),
    needsReload: false,
  };
}

/** Put a task in the map unless it is deleted or we already hold the same or a newer version. */
function upsertTask(tasks: Map<string, Task>, deleted: ReadonlySet<string>, task: Task): boolean {
  if (deleted.has(task.id)) return false;
  const existing = tasks.get(task.id);
  if (existing && existing.version >= task.version) return false;
  tasks.set(task.id, task);
  return true;
}

/** Put a setup line in the map unless it is deleted or we already hold the same or a newer version. */
function upsertSetup(items: Map<string, SetupItem>, deleted: ReadonlySet<string>, item: SetupItem): boolean {
  if (deleted.has(item.id)) return false;
  const existing = items.get(item.id);
  if (existing && existing.version >= item.version) return false;
  items.set(item.id, item);
  return true;
}

/** Positions of a reorder, for lines we hold at the version the server listed. */
function applySetupOrder(items: Map<string, SetupItem>, movedId: string, order: SetupOrder): void {
  for (const [position, entry] of order.entries()) {
    if (entry.id === movedId) continue;
    const item = items.get(entry.id);
    if (item && item.version === entry.version && item.position !== position) items.set(entry.id, { ...item, position });
  }
}

interface Draft {
  session: Session;
  tasks: Map<string, Task>;
  deleted: Set<string>;
  setup: Map<string, SetupItem> | null;
  comments: Map<string, readonly TaskComment[]>;
}

const byAge = (a: TaskComment, b: TaskComment) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

function commentsByTask(comments: readonly TaskComment[]): Map<string, readonly TaskComment[]> {
  const grouped = new Map<string, TaskComment[]>();
  for (const c of comments) grouped.set(c.taskId, [...(grouped.get(c.taskId) ?? []), c]);
  for (const list of grouped.values()) list.sort(byAge);
  return grouped;
}

/** Add a comment unless it was taken back or is there already (comments do not change once made). */
function addComment(comments: Map<string, readonly TaskComment[]>, deleted: ReadonlySet<string>, comment: TaskComment): boolean {
  const list = comments.get(comment.taskId) ?? [];
  if (deleted.has(comment.id) || deleted.has(comment.taskId) || list.some((c) => c.id === comment.id)) return false;
  comments.set(comment.taskId, [...list, comment].sort(byAge));
  return true;
}

function removeComment(comments: Map<string, readonly TaskComment[]>, taskId: string, commentId: string): boolean {
  const list = comments.get(taskId);
  if (!list?.some((c) => c.id === commentId)) return false;
  const rest = list.filter((c) => c.id !== commentId);
  if (rest.length > 0) comments.set(taskId, rest);
  else comments.delete(taskId);
  return true;
}

/**
 * Positions of a move's columns. A neighbour's position is taken only when we hold the version
 * the server listed: a newer local copy (our own later write) already has its newer place.
 */
function applyColumns(tasks: Map<string, Task>, movedId: string, columns: ColumnOrder): void {
  for (const entries of Object.values(columns)) {
    for (const [position, entry] of (entries ?? []).entries()) {
      if (entry.id === movedId) continue;
      const task = tasks.get(entry.id);
      if (task && task.version === entry.version && task.position !== position) tasks.set(entry.id, { ...task, position });
    }
  }
}

function applyOne(draft: Draft, event: BoardEvent): void {
  switch (event.type) {
    case 'task.moved':
      upsertTask(draft.tasks, draft.deleted, event.task);
      applyColumns(draft.tasks, event.task.id, event.columns);
      return;
    case 'task.created':
    case 'task.updated':
      upsertTask(draft.tasks, draft.deleted, event.task);
      return;
    case 'task.deleted':
      draft.tasks.delete(event.taskId);
      draft.deleted.add(event.taskId);
      // Its comments went with it.
      draft.comments.delete(event.taskId);
      return;
    case 'comment.added':
      addComment(draft.comments, draft.deleted, event.comment);
      return;
    case 'comment.deleted':
      removeComment(draft.comments, event.taskId, event.commentId);
      draft.deleted.add(event.commentId);
      return;
    case 'session.updated':
      draft.session = event.session;
      return;
    case 'setup.created':
    case 'setup.updated':
      if (draft.setup) upsertSetup(draft.setup, draft.deleted, event.item);
      return;
    case 'setup.moved':
      if (!draft.setup) return;
      upsertSetup(draft.setup, draft.deleted, event.item);
      applySetupOrder(draft.setup, event.item.id, event.order);
      return;
    case 'setup.deleted':
      draft.setup?.delete(event.itemId);
      draft.deleted.add(event.itemId);
      return;
    case 'redacted':
      // Something this viewer may not see: only the sequence moves.
      return;
  }
}

/** Queue the events, then apply every consecutive one after `seq`. */
export function applyEvents(state: BoardState, events: readonly BoardEvent[]): BoardState {
  if (events.length === 0 && state.pending.size === 0) return state;
  const pending = new Map(state.pending);
  for (const event of events) {
    if (event.sessionId !== state.session.id) continue;
    if (event.seq <= state.seq) continue; // duplicate: already applied
    if (!pending.has(event.seq)) pending.set(event.seq, event);
  }
  let seq = state.seq;
  const draft: Draft = {
    session: state.session,
    tasks: new Map(state.tasks),
    deleted: new Set(state.deleted),
    setup: state.setup ? new Map(state.setup) : null,
    comments: new Map(state.comments),
  };
  for (let next = pending.get(seq + 1); next; next = pending.get(seq + 1)) {
    applyOne(draft, next);
    pending.delete(next.seq);
    seq = next.seq;
  }
  if (seq === state.seq && pending.size === state.pending.size) return state; // nothing new
  return { ...state, session: draft.session, tasks: draft.tasks, deleted: draft.deleted, setup: draft.setup, comments: draft.comments, seq, pending };
}

function applySnapshot(state: BoardState | null, snapshot: BoardSnapshot, force: boolean): BoardState | null {
  if (state && snapshot.session.id !== state.session.id) return stateFromSnapshot(snapshot);
  // A snapshot that is not ahead of what we hold would only drop our own recent writes.
  if (state && !force && !state.needsReload && snapshot.seq <= state.seq) return state;
  const fresh = stateFromSnapshot(snapshot);
  if (!state) return fresh;
  // Events that arrived past the snapshot's seq still apply on top of it.
  return applyEvents(fresh, [...state.pending.values()]);
}

export function boardReducer(state: BoardState | null, action: BoardAction): BoardState | null {
  if (action.type === 'snapshot') return applySnapshot(state, action.snapshot, action.force ?? false);
  if (!state) return state; // nothing to apply to before the first snapshot
  switch (action.type) {
    case 'events':
      return applyEvents(state, action.events);
    case 'reset':
      return state.needsReload ? state : { ...state, needsReload: true };
    case 'taskSaved': {
      const tasks = new Map(state.tasks);
      return upsertTask(tasks, state.deleted, action.task) ? { ...state, tasks } : state;
    }
    case 'taskRemoved': {
      if (!state.tasks.has(action.taskId) && state.deleted.has(action.taskId)) return state;
      const tasks = new Map(state.tasks);
      tasks.delete(action.taskId);
      return { ...state, tasks, deleted: new Set(state.deleted).add(action.taskId) };
    }
    case 'taskMoved': {
      const tasks = new Map(state.tasks);
      upsertTask(tasks, state.deleted, action.task);
      // The answer may arrive after later events were applied (its own event then came through
      // a gap fetch): an order from before them must not overwrite theirs.
      if (action.seq !== null && action.seq > state.seq) applyColumns(tasks, action.task.id, action.columns);
      return { ...state, tasks };
    }
    case 'setupSaved': {
      if (!state.setup) return state;
      const setup = new Map(state.setup);
      return upsertSetup(setup, state.deleted, action.item) ? { ...state, setup } : state;
    }
    case 'setupRemoved': {
      if (!state.setup || (!state.setup.has(action.itemId) && state.deleted.has(action.itemId))) return state;
      const setup = new Map(state.setup);
      setup.delete(action.itemId);
      return { ...state, setup, deleted: new Set(state.deleted).add(action.itemId) };
    }
    case 'setupMoved': {
      if (!state.setup) return state;
      const setup = new Map(state.setup);
      upsertSetup(setup, state.deleted, action.item);
      if (action.seq !== null && action.seq > state.seq) applySetupOrder(setup, action.item.id, action.order);
      return { ...state, setup };
    }
    case 'commentSaved': {
      const comments = new Map(state.comments);
      return addComment(comments, state.deleted, action.comment) ? { ...state, comments } : state;
    }
    case 'commentRemoved': {
      const comments = new Map(state.comments);
      return removeComment(comments, action.taskId, action.commentId) ? { ...state, comments, deleted: new Set(state.deleted).add(action.commentId) } : state;
    }
  }
}

/** The seq after which events are missing (fetch `/events?after=` it), or null when there is no gap. */
export function gapAfter(state: BoardState | null): number | null {
  return state && state.pending.size > 0 ? state.seq : null;
}

/** Board order: by position, then creation time. */
export function compareTasks(a: Task, b: Task): number {
  return a.position - b.position || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

export type TaskColumns = Readonly<Record<TaskStatus, readonly Task[]>>;

export function tasksByStatus(tasks: Iterable<Task>): TaskColumns {
  const columns = Object.fromEntries(TASK_STATUSES.map((status) => [status, [] as Task[]])) as Record<TaskStatus, Task[]>;
  for (const task of tasks) columns[task.status].push(task);
  for (const status of TASK_STATUSES) columns[status].sort(compareTasks);
  return columns;
}

/** Setup list order within a part: by position, then creation time. */
export function compareSetup(a: SetupItem, b: SetupItem): number {
  return a.position - b.position || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

export type SetupParts = Readonly<Record<SetupPart, readonly SetupItem[]>>;

/** The setup list by part, each in order. */
export function setupByPart(items: Iterable<SetupItem>): SetupParts {
  const parts = Object.fromEntries(SETUP_PARTS.map((part) => [part, [] as SetupItem[]])) as Record<SetupPart, SetupItem[]>;
  for (const item of items) parts[item.part].push(item);
  for (const part of SETUP_PARTS) parts[part].sort(compareSetup);
  return parts;
}
