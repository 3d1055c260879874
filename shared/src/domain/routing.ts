/**
 * Task routing: who should take a task of a session, and why.
 *
 * Hard rules (a member failing one is ineligible, with the reason):
 * - Rule 1/2, role: the member holds a role matching the kind (technical → engineer, plus
 *   assistant engineers for assistant-capable kinds; creative/managerial → producer), or has
 *   the skill for it: 'engineering' / 'production' or the kind key itself.
 * - Rule 4, availability: not busy with anything else during the work, by availability.ts: the
 *   whole session for a task without a time of its own, the task's slot for a timed one.
 * - Rule 6, hard capacity: not at or over the week's capacity (availability.ts), unless the
 *   member staffs the session: a task there adds no hours (the session's time covers it), so
 *   the session's own engineer still sets up its mics in a week the booking filled.
 *
 * Ranking of eligible members, each criterion dominating the next:
 * 1. role match before skill (rule 2: skill only takes the work when nobody with the role fits);
 * 2. the session's own staff (rule 5): its engineer for engineer work, its producer for
 *    producer work, then someone on the session in the other role. This outranks room
 *    knowledge: the session's engineer runs the room for the session anyway;
 * 3. knows the session's room, for room-bound kinds (rule 3);
 * 4. most free minutes in the week (rule 6);
 * 5. name (case-insensitive, code-point order), then id (rule 7).
 * The decision's `rule` is the first criterion separating the pick from the runner-up.
 * Nobody eligible → assigneeId null with why; never a random pick.
 */
import type { Booking, BookingLookup } from './bookings';
import { indexBookings, isBookingLookup, withExtraMinutes } from './bookings';
import type { Work } from './availability';
import { dayCapacityMinutes, isAtCapacity, isOverCapacity, weekCapacityMinutes, workOfTask } from './availability';
import type {
  Blocker,
  IneligibleMember,
  RankedCandidate,
  RoutingContext,
  RoutingMember,
  RoutingResult,
  RoutingSession,
  RoutingTask,
  RuleId,
  RuleWarning,
  ScoreBreakdown,
  SessionStaffing,
} from './routing-context';
import type { FitDescription } from './routing-reasons';
import {
  blockersSentence,
  capacityPhrase,
  decidedBy,
  fitReason,
  freeReason,
  kindReason,
  loadReason,
  roleNoun,
  roomReason,
  staffReason,
  unknownKindReason,
} from './routing-reasons';
import type { TaskKind } from './task-kinds';
import { fallbackSkillForKind, resolveTaskKind, rolesForKind } from './task-kinds';
import { dayRange, formatDay, formatHours, formatWindow, isoWeekRange } from './time-zone';

interface Prepared {
  readonly lookup: BookingLookup;
  readonly timeZone: string;
  readonly week: { readonly start: Date; readonly end: Date };
}

function prepare(context: RoutingContext): Prepared {
  const timeZone = context.timeZone ?? 'UTC';
  const lookup = isBookingLookup(context.bookings) ? context.bookings : indexBookings(context.bookings);
  const range = context.week ?? isoWeekRange(context.session.startsAt, timeZone);
  return { lookup, timeZone, week: { start: range.start, end: range.end } };
}

function assertSameSession(task: RoutingTask, session: RoutingSession): void {
  if (task.sessionId !== session.id) {
    throw new Error(`Task belongs to session ${task.sessionId}, but the routing context is for session ${session.id}`);
  }
}

function hasSkill(member: RoutingMember, skill: string): boolean {
  const wanted = skill.toLowerCase();
  return member.skills.some((s) => s.trim().toLowerCase() === wanted);
}

/** How a member fits a kind: a matching role, else a skill for it, else null (rules 1–2). */
export function memberFit(member: RoutingMember, kind: TaskKind): FitDescription | null {
  for (const role of rolesForKind(kind)) {
    if (member.roles.includes(role)) return { fit: 'role', via: role };
  }
  const capability = fallbackSkillForKind(kind);
  if (hasSkill(member, capability)) return { fit: 'skill', via: capability };
  if (hasSkill(member, kind.key)) return { fit: 'skill', via: kind.label.toLowerCase() };
  return null;
}

