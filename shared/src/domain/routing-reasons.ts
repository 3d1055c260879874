/**
 * The sentences routing decisions carry. Kept apart from the rules so wording can change
 * without touching them.
 */
import type { Booking } from './bookings';
import { MEMBER_ROLE_LABELS, MEMBER_ROLES, roleWithArticle } from './roles';
import type { MemberRole } from './roles';
import type { Blocker, RoleFit, RuleId, SessionStaffing } from './routing-context';
import type { TaskKind } from './task-kinds';
import { fallbackSkillForKind } from './task-kinds';
import { formatHours, formatWindow } from './time-zone';

/** Short names of the rules; a decision's reasons contain "Decided by <label>". */
export const RULE_LABELS: Readonly<Record<RuleId, string>> = {
  role_match: 'role match',
  skill_fallback: 'skill fallback',
  room_knowledge: 'room knowledge',
  availability: 'availability',
  session_staff: "the session's own staff",
  free_capacity: 'most free capacity',
  tie_break: 'tie-break (name, then id)',
  no_eligible_member: 'nobody eligible',
  unknown_kind: 'unknown task kind',
};

export function decidedBy(rule: RuleId, detail: string): string {
  return `Decided by ${RULE_LABELS[rule]}: ${detail}`;
}

/** "engineer", or "engineer or assistant engineer" for assistant-capable work. */
export function roleNoun(kind: TaskKind): string {
  const noun = MEMBER_ROLE_LABELS[kind.defaultRole].toLowerCase();
  return kind.assistantCapable && kind.defaultRole === 'ENGINEER' ? `${noun} or assistant engineer` : noun;
}

/** "Mic setup is technical → engineer (assistant engineers can take it too)." */
export function kindReason(kind: TaskKind): string {
  const role = MEMBER_ROLE_LABELS[kind.defaultRole].toLowerCase();
  const extra = kind.assistantCapable && kind.defaultRole === 'ENGINEER' ? ' (assistant engineers can take it too)' : '';
  return `${kind.label} is ${kind.category} → ${role}${extra}.`;
}

export function unknownKindReason(key: string): string {
  return `Unknown task kind '${key}': add it to the studio's task kinds or assign the task manually.`;
}

/** "'Drum tracking' in Live Room A", "'Drum tracking'", "another session", or for a timed task "'Reamp' of 'Mix prep' in Studio B". */
export function bookingPhrase(booking: Booking): string {
  const title = booking.title !== undefined ? `'${booking.title}'` : 'another session';
  const where = booking.roomName !== undefined ? `${title} in ${booking.roomName}` : title;
  if (booking.kind !== 'task') return where;
  return `${booking.taskTitle !== undefined ? `'${booking.taskTitle}'` : 'a task'} of ${where}`;
}

export function capacityPhrase(bookedMinutes: number, capacityMinutes: number): string {
  return `${formatHours(bookedMinutes)} of ${formatHours(capacityMinutes)} h booked this week`;
}

function rolesPhrase(roles: readonly MemberRole[]): string {
  const ordered = MEMBER_ROLES.filter((role) => roles.includes(role));
  const first = ordered[0];
  if (first === undefined) return 'has no role';
  const rest = ordered.slice(1).map((role) => MEMBER_ROLE_LABELS[role].toLowerCase());
  return `is ${[roleWithArticle(first), ...rest].join(' and ')}`;
}

export interface FitDescription {
  readonly fit: RoleFit;
  /** The matching role (fit 'role') or skill (fit 'skill'). */
  readonly via: string;
}

/** "Sam is an engineer." / "Jo is a producer with engineering skill." */
export function fitReason(name: string, roles: readonly MemberRole[], fit: FitDescription): string {
  if (fit.fit === 'role') return `${name} is ${roleWithArticle(fit.via as MemberRole)}.`;
  return `${name} ${rolesPhrase(roles)} with ${fit.via} skill.`;
}

export function staffReason(name: string, staffing: SessionStaffing, kind: TaskKind): string | undefined {
  const own = kind.defaultRole === 'PRODUCER' ? 'producer' : 'engineer';
  const other = own === 'producer' ? 'engineer' : 'producer';
  if (staffing === 'own_role') return `${name} is the session's ${own}.`;
  if (staffing === 'other_role') return `${name} is on this session as its ${other}.`;
  return undefined;
}

export function roomReason(name: string, knowsRoom: boolean | null, roomName: string): string | undefined {
  if (knowsRoom === null) return undefined;
  return knowsRoom ? `${name} knows ${roomName}.` : `${name} does not know ${roomName}.`;
}

/** "Free 10:00–14:00." from a formatted window. */
export function freeReason(window: string): string {
  return `Free ${window}.`;
}

/**
 * "12 of 40 h booked this week." When the rules let a full week through (the session's own staff:
 * the task adds no hours), it says so.
 */
export function loadReason(bookedMinutes: number, capacityMinutes: number, fullButAddsNone = false): string {
  const phrase = capacityPhrase(bookedMinutes, capacityMinutes);
  return fullButAddsNone ? `${phrase}; this task adds none (the session's time covers it).` : `${phrase}.`;
}

/** One blocker as a clause without the name: "is booked on 'Drum tracking' in Live Room A". */
export function blockerClause(blocker: Blocker, roles: readonly MemberRole[], kind: TaskKind | undefined, timeZone: string, withTimes: boolean): string {
  switch (blocker.code) {
    case 'wrong_role': {
      const skill = kind ? fallbackSkillForKind(kind) : 'the needed';
      const phrase = rolesPhrase(roles);
      return phrase === 'has no role' ? `has no role and no ${skill} skill` : `${phrase} without ${skill} skill`;
    }
    case 'double_booked': {
      const when = withTimes ? ` ${formatWindow(blocker.booking.startsAt, blocker.booking.endsAt, timeZone)}` : '';
      return `is booked on ${bookingPhrase(blocker.booking)}${when}`;
    }
    case 'over_capacity': {
      const state = blocker.bookedMinutes > blocker.capacityMinutes ? 'over capacity' : 'at capacity';
      return `is ${state} (${capacityPhrase(blocker.bookedMinutes, blocker.capacityMinutes)})`;
    }
  }
}

/** "Sam is booked on 'Drum tracking' in Live Room A 09:00–13:00 and is at capacity (…)." */
export function blockersSentence(name: string, blockers: readonly Blocker[], roles: readonly MemberRole[], kind: TaskKind | undefined, timeZone: string, withTimes: boolean): string {
  return `${name} ${blockers.map((b) => blockerClause(b, roles, kind, timeZone, withTimes)).join(' and ')}`;
}
