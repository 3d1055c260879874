import { BOARD_EVENTS_FRAME, PROTOCOL_VERSION, boardLimitedRoom, boardRoom, memberRoom, type BoardEvent, type ClientToServerEvents, type ServerToClientEvents } from '@patchbay/shared';
import { presentEventFor } from '../presenters/board-event';
import type { Server } from 'socket.io';
import type { WorkloadChange, WorkloadNotifier } from './workload-notifier';

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents>;

/**
 * Events after which who may see a board can have changed: the session restaffed or moved to
 * another project, a task given to someone else or deleted (an assignee may lose the board).
 */
export function mayChangeAccess(event: BoardEvent): boolean {
  if (event.type === 'session.updated' || event.type === 'task.deleted') return true;
  return event.type === 'task.updated' && event.changed.includes('assigneeId');
}

export interface Broadcaster {
  /**
   * Sends committed board events to every viewer of their board, in sequence order, each as its
   * audience may see it (viewers in the board's limited room, guests, get every event redacted).
   * A board's events are sent in frames (see `createBroadcaster`).
   */
  publish: (events: BoardEvent[], exceptSocketId?: string) => Promise<void>;
  /**
   * Checks every viewer of these boards again against the permission matrix: a viewer who lost
   * the board is disconnected (the client rejoins and is told), one who lost or gained the setup
   * list moves in or out of the board's limited room.
   */
  reauthorize: (sessionIds: readonly string[]) => Promise<void>;
  /** Disconnects every socket in a room (a revoked sign-in, a member whose access changed). */
  disconnect: (room: string) => void;
  /** Tells the studio's workload viewers (changes without board events: a session booked or deleted, a capacity changed). */
  workloadChanged: (studioId: string, change: WorkloadChange) => void;
  /** Tells these members (every screen they are signed in on) that their mentions changed. */
  mentioned: (memberIds: readonly string[]) => void;
  /**
   * Sends the gathered events of one board now (before a viewer joins it, so a frame never brings
   * a newcomer events from before its join), or of every board (the server is stopping).
   */
  flush: (sessionId?: string) => void;
}

/** Frames a board may send at once after being quiet, before its changes are gathered. */
export const FRAME_BURST = 4;

interface Pending {
  events: BoardEvent[];
  /** The one requester's socket not to echo to; null once events of different requesters are gathered. */
  except: string | undefined | null;
  /** Frames the board may send right away (refills one per frame time, up to FRAME_BURST). */
  credit: number;
  refilledAt: number;
  timer: NodeJS.Timeout | undefined;
  /** Forgets a board that stayed quiet long enough to have its whole credit back. */
  forget: NodeJS.Timeout | undefined;
}

/**
 * Frames: a board sends each change at once while it sends fewer than one frame per frame time
 * (`frameMsOf`, with a burst of FRAME_BURST), so a quiet or moderately busy board adds no delay.
 * Past that, its changes are gathered and sent together one frame time after the last frame: a
 * viewer receives at most one message per board per frame time however many writers there are,
 * and each frame is encoded once per room (socket.io encodes a broadcast once for all its
 * sockets). The server gives a board with more viewers a longer frame time (app.ts), so the
 * messages it writes per second stay bounded.
 * A change that may take the board away from someone goes out at once, with what was gathered,
 * before the viewers are checked again, as an unframed broadcast did.
 */
