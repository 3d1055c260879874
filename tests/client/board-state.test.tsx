import type { BoardEvent, TaskStatus } from '@patchbay/shared';
import { describe, expect, it } from 'vitest';
import {
  boardReducer,
  gapAfter,
  stateFromSnapshot,
  tasksByStatus,
  type BoardAction,
  type BoardState,
} from '../../client/src/board/board-state';
import { OTHER_SESSION_ID, ev, makeSession, makeSnapshot, makeTask, taskId } from './fixtures';

/** Board at seq 10 with task 1 (TODO, v1) and task 2 (IN_PROGRESS, v1). */
function start(): BoardState {
  return stateFromSnapshot(makeSnapshot([makeTask(1), makeTask(2, { status: 'IN_PROGRESS' })], 10));
}

const events = (...list: BoardEvent[]): BoardAction => ({ type: 'events', events: list });

function run(actions: BoardAction[], initial: BoardState | null = start()): BoardState {
  const result = actions.reduce<BoardState | null>(boardReducer, initial);
  if (!result) throw new Error('no state');
  return result;
}

/** Compact view of a state: "id-suffix:STATUS:vN" per task, sorted. */
function summary(state: BoardState): string[] {
  return [...state.tasks.values()].map((t) => `${t.id.slice(-2)}:${t.status}:v${t.version}`).sort();
}

interface Case {
  name: string;
  actions: BoardAction[];
  seq: number;
  tasks: string[];
  gap?: number | null;
  needsReload?: boolean;
}

const moved = (n: number, status: TaskStatus, version: number) => makeTask(n, { status, version });

const cases: Case[] = [
  {
    name: 'applies consecutive events: created, updated, deleted',
    actions: [events(ev.created(11, makeTask(3))), events(ev.updated(12, moved(1, 'DONE', 2))), events(ev.deleted(13, taskId(2)))],
    seq: 13,
    tasks: ['01:DONE:v2', '03:TODO:v1'],
  },
  {
    name: 'applies a batch given out of order in seq order',
    actions: [events(ev.updated(12, moved(1, 'DONE', 3)), ev.updated(11, moved(1, 'BLOCKED', 2)))],
    seq: 12,
    tasks: ['01:DONE:v3', '02:IN_PROGRESS:v1'],
  },
  {
    name: 'drops an event at the current seq (duplicate)',
    actions: [events(ev.updated(10, moved(1, 'DONE', 9)))],
    seq: 10,
    tasks: ['01:TODO:v1', '02:IN_PROGRESS:v1'],
    gap: null,
  },
  {
    name: 'drops an event applied before (redelivered after a later one)',
    actions: [events(ev.updated(11, moved(1, 'BLOCKED', 2))), events(ev.updated(12, moved(1, 'DONE', 3))), events(ev.updated(11, moved(1, 'BLOCKED', 2)))],
    seq: 12,
    tasks: ['01:DONE:v3', '02:IN_PROGRESS:v1'],
    gap: null,
  },
  {
    name: 'holds an event past a gap and reports the gap',
    actions: [events(ev.updated(12, moved(1, 'DONE', 3)))],
    seq: 10,
    tasks: ['01:TODO:v1', '02:IN_PROGRESS:v1'],
    gap: 10,
  },
  {
    name: 'fills the gap when the missing event arrives, then applies what was held',
    actions: [events(ev.updated(12, moved(1, 'DONE', 3))), events(ev.updated(11, moved(1, 'BLOCKED', 2)))],
    seq: 12,
    tasks: ['01:DONE:v3', '02:IN_PROGRESS:v1'],
    gap: null,
  },
  {
    name: 'a gap fetch page overlapping held events applies each once',
    actions: [
      events(ev.created(13, makeTask(3))),
      events(ev.updated(11, moved(2, 'DONE', 2)), ev.deleted(12, taskId(1)), ev.created(13, makeTask(3))),
    ],
    seq: 13,
    tasks: ['02:DONE:v2', '03:TODO:v1'],
    gap: null,
  },
  {
    name: 'reset marks the board for reloading and keeps the tasks meanwhile',
    actions: [{ type: 'reset' }],
    seq: 10,
    tasks: ['01:TODO:v1', '02:IN_PROGRESS:v1'],
    needsReload: true,
  },
  {
    name: 'after reset, a snapshot replaces the board and held events past it still apply',
    actions: [
      events(ev.created(25, makeTask(9))),
      { type: 'reset' },
      { type: 'snapshot', snapshot: makeSnapshot([makeTask(7, { version: 4 })], 24) },
    ],
    seq: 25,
    tasks: ['07:TODO:v4', '09:TODO:v1'],
    needsReload: false,
    gap: null,
  },
  {
    name: 'ignores a snapshot that is not ahead of the board (it would undo our own writes)',
    actions: [{ type: 'taskSaved', task: moved(1, 'DONE', 2) }, { type: 'snapshot', snapshot: makeSnapshot([makeTask(1)], 10) }],
    seq: 10,
    tasks: ['01:DONE:v2', '02:IN_PROGRESS:v1'],
  },
  {
    name: 'a forced snapshot replaces the board',
    actions: [{ type: 'snapshot', snapshot: makeSnapshot([makeTask(5)], 8), force: true }],
    seq: 8,
    tasks: ['05:TODO:v1'],
  },
  {
    name: 'a later event never brings back an older version than our own write',
    actions: [{ type: 'taskSaved', task: moved(1, 'DONE', 3) }, events(ev.updated(11, moved(1, 'BLOCKED', 2)))],
    seq: 11,
    tasks: ['01:DONE:v3', '02:IN_PROGRESS:v1'],
  },
  {
    name: 'the event for our own write is a no-op',
    actions: [{ type: 'taskSaved', task: moved(1, 'DONE', 2) }, events(ev.updated(11, moved(1, 'DONE', 2)))],
    seq: 11,
    tasks: ['01:DONE:v2', '02:IN_PROGRESS:v1'],
  },
  {
    name: 'a task we deleted is not brought back by an event from before the delete',
    actions: [{ type: 'taskRemoved', taskId: taskId(1) }, events(ev.updated(11, moved(1, 'BLOCKED', 2)))],
    seq: 11,
    tasks: ['02:IN_PROGRESS:v1'],
  },
  {
    name: 'a late write response for a task deleted by someone else is ignored',
    actions: [events(ev.deleted(11, taskId(2))), { type: 'taskSaved', task: moved(2, 'DONE', 2) }],
    seq: 11,
    tasks: ['01:TODO:v1'],
  },
  {
    name: 'events of another board are ignored',
    actions: [events({ ...ev.created(11, makeTask(3)), sessionId: OTHER_SESSION_ID })],
    seq: 10,
    tasks: ['01:TODO:v1', '02:IN_PROGRESS:v1'],
    gap: null,
  },
];

