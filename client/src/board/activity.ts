/**
 * The board's activity feed: recent changes in words ("moved ‘Mic the kit’ to In progress"),
 * with who and when. Fed by every event the board receives (live, replayed, gap fetches, the
 * recent history fetched on load) and by the answers to our own writes, which are not echoed on
 * our socket: such a local entry is replaced by the event for it when that arrives (same task
 * and version), so nothing shows twice.
 */
import type { BoardEvent, ColumnOrder, PersonRef, SetupItem, SetupOrder, Task } from '@patchbay/shared';
import { TASK_STATUS_LABELS } from '@patchbay/shared/domain/roles';
import { PART_IN_SENTENCE, setupLineName } from '../setup/labels';

export type Actor = PersonRef | null;

/** One of our own writes, as its answer told it (no seq yet). */
export type LocalChange =
  | { type: 'task.created'; task: Task }
  | { type: 'task.updated'; task: Task; changed: readonly string[]; previousTitle?: string }
  | { type: 'task.moved'; task: Task; columns: ColumnOrder }
  | { type: 'task.deleted'; taskId: string; title: string }
  | { type: 'setup.created'; item: SetupItem }
  | { type: 'setup.updated'; item: SetupItem; changed: readonly string[] }
  | { type: 'setup.moved'; item: SetupItem; order: SetupOrder }
  | { type: 'setup.deleted'; itemId: string; part: SetupItem['part']; title?: string };

export interface ActivityEntry {
  /** Unique in the feed: `seq:12` for an event, `local:…` for one of our writes. */
  key: string;
  /** What a local entry and its event have in common: `<taskId>@<version>` or `deleted:<taskId>`. */
  match: string | null;
  seq: number | null;
  at: string;
  actor: Actor;
  /** The change in words, after the actor: "moved ‘Mic the kit’ to In progress". */
  text: string;
}

export interface ActivityState {
  readonly entries: readonly ActivityEntry[];
  /** Last known title of each task (a deleted task's title comes from here). */
  readonly titles: ReadonlyMap<string, string>;
}

export const MAX_ENTRIES = 50;

export const emptyActivity: ActivityState = { entries: [], titles: new Map() };

const q = (title: string) => `‘${title}’`;
/** The start of a comment, for one line of the activity. */
const clip = (text: string) => (text.length > 80 ? `${text.slice(0, 79).trimEnd()}…` : text);

const FIELD_WORDS: Readonly<Record<string, string>> = {
  title: 'title',
  notes: 'notes',
  estimateMinutes: 'estimate',
  dueAt: 'due time',
};

type Describable = LocalChange | Exclude<BoardEvent, { type: 'redacted' }>;

/** The change in words. `titleOf` gives a task's title as it was before this change. */
export function describe(change: Describable, titleOf: (taskId: string) => string | undefined): string {
  switch (change.type) {
    case 'task.created':
      return change.task.status === 'TODO' ? `added ${q(change.task.title)}` : `added ${q(change.task.title)} to ${TASK_STATUS_LABELS[change.task.status]}`;
    case 'task.moved': {
      const touched = Object.keys(change.columns);
      const title = q(change.task.title);
      const column = TASK_STATUS_LABELS[change.task.status];
      if (touched.length <= 1) return `reordered ${title} in ${column}`;
      return change.task.status === 'BLOCKED' && change.task.blockedReason ? `moved ${title} to ${column}: ${change.task.blockedReason}` : `moved ${title} to ${column}`;
    }
    case 'task.updated': {
      const { task } = change;
      const changed = new Set(change.changed);
      const title = q(task.title);
      if (changed.has('status')) {
        const moved = `moved ${title} to ${TASK_STATUS_LABELS[task.status]}`;
        return task.status === 'BLOCKED' && task.blockedReason ? `${moved}: ${task.blockedReason}` : moved;
      }
      if (changed.size === 1 && changed.has('blockedReason')) return task.blockedReason ? `said why ${title} is blocked: ${task.blockedReason}` : `cleared why ${title} is blocked`;
      if (changed.has('routingRule') && !task.assignedManually) {
        return task.assignee ? `re-routed ${title} to ${task.assignee.name}` : `re-routed ${title}: nobody fits, unassigned`;
      }
      if (changed.has('assigneeId')) return task.assignee ? `assigned ${title} to ${task.assignee.name}` : `unassigned ${title}`;
      const before = 'previousTitle' in change && change.previousTitle !== undefined ? change.previousTitle : titleOf(task.id);
      const others = [...changed].filter((f) => f !== 'title' && FIELD_WORDS[f]).map((f) => FIELD_WORDS[f]);
      if (changed.has('title')) {
        const renamed = before && before !== task.title ? `renamed ${q(before)} to ${title}` : `renamed a task to ${title}`;
        return others.length > 0 ? `${renamed} and changed its ${others.join(', ')}` : renamed;
      }
      return others.length > 0 ? `changed the ${others.join(', ')} of ${title}` : `updated ${title}`;
    }
    case 'task.deleted': {
      const title = 'title' in change ? change.title : titleOf(change.taskId);
      return title ? `deleted ${q(title)}` : 'deleted a task';
    }
    case 'comment.added': {
      const title = titleOf(change.comment.taskId);
      const where = title ? `commented on ${q(title)}` : 'commented';
      // Taken back since: the log no longer holds the words.
      return change.comment.body ? `${where}: “${clip(change.comment.body)}”` : `${where} (deleted since)`;
    }
    case 'comment.deleted': {
      const title = titleOf(change.taskId);
      return title ? `deleted a comment on ${q(title)}` : 'deleted a comment';
    }
    case 'session.updated':
      return 'updated the session details';
    case 'setup.created':
      return `added ${setupLineName(change.item)} to ${PART_IN_SENTENCE[change.item.part]}`;
    case 'setup.updated': {
      const name = setupLineName(change.item);
      const changed = new Set(change.changed);
      if (changed.has('checked')) {
        const verb = change.item.checked ? 'checked off' : 'unchecked';
        return changed.has('notes') ? `${verb} ${name} with a note` : `${verb} ${name}`;
      }
      if (changed.size === 1 && changed.has('notes')) return `added a note to ${name}`;
      return `changed ${name} in ${PART_IN_SENTENCE[change.item.part]}`;
    }
    case 'setup.moved':
      return `reordered ${setupLineName(change.item)} in ${PART_IN_SENTENCE[change.item.part]}`;
    case 'setup.deleted': {
      const title = ('title' in change ? change.title : undefined) ?? titleOf(change.itemId);
      return title ? `removed ${title} from ${PART_IN_SENTENCE[change.part]}` : `removed a line from ${PART_IN_SENTENCE[change.part]}`;
    }
  }
}

