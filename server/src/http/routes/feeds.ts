// Calendar feeds: the management API under /api (signed in), and the public feed itself at
// /feeds/<token>.ics (no cookie: calendar apps fetch it with the secret URL alone).
import express, { type Request, type Router } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { CalendarFeedSchema, RoomParamsSchema } from '@patchbay/shared';
import type { AppContext } from '../../context';
import * as feeds from '../../domain/calendar-feeds';
import { defineRoute } from '../route';

/** This site's origin as the browser reached it (behind a proxy on loopback, its forwarded scheme and host). */
const originOf = (req: Request): string => `${req.protocol}://${req.get('host') ?? 'localhost'}`;

export const feedRoutes = [
  defineRoute(
    { method: 'get', path: '/feeds/me', tag: 'Calendar feeds', access: 'workload.viewOwn', summary: 'My calendar feed: its secret iCalendar URL (null when there is none)', status: 200, response: CalendarFeedSchema },
    async ({ ctx, auth, req }) => feeds.getMyFeed(ctx, auth, originOf(req)),
  ),
  defineRoute(
    { method: 'post', path: '/feeds/me', tag: 'Calendar feeds', access: 'workload.viewOwn', summary: 'Make my calendar feed, or give it a new URL (the old one stops working)', status: 200, response: CalendarFeedSchema },
    async ({ ctx, auth, req }) => feeds.rotateMyFeed(ctx, auth, originOf(req)),
  ),
  defineRoute(
    { method: 'delete', path: '/feeds/me', tag: 'Calendar feeds', access: 'workload.viewOwn', summary: 'Turn my calendar feed off (its URL answers 404)', status: 204 },
    async ({ ctx, auth }) => feeds.revokeMyFeed(ctx, auth),
  ),
  defineRoute(
    { method: 'get', path: '/rooms/:roomId/feed', tag: 'Calendar feeds', access: 'catalog.manage', summary: "A room's calendar feed: its secret iCalendar URL (null when there is none)", params: RoomParamsSchema, status: 200, response: CalendarFeedSchema, errors: ['NOT_FOUND'] },
    async ({ ctx, auth, params, req }) => feeds.getRoomFeed(ctx, auth, params.roomId, originOf(req)),
  ),
  defineRoute(
    { method: 'post', path: '/rooms/:roomId/feed', tag: 'Calendar feeds', access: 'catalog.manage', summary: "Make a room's calendar feed, or give it a new URL (the old one stops working)", params: RoomParamsSchema, status: 200, response: CalendarFeedSchema, errors: ['NOT_FOUND'] },
    async ({ ctx, auth, params, req }) => feeds.rotateRoomFeed(ctx, auth, params.roomId, originOf(req)),
  ),
  defineRoute(
    { method: 'delete', path: '/rooms/:roomId/feed', tag: 'Calendar feeds', access: 'catalog.manage', summary: "Turn a room's calendar feed off (its URL answers 404)", params: RoomParamsSchema, status: 204, errors: ['NOT_FOUND'] },
    async ({ ctx, auth, params }) => feeds.revokeRoomFeed(ctx, auth, params.roomId),
  ),
];

/** Calendar apps poll every few minutes at most; a client asking far more often is held back. */
const FEED_RATE_LIMIT = 60;
const FEED_RATE_WINDOW_MS = 60_000;

/** The public feeds, mounted at /feeds before the client's pages. */
export function createFeedRouter(ctx: AppContext): Router {
  const router = express.Router();
  const notFound = (res: express.Response) => res.status(404).set('Cache-Control', 'no-store').type('text').send('Not found');
  router.use(
    rateLimit({
      windowMs: FEED_RATE_WINDOW_MS,
      limit: FEED_RATE_LIMIT,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      keyGenerator: (req) => `feed:ip:${ipKeyGenerator(req.ip ?? 'unknown')}`,
      handler: (_req, res) => {
        res.status(429).set('Cache-Control', 'no-store').type('text').send('Too many requests; try again in a minute');
      },
    }),
  );
  const serve = async (req: Request<{ file: string }>, res: express.Response) => {
    const token = /^(.+)\.ics$/.exec(req.params.file)?.[1];
    const body = token ? await feeds.renderFeed(ctx, token, originOf(req)) : null;
    if (body === null) {
      notFound(res);
      return;
    }
    // The URL is the secret: no shared caches; a refetch within five minutes may reuse it.
    res
      .status(200)
      .set('Cache-Control', 'private, max-age=300')
      .set('X-Robots-Tag', 'noindex')
      .type('text/calendar; charset=utf-8')
      .send(body);
  };
  router.get('/:file', (req, res, next) => {
    serve(req, res).catch(next);
  });
  router.use((_req, res) => notFound(res));
  router.use(((err: unknown, req, res, _next) => {
    // A path that cannot be decoded (bad percent-encoding) is no feed either.
    const status = (err as { status?: unknown } | null)?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      notFound(res);
      return;
    }
    ctx.logger.error({ err, method: req.method, url: '/feeds/…' }, 'calendar feed failed');
    if (!res.headersSent) res.status(500).set('Cache-Control', 'no-store').type('text').send('Something went wrong on the server');
  }) as express.ErrorRequestHandler);
  return router;
}
