// Sign-in, sessions, first run, invitations and access roles.
import type { AccessRole, Me, MemberRole } from '@patchbay/shared';
import { assertTimeZone } from '@patchbay/shared';
import type { AuthContext } from '../auth/auth-context';
import { audit } from '../auth/audit';
import { createAuthSession } from '../auth/auth-sessions';
import { decoyHash, hashPassword, hashToken, newToken, verifyPassword } from '../auth/crypto';
import { isKnownBrowser, rememberBrowser } from '../auth/known-browsers';
import { signInThrottle } from '../auth/sign-in-throttle';
import type { AppContext } from '../context';
import { AppError, invalidField, notFound } from '../errors';
import { authRoom, memberRoom } from '@patchbay/shared';
import type { Tx } from '../db/database';
import { requireMayManage } from './catalog';
import { presentAuditEntries } from '../presenters/audit';

export interface SignedIn {
  me: Me;
  token: string;
  expiresAt: Date;
  /** Set when a password was checked: the known-browser cookie to (re)set. */
  browserToken?: string;
}

/** Who is asking: the browser's user agent and its known-browser token, if it has one. */
export interface Client {
  userAgent?: string | undefined;
  browserToken?: string | undefined;
}

const rateLimited = (retryAfterMs: number) => {
  const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new AppError('RATE_LIMITED', `Too many wrong passwords for this account; try again in ${retryAfterSeconds} s (or from a browser you signed in with before)`, { retryAfterSeconds });
};

/**
 * The per-account slowdown: refuses (429, never checking the password) while the email is
 * throttled, unless this browser signed in to the account before. The same for unknown emails.
 */
async function checkThrottle(ctx: AppContext, email: string, userId: string | undefined, client: Client): Promise<void> {
  const waitMs = signInThrottle(ctx).retryAfterMs(email);
  if (waitMs === 0) return;
  if (userId && (await isKnownBrowser(ctx.db.prisma, userId, client.browserToken))) return;
  throw rateLimited(waitMs);
}

async function meOf(ctx: AppContext, memberId: string, session: { id: string; expiresAt: Date }): Promise<Me> {
  const m = await ctx.db.prisma.member.findUniqueOrThrow({
    where: { id: memberId },
    include: { user: { select: { id: true, email: true, name: true } }, studio: { select: { id: true, name: true, timezone: true } } },
  });
  if (!m.user) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
  return {
    user: m.user,
    member: { id: m.id, name: m.name, accessRole: m.accessRole, roles: m.roles },
    studio: m.studio,
    session: { id: session.id, expiresAt: session.expiresAt.toISOString() },
  };
}

export async function currentMe(ctx: AppContext, auth: AuthContext): Promise<Me> {
  const session = await ctx.db.prisma.authSession.findUniqueOrThrow({ where: { id: auth.sessionId }, select: { id: true, expiresAt: true } });
  return meOf(ctx, auth.memberId, session);
}

async function startSession(ctx: AppContext, userId: string, memberId: string, userAgent: string | undefined): Promise<SignedIn> {
  const created = await createAuthSession(ctx.db.prisma, { userId, memberId, ttlMs: ctx.config.sessionTtlMs, ...(userAgent ? { userAgent } : {}) });
  return { me: await meOf(ctx, memberId, created), token: created.token, expiresAt: created.expiresAt };
}

const badCredentials = () => new AppError('UNAUTHENTICATED', 'Email or password is not right');
const notValidAnyMore = () => new AppError('NOT_FOUND', 'This invitation link is not valid any more; ask for a new one');

/**
 * An account may be a member of several studios: sign-in opens the one it joined most recently
 * (ties by id, so the choice is stable). There is no studio switcher yet.
 */
