// The broadcaster's frames (server/src/realtime/broadcaster.ts), on a fake socket.io server and
// fake timers: changes go out at once while the board sends fewer than one frame per frame time
// (after a burst), past that they are gathered into one frame per frame time in seq order, a
// change that may take the board from someone goes out at once, and guests get the redacted frame.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PROTOCOL_VERSION, boardLimitedRoom, boardRoom, type BoardEvent } from '@patchbay/shared';
import { FRAME_BURST, createBroadcaster, type IoServer } from '../../../server/src/realtime/broadcaster';

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

  it('sends each change at once while the board is not busy: one frame per frame time, after a burst', async () => {
    const { io, sent } = fakeIo();
    const b = createBroadcaster(() => io, async () => {}, undefined, () => 50);
    for (let seq = 1; seq <= 8; seq += 1) {
      await b.publish([updated(seq)]);
      vi.advanceTimersByTime(50);
    }
    expect(seqsTo(sent, boardRoom(SESSION))).toEqual([[1], [2], [3], [4], [5], [6], [7], [8]]);
  });

  it('past the burst, gathers a busy board’s changes into one frame per frame time, in seq order', async () => {
    const { io, sent } = fakeIo();
    const b = createBroadcaster(() => io, async () => {}, undefined, () => 50);
    for (let seq = 1; seq <= FRAME_BURST; seq += 1) await b.publish([updated(seq)]);
    const burst = Array.from({ length: FRAME_BURST }, (_, i) => [i + 1]);
    expect(seqsTo(sent, boardRoom(SESSION))).toEqual(burst);
    vi.advanceTimersByTime(10);
    await b.publish([updated(FRAME_BURST + 2)]);
    await b.publish([updated(FRAME_BURST + 1)]);
    expect(seqsTo(sent, boardRoom(SESSION))).toEqual(burst);
    vi.advanceTimersByTime(39);
    expect(seqsTo(sent, boardRoom(SESSION))).toEqual(burst);
    vi.advanceTimersByTime(1);
    expect(seqsTo(sent, boardRoom(SESSION))).toEqual([...burst, [FRAME_BURST + 1, FRAME_BURST + 2]]);
    // Changes keep coming faster than frames: at most one frame per 50 ms.
    for (let seq = FRAME_BURST + 3; seq < FRAME_BURST + 13; seq += 1) {
      await b.publish([updated(seq)]);
      vi.advanceTimersByTime(10);
    }
    vi.advanceTimersByTime(100);
    const frames = seqsTo(sent, boardRoom(SESSION)).slice(FRAME_BURST + 1);
    expect(frames.flat()).toEqual(Array.from({ length: 10 }, (_, i) => FRAME_BURST + 3 + i));
    expect(frames.length).toBe(2);
    // Quiet long enough to have its burst back: the next change goes at once.
    vi.advanceTimersByTime(FRAME_BURST * 50);
    const before = sent.length;
    await b.publish([updated(FRAME_BURST + 13)]);
    expect(sent.length).toBe(before + 2);
  });

  it('keeps boards apart, and sends the redacted frame to the limited room', async () => {
    const { io, sent } = fakeIo();
    const b = createBroadcaster(() => io, async () => {}, undefined, () => 50);
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
    const b = createBroadcaster(() => io, async () => {}, undefined, () => 50);
    await b.publish([updated(1)], 'socket-a');
    expect(sent.find((s) => s.room === boardRoom(SESSION))!.except).toContain('socket-a');
    for (let seq = 2; seq <= FRAME_BURST; seq += 1) await b.publish([updated(seq)]);
    await b.publish([updated(FRAME_BURST + 1)], 'socket-a');
    await b.publish([updated(FRAME_BURST + 2)], 'socket-b');
    vi.advanceTimersByTime(50);
    const last = sent.filter((s) => s.room === boardRoom(SESSION)).at(-1)!;
    expect(last.frame.events.map((e) => e.seq)).toEqual([FRAME_BURST + 1, FRAME_BURST + 2]);
    expect(last.except).toEqual([boardLimitedRoom(SESSION)]);
  });

  it('sends a change that may take the board from someone at once, with what was gathered, before the viewers are checked', async () => {
    const { io, sent } = fakeIo();
    const checked: number[] = [];
    const b = createBroadcaster(() => io, async () => void checked.push(sent.length), undefined, () => 50);
    for (let seq = 1; seq <= FRAME_BURST + 1; seq += 1) await b.publish([updated(seq)]);
    await b.publish([updated(FRAME_BURST + 2, SESSION, ['assigneeId'])]);
    expect(seqsTo(sent, boardRoom(SESSION)).at(-1)).toEqual([FRAME_BURST + 1, FRAME_BURST + 2]);
    expect(checked).toEqual([sent.length]);
  });

  it('flushes one board before a viewer joins it, and every board when stopping', async () => {
    const { io, sent } = fakeIo();
    const b = createBroadcaster(() => io, async () => {}, undefined, () => 50);
    for (let seq = 1; seq <= FRAME_BURST; seq += 1) await b.publish([updated(seq), updated(seq, OTHER)]);
    await b.publish([updated(FRAME_BURST + 1), updated(FRAME_BURST + 1, OTHER)]);
    expect(seqsTo(sent, boardRoom(SESSION))).toHaveLength(FRAME_BURST);
    b.flush(SESSION);
    expect(seqsTo(sent, boardRoom(SESSION)).at(-1)).toEqual([FRAME_BURST + 1]);
    expect(seqsTo(sent, boardRoom(OTHER))).toHaveLength(FRAME_BURST);
    b.flush();
    expect(seqsTo(sent, boardRoom(OTHER)).at(-1)).toEqual([FRAME_BURST + 1]);
  });

  it('with no frame time, sends every change as it comes', async () => {
    const { io, sent } = fakeIo();
    const b = createBroadcaster(() => io, async () => {}, undefined, () => 0);
    for (const seq of [1, 2, 3]) await b.publish([updated(seq)]);
    expect(seqsTo(sent, boardRoom(SESSION))).toEqual([[1], [2], [3]]);
  });
});
