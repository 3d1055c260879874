import { z } from 'zod';
import { BOOKING_HOLDS, MEMBER_ROLES, SESSION_STATUSES, TASK_STATUSES } from '../domain/roles';

export const MemberRoleSchema = z.enum(MEMBER_ROLES);
export const TaskStatusSchema = z.enum(TASK_STATUSES);
export const SessionStatusSchema = z.enum(SESSION_STATUSES);
export const BookingHoldSchema = z.enum(BOOKING_HOLDS);
export const ROOM_KINDS = ['CONTROL_ROOM', 'LIVE_ROOM', 'BOOTH', 'PRODUCTION_SUITE', 'OTHER'] as const;
export const RoomKindSchema = z.enum(ROOM_KINDS);
export const PROJECT_KINDS = ['ALBUM', 'EP', 'SINGLE', 'OTHER'] as const;
export const ProjectKindSchema = z.enum(PROJECT_KINDS);
