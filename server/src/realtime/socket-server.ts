import type { Server as HttpServer } from 'node:http';
import {
  BoardJoinPayloadSchema,
  BoardLeavePayloadSchema,
  PROTOCOL_VERSION,
  boardRoom,
  type SocketError,
} from '@patchbay/shared';
import { Server } from 'socket.io';
import type { z } from 'zod';
import type { AppContext } from '../context';
import { listEventsAfter } from '../domain/sessions';
import { currentStudioId } from '../domain/studio';
import { AppError } from '../http/errors';
import type { IoServer } from './broadcaster';

function toSocketError(err: unknown, ctx: AppContext): SocketError {
  if (err instanceof AppError) return { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) };
  ctx.logger.error({ err }, 'socket handler failed');
  return { code: 'INTERNAL', message: 'Something went wrong on the server' };
}

function parsePayload<S extends z.ZodType>(schema: S, payload: unknown): z.output<S> {
  const result = schema.safeParse(payload);
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({ location: 'payload' as const, path: i.path.join('.'), message: i.message }));
    throw new AppError('VALIDATION_FAILED', `Invalid payload: ${issues[0]?.path || 'payload'} ${issues[0]?.message ?? ''}`.trim(), { issues });
  }
  return result.data;
}

/** socket.io on the same HTTP server; viewers join one room per session board. */
export function attachSocketServer(httpServer: HttpServer, ctx: AppContext): IoServer {
  const io: IoServer = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    // Same-origin only: the client is served by this server.
    cors: { origin: false },
  });

  io.on('connection', (socket) => {
    socket.on('board.join', async (payload, ack) => {
      if (typeof ack !== 'function') return;
      try {
        const { v, sessionId, afterSeq } = parsePayload(BoardJoinPayloadSchema, payload);
        if (v !== PROTOCOL_VERSION) {
          throw new AppError('BAD_REQUEST', `Protocol version ${v} is not supported; reload to get version ${PROTOCOL_VERSION}`);
        }
        const studioId = await currentStudioId(ctx);
        // Join first, then read the log: an event committed in between arrives twice at most,
        // and clients drop any event whose seq they already applied.
        await socket.join(boardRoom(sessionId));
        try {
          const page = await listEventsAfter(ctx, studioId, sessionId, afterSeq ?? Number.MAX_SAFE_INTEGER);
          ack({ ok: true, seq: page.seq, missed: afterSeq === undefined ? [] : page.events, reset: afterSeq === undefined ? false : page.reset });
        } catch (err) {
          await socket.leave(boardRoom(sessionId));
          throw err;
        }
      } catch (err) {
        ack({ ok: false, error: toSocketError(err, ctx) });
      }
    });

    socket.on('board.leave', async (payload, ack) => {
      try {
        const { sessionId } = parsePayload(BoardLeavePayloadSchema, payload);
        await socket.leave(boardRoom(sessionId));
        if (typeof ack === 'function') ack({ ok: true });
      } catch (err) {
        if (typeof ack === 'function') ack({ ok: false, error: toSocketError(err, ctx) });
      }
    });
  });

  return io;
}
