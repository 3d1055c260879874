import {
  PROTOCOL_VERSION,
  type BoardEvent,
  type BoardJoinAck,
  type ClientToServerEvents,
  type ServerToClientEvents,
  BOARD_EVENTS_FRAME,
} from '@patchbay/shared';
import { io, type Socket } from 'socket.io-client';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents> & { received: BoardEvent[] };

/** A connected socket.io client that records every board event it receives. */
export async function connectSocket(baseUrl: string, cookie?: string): Promise<TestSocket> {
  const socket = io(baseUrl, {
    path: '/socket.io', transports: ['websocket'], forceNew: true, reconnection: false, ...(cookie ? { extraHeaders: { cookie } } : {}),
  }) as TestSocket;
  socket.received = [];
  socket.on(BOARD_EVENTS_FRAME, (frame) => socket.received.push(...frame.events));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

export function joinBoard(socket: TestSocket, sessionId: string, afterSeq?: number, v: number = PROTOCOL_VERSION): Promise<BoardJoinAck> {
  return socket.timeout(5000).emitWithAck('board.join', { v, sessionId, ...(afterSeq === undefined ? {} : { afterSeq }) });
}

/** Resolves once the socket has received `count` events (or rejects after the timeout). */
export async function waitForEvents(socket: TestSocket, count: number, timeoutMs = 5000): Promise<BoardEvent[]> {
  const started = Date.now();
  while (socket.received.length < count) {
    if (Date.now() - started > timeoutMs) throw new Error(`expected ${count} events, got ${socket.received.length}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return socket.received.slice(0, count);
}
