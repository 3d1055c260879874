import {
  AcceptInvitationInputSchema,
  AuditListSchema,
  AuditQuerySchema,
  AuthSessionListSchema,
  AuthSessionParamsSchema,
  ChangePasswordInputSchema,
  CreatedInvitationSchema,
  InvitationInputSchema,
  InvitationListSchema,
  InvitationParamsSchema,
  InvitationPreviewSchema,
  InvitationTokenParamsSchema,
  MeSchema,
  MemberAccessInputSchema,
  MemberParamsSchema,
  MemberSchema,
  SetupInputSchema,
  SetupStatusSchema,
  SignInInputSchema,
} from '@patchbay/shared';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { authOf, clearSessionCookie, setSessionCookie } from '../../auth/http';
import { readBrowserToken, setBrowserCookie } from '../../auth/known-browsers';
import type { AppContext } from '../../context';
import { AppError } from '../../errors';
import * as accounts from '../../domain/accounts';
import { memberInclude, presentMember } from '../../presenters/studio';
import { defineRoute } from '../route';

const clientOf = (req: Request) => ({ userAgent: req.get('user-agent'), browserToken: readBrowserToken(req.headers.cookie) });

/** Signs the browser in (session cookie, known-browser cookie); a slowdown's 429 carries Retry-After. */
async function signingIn(ctx: AppContext, req: Request, res: Response, run: () => Promise<accounts.SignedIn>) {
  let signedIn: accounts.SignedIn;
  try {
    signedIn = await run();
  } catch (err) {
    const retryAfter = err instanceof AppError && err.code === 'RATE_LIMITED' ? (err.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds : undefined;
    if (retryAfter) res.set('Retry-After', String(retryAfter));
    throw err;
  }
  setSessionCookie(ctx, req, res, signedIn.token, signedIn.expiresAt);
  if (signedIn.browserToken) setBrowserCookie(ctx, req, res, signedIn.browserToken);
  return signedIn.me;
}

const MeQuerySchema = z.strictObject({ optional: z.literal('true').optional() });

export const authRoutes = [
  defineRoute(
    {
      method: 'get', path: '/auth/me', tag: 'Accounts', access: 'public',
      summary: 'The signed-in member, their studio and sign-in session; signed out: 401, or 200 with null when asked with optional=true (how the web client asks at start, so a signed-out page load logs no error)',
      query: MeQuerySchema, status: 200, response: MeSchema.nullable(), errors: ['UNAUTHENTICATED'],
    },
    async ({ ctx, query, res }) => {
      const auth = authOf(res);
      if (auth) return accounts.currentMe(ctx, auth);
      if (query.optional) return null;
      throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
    },
  ),
  defineRoute(
    { method: 'post', path: '/auth/sign-in', tag: 'Accounts', access: 'public', summary: 'Sign in with email and password; sets the session cookie and the known-browser cookie (rate limited per address; per account slowed down, 429 with Retry-After, except for browsers that signed in to it before)', body: SignInInputSchema, status: 200, response: MeSchema, errors: ['UNAUTHENTICATED', 'RATE_LIMITED'] },
    async ({ ctx, body, req, res }) => signingIn(ctx, req, res, () => accounts.signIn(ctx, body.email, body.password, clientOf(req))),
  ),
  defineRoute(
    { method: 'post', path: '/auth/sign-out', tag: 'Accounts', access: 'signedIn', summary: 'Sign out this browser (its sockets are disconnected)', status: 204 },
    async ({ ctx, auth, req, res }) => {
      await accounts.signOut(ctx, auth);
      clearSessionCookie(ctx, req, res);
    },
  ),
  defineRoute(
    { method: 'post', path: '/auth/password', tag: 'Accounts', access: 'signedIn', summary: 'Change the password; every other browser is signed out', body: ChangePasswordInputSchema, status: 204 },
    async ({ ctx, auth, body }) => accounts.changePassword(ctx, auth, body.currentPassword, body.newPassword),
  ),
  defineRoute(
    { method: 'get', path: '/auth/sessions', tag: 'Accounts', access: 'signedIn', summary: 'Browsers signed in to this account', status: 200, response: AuthSessionListSchema },
    async ({ ctx, auth }) => ({ sessions: await accounts.listOwnSessions(ctx, auth) }),
  ),
  defineRoute(
    { method: 'delete', path: '/auth/sessions/:authSessionId', tag: 'Accounts', access: 'signedIn', summary: 'Sign out one browser of this account (revoked at once, sockets disconnected)', params: AuthSessionParamsSchema, status: 204, errors: ['NOT_FOUND'] },
    async ({ ctx, auth, params }) => accounts.revokeOwnSession(ctx, auth, params.authSessionId),
  ),
  defineRoute(
    { method: 'get', path: '/setup', tag: 'Accounts', access: 'public', summary: 'Whether Patchbay still needs its first studio and admin', status: 200, response: SetupStatusSchema },
    async ({ ctx }) => ({ needsSetup: await accounts.needsSetup(ctx) }),
  ),
  defineRoute(
    { method: 'post', path: '/setup', tag: 'Accounts', access: 'public', summary: 'First run: create the studio and its admin account, signed in (only on an empty database)', body: SetupInputSchema, status: 201, response: MeSchema, errors: ['CONFLICT', 'RATE_LIMITED'] },
    async ({ ctx, body, req, res }) => {
      const signedIn = await accounts.setupStudio(ctx, body, req.get('user-agent'));
      setSessionCookie(ctx, req, res, signedIn.token, signedIn.expiresAt);
      return signedIn.me;
    },
  ),
  defineRoute(
    { method: 'get', path: '/invitations', tag: 'Members', access: 'members.manage', summary: 'Invitations of the studio', status: 200, response: InvitationListSchema },
    async ({ ctx, auth }) => ({ invitations: await accounts.listInvitations(ctx, auth) }),
  ),
  defineRoute(
    { method: 'post', path: '/invitations', tag: 'Members', access: 'members.manage', summary: 'Invite someone: a single-use link that expires (its secret is shown only in this answer)', body: InvitationInputSchema, status: 201, response: CreatedInvitationSchema, errors: ['CONFLICT'] },
    async ({ ctx, auth, body }) => accounts.createInvitation(ctx, auth, body),
  ),
  defineRoute(
    { method: 'delete', path: '/invitations/:invitationId', tag: 'Members', access: 'members.manage', summary: 'Revoke an open invitation', params: InvitationParamsSchema, status: 204, errors: ['NOT_FOUND'] },
    async ({ ctx, auth, params }) => accounts.revokeInvitation(ctx, auth, params.invitationId),
  ),
  defineRoute(
    { method: 'get', path: '/invitations/by-token/:token', tag: 'Members', access: 'public', summary: 'What an invitation link offers (404 once used, revoked or expired; rate limited)', params: InvitationTokenParamsSchema, status: 200, response: InvitationPreviewSchema, errors: ['NOT_FOUND', 'RATE_LIMITED'] },
    async ({ ctx, params }) => accounts.previewInvitation(ctx, params.token),
  ),
  defineRoute(
    { method: 'post', path: '/invitations/by-token/:token/accept', tag: 'Members', access: 'public', summary: "Accept an invitation: creates the member (and the account, or joins the existing account of the email with that account's password), signed in (single use; rate limited)", params: InvitationTokenParamsSchema, body: AcceptInvitationInputSchema, status: 201, response: MeSchema, errors: ['NOT_FOUND', 'CONFLICT', 'RATE_LIMITED'] },
    async ({ ctx, params, body, req, res }) => signingIn(ctx, req, res, () => accounts.acceptInvitation(ctx, params.token, body, clientOf(req))),
  ),
  defineRoute(
    { method: 'put', path: '/members/:memberId/access', tag: 'Members', access: 'members.manage', summary: "Set a member's access role (and a guest's projects); their sockets reconnect under the new role", params: MemberParamsSchema, body: MemberAccessInputSchema, status: 200, response: MemberSchema, errors: ['NOT_FOUND', 'CONFLICT'] },
    async ({ ctx, auth, params, body }) => {
      await accounts.setMemberAccess(ctx, auth, params.memberId, body);
      return presentMember(await ctx.db.prisma.member.findUniqueOrThrow({ where: { id: params.memberId }, include: memberInclude }));
    },
  ),
  defineRoute(
    { method: 'delete', path: '/members/:memberId/sessions', tag: 'Members', access: 'members.manage', summary: 'Sign a member out everywhere (sessions revoked, sockets disconnected)', params: MemberParamsSchema, status: 204, errors: ['NOT_FOUND'] },
    async ({ ctx, auth, params }) => accounts.signOutMemberEverywhere(ctx, auth, params.memberId),
  ),
  defineRoute(
    { method: 'get', path: '/audit', tag: 'Members', access: 'audit.view', summary: 'Audit log: sign-ins, assignments, membership and permission changes', query: AuditQuerySchema, status: 200, response: AuditListSchema },
    async ({ ctx, auth, query }) => ({ entries: await accounts.listAudit(ctx, auth, query) }),
  ),
];
