import type { BoardEvent, BoardJoinAck, ClientToServerEvents, ServerToClientEvents } from '@patchbay/shared';
import { io, type Socket } from 'socket.io-client';
import { BOARD_EVENT_TYPES, PROTOCOL_VERSION } from '../protocol';

/**
 * - connecting: first connection not made yet
 * - connected: socket is up
 * - reconnecting: lost, retrying
 * - offline: the browser is offline, or retries keep failing (still retrying in the background)
 */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

/** The app's one realtime connection, as the UI needs it. A fake stands in for it in tests. */
export interface RealtimeConnection {
  /** The socket id, sent with HTTP writes (undefined while disconnected). */
  readonly id: string | undefined;
  getStatus(): ConnectionStatus;
  /** Called on every status change; returns the unsubscribe function. */
  subscribeStatus(listener: () => void): () => void;
  /** Called on every (re)connect, after the status became 'connected'. */
  onConnect(listener: () => void): () => void;
  /** Every board event pushed by the server, of any board this client joined. */
  onBoardEvent(listener: (event: BoardEvent) => void): () => void;
  /** Join a board's room; the server answers with the events after `afterSeq`. */
  joinBoard(sessionId: string, afterSeq: number): Promise<BoardJoinAck>;
  leaveBoard(sessionId: string): void;
  close(): void;
}

type PatchbaySocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** After this many failed reconnect attempts in a row the indicator says Offline. */
const ATTEMPTS_BEFORE_OFFLINE = 3;
const JOIN_TIMEOUT_MS = 10_000;

const browserOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

export function createSocketConnection(url?: string): RealtimeConnection {
  const socket: PatchbaySocket = url ? io(url, { path: '/socket.io' }) : io({ path: '/socket.io' });
  let status: ConnectionStatus = 'connecting';
  let hasConnected = false;
  const statusListeners = new Set<() => void>();
  const connectListeners = new Set<() => void>();
  const eventListeners = new Set<(event: BoardEvent) => void>();

  const setStatus = (next: ConnectionStatus) => {
    if (next === status) return;
    status = next;
    for (const listener of statusListeners) listener();
  };

  socket.on('connect', () => {
    hasConnected = true;
    setStatus('connected');
    for (const listener of connectListeners) listener();
  });
  socket.on('disconnect', (reason) => {
    setStatus(browserOffline() ? 'offline' : 'reconnecting');
    // The server closed us (e.g. it is restarting): socket.io does not retry by itself then.
    if (reason === 'io server disconnect') socket.connect();
  });
  socket.on('connect_error', () => {
    if (browserOffline()) setStatus('offline');
    else if (!socket.active) setStatus('offline');
    else if (hasConnected && status !== 'offline') setStatus('reconnecting');
  });
  socket.io.on('reconnect_attempt', (attempt) => {
    setStatus(browserOffline() || attempt > ATTEMPTS_BEFORE_OFFLINE ? 'offline' : 'reconnecting');
  });

  const dispatch = (event: BoardEvent) => {
    for (const listener of eventListeners) listener(event);
  };
  for (const type of BOARD_EVENT_TYPES) {
    // Each typed listener receives exactly its kind of event; all are BoardEvents.
    socket.on(type, dispatch as ServerToClientEvents[typeof type]);
  }

  const onOnline = () => {
    if (socket.connected) {
      // The socket survived the outage, but events may have been lost on the way: boards
      // re-join from their last applied seq, and the server replays what they missed.
      setStatus('connected');
      for (const listener of connectListeners) listener();
    } else {
      setStatus('reconnecting');
      socket.connect();
    }
  };
  const onOffline = () => setStatus('offline');
  if (typeof window !== 'undefined') {
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
  }

  return {
    get id() {
      return socket.connected ? socket.id : undefined;
    },
    getStatus: () => status,
    subscribeStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    onConnect(listener) {
      connectListeners.add(listener);
      return () => connectListeners.delete(listener);
    },
    onBoardEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    joinBoard(sessionId, afterSeq) {
      return new Promise((resolve, reject) => {
        socket.timeout(JOIN_TIMEOUT_MS).emit('board.join', { v: PROTOCOL_VERSION, sessionId, afterSeq }, (err, ack) => {
          if (err) reject(new Error('The server did not answer in time.'));
          else resolve(ack);
        });
      });
    },
    leaveBoard(sessionId) {
      if (socket.connected) socket.emit('board.leave', { sessionId }, () => {});
    },
    close() {
      if (typeof window !== 'undefined') {
        window.removeEventListener('online', onOnline);
        window.removeEventListener('offline', onOffline);
      }
      socket.close();
    },
  };
}
