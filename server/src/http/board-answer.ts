import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { BoardSnapshotSchema, GuestBoardSnapshotSchema, PROTOCOL_VERSION } from '@patchbay/shared';
import { requireBoardAccess, seesSetup } from '../auth/access';
import type { AuthContext } from '../auth/auth-context';
import type { AppContext } from '../context';
import { boardVersion, readBoard } from '../domain/sessions';
import { notFound } from '../errors';
import { SENT } from './route';
import { boardAudience, type Audience } from '../presenters/guest';

/** Serialized snapshots kept per board and audience (a 500-task board is about 200 kB). */
const CACHED_BOARDS = 64;

interface Cached {
  etag: string;
  body: string;
}

/**
 * If-None-Match names this ETag (weak comparison, RFC 9110 13.1.2). Evaluated by the origin even
 * when the request also says Cache-Control: no-cache (fetch() adds it to every request that sets
 * If-None-Match itself; that directive is addressed to caches, not to the server).
 */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === wanted);
}

/**
 * GET /sessions/:id/board, answered from the cheapest place that is still exact: the board
 * version (one statement, after the access check) is compared with the client's If-None-Match
 * (304, no body) and with the snapshot this instance last serialized for that audience (sent as
 * it is); only a board that changed is read and serialized again. The ETag names the board
 * version, the audience and this build, so another server version never answers 304 for a shape
 * it does not send. Browsers revalidate it by themselves (Cache-Control: no-cache).
 */
function createBoardAnswers(ctx: AppContext) {
  const cache = new Map<string, Cached>();
  // The production build names itself (scripts/build-server.mjs); run from source, each start does.
  const build = process.env.PATCHBAY_BUILD_ID ?? `dev-${ctx.startedAt}`;
  const etagOf = (version: string, audience: Audience) =>
    `W/"b-${createHash('sha1').update(`${build}|${PROTOCOL_VERSION}|${audience}|${version}`).digest('base64url').slice(0, 22)}"`;

  const remember = (key: string, entry: Cached) => {
    cache.delete(key);
    cache.set(key, entry);
    if (cache.size > CACHED_BOARDS) cache.delete(cache.keys().next().value!);
  };

  return async function answerBoard(auth: AuthContext, sessionId: string, req: Request, res: Response): Promise<typeof SENT> {
    const { scope } = await requireBoardAccess(ctx.db.prisma, auth, sessionId);
    const audience = boardAudience(auth, seesSetup(auth, scope));
    const key = `${sessionId}|${audience}`;
    res.set('Cache-Control', 'private, no-cache');
    const version = await boardVersion(ctx.db.prisma, auth.studioId, sessionId);
    if (version === null) throw notFound('Session', sessionId);
    const etag = etagOf(version, audience);
    res.set('ETag', etag);
    if (matchesIfNoneMatch(req.get('if-none-match'), etag)) {
      res.status(304).end();
      return SENT;
    }
    const cached = cache.get(key);
    if (cached?.etag === etag) {
      remember(key, cached);
      res.type('json').send(cached.body);
      return SENT;
    }
    const { snapshot, version: readAt } = await readBoard(ctx, auth.studioId, sessionId, audience);
    // Outside production every answer is checked against its schema, as defineRoute does for the others.
    if (ctx.config.env !== 'production') {
      const checked = (audience === 'staff' ? BoardSnapshotSchema : GuestBoardSnapshotSchema).safeParse(snapshot);
      if (!checked.success) throw new Error(`Board snapshot does not match its schema: ${checked.error.message}`);
    }
    // The snapshot's own transaction may already see a newer change: it is labelled with that.
    const entry = { etag: etagOf(readAt, audience), body: JSON.stringify(snapshot) };
    remember(key, entry);
    res.set('ETag', entry.etag).type('json').send(entry.body);
    return SENT;
  };
}

const answers = new WeakMap<AppContext, ReturnType<typeof createBoardAnswers>>();

/** The board answerer of one server (its cache lives as long as the server's context). */
export function boardAnswers(ctx: AppContext): ReturnType<typeof createBoardAnswers> {
  let answer = answers.get(ctx);
  if (!answer) {
    answer = createBoardAnswers(ctx);
    answers.set(ctx, answer);
  }
  return answer;
}