function staffingOf(member: RoutingMember, kind: TaskKind, session: RoutingSession): SessionStaffing {
  const own = kind.defaultRole === 'PRODUCER' ? session.producerId : session.engineerId;
  const other = kind.defaultRole === 'PRODUCER' ? session.engineerId : session.producerId;
  if (own !== null && member.id === own) return 'own_role';
  if (other !== null && member.id === other) return 'other_role';
  return 'none';
}

interface Evaluation {
  readonly member: RoutingMember;
  readonly fit: FitDescription | null;
  readonly score: ScoreBreakdown;
  readonly blockers: readonly Blocker[];
  /** What the member is busy with during the work, whether or not it blocks them (it does unless wrong_role alone). */
  readonly busyWith: Booking | undefined;
}

/** The work a task is: its slot when timed, else its whole session. */
function workOf(task: RoutingTask, session: RoutingSession): Work {
  return workOfTask({ ...(task.id !== undefined ? { id: task.id } : {}), startsAt: task.startsAt ?? null, estimateMinutes: task.estimateMinutes ?? null }, session);
}

function dayLoad(member: RoutingMember, work: Work, prepared: Prepared): { dayBookedMinutes: number; dayCapacityMinutes: number } {
  const day = dayRange(work.startsAt, prepared.timeZone);
  return { dayBookedMinutes: prepared.lookup.bookedMinutes(member.id, day.start.getTime(), day.end.getTime()), dayCapacityMinutes: dayCapacityMinutes(member.weeklyCapacityHours) };
}

function evaluate(member: RoutingMember, kind: TaskKind, session: RoutingSession, prepared: Prepared, work: Work): Evaluation {
  const fit = memberFit(member, kind);
  const capacityMinutes = weekCapacityMinutes(member.weeklyCapacityHours);
  const staffing = staffingOf(member, kind, session);
  const knowsRoom = kind.roomBound ? member.knownRoomIds.includes(session.roomId) : null;
  const { lookup, week } = prepared;
  const bookedMinutes = lookup.bookedMinutes(member.id, week.start.getTime(), week.end.getTime());
  const overlap = lookup.findOverlap(member.id, work.startsAt.getTime(), work.endsAt.getTime(), work.sessionId, work.taskId);
  if (fit === null) {
    // Not a candidate, but the figures still tell whoever assigns by hand what it would mean.
    const score = { roleFit: 'skill', sessionStaff: staffing, knowsRoom, bookedMinutes, capacityMinutes, freeMinutes: capacityMinutes - bookedMinutes, ...dayLoad(member, work, prepared) } as const;
    return { member, fit, score, blockers: [{ code: 'wrong_role' }], busyWith: overlap };
  }
  const blockers: Blocker[] = [];
  if (overlap) blockers.push({ code: 'double_booked', booking: overlap });
  if (staffing === 'none' && isAtCapacity(bookedMinutes, capacityMinutes)) blockers.push({ code: 'over_capacity', bookedMinutes, capacityMinutes });
  const score: ScoreBreakdown = {
    roleFit: fit.fit,
    sessionStaff: staffing,
    knowsRoom,
    bookedMinutes,
    capacityMinutes,
    freeMinutes: capacityMinutes - bookedMinutes,
    ...dayLoad(member, work, prepared),
  };
  return { member, fit, score, blockers, busyWith: overlap };
}

const STAFF_ORDER: Readonly<Record<SessionStaffing, number>> = { own_role: 0, other_role: 1, none: 2 };

function codepoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Rule 7: name case-insensitively, then name exactly, then id; plain code-point order, so the
 * result is the same on every engine and locale.
 */
export function compareByName(a: { readonly name: string; readonly id: string }, b: { readonly name: string; readonly id: string }): number {
  if (a.name === b.name) return codepoints(a.id, b.id);
  return codepoints(a.name.toLowerCase(), b.name.toLowerCase()) || codepoints(a.name, b.name) || codepoints(a.id, b.id);
}

function fitOrder(score: ScoreBreakdown): number {
  return score.roleFit === 'role' ? 0 : 1;
}

function roomOrder(score: ScoreBreakdown): number {
  return score.knowsRoom === true ? 0 : 1;
}

