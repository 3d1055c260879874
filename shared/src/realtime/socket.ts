import { z } from 'zod';
import type { ErrorCode } from '../errors';
import { IdSchema } from '../api/common';
import type { BoardEvent, BoardEventOf, BoardEventType, Presence } from './events';

export const BoardJoinPayloadSchema = z.strictObject({
  v: z.number().int(),
  sessionId: IdSchema,
  /** Last sequence number this client has applied; the server replays what came after. */
  afterSeq: z.number().int().min(0).optional(),
});
export type BoardJoinPayload = z.infer<typeof BoardJoinPayloadSchema>;
export const BoardLeavePayloadSchema = z.strictObject({ sessionId: IdSchema });
export type BoardLeavePayload = z.infer<typeof BoardLeavePayloadSchema>;

export type SocketError = { code: ErrorCode; message: string; details?: unknown };
export type BoardJoinAck =
  | { ok: true; seq: number; missed: BoardEvent[]; reset: boolean }
  | { ok: false; error: SocketError };
export type Ack = { ok: true } | { ok: false; error: SocketError };

/** Events the server pushes: one per board event type, all carrying the board envelope. */
export type ServerToClientEvents = { [T in BoardEventType]: (event: BoardEventOf<T>) => void } & {
  'presence.changed': (presence: Presence) => void;
};

export interface ClientToServerEvents {
  'board.join': (payload: BoardJoinPayload, ack: (result: BoardJoinAck) => void) => void;
  'board.leave': (payload: BoardLeavePayload, ack: (result: Ack) => void) => void;
}

/** Header a client sends with HTTP writes so its own socket is not echoed the event. */
export const SOCKET_ID_HEADER = 'x-socket-id';
/** socket.io room name of one session board. */
export const boardRoom = (sessionId: string): string => `board:${sessionId}`;
/**
 * The viewers of a board who may not see its setup list (guests): they are in the board's room
 * and in this one, and get `redacted` in place of setup events.
 */
export const boardLimitedRoom = (sessionId: string): string => `board-limited:${sessionId}`;
