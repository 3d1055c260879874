import { parse as parseCookies } from 'cookie';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import type { AuthContext } from './auth-context';
import { resolveAuth } from './auth-sessions';

export const SESSION_COOKIE = 'patchbay_session';

export function readSessionToken(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  return parseCookies(cookieHeader)[SESSION_COOKIE];
}

/**
 * `auto`: Secure exactly when the request arrived over HTTPS (TLS here, or X-Forwarded-Proto from a
 * proxy trusted by TRUST_PROXY). Browsers drop a Secure cookie set over plain HTTP, so sign-in on a
 * studio's LAN server (http://studio.local) must not ask for one.
 */
export function secureCookie(ctx: AppContext, req: Request): boolean {
  if (ctx.config.cookieSecure === 'always') return true;
  if (ctx.config.cookieSecure === 'never') return false;
  return req.secure;
}

export function setSessionCookie(ctx: AppContext, req: Request, res: Response, token: string, expiresAt: Date): void {
  res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: secureCookie(ctx, req), path: '/', expires: expiresAt });
}

export function clearSessionCookie(ctx: AppContext, req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: secureCookie(ctx, req), path: '/' });
}

/** The signed-in member of this request, resolved by the authenticate middleware. */
export const authOf = (res: Response): AuthContext | null => (res.locals.auth as AuthContext | null | undefined) ?? null;

export function authenticate(ctx: AppContext): RequestHandler {
  return (req, res, next) => {
    resolveAuth(ctx.db.prisma, readSessionToken(req.headers.cookie))
      .then((auth) => {
        res.locals.auth = auth;
        next();
      })
      .catch(next);
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True when the Origin (or Referer) is this server's own, or one allowed by configuration. */
export function sameOrigin(ctx: AppContext, originOrReferer: string | undefined, host: string | undefined): boolean {
  if (!originOrReferer) return true;
  let origin: URL;
  try {
    origin = new URL(originOrReferer);
  } catch {
    return false;
  }
  if (host && origin.host === host) return true;
  return ctx.config.allowedOrigins.includes(origin.origin);
}

/**
 * CSRF defence next to SameSite=Lax cookies: a state-changing request that names another origin
 * in Origin or Referer is refused. Requests naming none (curl, scripts) are not browser-driven.
 */
export function csrfGuard(ctx: AppContext): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const source = req.get('origin') ?? req.get('referer');
    if (!sameOrigin(ctx, source, req.get('host'))) {
      return next(new AppError('FORBIDDEN', 'Cross-site request refused: it did not come from Patchbay'));
    }
    next();
  };
}

/**
 * Limits failed attempts (successes do not count) by client address: one address guessing many
 * accounts is held. There is no hard per-email limit (it let strangers lock an account's owner
 * out): many addresses guessing one account are slowed down per account instead, with the
 * owner's known browsers exempt (auth/sign-in-throttle.ts, auth/known-browsers.ts).
 */
export function authRateLimit(ctx: AppContext, name: string): RequestHandler {
  return rateLimit({
    skipSuccessfulRequests: true,
    windowMs: ctx.config.authRateWindowMs,
    limit: ctx.config.authRateLimit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => `${name}:ip:${ipKeyGenerator(req.ip ?? 'unknown')}`,
    handler: (_req, _res, next) => next(new AppError('RATE_LIMITED', 'Too many attempts; wait a few minutes and try again')),
  });
}

/**
 * Limits a signed-in member's writes of one kind (comments) per window, across their browsers, so
 * one account cannot flood a board and its people's mentions. Requests without a sign-in pass on
 * to the route, which answers 401.
 */
export function memberRateLimit(name: string, limit: number, windowMs: number): RequestHandler {
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: (_req, res) => authOf(res) === null,
    keyGenerator: (_req, res) => `${name}:member:${authOf(res)!.memberId}`,
    handler: (_req, _res, next) => next(new AppError('RATE_LIMITED', `Too many ${name}s in a short time; wait a minute and try again`)),
  });
}
