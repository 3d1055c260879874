import { boardRoom, type BoardEvent, type ClientToServerEvents, type ServerToClientEvents } from '@patchbay/shared';
import type { Server } from 'socket.io';

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents>;

export interface Broadcaster {
  /** Sends committed board events to every viewer of their board, in sequence order. */
  publish: (events: BoardEvent[], exceptSocketId?: string) => void;
  /** Disconnects every socket in a room (a revoked sign-in, a member whose access changed). */
  disconnect: (room: string) => void;
}

export function createBroadcaster(getIo: () => IoServer | undefined): Broadcaster {
  return {
    publish(events, exceptSocketId) {
      const io = getIo();
      if (!io) return;
      for (const event of events) {
        const target = exceptSocketId ? io.to(boardRoom(event.sessionId)).except(exceptSocketId) : io.to(boardRoom(event.sessionId));
        // The event map is keyed by type; the union is narrowed per type at the receiving end.
        (target.emit as (type: string, payload: BoardEvent) => boolean)(event.type, event);
      }
    },
    disconnect(room) {
      getIo()?.in(room).disconnectSockets(true);
    },

  };
}
