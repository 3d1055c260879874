import { describe, expect, it } from 'vitest';
import { boardReducer, stateFromSnapshot } from '../../client/src/board/board-state';
import { makeSnapshot, makeTask } from './fixtures';

// An own move's answer can arrive after later events (its own event then came through a gap
// fetch): its column order must not overwrite the newer one. Found by the convergence test.
describe('own move answers', () => {
  const a = makeTask(1, { position: 0 });
  const b = makeTask(2, { position: 1 });
  const before = makeTask(3, { position: 2 });
  const moved = makeTask(3, { position: 1, version: before.version + 1 });
  const answerOrder = { TODO: [a, moved, b].map((t) => ({ id: t.id, version: t.version })) };

  it.each([
    ['answer ahead of the board: its order applies', 11, 2],
    ['answer already applied from the log: its order is ignored', 10, 1],
    ['nothing moved (seq null): the order is ignored', null, 1],
  ] as const)('%s', (_name, seq, positionOfB) => {
    const state = stateFromSnapshot(makeSnapshot([a, b, before], 10));
    const next = boardReducer(state, { type: 'taskMoved', task: moved, columns: answerOrder, seq })!;
    expect(next.tasks.get(b.id)!.position).toBe(positionOfB);
    expect(next.tasks.get(moved.id)!.version).toBe(moved.version);
  });
});
