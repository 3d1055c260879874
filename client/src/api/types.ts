/**
 * Wire types the shared package defines as zod schemas without a named type export.
 * Type-only: `z.infer` / `z.input` vanish at build time, so zod stays out of the bundle.
 */
import type {
  AcceptInvitationInputSchema,
  AuditEntrySchema,
  AuditQuerySchema,
  AuthSessionSchema,
  BookingConflictDetailsSchema,
  ChangePasswordInputSchema,
  CreatedInvitationSchema,
  InvitationInputSchema,
  InvitationPreviewSchema,
  InvitationSchema,
  MemberAccessInputSchema,
  MemberInputSchema,
  MemberPatchSchema,
  ProjectInputSchema,
  ProjectPatchSchema,
  RoomInputSchema,
  RoomPatchSchema,
  SessionInputSchema,
  SessionPatchSchema,
  SetupInputSchema,
  SetupStatusSchema,
  SignInInputSchema,
  TaskKindInputSchema,
  TaskKindPatchSchema,
  TaskKindSchema,
} from '@patchbay/shared';
import type { z } from 'zod';

export type SignInInput = z.input<typeof SignInInputSchema>;
export type SetupStatus = z.infer<typeof SetupStatusSchema>;
export type SetupInput = z.input<typeof SetupInputSchema>;
export type ChangePasswordInput = z.input<typeof ChangePasswordInputSchema>;
export type AuthSession = z.infer<typeof AuthSessionSchema>;

export type Invitation = z.infer<typeof InvitationSchema>;
export type InvitationInput = z.input<typeof InvitationInputSchema>;
export type CreatedInvitation = z.infer<typeof CreatedInvitationSchema>;
export type InvitationPreview = z.infer<typeof InvitationPreviewSchema>;
export type AcceptInvitationInput = z.input<typeof AcceptInvitationInputSchema>;
export type MemberAccessInput = z.input<typeof MemberAccessInputSchema>;

export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export type AuditQuery = { entityType?: string; entityId?: string; limit?: number } & Partial<Pick<z.output<typeof AuditQuerySchema>, 'entityType' | 'entityId' | 'limit'>>;

export type RoomInput = z.input<typeof RoomInputSchema>;
export type RoomPatch = z.input<typeof RoomPatchSchema>;
export type MemberInput = z.input<typeof MemberInputSchema>;
export type MemberPatch = z.input<typeof MemberPatchSchema>;
export type ProjectInput = z.input<typeof ProjectInputSchema>;
export type ProjectPatch = z.input<typeof ProjectPatchSchema>;
export type TaskKind = z.infer<typeof TaskKindSchema>;
export type TaskKindInput = z.input<typeof TaskKindInputSchema>;
export type TaskKindPatch = z.input<typeof TaskKindPatchSchema>;

export type SessionCreateInput = z.input<typeof SessionInputSchema>;
export type SessionPatchInput = z.input<typeof SessionPatchSchema>;

export type BookingConflict = z.infer<typeof BookingConflictDetailsSchema>['conflicts'][number];
