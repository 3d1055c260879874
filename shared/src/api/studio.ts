import { z } from 'zod';
import { IdSchema } from './common';
import { MemberRoleSchema, ProjectKindSchema, RoomKindSchema } from './enums';
import { ACCESS_ROLES } from '../domain/permissions';

export const RoomSchema = z.object({
  id: IdSchema,
  name: z.string(),
  kind: RoomKindSchema,
  notes: z.string(),
  prepMinutes: z.number().int(),
  teardownMinutes: z.number().int(),
}).meta({ id: 'Room' });
export type Room = z.infer<typeof RoomSchema>;

export const MemberSchema = z.object({
  id: IdSchema,
  name: z.string(),
  email: z.string(),
  roles: z.array(MemberRoleSchema),
  skills: z.array(z.string()),
  weeklyCapacityHours: z.number().int(),
  knownRoomIds: z.array(IdSchema),
  accessRole: z.enum(ACCESS_ROLES),
  /** Whether the member has an account to sign in with. */
  hasAccount: z.boolean(),
  /** Guests: the projects they may see. */
  guestProjectIds: z.array(IdSchema),
}).meta({ id: 'Member' });
export type Member = z.infer<typeof MemberSchema>;

export const ProjectSchema = z.object({
  id: IdSchema,
  artist: z.string(),
  title: z.string(),
  kind: ProjectKindSchema,
  leadProducerId: IdSchema.nullable(),
}).meta({ id: 'Project' });
export type Project = z.infer<typeof ProjectSchema>;

export const StudioSchema = z.object({
  id: IdSchema,
  name: z.string(),
  timezone: z.string(),
  rooms: z.array(RoomSchema),
  members: z.array(MemberSchema),
  projects: z.array(ProjectSchema),
}).meta({ id: 'Studio' });
export type Studio = z.infer<typeof StudioSchema>;