export async function signIn(ctx: AppContext, email: string, password: string, client: Client = {}): Promise<SignedIn> {
  const { userAgent } = client;
  const user = await ctx.db.prisma.user.findUnique({
    where: { email },
    include: { members: { orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], select: { id: true, studioId: true } } },
  });
  await checkThrottle(ctx, email, user?.id, client);
  // Verify against a decoy when the account does not exist: same work, same answer.
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
  const member = user?.members[0];
  if (!ok) signInThrottle(ctx).failed(email);
  if (!user || !ok || !member) {
    // Not awaited: a known account must not answer measurably slower than an unknown one.
    if (member) void audit(ctx.db.prisma, { studioId: member.studioId, actorId: member.id, action: 'auth.sign_in_failed', entityType: 'member', entityId: member.id }).catch(() => {});
    throw badCredentials();
  }
  signInThrottle(ctx).succeeded(email);
  const browserToken = await rememberBrowser(ctx.db.prisma, user.id, client.browserToken);
  const signedIn = { ...(await startSession(ctx, user.id, member.id, userAgent)), browserToken };
  await audit(ctx.db.prisma, { studioId: member.studioId, actorId: member.id, action: 'auth.sign_in', entityType: 'member', entityId: member.id, details: { userAgent: (userAgent ?? '').slice(0, 120) } });
  return signedIn;
}

export async function signOut(ctx: AppContext, auth: AuthContext): Promise<void> {
  await revokeSessions(ctx, { id: auth.sessionId });
  await audit(ctx.db.prisma, { studioId: auth.studioId, actorId: auth.memberId, action: 'auth.sign_out', entityType: 'member', entityId: auth.memberId });
}

/** Revokes sign-ins and disconnects their sockets at once. */
async function revokeSessions(ctx: AppContext, where: { id?: string; userId?: string; memberId?: string; notId?: string }): Promise<number> {
  const rows = await ctx.db.prisma.authSession.findMany({
    where: {
      revokedAt: null,
      ...(where.id ? { id: where.id } : {}),
      ...(where.userId ? { userId: where.userId } : {}),
      ...(where.memberId ? { memberId: where.memberId } : {}),
      ...(where.notId ? { NOT: { id: where.notId } } : {}),
    },
    select: { id: true },
  });
  if (rows.length === 0) return 0;
  await ctx.db.prisma.authSession.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { revokedAt: new Date() } });
  for (const r of rows) ctx.broadcaster.disconnect(authRoom(r.id));
  return rows.length;
}

export async function changePassword(ctx: AppContext, auth: AuthContext, currentPassword: string, newPassword: string): Promise<void> {
  const user = await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: auth.userId } });
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AppError('VALIDATION_FAILED', 'The current password is not right', { issues: [{ location: 'body', path: 'currentPassword', message: 'is not right' }] });
  }
  await ctx.db.prisma.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(newPassword) } });
  // Every other browser signs in again with the new password.
  await revokeSessions(ctx, { userId: user.id, notId: auth.sessionId });
  await audit(ctx.db.prisma, { studioId: auth.studioId, actorId: auth.memberId, action: 'auth.password_changed', entityType: 'member', entityId: auth.memberId });
}

