import { expireDueHolds } from './domain/holds';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import express from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Config } from './config';
import type { AppContext } from './context';
import { openDatabase, type Database } from './db/database';
import { apiRoutes, createApiRouter } from './http/api';
import { createFeedRouter } from './http/routes/feeds';
import { createLogger, type Logger } from './logger';
import { createBroadcaster, type IoServer } from './realtime/broadcaster';
import { attachSocketServer, reauthorizeBoards } from './realtime/socket-server';
import { createWorkloadNotifier } from './realtime/workload-notifier';
import { boardRoom } from '@patchbay/shared';
import { ROOT } from './paths';
import { seedDemoData } from './seed/demo';

const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

export interface PatchbayServer {
  ctx: AppContext;
  http: HttpServer;
  io: IoServer;
  /** Starts listening; resolves with the bound port. */
  listen: () => Promise<number>;
  /** Graceful stop: refuse new connections, finish in-flight requests, close sockets and the database. */
  close: () => Promise<void>;
}

export interface CreateServerOptions {
  logger?: Logger;
  /** An already open database (tests share one per file); otherwise opened from config. */
  database?: Database;
}

function createExpressApp(ctx: AppContext) {
  const app = express();
  app.disable('x-powered-by');
  // No body hash on every answer: the board snapshot carries its own ETag (http/board-answer.ts).
  app.set('etag', false);
  // Proxies are trusted only as configured (TRUST_PROXY): otherwise req.ip is the socket's peer and
  // req.secure means TLS to this process, whatever X-Forwarded-* a client sends.
  app.set('trust proxy', ctx.config.trustProxy);
  // One strict policy; only a request that arrived over HTTPS is told to upgrade sub-requests and to
  // remember HTTPS (HSTS). Over plain HTTP (a studio's LAN server) an upgrade would break every asset.
  const securityHeaders = (https: boolean) =>
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          connectSrc: ["'self'", 'ws:', 'wss:'],
          imgSrc: ["'self'", 'data:'],
          styleSrc: ["'self'"],
          scriptSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: https ? [] : null,
        },
      },
      strictTransportSecurity: https,
    });
  const overHttps = securityHeaders(true);
  const overHttp = securityHeaders(false);
  app.use((req, res, next) => (req.secure ? overHttps : overHttp)(req, res, next));
  // Calendar feeds answer by a secret URL: mounted before the request log so no token is logged.
  app.use('/feeds', createFeedRouter(ctx));
  if (ctx.config.logLevel !== 'silent') {
    app.use(pinoHttp({ logger: ctx.logger, autoLogging: { ignore: (req) => req.url === '/api/health' } }));
  }
  app.use('/api', createApiRouter(ctx, apiRoutes()));

  const indexHtml = path.join(ctx.config.clientDir, 'index.html');
  if (existsSync(indexHtml)) {
    app.use(express.static(ctx.config.clientDir, { index: false, maxAge: '1h', setHeaders: (res, file) => {
      if (file.includes(`${path.sep}assets${path.sep}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    } }));
    // Client-side routes (/sessions/:id ...) all load the single-page app.
    app.get('/{*splat}', (_req, res) => {
      res.set('Cache-Control', 'no-cache');
      res.sendFile(indexHtml);
    });
  } else {
    app.get('/{*splat}', (_req, res) => {
      res.type('text').send('Patchbay API is running. The web client is not built: run `npm run build` (or `npm start`).');
    });
  }
  app.use((_req, res) => {
    res.status(404).type('text').send('Not found');
  });
  return app;
}

export async function createPatchbayServer(config: Config, options: CreateServerOptions = {}): Promise<PatchbayServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const db = options.database ?? (await openDatabase(config, logger));
  let io: IoServer | undefined;
  const workloadNotifier = createWorkloadNotifier(
    () => io,
    async (sessionId) => (await db.prisma.session.findUnique({ where: { id: sessionId }, select: { studioId: true } }))?.studioId,
  );
  const ctx: AppContext = {
    config,
    logger,
    db,
    broadcaster: createBroadcaster(
      () => io,
      (sessionIds) => (io ? reauthorizeBoards(io, ctx, sessionIds) : Promise.resolve()),
      workloadNotifier,
      // A board's frame time grows with its viewers here, so its messages per second stay bounded.
      (sessionId) => (config.boardSendsPerSecond > 0 ? (1000 * (io?.of('/').adapter.rooms.get(boardRoom(sessionId))?.size ?? 0)) / config.boardSendsPerSecond : 0),
    ),
    version,
    startedAt: Date.now(),
  };

  if (config.demoData) {
    const seeded = await seedDemoData(db.prisma, new Date());
    if (seeded) logger.info({ studio: seeded }, 'seeded demo data into an empty database');
  }

  const http = createServer(createExpressApp(ctx));
  io = attachSocketServer(http, ctx);

  // Several instances share board events through Redis; sequence numbers still come from the database.
  let redisClients: { quit: () => Promise<unknown> }[] = [];
  if (config.redisUrl) {
    // Loaded only for several instances (about 15 MB of memory a single instance does without).
    const [{ createAdapter }, { createClient }] = await Promise.all([import('@socket.io/redis-adapter'), import('redis')]);
    const pub = createClient({ url: config.redisUrl });
    const sub = pub.duplicate();
    for (const client of [pub, sub]) client.on('error', (err: unknown) => logger.error({ err }, 'redis error'));
    await Promise.all([pub.connect(), sub.connect()]);
    io.adapter(createAdapter(pub, sub, { key: config.redisKey }));
    redisClients = [pub, sub];
    logger.info({ key: config.redisKey }, 'socket.io uses the Redis adapter');
  }

  // Holds past their release deadline expire by themselves (every instance sweeps; each hold is
  // re-checked under its locks, so two sweeps never expire one twice).
  let sweeping = false;
  const holdSweep = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    expireDueHolds(ctx)
      .then((n) => { if (n > 0) logger.info({ expired: n }, 'expired holds past their release deadline'); })
      .catch((err: unknown) => logger.warn({ err }, 'hold sweep failed'))
      .finally(() => { sweeping = false; });
  }, config.holdSweepMs);
  holdSweep.unref();

  // Every TCP connection (upgraded websockets included), so a stop that times out can end them all.
  const connections = new Set<Socket>();
  http.on('connection', (socket: Socket) => {
    connections.add(socket);
    socket.once('close', () => connections.delete(socket));
  });
  // While stopping, a response ends its keep-alive connection instead of leaving it open.
  let stopping = false;
  http.prependListener('request', (_req, res) => {
    if (stopping && !res.headersSent) res.setHeader('Connection', 'close');
  });

  let closing: Promise<void> | undefined;
  return {
    ctx,
    http,
    io,
    listen: () =>
      new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(config.port, config.host, () => {
          http.off('error', reject);
          resolve((http.address() as AddressInfo).port);
        });
      }),
    close: () => {
      closing ??= (async () => {
        clearInterval(holdSweep);
        stopping = true;
        // Gathered board events go out before viewers are told the server is going away.
        ctx.broadcaster.flush();
        // Stop accepting; resolves once every connection (keep-alive, long-poll, websocket) has ended.
        const httpClosed = new Promise<void>((resolve) => http.close(() => resolve()));
        // Viewers are told the server is going away (their clients reconnect to another instance), then
        // engine.io closes every transport, so pending long-polls answer now instead of at their ping.
        io?.disconnectSockets(true);
        const ioClosed = io ? io.close() : Promise.resolve();
        // A connection whose request finishes from now on is an idle keep-alive one: close it as soon as it is.
        http.closeIdleConnections();
        const sweep = setInterval(() => http.closeIdleConnections(), 50);
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<void>((resolve) => {
          timer = setTimeout(() => {
            logger.warn({ connections: connections.size }, 'shutdown timeout: closing remaining connections');
            http.closeAllConnections();
            for (const socket of connections) socket.destroy();
            resolve();
          }, config.shutdownTimeoutMs);
          timer.unref();
        });
        await Promise.race([httpClosed, timeout]);
        clearInterval(sweep);
        clearTimeout(timer);
        await ioClosed.catch((err: unknown) => logger.warn({ err }, 'socket.io did not close cleanly'));
        workloadNotifier.close();
        await Promise.all(redisClients.map((c) => c.quit().catch(() => undefined)));
        if (!options.database) await db.close();
      })();
      return closing;
    },
  };
}
