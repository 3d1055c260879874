import { describe, expect, it } from 'vitest';
import { tasksByStatus } from '../../client/src/board/board-state';
import { applyOverrides, OverrideCache, relocate, reuseColumns, type Override } from '../../client/src/board/optimistic';
import { makeTask } from './fixtures';

const a = makeTask(1, { title: 'A', position: 0 });
const b = makeTask(2, { title: 'B', position: 1 });
const c = makeTask(3, { title: 'C', position: 2 });
const d = makeTask(4, { title: 'D', status: 'DONE', position: 0 });
const tasks = new Map([a, b, c, d].map((t) => [t.id, t]));
const columns = tasksByStatus(tasks.values());
const titles = (list: readonly { title: string }[]) => list.map((t) => t.title);

describe('the optimistic layer', () => {
  it('relocates as the server counts: the index in the column without the task', () => {
    expect(titles(relocate(columns, a.id, 'TODO', 2).TODO)).toEqual(['B', 'C', 'A']);
    expect(titles(relocate(columns, c.id, 'TODO', 0).TODO)).toEqual(['C', 'A', 'B']);
    const moved = relocate(columns, b.id, 'DONE', 99);
    expect(titles(moved.TODO)).toEqual(['A', 'C']);
    expect(titles(moved.DONE)).toEqual(['D', 'B']);
    expect(moved.DONE[1]?.status).toBe('DONE');
    // Untouched columns keep their arrays.
    expect(moved.IN_PROGRESS).toBe(columns.IN_PROGRESS);
  });

  it('applies an override only while the reducer holds the version it was based on', () => {
    const overrides = new Map<string, Override>([[a.id, { kind: 'move', baseVersion: 1, status: 'DONE', index: 0 }]]);
    expect(titles(applyOverrides(columns, tasks, overrides).DONE)).toEqual(['A', 'D']);
    const newer = new Map(tasks).set(a.id, { ...a, version: 2 });
    expect(titles(applyOverrides(tasksByStatus(newer.values()), newer, overrides).DONE)).toEqual(['D']);
  });

  it('keeps an edited task the same object across renders, and unchanged columns the same arrays', () => {
    const cache = new OverrideCache();
    const overrides = new Map<string, Override>([[b.id, { kind: 'edit', baseVersion: 1, fields: { title: 'B2' } }]]);
    const first = applyOverrides(columns, tasks, overrides, cache);
    const second = applyOverrides(columns, tasks, overrides, cache);
    expect(first.TODO[1]?.title).toBe('B2');
    expect(second.TODO[1]).toBe(first.TODO[1]);
    const reused = reuseColumns(first, second);
    expect(reused).toBe(first);
    const changed = reuseColumns(first, { ...second, DONE: [] });
    expect(changed.TODO).toBe(first.TODO);
    expect(changed.DONE).toEqual([]);
  });
});