export async function listOwnSessions(ctx: AppContext, auth: AuthContext) {
  const rows = await ctx.db.prisma.authSession.findMany({
    where: { userId: auth.userId, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { lastSeenAt: 'desc' },
  });
  return rows.map((r) => ({
    id: r.id,
    current: r.id === auth.sessionId,
    createdAt: r.createdAt.toISOString(),
    lastSeenAt: r.lastSeenAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    userAgent: r.userAgent,
  }));
}

export async function revokeOwnSession(ctx: AppContext, auth: AuthContext, authSessionId: string): Promise<void> {
  const row = await ctx.db.prisma.authSession.findFirst({ where: { id: authSessionId, userId: auth.userId }, select: { id: true } });
  if (!row) throw notFound('Signed-in session', authSessionId);
  await revokeSessions(ctx, { id: row.id });
  await audit(ctx.db.prisma, { studioId: auth.studioId, actorId: auth.memberId, action: 'auth.session_revoked', entityType: 'member', entityId: auth.memberId, details: { authSessionId } });
}

export async function signOutMemberEverywhere(ctx: AppContext, auth: AuthContext, memberId: string): Promise<void> {
  await requireMayManage(ctx.db.prisma as unknown as Tx, auth, memberId);
  const count = await revokeSessions(ctx, { memberId });
  await audit(ctx.db.prisma, { studioId: auth.studioId, actorId: auth.memberId, action: 'member.signed_out_everywhere', entityType: 'member', entityId: memberId, details: { sessions: count } });
}

// First run

export async function needsSetup(ctx: AppContext): Promise<boolean> {
  return (await ctx.db.prisma.studio.count()) === 0;
}

export async function setupStudio(
  ctx: AppContext,
  input: { studioName: string; timezone: string; name: string; email: string; password: string },
  userAgent?: string,
): Promise<SignedIn> {
  try {
    assertTimeZone(input.timezone);
  } catch {
    throw new AppError('VALIDATION_FAILED', `Unknown time zone "${input.timezone}"`, { issues: [{ location: 'body', path: 'timezone', message: 'unknown IANA time zone' }] });
  }
  const passwordHash = await hashPassword(input.password);
  const slug = input.studioName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'studio';
  const created = await ctx.db.prisma.$transaction(async (tx) => {
    // Only the very first visitor: once a studio exists, people join by invitation. The lock
    // makes simultaneous first visits wait for each other.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(7261001)`;
    if ((await tx.studio.count()) > 0) throw new AppError('CONFLICT', 'Patchbay is already set up; ask an admin for an invitation');
    const studio = await tx.studio.create({ data: { name: input.studioName, slug, timezone: input.timezone } });
    const user = await tx.user.create({ data: { email: input.email, name: input.name, passwordHash } });
    const member = await tx.member.create({ data: { studioId: studio.id, name: input.name, email: input.email, roles: [], accessRole: 'ADMIN', userId: user.id, weeklyCapacityHours: 0 } });
    await audit(tx, { studioId: studio.id, actorId: member.id, action: 'studio.created', entityType: 'studio', entityId: studio.id, details: { name: studio.name } });
    return { user, member };
  });
  return startSession(ctx, created.user.id, created.member.id, userAgent);
}

// Invitations

function presentInvitation(r: {
  id: string; email: string; name: string; accessRole: AccessRole; roles: MemberRole[]; expiresAt: Date; usedAt: Date | null; revokedAt: Date | null; createdAt: Date; invitedBy: { name: string } | null;
}) {
  return {
    id: r.id, email: r.email, name: r.name, accessRole: r.accessRole, roles: r.roles,
    expiresAt: r.expiresAt.toISOString(), usedAt: r.usedAt?.toISOString() ?? null, revokedAt: r.revokedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(), invitedBy: r.invitedBy?.name ?? null,
  };
}

export async function createInvitation(
  ctx: AppContext,
  auth: AuthContext,
  input: { email: string; name: string; accessRole: AccessRole; roles: MemberRole[]; projectIds: string[] },
) {
  if (input.accessRole === 'ADMIN' && auth.role !== 'ADMIN') throw new AppError('FORBIDDEN', 'Only an admin can invite another admin');
  // Someone removed from the studio (their member row is deleted) can be invited again.
  const existing = await ctx.db.prisma.member.findFirst({
    where: { studioId: auth.studioId, userId: { not: null }, OR: [{ email: input.email }, { user: { email: input.email } }] },
    select: { id: true },
  });
  if (existing) throw new AppError('CONFLICT', `${input.email} is already a member of this studio`);
  const projects = await ctx.db.prisma.project.count({ where: { studioId: auth.studioId, id: { in: input.projectIds } } });
  if (projects !== new Set(input.projectIds).size) {
    throw invalidField('projectIds', 'names a project that is not in this studio');
  }
  const token = newToken();
  const row = await ctx.db.prisma.$transaction(async (tx) => {
    const inv = await tx.invitation.create({
      data: {
        studioId: auth.studioId, email: input.email, name: input.name, accessRole: input.accessRole, roles: input.roles,
        tokenHash: hashToken(token), invitedById: auth.memberId, expiresAt: new Date(Date.now() + ctx.config.invitationTtlMs),
      },
      include: { invitedBy: { select: { name: true } } },
    });
    await audit(tx, { studioId: auth.studioId, actorId: auth.memberId, action: 'invitation.created', entityType: 'invitation', entityId: inv.id, details: { email: input.email, accessRole: input.accessRole, projectIds: input.projectIds } });
    return inv;
  });
  // Guests' projects travel in the audit entry and are applied on acceptance.
  return { invitation: presentInvitation(row), token, path: `/invite/${token}` };
}

export async function listInvitations(ctx: AppContext, auth: AuthContext) {
  const rows = await ctx.db.prisma.invitation.findMany({ where: { studioId: auth.studioId }, orderBy: { createdAt: 'desc' }, include: { invitedBy: { select: { name: true } } } });
  return rows.map(presentInvitation);
}

export async function revokeInvitation(ctx: AppContext, auth: AuthContext, invitationId: string): Promise<void> {
  const { count } = await ctx.db.prisma.invitation.updateMany({ where: { id: invitationId, studioId: auth.studioId, usedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0) throw notFound('Open invitation', invitationId);
  await audit(ctx.db.prisma, { studioId: auth.studioId, actorId: auth.memberId, action: 'invitation.revoked', entityType: 'invitation', entityId: invitationId });
}

async function openInvitation(ctx: AppContext, token: string) {
  const inv = await ctx.db.prisma.invitation.findUnique({ where: { tokenHash: hashToken(token) }, include: { studio: { select: { name: true } } } });
  // Used, revoked, expired and unknown links all answer the same.
  if (!inv || inv.usedAt || inv.revokedAt || inv.expiresAt <= new Date()) throw notValidAnyMore();
  return inv;
}

export async function previewInvitation(ctx: AppContext, token: string) {
  const inv = await openInvitation(ctx, token);
  // Whoever holds the link learns whether the invited email has an account: accepting asks for
  // that account's password instead of a new one.
  const existingAccount = (await ctx.db.prisma.user.count({ where: { email: inv.email } })) > 0;
  return { studio: inv.studio.name, email: inv.email, name: inv.name, accessRole: inv.accessRole, expiresAt: inv.expiresAt.toISOString(), existingAccount };
}

/**
 * Accepting an invitation. For a new email it creates the account with the chosen password. For
 * an email that has an account already (a member of another studio, or someone removed from this
 * one) the password must be that account's: the account joins this studio, nothing is created,
 * and a wrong password is a 400 on `password` (counted by the per-account slowdown, like a
 * sign-in). Either way the browser is signed in to the invited studio's member.
 */
export async function acceptInvitation(ctx: AppContext, token: string, input: { name: string; password: string }, client: Client = {}): Promise<SignedIn> {
  const inv = await openInvitation(ctx, token);
  const account = await ctx.db.prisma.user.findUnique({ where: { email: inv.email }, select: { id: true, passwordHash: true } });
  if (account) {
    await checkThrottle(ctx, inv.email, account.id, client);
    if (!(await verifyPassword(account.passwordHash, input.password))) {
      signInThrottle(ctx).failed(inv.email);
      throw invalidField('password', 'is not the password of the Patchbay account of this email; enter that password to join with it');
    }
    signInThrottle(ctx).succeeded(inv.email);
  }
  const passwordHash = account ? null : await hashPassword(input.password);
  const created = await ctx.db.prisma.$transaction(async (tx) => {
    // Single use: only the first acceptance flips usedAt.
    const { count } = await tx.invitation.updateMany({ where: { id: inv.id, usedAt: null, revokedAt: null }, data: { usedAt: new Date() } });
    if (count === 0) throw notValidAnyMore();
    let userId: string;
    if (account) {
      userId = account.id;
      if (await tx.member.findFirst({ where: { studioId: inv.studioId, userId }, select: { id: true } })) {
        throw new AppError('CONFLICT', 'This account is already a member of that studio; sign in instead');
      }
    } else {
      // Another acceptance may have created the account meanwhile (unique email): a 409, not a 500.
      if (await tx.user.findUnique({ where: { email: inv.email }, select: { id: true } })) throw new AppError('CONFLICT', 'An account with this email exists already; open the link again');
      userId = (await tx.user.create({ data: { email: inv.email, name: input.name, passwordHash: passwordHash! } })).id;
    }
    const invited = await tx.auditEntry.findFirst({ where: { entityType: 'invitation', entityId: inv.id, action: 'invitation.created' }, select: { details: true } });
    const projectIds = ((invited?.details as { projectIds?: string[] } | null)?.projectIds ?? []).filter((id) => typeof id === 'string');
    // A person already on the schedule (same email, no account) gets the account.
    const onSchedule = await tx.member.findFirst({ where: { studioId: inv.studioId, email: inv.email, userId: null } });
    const member = onSchedule
      ? await tx.member.update({ where: { id: onSchedule.id }, data: { userId, accessRole: inv.accessRole, name: input.name, guestProjects: { connect: projectIds.map((id) => ({ id })) } } })
      : await tx.member.create({
          data: {
            studioId: inv.studioId, name: input.name, email: inv.email, roles: inv.roles, accessRole: inv.accessRole, userId,
            weeklyCapacityHours: inv.roles.length ? 40 : 0, guestProjects: { connect: projectIds.map((id) => ({ id })) },
          },
        });
    await audit(tx, { studioId: inv.studioId, actorId: member.id, action: 'invitation.accepted', entityType: 'member', entityId: member.id, details: { invitationId: inv.id, accessRole: inv.accessRole, existingAccount: !!account } });
    return { userId, member };
  });
  const browserToken = await rememberBrowser(ctx.db.prisma, created.userId, client.browserToken);
  return { ...(await startSession(ctx, created.userId, created.member.id, client.userAgent)), browserToken };
}

export async function setMemberAccess(ctx: AppContext, auth: AuthContext, memberId: string, input: { accessRole: AccessRole; projectIds?: string[] | undefined }) {
  const member = await ctx.db.prisma.member.findFirst({ where: { id: memberId, studioId: auth.studioId } });
  if (!member) throw notFound('Member', memberId);
  if ((input.accessRole === 'ADMIN' || member.accessRole === 'ADMIN') && auth.role !== 'ADMIN') throw new AppError('FORBIDDEN', 'Only an admin can grant or take away admin access');
  if (memberId === auth.memberId && input.accessRole !== auth.role) throw new AppError('CONFLICT', 'You cannot change your own access role');
  if (input.projectIds) {
    const found = await ctx.db.prisma.project.count({ where: { studioId: auth.studioId, id: { in: input.projectIds } } });
    if (found !== new Set(input.projectIds).size) throw invalidField('projectIds', 'names a project that is not in this studio');
  }
  await ctx.db.prisma.$transaction(async (tx) => {
    await tx.member.update({
      where: { id: memberId },
      data: { accessRole: input.accessRole, ...(input.projectIds ? { guestProjects: { set: input.projectIds.map((id) => ({ id })) } } : {}) },
    });
    await audit(tx, { studioId: auth.studioId, actorId: auth.memberId, action: 'member.access_changed', entityType: 'member', entityId: memberId, details: { from: member.accessRole, to: input.accessRole, projectIds: input.projectIds ?? null } });
  });
  // Their open boards were authorized under the old role: make them reconnect and rejoin.
  ctx.broadcaster.disconnect(memberRoom(memberId));
}

export async function listAudit(ctx: AppContext, auth: AuthContext, query: { entityType?: string | undefined; entityId?: string | undefined; limit: number }) {
  const rows = await ctx.db.prisma.auditEntry.findMany({
    where: { studioId: auth.studioId, ...(query.entityType ? { entityType: query.entityType } : {}), ...(query.entityId ? { entityId: query.entityId } : {}) },
    orderBy: { createdAt: 'desc' },
    take: query.limit,
    include: { actor: { select: { id: true, name: true } } },
  });
  return presentAuditEntries(ctx.db.prisma, auth.studioId, rows);
}
