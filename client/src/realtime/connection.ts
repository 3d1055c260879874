import type { BoardEvent, BoardJoinAck, ClientToServerEvents, Presence, ServerToClientEvents, WorkloadChanged, WorkloadWatchAck } from '@patchbay/shared';
import { io, type Socket } from 'socket.io-client';
import { BOARD_EVENTS_FRAME, MENTIONS_EVENT, PRESENCE_EVENT, PROTOCOL_VERSION, WORKLOAD_EVENT } from '../protocol';

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
  /** Who is looking at a board this client joined (pushed after joins and leaves; not sequenced). */
  onPresence(listener: (presence: Presence) => void): () => void;
  /** Join a board's room; the server answers with the events after `afterSeq`. */
  joinBoard(sessionId: string, afterSeq: number): Promise<BoardJoinAck>;
  leaveBoard(sessionId: string): void;
  /** Hear about workload changes in the studio (call again after every reconnect). */
  watchWorkload(): Promise<WorkloadWatchAck>;
  unwatchWorkload(): void;
  onWorkloadChanged(listener: (change: WorkloadChanged) => void): () => void;
  /** Someone named the signed-in member in a comment, or their mentions were read elsewhere. */
  onMentionsChanged(listener: () => void): () => void;
  /** Open the connection (once signed in: the socket authenticates with the session cookie). */
  connect(): void;
  /** Close it until the next connect() (signed out). */
  disconnect(): void;
  /**
   * The server refused the connection (not signed in) or closed it (sign-in revoked, access
   * changed, restarting). The connection does not retry by itself then: the app checks who is
   * signed in and calls connect() again, or goes to the sign-in page.
   */
  onRefused(listener: () => void): () => void;
  close(): void;
}

type PatchbaySocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** After this many failed reconnect attempts in a row the indicator says Offline. */
const ATTEMPTS_BEFORE_OFFLINE = 3;
const JOIN_TIMEOUT_MS = 10_000;

const browserOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

/** Error codes of a refused handshake that mean "who are you?" rather than a network problem. */
const REFUSAL_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);

function refusalCode(err: Error & { data?: unknown }): string | undefined {
  const data = err.data as { code?: unknown } | undefined;
  const code = typeof data?.code === 'string' ? data.code : err.message;
  return REFUSAL_CODES.has(code) ? code : undefined;
}

export function createSocketConnection(url?: string): RealtimeConnection {
  // Not connected until the app knows someone is signed in (see connect()).
  const options = { path: '/socket.io', autoConnect: false };
  const socket: PatchbaySocket = url ? io(url, options) : io(options);
  let status: ConnectionStatus = 'connecting';
  let hasConnected = false;
  const statusListeners = new Set<() => void>();
  const connectListeners = new Set<() => void>();
  const eventListeners = new Set<(event: BoardEvent) => void>();
  const refusedListeners = new Set<() => void>();
  const presenceListeners = new Set<(presence: Presence) => void>();
  const workloadListeners = new Set<(change: WorkloadChanged) => void>();
  const mentionListeners = new Set<() => void>();

  const refused = () => {
    if (refusedListeners.size === 0) {
      // Nobody to ask who is signed in (should not happen in the app): just try again.
      socket.connect();
      return;
    }
    for (const listener of refusedListeners) listener();
  };

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
    if (reason === 'io client disconnect') {
      // We closed it ourselves (signed out).
      setStatus('connecting');
      return;
    }
    setStatus(browserOffline() ? 'offline' : 'reconnecting');
    // The server closed us (sign-in revoked, access changed, restarting): socket.io does not
    // retry by itself then; the app checks the sign-in and reconnects.
    if (reason === 'io server disconnect') refused();
  });
  socket.on('connect_error', (err) => {
    if (refusalCode(err) && !socket.active) {
      setStatus(hasConnected ? 'reconnecting' : 'connecting');
      refused();
      return;
    }
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
  // A frame holds consecutive events of one board; each is applied as if it came alone.
  socket.on(BOARD_EVENTS_FRAME, (frame) => {
    for (const event of frame.events) dispatch(event);
  });

  socket.on(PRESENCE_EVENT, (presence) => {
    for (const listener of presenceListeners) listener(presence);
  });
  socket.on(WORKLOAD_EVENT, (change) => {
    for (const listener of workloadListeners) listener(change);
  });
  socket.on(MENTIONS_EVENT, () => {
    for (const listener of mentionListeners) listener();
  });

  let wanted = false;
  const onOnline = () => {
    if (!wanted) return;
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
  const onOffline = () => {
    if (wanted) setStatus('offline');
  };
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
    onPresence(listener) {
      presenceListeners.add(listener);
      return () => presenceListeners.delete(listener);
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
    watchWorkload() {
      return new Promise((resolve, reject) => {
        socket.timeout(JOIN_TIMEOUT_MS).emit('workload.watch', { v: PROTOCOL_VERSION }, (err, ack) => {
          if (err) reject(new Error('The server did not answer in time.'));
          else resolve(ack);
        });
      });
    },
    unwatchWorkload() {
      if (socket.connected) socket.emit('workload.unwatch', { v: PROTOCOL_VERSION }, () => {});
    },
    onWorkloadChanged(listener) {
      workloadListeners.add(listener);
      return () => workloadListeners.delete(listener);
    },
    onMentionsChanged(listener) {
      mentionListeners.add(listener);
      return () => mentionListeners.delete(listener);
    },
    connect() {
      wanted = true;
      if (!socket.connected && !socket.active) socket.connect();
    },
    disconnect() {
      wanted = false;
      hasConnected = false;
      socket.disconnect();
    },
    onRefused(listener) {
      refusedListeners.add(listener);
      return () => refusedListeners.delete(listener);
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
