// The broadcaster's frames (server/src/realtime/broadcaster.ts), on a fake socket.io server and
// fake timers: a quiet board's change goes out at once, changes within the frame time after it
// are gathered into one frame in seq order, a change that may take the board from someone goes
// out at once, and guests get the redacted frame.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PROTOCOL_VERSION, boardLimitedRoom, boardRoom, type BoardEvent } from '@patchbay/shared';
import { createBroadcaster, type IoServer } from '../../../server/src/realtime/broadcaster';

const SESSION = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';

interface Sent { room: string; except: string[]; frame: { v: number; sessionId: string; events: BoardEvent[] } }

function fakeIo(): { io: IoServer; sent: Sent[] } {
  const sent: Sent[] = [];
  const to = (room: string) => ({
    except: (except: string[]) => ({ emit: (_name: string, frame: Sent['frame']) => sent.push({ room, except, frame }) }),
  });
  return { io: { to } as unknown as IoServer, sent };
}

const task = { id: '00000000-0000-4000-8000-0000000000aa', title: 'Mic the kit' };
const updated = (seq: number, sessionId = SESSION, changed = ['title']): BoardEvent =>
  ({ v: PROTOCOL_VERSION, type: 'task.updated', sessionId, seq, at: '2026-12-01T10:00:00.000Z', actor: null, task, changed }) as unknown as BoardEvent;
const seqsTo = (sent: Sent[], room: string) => sent.filter((s) => s.room === room).map((s) => s.frame.events.map((e) => e.seq));

describe('board frames', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends a quiet board’s change at once, and gathers what follows within the frame time into one frame, in seq order', async () => {
    const { io, sent } = fakeIo();
    const b = createBroadcaster(() => io, async () => {}, undefined, 50);
    await b.publish([updated(1)]);
    expect(seqsTo(sent, boardRoom(SESSION))).toEqual([[1]]);
    vi.advanceTimersByTime(10);
    await b.publish([updated(3)]);
    await b.publish([updated(2)]);
    expect(seqsTo(sent, boardRoom(SESSION))).toEqual([[1]]);
    vi.advanceTimersByTime(39);
    expect(seqsTo(sent, boardRoom(SESSION))).toEqual([[1]]);
    vi.advanceTimersByTime(1);
    expect(seqsTo(sent, boardRoom(SESSION))).toEqual([[1], [2, 3]]);
    // Quiet for a whole frame again: the next change goes at once.
    vi.advanceTimersByTime(200);
    await b.publish([updated(4)]);
    expect(seqsTo(sent, boardRoom(SESSION))).toEqual([[1], [2, 3], [4]]);
  });

  it('keeps boards apart, and sends the redacted frame to the limited room', async () => {
    const { io, sent } = fakeIo();
    const b = createBroadcaster(() => io, async () => {}, undefined, 50);
    await b.publish([updated(1), updated(1, OTHER)]);
    expect(seqsTo(sent, boardRoom(SESSION))).toEqual([[1]]);
    expect(seqsTo(sent, boardRoom(OTHER))).toEqual([[1]]);
    const staff = sent.find((s) => s.room === boardRoom(SESSION))!;
    expect(staff.except).toEqual([boardLimitedRoom(SESSION)]);
    const limited = sent.find((s) => s.room === boardLimitedRoom(SESSION))!;
    expect(limited.frame.events).toEqual([expect.objectContaining({ type: 'redacted', seq: 1 })]);
    expect(JSON.stringify(limited.frame)).not.toContain('Mic the kit');
  });

  it('skips the requester’s socket only while every gathered event is theirs', async () => {
    const { io, sent } = fakeIo();
    const b = createBroadcaster(() => io, async () => {}, undefined, 50);
    await b.publish([updated(1)], 'socket-a');
    expect(sent.find((s) => s.room === boardRoom(SESSION))!.except).toContain('socket-a');
    await b.publish([updated(2)], 'socket-a');
    await b.publish([updated(3)], 'socket-b');
    vi.advanceTimersByTime(50);
    const last = sent.filter((s) => s.room === boardRoom(SESSION)).at(-1)!;
    expect(last.frame.events.map((e) => e.seq)).toEqual([2, 3]);
    expect(last.except).toEqual([boardLimitedRoom(SESSION)]);
  });

  it('sends a change that may take the board from someone at once, with what was gathered, before the viewers are checked', async () => {
    const { io, sent } = fakeIo();
    const checked: number[] = [];
    const b = createBroadcaster(() => io, async () => void checked.push(sent.length), undefined, 50);
    await b.publish([updated(1)]);
    await b.publish([updated(2)]);
    await b.publish([updated(3, SESSION, ['assigneeId'])]);
    expect(seqsTo(sent, boardRoom(SESSION))).toEqual([[1], [2, 3]]);
    expect(checked).toEqual([sent.length]);
  });

  it('flushes one board before a viewer joins it, and every board when stopping', async () => {
    const { io, sent } = fakeIo();
    const b = createBroadcaster(() => io, async () => {}, undefined, 50);
    await b.publish([updated(1), updated(1, OTHER)]);
    await b.publish([updated(2), updated(2, OTHER)]);
    b.flush(SESSION);
    expect(seqsTo(sent, boardRoom(SESSION))).toEqual([[1], [2]]);
    expect(seqsTo(sent, boardRoom(OTHER))).toEqual([[1]]);
    b.flush();
    expect(seqsTo(sent, boardRoom(OTHER))).toEqual([[1], [2]]);
  });

  it('with no frame time, sends every change as it comes', async () => {
    const { io, sent } = fakeIo();
    const b = createBroadcaster(() => io, async () => {}, undefined, 0);
    for (const seq of [1, 2, 3]) await b.publish([updated(seq)]);
    expect(seqsTo(sent, boardRoom(SESSION))).toEqual([[1], [2], [3]]);
  });
});