describe('board reducer', () => {
  it.each(cases)('$name', ({ actions, seq, tasks, gap = null, needsReload = false }) => {
    const state = run(actions);
    expect(state.seq).toBe(seq);
    expect(summary(state)).toEqual(tasks);
    expect(gapAfter(state)).toBe(gap);
    expect(state.needsReload).toBe(needsReload);
  });

  it('applies session.updated to the session header data', () => {
    const state = run([events(ev.session(11, makeSession({ status: 'WRAPPED', title: 'Drums, day 2' })))]);
    expect(state.session.status).toBe('WRAPPED');
    expect(state.session.title).toBe('Drums, day 2');
  });

  it('returns the same state object when nothing changes (no re-render)', () => {
    const initial = start();
    expect(boardReducer(initial, events(ev.updated(9, moved(1, 'DONE', 5))))).toBe(initial);
    expect(boardReducer(initial, { type: 'taskSaved', task: makeTask(1) })).toBe(initial);
  });

  it('does nothing with events before the first snapshot', () => {
    expect(boardReducer(null, events(ev.created(1, makeTask(1))))).toBeNull();
    expect(boardReducer(null, { type: 'snapshot', snapshot: makeSnapshot([makeTask(1)], 3) })?.seq).toBe(3);
  });

  it('groups tasks into columns by status, ordered by position', () => {
    const columns = tasksByStatus([
      makeTask(1, { status: 'DONE', position: 2 }),
      makeTask(2, { status: 'TODO', position: 5 }),
      makeTask(3, { status: 'TODO', position: 1 }),
      makeTask(4, { status: 'DONE', position: 0 }),
    ]);
    expect(columns.TODO.map((t) => t.id)).toEqual([taskId(3), taskId(2)]);
    expect(columns.DONE.map((t) => t.id)).toEqual([taskId(4), taskId(1)]);
    expect(columns.IN_PROGRESS).toEqual([]);
    expect(columns.BLOCKED).toEqual([]);
  });
});
