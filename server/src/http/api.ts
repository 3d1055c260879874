import express, { type ErrorRequestHandler, type Router } from 'express';
import type { AppContext } from '../context';
import { Prisma } from '../generated/prisma/client';
import { isDatabaseUnavailable } from '../db/unavailable';
import { AppError, databaseUnavailable } from '../errors';
import { buildOpenApiDocument } from './openapi';
import { defineRoute, mountRoutes, type Route } from './route';
import { markInvalidUtf8 } from './validation';
import { authenticate, authRateLimit, csrfGuard, memberRateLimit } from '../auth/http';
import { artistRoutes } from './routes/artist';
import { authRoutes } from './routes/auth';
import { memberRoutes, projectRoutes, roomRoutes, taskKindRoutes } from './routes/catalog';
import { healthRoutes } from './routes/health';
import { sessionRoutes } from './routes/sessions';
import { holdRoutes } from './routes/holds';
import { studioRoutes } from './routes/studio';
import { taskRoutes } from './routes/tasks';
import { commentRoutes } from './routes/comments';
import { gearRoutes } from './routes/gear';
import { setupRoutes } from './routes/setup';
import { templateRoutes } from './routes/templates';
import { feedRoutes } from './routes/feeds';
import { z } from 'zod';

/** Every endpoint under /api; the OpenAPI document is generated from this list. */
export function apiRoutes(): Route[] {
  const routes: Route[] = [
    ...healthRoutes,
    ...authRoutes,
    ...studioRoutes,
    ...roomRoutes,
    ...memberRoutes,
    ...projectRoutes,
    ...taskKindRoutes,
    ...gearRoutes,
    ...templateRoutes,
    ...sessionRoutes,
    ...holdRoutes,
    ...artistRoutes,
    ...taskRoutes,
    ...commentRoutes,
    ...setupRoutes,
    ...feedRoutes,
  ];
  let document: object | undefined;
  const openapi = defineRoute(
    { method: 'get', path: '/openapi.json', tag: 'System', access: 'public', summary: 'This OpenAPI 3.1 document', status: 200, response: z.record(z.string(), z.unknown()) },
    async ({ ctx }) => {
      document ??= buildOpenApiDocument(all, ctx.version);
      return document as Record<string, unknown>;
    },
  );
  const all = [...routes, openapi];
  return all;
}

/** Turns anything thrown into the one JSON error shape; only real faults are 5xx and logged. */
export function errorHandler(ctx: AppContext): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    let appError: AppError;
    if (err instanceof AppError) appError = err;
    else if (isBodyParserError(err)) appError = fromBodyParser(err);
    else if (isDatabaseUnavailable(err)) {
      // Not a bug: the database is out of reach or silent. 503, and a short log line.
      ctx.logger.warn({ method: req.method, url: req.originalUrl, reason: err instanceof Error ? err.message : String(err) }, 'database unavailable');
      appError = databaseUnavailable();
    }
    else if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2025') appError = new AppError('NOT_FOUND', 'The record was not found');
    else if (isDataOutOfRange(err)) appError = new AppError('VALIDATION_FAILED', 'A value is out of the range the database can store');
    else if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      const fields = (err.meta?.target as string[] | undefined)?.filter((f) => f !== 'studioId') ?? [];
      appError = new AppError('CONFLICT', `Something with the same ${fields.join(', ') || 'name'} already exists`, { fields });
    }
    else {
      ctx.logger.error({ err, method: req.method, url: req.originalUrl }, 'request failed');
      appError = new AppError('INTERNAL', 'Something went wrong on the server; it has been logged');
    }
    if (res.headersSent) return;
    res.status(appError.status).json(appError.toJSON());
  };
}

/** PostgreSQL's "datetime field overflow" / "numeric value out of range" (SQLSTATE 22008, 22003). */
function isDataOutOfRange(err: unknown): boolean {
  const text = err instanceof Error ? `${err.message} ${JSON.stringify((err as { meta?: unknown }).meta ?? '')}` : '';
  return /\b2200[38]\b|out of range/i.test(text);
}

interface BodyParserError {
  type: string;
  status?: number;
  limit?: number;
}
function isBodyParserError(err: unknown): err is BodyParserError {
  return typeof err === 'object' && err !== null && typeof (err as { type?: unknown }).type === 'string' && 'status' in err;
}
function fromBodyParser(err: BodyParserError): AppError {
  switch (err.type) {
    case 'entity.parse.failed':
      return new AppError('MALFORMED_JSON', 'The request body is not valid JSON');
    case 'entity.too.large':
      return new AppError('PAYLOAD_TOO_LARGE', `The request body is larger than the ${err.limit ?? ''} byte limit`.replace('  ', ' '));
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 'The request body encoding is not supported');
    default:
      return new AppError('BAD_REQUEST', 'The request body could not be read');
  }
}

export function createApiRouter(ctx: AppContext, routes: Route[]): Router {
  const router = express.Router();
  router.use(express.json({ limit: ctx.config.bodyLimit, strict: false, verify: markInvalidUtf8 }));
  router.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  router.use(csrfGuard(ctx));
  // The health check never waits on a sign-in lookup: it answers 503 within its own bound
  // (DB_HEALTH_TIMEOUT_MS) even when the database is silent and a cookie came along.
  const resolveSignIn = authenticate(ctx);
  router.use((req, res, next) => (req.path === '/health' ? next() : resolveSignIn(req, res, next)));
  // Per account, sign-in is slowed down (not locked) in domain/accounts.ts: auth/sign-in-throttle.ts.
  router.post('/auth/sign-in', authRateLimit(ctx, 'sign-in'));
  router.post('/auth/password', authRateLimit(ctx, 'password'));
  router.post('/setup', authRateLimit(ctx, 'setup'));
  router.use('/invitations/by-token', authRateLimit(ctx, 'invitation'));
  router.post('/tasks/:taskId/comments', memberRateLimit('comment', ctx.config.commentRateLimit, ctx.config.commentRateWindowMs));
  mountRoutes(router, routes, ctx);
  router.use((req, _res, next) => next(new AppError('NOT_FOUND', `No API route ${req.method} ${req.baseUrl}${req.path}`)));
  router.use(errorHandler(ctx));
  return router;
}
