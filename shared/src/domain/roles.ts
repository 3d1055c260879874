/**
 * Roles, task statuses and session statuses, with human labels.
 * The string values match the database enums (prisma/schema.prisma).
 */

export const MEMBER_ROLES = ['PRODUCER', 'ENGINEER', 'ASSISTANT_ENGINEER'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const TASK_STATUSES = ['TODO', 'IN_PROGRESS', 'BLOCKED', 'DONE'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const SESSION_STATUSES = ['PLANNED', 'IN_PROGRESS', 'WRAPPED', 'CANCELLED'] as const;

/** How firm a booking is: confirmed, a first or second hold on its slot, or a hold that ended. */
export const BOOKING_HOLDS = ['CONFIRMED', 'FIRST_HOLD', 'SECOND_HOLD', 'RELEASED', 'EXPIRED'] as const;
export type BookingHold = (typeof BOOKING_HOLDS)[number];
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const MEMBER_ROLE_LABELS: Readonly<Record<MemberRole, string>> = {
  PRODUCER: 'Producer',
  ENGINEER: 'Engineer',
  ASSISTANT_ENGINEER: 'Assistant engineer',
};

export const TASK_STATUS_LABELS: Readonly<Record<TaskStatus, string>> = {
  TODO: 'To do',
  IN_PROGRESS: 'In progress',
  BLOCKED: 'Blocked',
  DONE: 'Done',
};

export const SESSION_STATUS_LABELS: Readonly<Record<SessionStatus, string>> = {
  PLANNED: 'Planned',
  IN_PROGRESS: 'In progress',
  WRAPPED: 'Wrapped',
  CANCELLED: 'Cancelled',
};

/**
 * Capability skills a member can hold beyond their roles. A member's skills may also
 * name a task kind key (e.g. "mixing") to be eligible for exactly that kind of work.
 * - "engineering": may take technical (engineer) work when no engineer fits.
 * - "production": may take creative/managerial (producer) work when no producer fits.
 */
export const CAPABILITY_SKILLS = ['engineering', 'production'] as const;
export type CapabilitySkill = (typeof CAPABILITY_SKILLS)[number];

export function isMemberRole(value: unknown): value is MemberRole {
  return typeof value === 'string' && (MEMBER_ROLES as readonly string[]).includes(value);
}

export function isTaskStatus(value: unknown): value is TaskStatus {
  return typeof value === 'string' && (TASK_STATUSES as readonly string[]).includes(value);
}

export function isSessionStatus(value: unknown): value is SessionStatus {
  return typeof value === 'string' && (SESSION_STATUSES as readonly string[]).includes(value);
}

/** "an engineer", "a producer", "an assistant engineer": for sentences. */
export function roleWithArticle(role: MemberRole): string {
  const noun = MEMBER_ROLE_LABELS[role].toLowerCase();
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}
