// The board reducer with a setup list: the same sequence, versions and delete guards as tasks.
import { describe, expect, it } from 'vitest';
import { boardReducer, gapAfter, setupByPart, stateFromSnapshot, type BoardAction, type BoardState } from '../../client/src/board/board-state';
import { checkedBy, ev, lineId, makeLine, makeSnapshot, makeTask, THEO } from './fixtures';

function start(setup = [makeLine(1), makeLine(2), makeLine(3, { part: 'CHECK' })]): BoardState {
  return stateFromSnapshot(makeSnapshot([makeTask(1)], 10, undefined, setup));
}
const run = (actions: BoardAction[], initial: BoardState = start()) => actions.reduce<BoardState | null>(boardReducer, initial)!;
const lines = (state: BoardState) => [...(state.setup?.values() ?? [])].map((i) => `${i.id.slice(-1)}:${i.checked ? 'x' : '-'}:v${i.version}:p${i.position}`).sort();

describe('setup list in the board state', () => {
  it.each<[string, BoardAction[], number, string[]]>([
    ['a line added and checked off', [{ type: 'events', events: [ev.setupCreated(11, makeLine(4)), ev.setupUpdated(12, makeLine(4, { version: 2, checked: checkedBy() }))] }], 12, ['1:-:v1:p1', '2:-:v1:p2', '3:-:v1:p3', '4:x:v2:p4']],
    ['an older version never replaces a newer one', [{ type: 'setupSaved', item: makeLine(1, { version: 3, checked: checkedBy() }) }, { type: 'events', events: [ev.setupUpdated(11, makeLine(1, { version: 2 }))] }], 11, ['1:x:v3:p1', '2:-:v1:p2', '3:-:v1:p3']],
    ['a deleted line does not come back with a late event', [{ type: 'events', events: [ev.setupDeleted(11, lineId(2))] }, { type: 'setupSaved', item: makeLine(2, { version: 5 }) }], 11, ['1:-:v1:p1', '3:-:v1:p3']],
    ['a reorder moves neighbours held at the listed version only', [{ type: 'setupSaved', item: makeLine(2, { version: 2, notes: 'mine' }) }, { type: 'events', events: [ev.setupMoved(11, makeLine(1, { version: 2, position: 1 }), [{ id: lineId(2), version: 1 }, { id: lineId(1), version: 2 }])] }], 11, ['1:-:v2:p1', '2:-:v2:p2', '3:-:v1:p3']],
    ['a redacted event only moves the sequence', [{ type: 'events', events: [ev.redacted(11), ev.created(12, makeTask(2))] }], 12, ['1:-:v1:p1', '2:-:v1:p2', '3:-:v1:p3']],
  ])('%s', (_name, actions, seq, expected) => {
    const state = run(actions);
    expect(state.seq).toBe(seq);
    expect(lines(state)).toEqual(expected);
  });

  it('waits for a missing seq before applying setup events after it', () => {
    const state = run([{ type: 'events', events: [ev.setupUpdated(12, makeLine(1, { version: 2, checked: checkedBy() }))] }]);
    expect(gapAfter(state)).toBe(10);
    expect(lines(state)[0]).toBe('1:-:v1:p1');
    const filled = run([{ type: 'events', events: [ev.redacted(11)] }], state);
    expect(filled.seq).toBe(12);
    expect(lines(filled)[0]).toBe('1:x:v2:p1');
  });

  it('a viewer without the setup list (a guest) keeps none, whatever arrives', () => {
    const guest = stateFromSnapshot(makeSnapshot([makeTask(1)], 10, undefined, null));
    const state = run([{ type: 'events', events: [ev.redacted(11), ev.setupCreated(12, makeLine(9))] }, { type: 'setupSaved', item: makeLine(9) }], guest);
    expect(state.setup).toBeNull();
    expect(state.seq).toBe(12);
  });

  it('our own reorder answer applies its order unless later events already did', () => {
    const answer: BoardAction = { type: 'setupMoved', item: makeLine(2, { version: 2, position: 0 }), order: [{ id: lineId(2), version: 2 }, { id: lineId(1), version: 1 }], seq: 11 };
    const state = run([answer]);
    expect(setupByPart(state.setup!.values()).INPUT.map((i) => i.id)).toEqual([lineId(2), lineId(1)]);
    // The answer arrives after event 11 itself was applied: its order is not applied twice.
    const later = run([{ type: 'events', events: [ev.setupMoved(11, makeLine(2, { version: 2, position: 0 }), [{ id: lineId(2), version: 2 }, { id: lineId(1), version: 1 }]), ev.setupMoved(12, makeLine(1, { version: 2, position: 0 }), [{ id: lineId(1), version: 2 }, { id: lineId(2), version: 2 }])] }, answer]);
    expect(setupByPart(later.setup!.values()).INPUT.map((i) => i.id)).toEqual([lineId(1), lineId(2)]);
  });

  it('groups lines by part in order', () => {
    const parts = setupByPart([makeLine(5, { position: 2 }), makeLine(6, { position: 0 }), makeLine(7, { part: 'PATCH' }), makeLine(8, { part: 'CHECK', checked: checkedBy(THEO) })]);
    expect(parts.INPUT.map((i) => i.id)).toEqual([lineId(6), lineId(5)]);
    expect(parts.PATCH).toHaveLength(1);
    expect(parts.CHECK).toHaveLength(1);
  });
});
