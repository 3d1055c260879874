import type { IncomingMessage, Server as HttpServer } from 'node:http';
import {
  BoardJoinPayloadSchema,
  BoardLeavePayloadSchema,
  PROTOCOL_VERSION,
  WorkloadWatchPayloadSchema,
  boardLimitedRoom,
  authRoom,
  boardRoom,
  memberRoom,
  workloadOwnRoom,
  workloadTeamRoom,
  type SocketError,
} from '@patchbay/shared';
import { Server } from 'socket.io';
import type { AuthContext } from '../auth/auth-context';
import { resolveAuth } from '../auth/auth-sessions';
import { readSessionToken, sameOrigin } from '../auth/http';
import type { AppContext } from '../context';
import { can } from '@patchbay/shared';
import { requireBoardAccess, seesSetup, sessionAccess } from '../auth/access';
import { readEventsAfter } from '../domain/sessions';
import { boardAudience } from '../presenters/guest';
import { isDatabaseUnavailable } from '../db/unavailable';
import { AppError, databaseUnavailable } from '../errors';
import { parseOr400 } from '../http/validation';
import type { IoServer } from './broadcaster';
import { createJoinLimiter } from './join-limit';


function toSocketError(err: unknown, ctx: AppContext): SocketError {
  if (err instanceof AppError) return { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) };
  if (isDatabaseUnavailable(err)) return databaseUnavailable().toJSON().error;
  ctx.logger.error({ err }, 'socket handler failed');
  return { code: 'INTERNAL', message: 'Something went wrong on the server' };
}


/** How long presence changes of one board are gathered before viewers are told (a burst of joins is one message). */
const PRESENCE_DEBOUNCE_MS = 200;

/**
 * Tells a board's viewers who is looking at it. Computed from the sockets in the board's room
 * (across instances with the Redis adapter), debounced per board.
 */
function presenceNotifier(io: IoServer, ctx: AppContext) {
  const timers = new Map<string, NodeJS.Timeout>();
  const send = async (sessionId: string) => {
    timers.delete(sessionId);
    const sockets = await io.in(boardRoom(sessionId)).fetchSockets();
    const viewers = new Map<string, { memberId: string; name: string; accessRole: string; connections: number }>();
    for (const s of sockets) {
      const auth = s.data.auth as AuthContext | undefined;
      if (!auth) continue;
      const v = viewers.get(auth.memberId) ?? { memberId: auth.memberId, name: auth.name, accessRole: auth.role, connections: 0 };
      v.connections += 1;
      viewers.set(auth.memberId, v);
    }
    const list = [...viewers.values()].sort((a, b) => a.name.localeCompare(b.name) || a.memberId.localeCompare(b.memberId));
    // Who is looking is the team's business: guests (the board's limited room) are not told.
    io.to(boardRoom(sessionId)).except(boardLimitedRoom(sessionId)).emit('presence.changed', { v: PROTOCOL_VERSION, sessionId, viewers: list });
  };
  return {
    changed(sessionId: string) {
      if (timers.has(sessionId)) return;
      const timer = setTimeout(() => {
        send(sessionId).catch((err: unknown) => ctx.logger.warn({ err, sessionId }, 'presence update failed'));
      }, PRESENCE_DEBOUNCE_MS);
      timer.unref();
      timers.set(sessionId, timer);
    },
  };
}

/**
 * Checks the viewers of boards again (after a change that can revoke access): a viewer who may
 * no longer see a board is disconnected, so its client rejoins and hears why; one whose view of
 * the setup list changed moves in or out of the board's limited room. Works across instances
 * with the Redis adapter (remote sockets are fetched and told).
 */
export async function reauthorizeBoards(io: IoServer, ctx: AppContext, sessionIds: readonly string[]): Promise<void> {
  for (const sessionId of sessionIds) {
    let sockets;
    try {
      sockets = await io.in(boardRoom(sessionId)).fetchSockets();
    } catch (err) {
      ctx.logger.warn({ err, sessionId }, 'could not list the viewers of a board to check their access');
      continue;
    }
    for (const socket of sockets) {
      const auth = socket.data.auth as AuthContext | undefined;
      if (!auth) continue;
      let scope;
      try {
        scope = (await sessionAccess(ctx.db.prisma, auth, sessionId)).scope;
      } catch {
        scope = null; // the session is gone or not in the member's studio any more
      }
      if (!scope || !can(auth.role, 'board.view', scope)) {
        socket.disconnect(true);
        continue;
      }
      if (boardAudience(auth, seesSetup(auth, scope)) === 'staff') socket.leave(boardLimitedRoom(sessionId));
      else socket.join(boardLimitedRoom(sessionId));
    }
  }
}

/**
 * socket.io on the same HTTP server. A socket authenticates with the session cookie at the
 * handshake; joining a board is authorized by the same permission matrix as the REST API.
 */