/** Criteria before the name tie-break; negative when a ranks first. */
function compareScores(a: ScoreBreakdown, b: ScoreBreakdown): number {
  return (
    fitOrder(a) - fitOrder(b) ||
    STAFF_ORDER[a.sessionStaff] - STAFF_ORDER[b.sessionStaff] ||
    roomOrder(a) - roomOrder(b) ||
    b.freeMinutes - a.freeMinutes
  );
}

/** The ranking order of candidates (see the file comment). Negative when a ranks first. */
export function compareCandidates(
  a: { readonly score: ScoreBreakdown; readonly name: string; readonly memberId: string },
  b: { readonly score: ScoreBreakdown; readonly name: string; readonly memberId: string },
): number {
  return compareScores(a.score, b.score) || compareByName({ name: a.name, id: a.memberId }, { name: b.name, id: b.memberId });
}

function compareEvaluations(a: Evaluation, b: Evaluation): number {
  return compareScores(a.score, b.score) || compareByName(a.member, b.member);
}

/** The first criterion separating two candidates of the same fit tier (a ranks first). */
function separatingRule(a: ScoreBreakdown, b: ScoreBreakdown): RuleId {
  if (a.sessionStaff !== b.sessionStaff) return 'session_staff';
  if ((a.knowsRoom === true) !== (b.knowsRoom === true)) return 'room_knowledge';
  if (a.freeMinutes !== b.freeMinutes) return 'free_capacity';
  return 'tie_break';
}

function separatingDetail(rule: RuleId, a: Evaluation, b: Evaluation, kind: TaskKind, session: RoutingSession): string {
  const [x, y] = [a.member.name, b.member.name];
  switch (rule) {
    case 'session_staff': {
      const sentence = staffReason(x, a.score.sessionStaff, kind) ?? '';
      return `${sentence.slice(0, -1)}; ${y} is ${b.score.sessionStaff === 'none' ? 'not on it' : 'not'}.`;
    }
    case 'room_knowledge':
      return `${x} knows ${session.roomName}; ${y} does not.`;
    case 'free_capacity':
      return `${x} has ${formatHours(a.score.freeMinutes)} h free this week, ${y} ${formatHours(b.score.freeMinutes)} h.`;
    default: {
      return `${x} and ${y} are otherwise equal; ${x} comes first by ${x === y ? 'id' : 'name'}.`;
    }
  }
}

function candidateReasons(e: Evaluation, kind: TaskKind, session: RoutingSession, free: string, withFit: boolean): string[] {
  const reasons: string[] = [];
  if (withFit && e.fit) reasons.push(fitReason(e.member.name, e.member.roles, e.fit));
  const staff = staffReason(e.member.name, e.score.sessionStaff, kind);
  if (staff) reasons.push(staff);
  const room = roomReason(e.member.name, e.score.knowsRoom, session.roomName);
  if (room) reasons.push(room);
  reasons.push(free);
  reasons.push(loadReason(e.score.bookedMinutes, e.score.capacityMinutes, e.score.sessionStaff !== 'none' && isAtCapacity(e.score.bookedMinutes, e.score.capacityMinutes)));
  return reasons;
}

/** Why a member is not proposed; the blockers carry the booking for richer display. */
function ineligibleOf(e: Evaluation, kind: TaskKind, timeZone: string): IneligibleMember {
  return {
    memberId: e.member.id,
    name: e.member.name,
    roleFit: e.fit ? e.fit.fit : null,
    blockers: e.blockers,
    score: e.score,
    ...(e.busyWith ? { busyWith: e.busyWith } : {}),
    reasons: [`${blockersSentence(e.member.name, e.blockers, e.member.roles, kind, timeZone, false)}.`],
  };
}

function blockedList(blocked: readonly Evaluation[], kind: TaskKind, timeZone: string): string {
  return blocked.map((e) => blockersSentence(e.member.name, e.blockers, e.member.roles, kind, timeZone, false)).join('; ');
}

function byName(a: Evaluation, b: Evaluation): number {
  return compareByName(a.member, b.member);
}

