import { boardLimitedRoom, boardRoom, type BoardEvent, type ClientToServerEvents, type ServerToClientEvents } from '@patchbay/shared';
import { isAudienceSensitive, presentEventFor } from '../presenters/board-event';
import type { Server } from 'socket.io';

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents>;

export interface Broadcaster {
  /**
   * Sends committed board events to every viewer of their board, in sequence order, each as its
   * audience may see it (viewers in the board's limited room get setup events redacted).
   */
  publish: (events: BoardEvent[], exceptSocketId?: string) => void;
  /** Disconnects every socket in a room (a revoked sign-in, a member whose access changed). */
  disconnect: (room: string) => void;
}

export function createBroadcaster(getIo: () => IoServer | undefined): Broadcaster {
  return {
    publish(events, exceptSocketId) {
      const io = getIo();
      if (!io) return;
      const except = (rooms: string[]) => (exceptSocketId ? [...rooms, exceptSocketId] : rooms);
      for (const event of events) {
        const board = boardRoom(event.sessionId);
        // The event map is keyed by type; the union is narrowed per type at the receiving end.
        const emit = (target: ReturnType<IoServer['to']>, payload: BoardEvent) => (target.emit as (type: string, payload: BoardEvent) => boolean)(payload.type, payload);
        if (!isAudienceSensitive(event)) {
          emit(io.to(board).except(except([])), event);
          continue;
        }
        const limited = boardLimitedRoom(event.sessionId);
        emit(io.to(board).except(except([limited])), event);
        emit(io.to(limited).except(except([])), presentEventFor(event, false));
      }
    },
    disconnect(room) {
      getIo()?.in(room).disconnectSockets(true);
    },

  };
}
