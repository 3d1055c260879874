import { boardLimitedRoom, boardRoom, type BoardEvent, type ClientToServerEvents, type ServerToClientEvents } from '@patchbay/shared';
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
}

export function createBroadcaster(
  getIo: () => IoServer | undefined,
  reauthorize: (sessionIds: readonly string[]) => Promise<void> = async () => {},
  workload?: WorkloadNotifier,
): Broadcaster {
  return {
    async publish(events, exceptSocketId) {
      const io = getIo();
      if (!io) return;
      const except = (rooms: string[]) => (exceptSocketId ? [...rooms, exceptSocketId] : rooms);
      for (const event of events) {
        const board = boardRoom(event.sessionId);
        // The event map is keyed by type; the union is narrowed per type at the receiving end.
        const emit = (target: ReturnType<IoServer['to']>, payload: BoardEvent) => (target.emit as (type: string, payload: BoardEvent) => boolean)(payload.type, payload);
        // Staff get the event as written; the board's limited room (guests) the guest view of it.
        const limited = boardLimitedRoom(event.sessionId);
        emit(io.to(board).except(except([limited])), event);
        emit(io.to(limited).except(except([])), presentEventFor(event, 'guest'));
      }
      const recheck = [...new Set(events.filter(mayChangeAccess).map((e) => e.sessionId))];
      if (recheck.length > 0) await reauthorize(recheck);
      await workload?.fromEvents(events);
    },
    workloadChanged(studioId, change) {
      workload?.changed(studioId, change);
    },
    reauthorize,
    disconnect(room) {
      getIo()?.in(room).disconnectSockets(true);
    },

  };
}