function routeWith(task: RoutingTask, context: RoutingContext, prepared: Prepared): RoutingResult {
  const { session } = context;
  assertSameSession(task, session);
  const { timeZone, week } = prepared;
  const kind = resolveTaskKind(task.kind, context.customKinds);
  if (!kind) {
    return { kind: undefined, role: null, assigneeId: null, candidates: [], ineligible: [], reasons: [unknownKindReason(task.kind)], rule: 'unknown_kind', week };
  }

  const work = workOf(task, session);
  const evaluations = context.members.map((member) => evaluate(member, kind, session, prepared, work));
  const eligible: Evaluation[] = [];
  const blocked: Evaluation[] = [];
  for (const e of evaluations) (e.blockers.length === 0 ? eligible : blocked).push(e);
  eligible.sort(compareEvaluations);
  blocked.sort(byName);

  const window = formatWindow(work.startsAt, work.endsAt, timeZone);
  const free = freeReason(window);
  const candidates: RankedCandidate[] = eligible.map((e, i) => ({
    memberId: e.member.id,
    name: e.member.name,
    rank: i + 1,
    score: e.score,
    reasons: candidateReasons(e, kind, session, free, true),
  }));
  const ineligible = blocked.map((e) => ineligibleOf(e, kind, timeZone));
  const noun = roleNoun(kind);
  const skill = fallbackSkillForKind(kind);
  const blockedWithRole = blocked.filter((e) => e.fit?.fit === 'role');
  const reasons = [kindReason(kind)];

  const winner = eligible[0];
  if (!winner) {
    const fitting = blocked.filter((e) => e.fit !== null);
    if (fitting.length === 0) {
      reasons.push(`Nobody is ${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun} or has ${skill} skill.`);
    } else {
      const who = fitting.some((e) => e.fit?.fit === 'skill') ? `${noun} or member with ${skill} skill` : noun;
      const allBooked = fitting.every((e) => e.blockers.every((b) => b.code === 'double_booked'));
      reasons.push(`No ${who} is ${allBooked ? 'free' : 'available'} ${window}: ${blockedList(fitting, kind, timeZone)}.`);
    }
    return { kind, role: kind.defaultRole, assigneeId: null, candidates, ineligible, reasons, rule: 'no_eligible_member', week };
  }

  const runnerUp = eligible[1];
  const name = winner.member.name;
  let rule: RuleId;
  const extra: string[] = [];
  if (winner.score.roleFit === 'skill') {
    rule = 'skill_fallback';
    const why = blockedWithRole.length > 0 ? `no ${noun} fits (${blockedList(blockedWithRole, kind, timeZone)})` : `there is no ${noun}`;
    extra.push(decidedBy(rule, `${why}, so ${name} takes it with ${winner.fit?.via ?? skill} skill.`));
    if (runnerUp) {
      extra.push(`Among members with the skill: ${separatingDetail(separatingRule(winner.score, runnerUp.score), winner, runnerUp, kind, session)}`);
    }
  } else if (!runnerUp || runnerUp.score.roleFit === 'skill') {
    if (blockedWithRole.length > 0) {
      rule = 'availability';
      extra.push(decidedBy(rule, `${name} is the only ${noun} available (${blockedList(blockedWithRole, kind, timeZone)}).`));
    } else {
      rule = 'role_match';
      extra.push(decidedBy(rule, `${name} is the only ${noun}.`));
    }
  } else {
    rule = separatingRule(winner.score, runnerUp.score);
    extra.push(decidedBy(rule, separatingDetail(rule, winner, runnerUp, kind, session)));
  }
  reasons.push(...candidateReasons(winner, kind, session, free, winner.score.roleFit === 'skill'), ...extra);
  return { kind, role: kind.defaultRole, assigneeId: winner.member.id, candidates, ineligible, reasons, rule, week };
}

/**
 * Proposes an assignee for a task of context.session. Throws if task.sessionId is not that
 * session (a caller bug). See the file comment for the rules.
 */
export function routeTask(task: RoutingTask, context: RoutingContext): RoutingResult {
  return routeWith(task, context, prepare(context));
}

/**
 * Routes the tasks of one session in order. Each assignment adds the task's estimate to the
 * assignee's weekly load for the following tasks, unless the assignee staffs the session (its
 * time is already booked), so work spreads by free capacity. Bookings are indexed once.
 */
