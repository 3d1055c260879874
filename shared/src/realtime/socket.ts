import { z } from 'zod';
import type { ErrorCode } from '../errors';
import { IdSchema } from '../api/common';
import type { BoardEvent, BoardEventsFrame, Presence } from './events';

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

export const WorkloadWatchPayloadSchema = z.strictObject({ v: z.number().int() });
export type WorkloadWatchPayload = z.infer<typeof WorkloadWatchPayloadSchema>;
/** 'team': told which members' figures changed; 'own': told only that something changed (refetch your own). */
export type WorkloadWatchAck = { ok: true; scope: 'team' | 'own' } | { ok: false; error: SocketError };

/**
 * Something that counts toward hours changed in the studio (tasks, sessions, capacities). Team
 * viewers learn whose figures and which sessions; own-figure viewers get nulls and refetch theirs.
 * Not sequenced: the figures themselves always come from the REST answer.
 */
export interface WorkloadChanged {
  readonly v: number;
  readonly memberIds: readonly string[] | null;
  readonly sessionIds: readonly string[] | null;
}

/** Events the server pushes: board events in frames, presence and workload notices. */
export type ServerToClientEvents = {
  'board.events': (frame: BoardEventsFrame) => void;
  'presence.changed': (presence: Presence) => void;
  'workload.changed': (change: WorkloadChanged) => void;
  /** Someone named you in a comment (or your mentions were read elsewhere): ask GET /api/me/mentions again. */
  'mentions.changed': (change: { v: number }) => void;
};

export interface ClientToServerEvents {
  'board.join': (payload: BoardJoinPayload, ack: (result: BoardJoinAck) => void) => void;
  'board.leave': (payload: BoardLeavePayload, ack: (result: Ack) => void) => void;
  /** Hear about workload changes in the studio, as far as the permission matrix lets one see. */
  'workload.watch': (payload: WorkloadWatchPayload, ack: (result: WorkloadWatchAck) => void) => void;
  'workload.unwatch': (payload: WorkloadWatchPayload, ack: (result: Ack) => void) => void;
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
/** Viewers of the whole team's workload (workload.viewTeam). */
export const workloadTeamRoom = (studioId: string): string => `workload-team:${studioId}`;
/** Viewers of their own workload only. */
export const workloadOwnRoom = (studioId: string): string => `workload-own:${studioId}`;
/** Every socket of one sign-in, and of one member: the server disconnects them on sign-out, revocation or removal. */
export const authRoom = (authSessionId: string): string => `auth:${authSessionId}`;
export const memberRoom = (memberId: string): string => `member:${memberId}`;
