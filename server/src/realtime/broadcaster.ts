import { BOARD_EVENTS_FRAME, PROTOCOL_VERSION, boardLimitedRoom, boardRoom, type BoardEvent, type ClientToServerEvents, type ServerToClientEvents } from '@patchbay/shared';
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
  /**
   * Sends the gathered events of one board now (before a viewer joins it, so a frame never brings
   * a newcomer events from before its join), or of every board (the server is stopping).
   */
  flush: (sessionId?: string) => void;
}

interface Pending {
  events: BoardEvent[];
  /** The one requester's socket not to echo to; null once events of different requesters are gathered. */
  except: string | undefined | null;
  timer: NodeJS.Timeout | undefined;
  /** Forgets a board that stayed quiet for a whole frame. */
  forget: NodeJS.Timeout | undefined;
  /** When this board's last frame went out (performance.now()). */
  lastSent: number;
}

/**
 * Frames: the first change of a quiet board goes out at once; changes that follow within
 * `frameMs` of the last frame are gathered and sent together when that time is up. So a viewer
 * receives at most one message per board every `frameMs` however many writers there are, and
 * each frame is encoded once per room (socket.io encodes a broadcast once for all its sockets).
 * A change that may take the board away from someone flushes at once, before the viewers are
 * checked again, as an unframed broadcast did.
 */
export function createBroadcaster(
  getIo: () => IoServer | undefined,
  reauthorize: (sessionIds: readonly string[]) => Promise<void> = async () => {},
  workload?: WorkloadNotifier,
  frameMs = 0,
): Broadcaster {
  const boards = new Map<string, Pending>();

  const send = (sessionId: string, pending: Pending) => {
    if (pending.timer) clearTimeout(pending.timer);
    pending.timer = undefined;
    if (pending.forget) clearTimeout(pending.forget);
    // A board quiet for a whole frame is forgotten (its next change goes out at once anyway).
    if (frameMs > 0) {
      pending.forget = setTimeout(() => {
        if (pending.events.length === 0 && boards.get(sessionId) === pending) boards.delete(sessionId);
      }, frameMs + 1);
      pending.forget.unref();
    }
    pending.lastSent = performance.now();
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
      pending = { events: [], except: undefined, timer: undefined, forget: undefined, lastSent: -Infinity };
      boards.set(sessionId, pending);
    }
    pending.except = pending.events.length === 0 ? exceptSocketId : pending.except === exceptSocketId ? exceptSocketId : null;
    pending.events.push(...events);
    const wait = pending.lastSent + frameMs - performance.now();
    if (now || wait <= 0) {
      send(sessionId, pending);
      return;
    }
    const p = pending;
    p.timer ??= setTimeout(() => send(sessionId, p), wait);
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
        queue(sessionId, list, exceptSocketId, changesAccess || frameMs === 0);
      }
      if (recheck.size > 0) await reauthorize([...recheck]);
      await workload?.fromEvents(events);
    },
    workloadChanged(studioId, change) {
      workload?.changed(studioId, change);
    },
    reauthorize,
    disconnect(room) {
      getIo()?.in(room).disconnectSockets(true);
    },
    flush(only) {
      if (only !== undefined) {
        const pending = boards.get(only);
        if (pending && pending.events.length > 0) send(only, pending);
        return;
      }
      for (const [sessionId, pending] of boards) {
        if (pending.events.length > 0) send(sessionId, pending);
        if (pending.timer) clearTimeout(pending.timer);
        if (pending.forget) clearTimeout(pending.forget);
      }
      boards.clear();
    },
  };
}
