// Known browsers: a browser that signed in to an account with its password carries a long-lived
// random cookie; the database keeps only its SHA-256 next to each account signed in there. Such a
// browser is exempt from the per-account sign-in slowdown (auth/sign-in-throttle.ts), so strangers
// guessing an email cannot keep its owner out of the browser they usually use.
import { parse as parseCookies } from 'cookie';
import type { Request, Response } from 'express';
import type { AppContext } from '../context';
import type { Database } from '../db/database';
import { hashToken, newToken } from './crypto';
import { secureCookie } from './http';

export const BROWSER_COOKIE = 'patchbay_browser';
/** Browsers keep a cookie at most 400 days; a browser unused that long is a stranger again. */
const KNOWN_FOR_MS = 400 * 24 * 3_600_000;

type Prisma = Database['prisma'];

export function readBrowserToken(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  const token = parseCookies(cookieHeader)[BROWSER_COOKIE];
  // newToken() is 43 URL-safe characters; anything else is not ours.
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : undefined;
}

export async function isKnownBrowser(prisma: Prisma, userId: string, token: string | undefined): Promise<boolean> {
  if (!token) return false;
  const row = await prisma.knownBrowser.findUnique({ where: { tokenHash_userId: { tokenHash: hashToken(token), userId } }, select: { lastUsedAt: true } });
  return !!row && row.lastUsedAt.getTime() > Date.now() - KNOWN_FOR_MS;
}

/** Records a successful password sign-in of this browser; answers the token its cookie should hold. */
export async function rememberBrowser(prisma: Prisma, userId: string, token: string | undefined): Promise<string> {
  const browserToken = token ?? newToken();
  const tokenHash = hashToken(browserToken);
  await prisma.knownBrowser.upsert({
    where: { tokenHash_userId: { tokenHash, userId } },
    create: { tokenHash, userId },
    update: { lastUsedAt: new Date() },
  });
  return browserToken;
}

export function setBrowserCookie(ctx: AppContext, req: Request, res: Response, token: string): void {
  res.cookie(BROWSER_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: secureCookie(ctx, req), path: '/api', maxAge: KNOWN_FOR_MS });
}