export function routeSessionTasks(tasks: readonly RoutingTask[], context: RoutingContext): RoutingResult[] {
  const prepared = prepare(context);
  const { session } = context;
  const extra: { memberId: string; atMs: number; minutes: number }[] = [];
  return tasks.map((task) => {
    const lookup = extra.length > 0 ? withExtraMinutes(prepared.lookup, extra) : prepared.lookup;
    const result = routeWith(task, context, { ...prepared, lookup });
    const assignee = result.assigneeId;
    if (assignee !== null && result.kind && assignee !== session.producerId && assignee !== session.engineerId) {
      const minutes = task.estimateMinutes ?? result.kind.defaultEstimateMinutes;
      extra.push({ memberId: assignee, atMs: session.startsAt.getTime(), minutes });
    }
    return result;
  });
}

/** One line for Task.routingReason. */
export function routingReasonText(result: RoutingResult): string {
  return result.reasons.join(' ');
}

/**
 * Rule warnings for a manual assignment (allowed anyway): unknown member or kind, wrong role
 * without the skill, double booking, at/over capacity or pushed over it by this task's estimate.
 * Pass bookings without this task's own booking.
 */
export function checkManualAssignment(task: RoutingTask, memberId: string, context: RoutingContext): RuleWarning[] {
  const { session } = context;
  assertSameSession(task, session);
  const member = context.members.find((m) => m.id === memberId);
  if (!member) return [{ code: 'unknown_member', rule: 'no_eligible_member', message: `No member with id ${memberId} in this studio.` }];
  const prepared = prepare(context);
  const warnings: RuleWarning[] = [];
  const kind = resolveTaskKind(task.kind, context.customKinds);
  if (!kind) {
    warnings.push({ code: 'unknown_kind', rule: 'unknown_kind', message: unknownKindReason(task.kind) });
  } else if (memberFit(member, kind) === null) {
    const clause = blockersSentence(member.name, [{ code: 'wrong_role' }], member.roles, kind, prepared.timeZone, false);
    warnings.push({ code: 'wrong_role', rule: 'role_match', message: `${clause}. ${kindReason(kind)}` });
  }
  const work = workOf(task, session);
  const overlap = prepared.lookup.findOverlap(member.id, work.startsAt.getTime(), work.endsAt.getTime(), work.sessionId, work.taskId);
  if (overlap) {
    const clause = blockersSentence(member.name, [{ code: 'double_booked', booking: overlap }], member.roles, kind, prepared.timeZone, true);
    warnings.push({ code: 'double_booked', rule: 'availability', message: `Double booking: ${clause}.` });
  }
  const capacityMinutes = weekCapacityMinutes(member.weeklyCapacityHours);
  const bookedMinutes = prepared.lookup.bookedMinutes(member.id, prepared.week.start.getTime(), prepared.week.end.getTime());
  const staffs = member.id === session.producerId || member.id === session.engineerId;
  const estimate = staffs ? 0 : Math.max(0, task.estimateMinutes ?? kind?.defaultEstimateMinutes ?? 0);
  // A task in a session the member staffs adds no hours: a full week is the booking's to warn
  // about, not the task's (routing does not block them either).
  if (!staffs && isAtCapacity(bookedMinutes, capacityMinutes)) {
    const clause = blockersSentence(member.name, [{ code: 'over_capacity', bookedMinutes, capacityMinutes }], member.roles, kind, prepared.timeZone, false);
    warnings.push({ code: 'over_capacity', rule: 'free_capacity', message: `${clause}.` });
  } else if (estimate > 0 && isOverCapacity(bookedMinutes + estimate, capacityMinutes)) {
    warnings.push({
      code: 'over_capacity',
      rule: 'free_capacity',
      message: `With this task ${member.name} would be over capacity (${capacityPhrase(bookedMinutes + estimate, capacityMinutes)}).`,
    });
  }
  const { dayBookedMinutes, dayCapacityMinutes: dayCapacity } = dayLoad(member, work, prepared);
  if (estimate > 0 && isOverCapacity(dayBookedMinutes + estimate, dayCapacity)) {
    warnings.push({
      code: 'over_day_capacity',
      rule: 'free_capacity',
      message: `With this task ${member.name} would have ${formatHours(dayBookedMinutes + estimate)} h on ${formatDay(work.startsAt, prepared.timeZone)}, over a day's share of ${formatHours(dayCapacity)} h.`,
    });
  }
  return warnings;
}