function matchOf(change: Describable): string | null {
  switch (change.type) {
    case 'task.deleted':
      return `deleted:${change.taskId}`;
    case 'setup.deleted':
      return `deleted:${change.itemId}`;
    case 'session.updated':
      return null;
    case 'comment.added':
      return `comment:${change.comment.id}`;
    case 'comment.deleted':
      return `uncomment:${change.commentId}`;
    case 'setup.created':
    case 'setup.updated':
    case 'setup.moved':
      return `${change.item.id}@${change.item.version}`;
    default:
      return `${change.task.id}@${change.task.version}`;
  }
}

/** Remembers how a task or setup line is called, for when it is gone. */
function remember(titles: Map<string, string>, change: Describable): void {
  if (change.type === 'task.created' || change.type === 'task.updated' || change.type === 'task.moved') titles.set(change.task.id, change.task.title);
  if (change.type === 'setup.created' || change.type === 'setup.updated' || change.type === 'setup.moved') titles.set(change.item.id, setupLineName(change.item));
}

function newestFirst(a: ActivityEntry, b: ActivityEntry): number {
  return b.at.localeCompare(a.at) || (b.seq ?? Number.MAX_SAFE_INTEGER) - (a.seq ?? Number.MAX_SAFE_INTEGER);
}

export type ActivityAction =
  /** Events from anywhere (duplicates are ignored); `titleOf` looks up titles on the board. */
  | { type: 'events'; events: readonly BoardEvent[]; titleOf: (taskId: string) => string | undefined }
  /** One of our writes, by us, now. */
  | { type: 'local'; change: LocalChange; actor: Actor; at: string }
  | { type: 'clear' };

export function activityReducer(state: ActivityState, action: ActivityAction): ActivityState {
  if (action.type === 'clear') return emptyActivity;
  const titles = new Map(state.titles);
  const titleOf = (id: string) => titles.get(id) ?? (action.type === 'events' ? action.titleOf(id) : undefined);
  let entries = [...state.entries];

  if (action.type === 'local') {
    const { change } = action;
    const match = matchOf(change);
    // The event for it already arrived (a catch-up fetch can beat the answer): nothing to add.
    if (match && entries.some((e) => e.match === match)) return state;
    entries.push({ key: `local:${match ?? action.at}`, match, seq: null, at: action.at, actor: action.actor, text: describe(change, titleOf) });
    remember(titles, change);
  } else {
    const known = new Set(entries.map((e) => e.key));
    const events = [...action.events].sort((a, b) => a.seq - b.seq);
    let added = false;
    for (const event of events) {
      const key = `seq:${event.seq}`;
      if (known.has(key) || event.type === 'redacted') continue;
      known.add(key);
      const match = matchOf(event);
      if (match) entries = entries.filter((e) => !(e.seq === null && e.match === match));
      // A comment taken back takes its words off the list too.
      if (event.type === 'comment.deleted') entries = entries.filter((e) => e.match !== `comment:${event.commentId}`);
      entries.push({ key, match, seq: event.seq, at: event.at, actor: event.actor, text: describe(event, titleOf) });
      remember(titles, event);
      added = true;
    }
    if (!added) return state;
  }
  entries.sort(newestFirst);
  return { entries: entries.slice(0, MAX_ENTRIES), titles };
}
