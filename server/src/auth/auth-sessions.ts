import type { PrismaClient } from '../generated/prisma/client';
import type { AuthContext } from './auth-context';
import { hashToken, newToken } from './crypto';

/** lastSeenAt is refreshed at most this often, so reads do not write on every request. */
const TOUCH_EVERY_MS = 5 * 60_000;

export async function createAuthSession(
  prisma: PrismaClient,
  input: { userId: string; memberId: string; userAgent?: string; ttlMs: number },
): Promise<{ token: string; id: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(Date.now() + input.ttlMs);
  const row = await prisma.authSession.create({
    data: { tokenHash: hashToken(token), userId: input.userId, memberId: input.memberId, expiresAt, userAgent: (input.userAgent ?? '').slice(0, 300) },
  });
  return { token, id: row.id, expiresAt };
}

interface AuthRow {
  id: string;
  userId: string;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  email: string;
  memberId: string;
  studioId: string;
  role: AuthContext['role'];
  name: string;
  memberUserId: string | null;
}

/** The signed-in member behind a cookie token, or null when unknown, expired or revoked. */
export async function resolveAuth(prisma: PrismaClient, token: string | undefined, now = new Date()): Promise<AuthContext | null> {
  if (!token || token.length > 200) return null;
  // Every request asks this: one statement (the sign-in, its account and its member) instead of three.
  const [row] = await prisma.$queryRaw<AuthRow[]>`
    SELECT a."id", a."userId", a."lastSeenAt", a."expiresAt", a."revokedAt", u."email", m."id" AS "memberId", m."studioId", m."accessRole"::text AS "role", m."name", m."userId" AS "memberUserId"
    FROM "AuthSession" a JOIN "User" u ON u."id" = a."userId" JOIN "Member" m ON m."id" = a."memberId"
    WHERE a."tokenHash" = ${hashToken(token)}`;
  if (!row || row.revokedAt || row.expiresAt <= now || row.memberUserId !== row.userId) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await prisma.authSession.update({ where: { id: row.id }, data: { lastSeenAt: now } }).catch(() => {});
  }
  return {
    sessionId: row.id,
    userId: row.userId,
    memberId: row.memberId,
    studioId: row.studioId,
    role: row.role,
    name: row.name,
    email: row.email,
    expiresAt: row.expiresAt,
  };
}
