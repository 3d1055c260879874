// The outbox of setup changes: kept across reloads, merged per line, sent with the version it
// was based on, and settled by the server's answer.
import { describe, expect, it, vi } from 'vitest';
import type { SetupItem, UpdateSetupItemInput } from '@patchbay/shared';
import { ApiError } from '../../client/src/api/http';
import { localStorageOutbox, memoryOutbox, pendingView, SetupOutbox, type Sender } from '../../client/src/setup/outbox';
import { checkedBy, lineId, makeLine, SAM, THEO } from './fixtures';

const ME = THEO.id;
const network = () => new ApiError(0, 'NETWORK', "Can't reach the Patchbay server.");
const conflict = (current: SetupItem) => new ApiError(409, 'VERSION_CONFLICT', 'changed', { current });

/** A server holding lines; answers like the API (version check, check-off already done is a no-op). */
function fakeServer(lines: SetupItem[]) {
  const db = new Map(lines.map((l) => [l.id, l]));
  const calls: { itemId: string; input: UpdateSetupItemInput }[] = [];
  let down = false;
  const send: Sender = async (itemId, input) => {
    calls.push({ itemId, input });
    if (down) throw network();
    const current = db.get(itemId);
    if (!current) throw new ApiError(404, 'NOT_FOUND', 'gone');
    const { version, checked, ...fields } = input;
    if (Object.keys(fields).length === 0 && checked !== undefined && (current.checked !== null) === checked) return current;
    if (current.version !== version) throw conflict(current);
    const next: SetupItem = { ...current, ...(fields as Partial<SetupItem>), version: current.version + 1 };
    if (checked !== undefined) next.checked = checked ? checkedBy() : null;
    db.set(itemId, next);
    return next;
  };
  return { db, calls, send, setDown: (v: boolean) => void (down = v) };
}

