import { z } from 'zod';
import { IdSchema, InstantSchema } from './common';
import { MemberRoleSchema } from './enums';
import { ACCESS_ROLES } from '../domain/permissions';

export const AccessRoleSchema = z.enum(ACCESS_ROLES);

const email = z.email('must be an email address').max(200).transform((e) => e.toLowerCase());
/** Long enough to resist guessing; no composition rules (NIST SP 800-63B). */
export const PasswordSchema = z.string().min(10, 'must be at least 10 characters').max(200, 'must be at most 200 characters');

export const SignInInputSchema = z.strictObject({ email, password: z.string().min(1, 'must not be empty').max(200) }).meta({ id: 'SignInInput' });
export type SignInInput = z.infer<typeof SignInInputSchema>;

/** The signed-in member as the client sees them. */
export const MeSchema = z
  .object({
    user: z.object({ id: IdSchema, email: z.string(), name: z.string() }),
    member: z.object({ id: IdSchema, name: z.string(), accessRole: AccessRoleSchema, roles: z.array(MemberRoleSchema) }),
    studio: z.object({ id: IdSchema, name: z.string(), timezone: z.string() }),
    session: z.object({ id: IdSchema, expiresAt: InstantSchema }),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof MeSchema>;

export const ChangePasswordInputSchema = z
  .strictObject({ currentPassword: z.string().min(1).max(200), newPassword: PasswordSchema })
  .meta({ id: 'ChangePasswordInput' });

export const AuthSessionSchema = z.object({
  id: IdSchema,
  current: z.boolean(),
  createdAt: InstantSchema,
  lastSeenAt: InstantSchema,
  expiresAt: InstantSchema,
  userAgent: z.string(),
});
export const AuthSessionListSchema = z.object({ sessions: z.array(AuthSessionSchema) }).meta({ id: 'AuthSessionList' });
export const AuthSessionParamsSchema = z.strictObject({ authSessionId: IdSchema });

export const SetupStatusSchema = z.object({ needsSetup: z.boolean() }).meta({ id: 'SetupStatus' });
export const SetupInputSchema = z
  .strictObject({
    studioName: z.string().trim().min(1).max(120),
    timezone: z.string().trim().min(1).max(64),
    name: z.string().trim().min(1).max(120),
    email,
    password: PasswordSchema,
  })
  .meta({ id: 'SetupInput' });

export const InvitationInputSchema = z
  .strictObject({
    email,
    name: z.string().trim().max(120).default(''),
    accessRole: AccessRoleSchema,
    /** Trade roles for the schedule and routing (empty for admins without sessions and guests). */
    roles: z.array(MemberRoleSchema).max(3).default([]),
    /** For guests: the projects they may see. */
    projectIds: z.array(IdSchema).max(20).default([]),
  })
  .meta({ id: 'InvitationInput' });
export const InvitationSchema = z
  .object({
    id: IdSchema,
    email: z.string(),
    name: z.string(),
    accessRole: AccessRoleSchema,
    roles: z.array(MemberRoleSchema),
    expiresAt: InstantSchema,
    usedAt: InstantSchema.nullable(),
    revokedAt: InstantSchema.nullable(),
    createdAt: InstantSchema,
    invitedBy: z.string().nullable(),
  })
  .meta({ id: 'Invitation' });
/** Answer to creating an invitation: the link holds the secret, shown only this once. */
export const CreatedInvitationSchema = z.object({ invitation: InvitationSchema, token: z.string(), path: z.string() }).meta({ id: 'CreatedInvitation' });
export const InvitationListSchema = z.object({ invitations: z.array(InvitationSchema) });
export const InvitationParamsSchema = z.strictObject({ invitationId: IdSchema });
export const InvitationTokenParamsSchema = z.strictObject({ token: z.string().min(20).max(100) });
export const InvitationPreviewSchema = z
  .object({
    studio: z.string(), email: z.string(), name: z.string(), accessRole: AccessRoleSchema, expiresAt: InstantSchema,
    /** The email has a Patchbay account already (another studio, or removed from this one): accepting takes its password. */
    existingAccount: z.boolean(),
  })
  .meta({ id: 'InvitationPreview' });
export const AcceptInvitationInputSchema = z
  .strictObject({ name: z.string().trim().min(1).max(120), password: PasswordSchema })
  .meta({ id: 'AcceptInvitationInput' });

export const MemberAccessInputSchema = z
  .strictObject({ accessRole: AccessRoleSchema, projectIds: z.array(IdSchema).max(20).optional() })
  .meta({ id: 'MemberAccessInput' });

export const AuditEntrySchema = z.object({
  id: IdSchema,
  at: InstantSchema,
  actor: z.object({ id: IdSchema, name: z.string() }).nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  /** What the entry is about as it is called now (a member's name, a session's title…); "removed" once it is gone. */
  entityName: z.string().nullable(),
  /** In words: member ids as names, internal references and empty values left out. */
  details: z.record(z.string(), z.unknown()),
});
export const AuditListSchema = z.object({ entries: z.array(AuditEntrySchema) }).meta({ id: 'AuditList' });
export const AuditQuerySchema = z.strictObject({
  entityType: z.string().max(40).optional(),
  entityId: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export type AuthSession = z.infer<typeof AuthSessionSchema>;
export type Invitation = z.infer<typeof InvitationSchema>;
export type CreatedInvitation = z.infer<typeof CreatedInvitationSchema>;
export type InvitationPreview = z.infer<typeof InvitationPreviewSchema>;
export type InvitationInput = z.input<typeof InvitationInputSchema>;
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export type SetupInput = z.infer<typeof SetupInputSchema>;
