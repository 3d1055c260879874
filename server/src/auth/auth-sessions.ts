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

/** The signed-in member behind a cookie token, or null when unknown, expired or revoked. */
export async function resolveAuth(prisma: PrismaClient, token: string | undefined, now = new Date()): Promise<AuthContext | null> {
  if (!token || token.length > 200) return null;
  const row = await prisma.authSession.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { select: { email: true } }, member: { select: { id: true, studioId: true, accessRole: true, name: true, userId: true } } },
  });
  if (!row || row.revokedAt || row.expiresAt <= now || row.member.userId !== row.userId) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await prisma.authSession.update({ where: { id: row.id }, data: { lastSeenAt: now } }).catch(() => {});
  }
  return {
    sessionId: row.id,
    userId: row.userId,
    memberId: row.member.id,
    studioId: row.member.studioId,
    role: row.member.accessRole,
    name: row.member.name,
    email: row.user.email,
    expiresAt: row.expiresAt,
  };
}