export function createBroadcaster(
  getIo: () => IoServer | undefined,
  reauthorize: (sessionIds: readonly string[]) => Promise<void> = async () => {},
  workload?: WorkloadNotifier,
  /** A board's frame time in ms (0: every change is its own frame). */
  frameMsOf: (sessionId: string) => number = () => 0,
): Broadcaster {
  const boards = new Map<string, Pending>();

  const refill = (pending: Pending, frameMs: number) => {
    const now = performance.now();
    pending.credit = Math.min(FRAME_BURST, pending.credit + (now - pending.refilledAt) / frameMs);
    pending.refilledAt = now;
  };

  const send = (sessionId: string, pending: Pending, frameMs: number) => {
    if (pending.timer) clearTimeout(pending.timer);
    pending.timer = undefined;
    if (pending.forget) clearTimeout(pending.forget);
    if (frameMs > 0) {
      pending.forget = setTimeout(() => {
        if (pending.events.length === 0 && boards.get(sessionId) === pending) boards.delete(sessionId);
      }, FRAME_BURST * frameMs + 1);
      pending.forget.unref();
    }
    const events = pending.events.sort((a, b) => a.seq - b.seq);
    const except = pending.except ?? undefined;
    pending.events = [];
    pending.except = undefined;
    const io = getIo();
    if (!io || events.length === 0) return;
    // Staff get the events as written; the board's limited room (guests) the guest view of them.
    const limited = boardLimitedRoom(sessionId);
    const skip = except ? [limited, except] : [limited];
    io.to(boardRoom(sessionId)).except(skip).emit(BOARD_EVENTS_FRAME, { v: PROTOCOL_VERSION, sessionId, events });
    io.to(limited).except(except ? [except] : []).emit(BOARD_EVENTS_FRAME, { v: PROTOCOL_VERSION, sessionId, events: events.map((e) => presentEventFor(e, 'guest')) });
  };

  const queue = (sessionId: string, events: BoardEvent[], exceptSocketId: string | undefined, now: boolean) => {
    let pending = boards.get(sessionId);
    if (!pending) {
      pending = { events: [], except: undefined, credit: FRAME_BURST, refilledAt: performance.now(), timer: undefined, forget: undefined };
      boards.set(sessionId, pending);
    }
    pending.except = pending.events.length === 0 ? exceptSocketId : pending.except === exceptSocketId ? exceptSocketId : null;
    pending.events.push(...events);
    const frameMs = frameMsOf(sessionId);
    if (frameMs <= 0 || now) {
      send(sessionId, pending, frameMs);
      return;
    }
    if (pending.timer) return; // a frame is already due: these events go with it
    refill(pending, frameMs);
    if (pending.credit >= 1) {
      pending.credit -= 1;
      send(sessionId, pending, frameMs);
      return;
    }
    const p = pending;
    p.timer = setTimeout(() => {
      refill(p, frameMs);
      p.credit = Math.max(0, p.credit - 1);
      send(sessionId, p, frameMs);
    }, (1 - p.credit) * frameMs);
  };

  return {
    async publish(events, exceptSocketId) {
      if (events.length === 0) return;
      const bySession = new Map<string, BoardEvent[]>();
      for (const e of events) bySession.set(e.sessionId, [...(bySession.get(e.sessionId) ?? []), e]);
      const recheck = new Set<string>();
      for (const [sessionId, list] of bySession) {
        const changesAccess = list.some(mayChangeAccess);
        if (changesAccess) recheck.add(sessionId);
        queue(sessionId, list, exceptSocketId, changesAccess);
      }
      if (recheck.size > 0) await reauthorize([...recheck]);
      await workload?.fromEvents(events);
    },
    workloadChanged(studioId, change) {
      workload?.changed(studioId, change);
    },
    mentioned(memberIds) {
      const io = getIo();
      if (!io) return;
      for (const id of new Set(memberIds)) io.to(memberRoom(id)).emit('mentions.changed', { v: PROTOCOL_VERSION });
    },
    reauthorize,
    disconnect(room) {
      getIo()?.in(room).disconnectSockets(true);
    },
    flush(only) {
      if (only !== undefined) {
        const pending = boards.get(only);
        if (pending && pending.events.length > 0) send(only, pending, frameMsOf(only));
        return;
      }
      for (const [sessionId, pending] of boards) {
        if (pending.events.length > 0) send(sessionId, pending, 0);
        if (pending.timer) clearTimeout(pending.timer);
        if (pending.forget) clearTimeout(pending.forget);
      }
      boards.clear();
    },
  };
}
