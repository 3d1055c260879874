/**
 * Inputs and outputs of task routing (see routing.ts for the rules).
 */
import type { Booking, BookingLookup } from './bookings';
import type { MemberRole } from './roles';
import type { CustomTaskKind, TaskKind } from './task-kinds';

export interface RoutingTask {
  /** Task kind key, built-in or one of context.customKinds. */
  readonly kind: string;
  readonly sessionId: string;
  readonly title?: string;
  /** Defaults to the kind's estimate. Used for capacity warnings and routeSessionTasks. */
  readonly estimateMinutes?: number | null;
  /** The task's id, when it exists (its own booking never gets in its way). */
  readonly id?: string;
  /**
   * A time of its own within the session (lasting its estimate): then only that slot must be
   * free, not the whole session (availability.ts).
   */
  readonly startsAt?: Date | null;
}

export interface RoutingSession {
  readonly id: string;
  readonly title?: string;
  readonly roomId: string;
  readonly roomName: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  /** Prep before the start and teardown after the end (availability.ts): work without a time may fall then. */
  readonly prepMinutes?: number;
  readonly teardownMinutes?: number;
  readonly producerId: string | null;
  readonly engineerId: string | null;
}

export interface RoutingMember {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly MemberRole[];
  /** Capabilities ('engineering', 'production') or task kind keys; compared case-insensitively. */
  readonly skills: readonly string[];
  readonly weeklyCapacityHours: number;
  readonly knownRoomIds: readonly string[];
}

export interface RoutingContext {
  /** The session the task belongs to; the task takes place during it. */
  readonly session: RoutingSession;
  readonly members: readonly RoutingMember[];
  /**
   * What members are already booked on, including this session (counts for the weekly load, not
   * for overlap). Pass `indexBookings(bookings)` once when routing many tasks; a plain array is
   * indexed on every call.
   */
  readonly bookings: readonly Booking[] | BookingLookup;
  /** IANA zone for the week boundaries and for times in reasons. Default 'UTC'. */
  readonly timeZone?: string;
  /** The week to measure workload in; default: the ISO week of session.startsAt in timeZone. */
  readonly week?: { readonly start: Date; readonly end: Date };
  readonly customKinds?: readonly CustomTaskKind[];
}

/**
 * The rules, numbered as in the product:
 * 1 role_match: technical work → engineer, creative/managerial → producer.
 * 2 skill_fallback: someone skilled for the work takes it when nobody with the role fits.
 * 3 room_knowledge: room-bound work prefers someone who knows the session's room.
 * 4 availability: nobody booked on another overlapping session (and nobody at/over capacity,
 *   except the session's own staff: its tasks add no hours to their week).
 * 5 session_staff: the session's own producer/engineer is preferred for their role.
 * 6 free_capacity: most free hours in the week wins.
 * 7 tie_break: name, then id.
 * Plus the outcomes with nobody assigned: no_eligible_member, unknown_kind.
 */
export const RULE_IDS = [
  'role_match',
  'skill_fallback',
  'room_knowledge',
  'availability',
  'session_staff',
  'free_capacity',
  'tie_break',
  'no_eligible_member',
  'unknown_kind',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** How a member fits the work: holds a matching role, or only a skill for it (rule 2). */
export type RoleFit = 'role' | 'skill';

/**
 * Whether the member is on the session: 'own_role' = the session's producer for producer work
 * or its engineer for engineer work; 'other_role' = on the session in the other role.
 */
export type SessionStaffing = 'own_role' | 'other_role' | 'none';

/**
 * Per-criterion values, compared in this order (earlier criteria dominate):
 * roleFit ('role' before 'skill'), sessionStaff (own_role, other_role, none),
 * knowsRoom (true first; only for room-bound kinds, else null), freeMinutes (more first),
 * then name and id.
 */
export interface ScoreBreakdown {
  readonly roleFit: RoleFit;
  readonly sessionStaff: SessionStaffing;
  readonly knowsRoom: boolean | null;
  readonly bookedMinutes: number;
  readonly capacityMinutes: number;
  readonly freeMinutes: number;
  /** Hours booked on the day the work starts (studio time), against a day's share of capacity. */
  readonly dayBookedMinutes: number;
  readonly dayCapacityMinutes: number;
}

export interface RankedCandidate {
  readonly memberId: string;
  readonly name: string;
  /** 1 = proposed assignee. */
  readonly rank: number;
  readonly score: ScoreBreakdown;
  readonly reasons: readonly string[];
}

export type Blocker =
  | { readonly code: 'wrong_role' }
  | { readonly code: 'double_booked'; readonly booking: Booking }
  | { readonly code: 'over_capacity'; readonly bookedMinutes: number; readonly capacityMinutes: number };

export interface IneligibleMember {
  readonly memberId: string;
  readonly name: string;
  /** Could do the work (role or skill) but is blocked; false for 'wrong_role'. */
  readonly roleFit: RoleFit | null;
  readonly blockers: readonly Blocker[];
  /** The same figures as candidates' (for someone with the wrong role, roleFit there means nothing). */
  readonly score: ScoreBreakdown;
  /** What the member is busy with during the work (also when blocked for another reason). */
  readonly busyWith?: Booking;
  readonly reasons: readonly string[];
}

export interface RoutingResult {
  /** The resolved kind; undefined when the key is unknown. */
  readonly kind: TaskKind | undefined;
  /** The role the task is filed under (the kind's default role); null for an unknown kind. */
  readonly role: MemberRole | null;
  readonly assigneeId: string | null;
  /** Eligible members, best first. */
  readonly candidates: readonly RankedCandidate[];
  /** Everyone else, by name then id, with why. */
  readonly ineligible: readonly IneligibleMember[];
  /** Readable explanation of the decision (join with ' ' for one line). */
  readonly reasons: readonly string[];
  /** The rule that decided: for an assignment, the first criterion separating #1 from #2. */
  readonly rule: RuleId;
  /** The week the workload was measured in. */
  readonly week: { readonly start: Date; readonly end: Date };
}

export interface RuleWarning {
  readonly code: 'unknown_member' | 'unknown_kind' | 'wrong_role' | 'double_booked' | 'over_capacity' | 'over_day_capacity';
  readonly rule: RuleId;
  readonly message: string;
}