describe('the setup outbox', () => {
  it('sends a check-off with the version it was based on, and is empty after', async () => {
    const server = fakeServer([makeLine(1)]);
    const outbox = new SetupOutbox(memoryOutbox());
    outbox.enqueue(makeLine(1), { checked: true }, ME);
    const outcome = await outbox.flush(ME, server.send);
    expect(server.calls).toEqual([{ itemId: lineId(1), input: { version: 1, checked: true } }]);
    expect(outcome.saved.map((i) => i.version)).toEqual([2]);
    expect(outbox.getEntries()).toEqual([]);
  });

  it('keeps changes while offline (surviving a reload) and sends them once back, merged per line', async () => {
    const server = fakeServer([makeLine(1), makeLine(2)]);
    server.setDown(true);
    const first = new SetupOutbox(localStorageOutbox('test-outbox'));
    first.enqueue(makeLine(1), { checked: true }, ME);
    first.enqueue(makeLine(2), { notes: 'red cable' }, ME);
    first.enqueue(pendingView(makeLine(1), first.getEntries()[0], THEO), { notes: 'gaffer the cable' }, ME);
    expect((await first.flush(ME, server.send)).offline).toBe(true);
    expect(first.getEntries().map((e) => [e.itemId, e.state, e.fields])).toEqual([
      [lineId(1), 'waiting', { checked: true, notes: 'gaffer the cable' }],
      [lineId(2), 'waiting', { notes: 'red cable' }],
    ]);
    // The page reloads: a new outbox reads the same storage.
    const second = new SetupOutbox(localStorageOutbox('test-outbox'));
    expect(second.getEntries()).toHaveLength(2);
    server.setDown(false);
    await second.flush(ME, server.send);
    expect(second.getEntries()).toEqual([]);
    expect(server.db.get(lineId(1))).toMatchObject({ notes: 'gaffer the cable', checked: { by: THEO }, version: 2 });
    expect(server.db.get(lineId(2))).toMatchObject({ notes: 'red cable', version: 2 });
    // One write per line, oldest first (plus the first attempt that found no connection).
    expect(server.calls.slice(1).map((c) => c.input)).toEqual([{ version: 1, checked: true, notes: 'gaffer the cable' }, { version: 1, notes: 'red cable' }]);
  });

  it('a change undone before it was sent is dropped', () => {
    const outbox = new SetupOutbox(memoryOutbox());
    outbox.enqueue(makeLine(1), { checked: true }, ME);
    outbox.enqueue(pendingView(makeLine(1), outbox.getEntries()[0], THEO), { checked: false }, ME);
    expect(outbox.getEntries()).toEqual([]);
    // And one that changes nothing is never queued.
    outbox.enqueue(makeLine(1), { checked: false, notes: '' }, ME);
    expect(outbox.getEntries()).toEqual([]);
  });

  it('someone ticked the same box meanwhile: done, not a conflict', async () => {
    const server = fakeServer([makeLine(1, { version: 2, checked: checkedBy(SAM) })]);
    const outbox = new SetupOutbox(memoryOutbox());
    outbox.enqueue(makeLine(1), { checked: true }, ME);
    const outcome = await outbox.flush(ME, server.send);
    expect(outbox.getEntries()).toEqual([]);
    expect(outcome.saved[0]?.checked?.by).toEqual(SAM);
  });

  it('someone changed the line differently: it waits for a choice, then applies mine on theirs or keeps theirs', async () => {
    const theirs = makeLine(1, { version: 2, notes: 'use the red cable' });
    const server = fakeServer([theirs]);
    const outbox = new SetupOutbox(memoryOutbox());
    outbox.enqueue(makeLine(1), { notes: 'use the blue cable' }, ME);
    await outbox.flush(ME, server.send);
    const [entry] = outbox.getEntries();
    expect(entry).toMatchObject({ state: 'conflict', current: theirs });
    outbox.applyMine(entry!.id);
    await outbox.flush(ME, server.send);
    expect(outbox.getEntries()).toEqual([]);
    expect(server.db.get(lineId(1))).toMatchObject({ notes: 'use the blue cable', version: 3 });

    outbox.enqueue(makeLine(1), { notes: 'stale' }, ME);
    await outbox.flush(ME, server.send);
    outbox.discard(outbox.getEntries()[0]!.id);
    expect(outbox.getEntries()).toEqual([]);
    expect(server.db.get(lineId(1))?.notes).toBe('use the blue cable');
  });

  it('a refusal that waiting will not fix is marked failed with the reason; a deleted line says so', async () => {
    const outbox = new SetupOutbox(memoryOutbox());
    outbox.enqueue(makeLine(1), { notes: 'x' }, ME);
    outbox.enqueue(makeLine(2), { checked: true }, ME);
    const send = vi.fn<Sender>(async (itemId) => {
      throw itemId === lineId(1) ? new ApiError(403, 'FORBIDDEN', 'You may not check off this setup list') : new ApiError(404, 'NOT_FOUND', 'gone');
    });
    const outcome = await outbox.flush(ME, send);
    expect(outbox.getEntries().map((e) => [e.state, e.error])).toEqual([
      ['failed', 'You may not check off this setup list'],
      ['failed', 'This line was deleted by someone else.'],
    ]);
    expect(outcome.removed).toEqual([lineId(2)]);
  });

  it('server trouble (503, 429) is tried again later, not dropped', async () => {
    const outbox = new SetupOutbox(memoryOutbox());
    outbox.enqueue(makeLine(1), { checked: true }, ME);
    await outbox.flush(ME, async () => {
      throw new ApiError(503, 'UNAVAILABLE', 'database down');
    });
    expect(outbox.getEntries()[0]?.state).toBe('waiting');
  });

  it('only sends the changes of who made them (another sign-in on the same tablet keeps them)', async () => {
    const server = fakeServer([makeLine(1), makeLine(2)]);
    const outbox = new SetupOutbox(memoryOutbox());
    outbox.enqueue(makeLine(1), { checked: true }, THEO.id);
    outbox.enqueue(makeLine(2), { checked: true }, SAM.id);
    await outbox.flush(SAM.id, server.send);
    expect(server.calls.map((c) => c.itemId)).toEqual([lineId(2)]);
    expect(outbox.forSession(makeLine(1).sessionId, THEO.id)).toHaveLength(1);
  });

  it('a change made while an earlier one was on its way is rebased on the saved line', async () => {
    const server = fakeServer([makeLine(1)]);
    const outbox = new SetupOutbox(memoryOutbox());
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    outbox.enqueue(makeLine(1), { checked: true }, ME);
    const flushing = outbox.flush(ME, async (id, input) => {
      await gate;
      return server.send(id, input);
    });
    // While the first write is in flight, a note is added.
    outbox.enqueue(pendingView(makeLine(1), outbox.getEntries()[0], THEO), { notes: 'done by Theo' }, ME);
    release();
    await flushing;
    await outbox.flush(ME, server.send);
    expect(outbox.getEntries()).toEqual([]);
    expect(server.db.get(lineId(1))).toMatchObject({ checked: { by: THEO }, notes: 'done by Theo', version: 3 });
  });
});