export function attachSocketServer(httpServer: HttpServer, ctx: AppContext): IoServer {
  const io: IoServer = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    cors: { origin: false },
    // Cross-site WebSocket hijacking: a page on another origin may not open a socket with our cookie.
    allowRequest: (req: IncomingMessage, callback) => {
      const origin = req.headers.origin;
      callback(null, sameOrigin(ctx, typeof origin === 'string' ? origin : undefined, req.headers.host));
    },
  });

  io.use((socket, next) => {
    const token = readSessionToken(socket.request.headers.cookie);
    socket.data.token = token;
    resolveAuth(ctx.db.prisma, token)
      .then((auth) => {
        if (!auth) return next(Object.assign(new Error('UNAUTHENTICATED'), { data: { code: 'UNAUTHENTICATED', message: 'Sign in to continue' } }));
        socket.data.auth = auth;
        next();
      })
      .catch((err: unknown) => next(err instanceof Error ? err : new Error('authentication failed')));
  });

  const presence = presenceNotifier(io, ctx);
  const joins = createJoinLimiter({ perSocket: ctx.config.socketJoinLimit, perMember: ctx.config.socketJoinMemberLimit, windowMs: ctx.config.socketJoinWindowMs });
  const rateLimited = (): SocketError => ({ code: 'RATE_LIMITED', message: 'Too many joins and leaves; wait a few seconds and try again' });

  io.on('connection', (socket) => {
    const auth = socket.data.auth as AuthContext;
    void socket.join([authRoom(auth.sessionId), memberRoom(auth.memberId)]);
    // A sign-in that expires takes its sockets with it.
    const expiry = setTimeout(() => socket.disconnect(true), Math.max(0, Math.min(auth.expiresAt.getTime() - Date.now(), 2 ** 31 - 1)));
    expiry.unref();
    socket.on('disconnect', () => {
      clearTimeout(expiry);
      joins.forgetSocket(socket.id);
    });
    /** Spends one join / leave of this socket and member (checked before any database work). */
    const allowed = () => joins.take(socket.id, auth.memberId);

    socket.on('disconnecting', () => {
      for (const room of socket.rooms) if (room.startsWith('board:')) presence.changed(room.slice('board:'.length));
    });

    socket.on('board.join', async (payload, ack) => {
      if (typeof ack !== 'function') return;
      if (!allowed()) return ack({ ok: false, error: rateLimited() });
      try {
        const { v, sessionId, afterSeq } = parseOr400(BoardJoinPayloadSchema, payload, 'payload');
        // The sign-in may have been revoked or the member removed since the handshake.
        if (!(await resolveAuth(ctx.db.prisma, socket.data.token as string | undefined))) {
          socket.disconnect(true);
          return;
        }
        if (v !== PROTOCOL_VERSION) {
          throw new AppError('BAD_REQUEST', `Protocol version ${v} is not supported; reload to get version ${PROTOCOL_VERSION}`);
        }
        // Authorize (404 for another studio's board, 403 without board.view) before joining.
        const { scope } = await requireBoardAccess(ctx.db.prisma, auth, sessionId);
        const audience = boardAudience(auth, seesSetup(auth, scope));
        const withSetup = audience === 'staff';
        const first = await readEventsAfter(ctx, auth.studioId, sessionId, afterSeq ?? Number.MAX_SAFE_INTEGER, audience);
        // Join, then read the log again: an event committed in between arrives twice at most, and
        // clients drop any event whose seq they already applied. Guests (and anyone who may not
        // see the setup list) also join the board's limited room, where every event arrives redacted.
        // Events still gathered for the board's next frame go to the viewers already there first.
        ctx.broadcaster.flush(sessionId);
        await socket.join(withSetup ? [boardRoom(sessionId)] : [boardRoom(sessionId), boardLimitedRoom(sessionId)]);
        if (withSetup) await socket.leave(boardLimitedRoom(sessionId));
        const page = afterSeq === undefined ? first : await readEventsAfter(ctx, auth.studioId, sessionId, afterSeq, audience);
        presence.changed(sessionId);
        ack({ ok: true, seq: page.seq, missed: afterSeq === undefined ? [] : page.events, reset: afterSeq === undefined ? false : page.reset });
      } catch (err) {
        ack({ ok: false, error: toSocketError(err, ctx) });
      }
    });

    // The studio's workload: team viewers hear whose figures changed, others only that theirs may have.
    socket.on('workload.watch', async (payload, ack) => {
      if (typeof ack !== 'function') return;
      if (!allowed()) return ack({ ok: false, error: rateLimited() });
      try {
        const { v } = parseOr400(WorkloadWatchPayloadSchema, payload, 'payload');
        if (v !== PROTOCOL_VERSION) throw new AppError('BAD_REQUEST', `Protocol version ${v} is not supported; reload to get version ${PROTOCOL_VERSION}`);
        if (!(await resolveAuth(ctx.db.prisma, socket.data.token as string | undefined))) {
          socket.disconnect(true);
          return;
        }
        if (!can(auth.role, 'workload.viewOwn')) throw new AppError('FORBIDDEN', 'You may not see the workload');
        const team = can(auth.role, 'workload.viewTeam');
        await socket.join(team ? workloadTeamRoom(auth.studioId) : workloadOwnRoom(auth.studioId));
        ack({ ok: true, scope: team ? 'team' : 'own' });
      } catch (err) {
        ack({ ok: false, error: toSocketError(err, ctx) });
      }
    });

    socket.on('workload.unwatch', async (_payload, ack) => {
      if (!allowed()) {
        if (typeof ack === 'function') ack({ ok: false, error: rateLimited() });
        return;
      }
      await socket.leave(workloadTeamRoom(auth.studioId));
      await socket.leave(workloadOwnRoom(auth.studioId));
      if (typeof ack === 'function') ack({ ok: true });
    });

    socket.on('board.leave', async (payload, ack) => {
      if (!allowed()) {
        if (typeof ack === 'function') ack({ ok: false, error: rateLimited() });
        return;
      }
      try {
        const { sessionId } = parseOr400(BoardLeavePayloadSchema, payload, 'payload');
        await socket.leave(boardRoom(sessionId));
        await socket.leave(boardLimitedRoom(sessionId));
        presence.changed(sessionId);
        if (typeof ack === 'function') ack({ ok: true });
      } catch (err) {
        if (typeof ack === 'function') ack({ ok: false, error: toSocketError(err, ctx) });
      }
    });
  });

  return io;
}
