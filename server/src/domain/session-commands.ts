// Creating, moving and cancelling sessions. A session that would double-book its room or one of
// its people is refused with 409 BOOKING_CONFLICT naming each conflict.
import {
  defaultHoldUntil,
  firstHoldsOnSlot,
  sessionSpan,
  type BookingHold,
  type Session,
  type SessionInput,
  type SessionPatch,
  type SessionStatus,
  type SetupIssue,
} from '@patchbay/shared';
import { requireCan, sessionAccess } from '../auth/access';
import type { AuthContext } from '../auth/auth-context';
import type { AppContext } from '../context';
import { boardRoom } from '@patchbay/shared';
import { audit } from '../auth/audit';
import type { Tx } from '../db/database';
import { AppError, notFound, invalidField } from '../errors';
import { appendBoardEvents, lockBoard } from './board-events';
import { loadRulesContext, lockGearPlans, runRules, sessionInputLines } from './setup-support';
import { runCommand } from './command';
import { getSession } from './sessions';
import { sessionUpdatedEvent } from './session-status';
import { expandTemplateInto } from './templates';
import { moveTimedTasks } from './task-times';
import { bookingConflicts, sessionsAround } from './booking-check';
import { promoteAfterFirstHoldLeft } from './holds';
import { lockBookings } from './session-times';


interface Candidate {
  id?: string;
  projectId: string;
  roomId: string;
  startsAt: Date;
  endsAt: Date;
  producerId: string | null;
  engineerId: string | null;
  status: SessionStatus;
  prepMinutes: number;
  teardownMinutes: number;
  hold: BookingHold;
}

async function checkReferences(tx: Tx, studioId: string, c: Candidate): Promise<void> {
  const [project, room] = await Promise.all([
    tx.project.findFirst({ where: { id: c.projectId, studioId }, select: { id: true } }),
    tx.room.findFirst({ where: { id: c.roomId, studioId }, select: { id: true } }),
  ]);
  if (!project) throw invalidField('projectId', 'no such project in this studio');
  if (!room) throw invalidField('roomId', 'no such room in this studio');
  for (const [path, id, role, skill] of [
    ['producerId', c.producerId, 'PRODUCER', 'production'],
    ['engineerId', c.engineerId, 'ENGINEER', 'engineering'],
  ] as const) {
    if (!id) continue;
    const m = await tx.member.findFirst({ where: { id, studioId }, select: { roles: true, skills: true, name: true } });
    if (!m) throw invalidField(path, 'no such member in this studio');
    const fits = m.roles.includes(role) || (role === 'ENGINEER' && m.roles.includes('ASSISTANT_ENGINEER')) || m.skills.includes(skill);
    if (!fits) throw invalidField(path, `${m.name} is not ${role === 'PRODUCER' ? 'a producer' : 'an engineer'} and has no ${skill} skill`);
  }
}

const MAX_SESSION_MS = 24 * 3_600_000;

async function refuseConflicts(tx: Tx, studioId: string, c: Candidate): Promise<void> {
  if (c.endsAt <= c.startsAt || c.endsAt.getTime() - c.startsAt.getTime() > MAX_SESSION_MS) {
    throw invalidField('endsAt', 'the session must end after it starts, at most 24 hours later');
  }
  // Bookings of one studio are checked one at a time: two people booking the same room at the
  // same moment cannot both pass the check.
  await lockBookings(tx, studioId);
  if (c.status === 'CANCELLED') return;
  const described = await bookingConflicts(tx, studioId, c);
  // A second hold over a confirmed session is refused for that (above all), then it needs a first hold to queue behind.
  if (described.length === 0 && c.hold === 'SECOND_HOLD') {
    const firsts = firstHoldsOnSlot({ ...c, id: c.id ?? '', holdUntil: null, createdAt: new Date() }, await sessionsAround(tx, studioId, c));
    if (firsts.length === 0) throw invalidField('hold', 'there is no first hold on this room then: book a first hold (or confirm) instead');
  }
  if (described.length === 0) return;
  const more = described.length > 1 ? ` (and ${described.length - 1} more)` : '';
  throw new AppError('BOOKING_CONFLICT', `${described[0]!.message}${more}`, { conflicts: described });
}

/**
 * A session moved, stretched or brought back from cancelled may not make its input list plan
 * gear that is planned elsewhere at the new time (more units than the studio owns): 409
 * BOOKING_CONFLICT with a 'gear' conflict per item, as for a room or a person.
 */
async function refuseGearConflicts(tx: Tx, studioId: string, before: { id: string; startsAt: Date; endsAt: Date; status: SessionStatus; prepMinutes: number; teardownMinutes: number }, after: Candidate): Promise<void> {
  const moved =
    before.startsAt.getTime() !== after.startsAt.getTime() ||
    before.endsAt.getTime() !== after.endsAt.getTime() ||
    before.status !== after.status ||
    before.prepMinutes !== after.prepMinutes ||
    before.teardownMinutes !== after.teardownMinutes;
  if (!moved || after.status === 'CANCELLED') return;
  const lines = await sessionInputLines(tx, before.id);
  if (!lines.some((l) => l.gearId)) return;
  await lockGearPlans(tx, studioId);
  const next = { id: before.id, startsAt: after.startsAt, endsAt: after.endsAt, status: after.status, prepMinutes: after.prepMinutes, teardownMinutes: after.teardownMinutes };
  const was = runRules(before, lines, await loadRulesContext(tx, studioId, before));
  const now = runRules(next, lines, await loadRulesContext(tx, studioId, next));
  const known = new Set(was.map((i) => `${i.code}|${i.gearId ?? ''}`));
  const added = new Map<string, SetupIssue>();
  for (const issue of now) {
    if ((issue.code !== 'gear_conflict' && issue.code !== 'gear_overbooked') || known.has(`${issue.code}|${issue.gearId ?? ''}`)) continue;
    added.set(issue.gearId ?? issue.itemId, issue);
  }
  if (added.size === 0) return;
  const conflicts = [...added.values()].map((issue) => {
    const other = issue.conflicts?.[0];
    return {
      kind: 'gear' as const,
      sessionId: other?.sessionId ?? before.id,
      title: other?.title ?? '',
      startsAt: (other?.startsAt ?? after.startsAt).toISOString(),
      endsAt: (other?.endsAt ?? after.endsAt).toISOString(),
      ...(issue.gearId ? { gearId: issue.gearId } : {}),
      message: issue.message,
    };
  });
  const more = conflicts.length > 1 ? ` (and ${conflicts.length - 1} more)` : '';
  throw new AppError('BOOKING_CONFLICT', `${conflicts[0]!.message}${more}`, { conflicts });
}

/** Prep and teardown of a new session: the template's own, else the room's. */
async function prepDefaults(tx: Tx, studioId: string, roomId: string, templateId: string | undefined): Promise<{ prepMinutes: number; teardownMinutes: number }> {
  const [room, template] = await Promise.all([
    tx.room.findFirst({ where: { id: roomId, studioId }, select: { prepMinutes: true, teardownMinutes: true } }),
    templateId ? tx.sessionTemplate.findFirst({ where: { id: templateId, studioId }, select: { prepMinutes: true, teardownMinutes: true } }) : null,
  ]);
  return { prepMinutes: template?.prepMinutes ?? room?.prepMinutes ?? 0, teardownMinutes: template?.teardownMinutes ?? room?.teardownMinutes ?? 0 };
}

/** A hold's release deadline: given (in the future, not after the call time) or the default; none when confirmed. */
function holdDeadline(c: Candidate, given: string | undefined, now: Date): Date | null {
  if (c.hold === 'CONFIRMED') {
    if (given !== undefined) throw invalidField('holdUntil', 'a confirmed booking has no release deadline: book it as a hold');
    return null;
  }
  if (given === undefined) return defaultHoldUntil(c, now);
  const at = new Date(given);
  if (at.getTime() <= now.getTime()) throw invalidField('holdUntil', 'the release deadline must be in the future');
  if (at.getTime() > sessionSpan(c).startsAt.getTime()) throw invalidField('holdUntil', 'the release deadline must be before the call time');
  return at;
}

async function leadsProject(tx: Tx, auth: AuthContext, projectId: string): Promise<boolean> {
  const project = await tx.project.findFirst({ where: { id: projectId, studioId: auth.studioId }, select: { leadProducerId: true } });
  return project?.leadProducerId === auth.memberId;
}

/**
 * Books a session. From a template, its tasks (routed by the rules, with their reasons) and its
 * setup list come with it, in the same transaction, each with its board event.
 */
export async function createSession(ctx: AppContext, auth: AuthContext, input: SessionInput): Promise<Session> {
  const studioId = auth.studioId;
  const { templateId, holdUntil: holdUntilInput, ...fields } = input;
  const id = await runCommand(ctx, async (tx) => {
    const defaults = await prepDefaults(tx, studioId, fields.roomId, templateId);
    const prepMinutes = fields.prepMinutes ?? defaults.prepMinutes;
    const teardownMinutes = fields.teardownMinutes ?? defaults.teardownMinutes;
    const candidate: Candidate = { ...fields, prepMinutes, teardownMinutes, startsAt: new Date(fields.startsAt), endsAt: new Date(fields.endsAt) };
    await checkReferences(tx, studioId, candidate);
    requireCan(auth, 'sessions.create', "book sessions for a project you don't lead", { leadsProject: await leadsProject(tx, auth, fields.projectId) });
    const holdUntil = holdDeadline(candidate, holdUntilInput, new Date());
    await refuseConflicts(tx, studioId, candidate);
    // A hold booked from a template gets its tasks and setup list when it is confirmed (holds.ts).
    const held = fields.hold !== 'CONFIRMED';
    const row = await tx.session.create({ data: { studioId, ...fields, prepMinutes, teardownMinutes, holdUntil, ...(held && templateId ? { templateId } : {}) } });
    const events = templateId && !held ? await appendBoardEvents(tx, row.id, await expandTemplateInto(tx, studioId, templateId, row), auth) : [];
    if (templateId) await audit(tx, { studioId, actorId: auth.memberId, action: 'session.booked_from_template', entityType: 'session', entityId: row.id, details: { templateId } });
    return { result: row.id, events };
  });
  ctx.broadcaster.workloadChanged(studioId, { memberIds: [fields.producerId, fields.engineerId].filter((m): m is string => m !== null), sessionIds: [id] });
  // Read after commit so the task counts, setup progress and sequence number are current.
  return getSession(ctx, auth, id);
}

export async function updateSession(ctx: AppContext, auth: AuthContext, sessionId: string, patch: SessionPatch): Promise<Session> {
  const studioId = auth.studioId;
  await runCommand(ctx, async (tx) => {
    const { scope } = await sessionAccess(tx, auth, sessionId);
    // The board first, then the studio's booking and gear locks: the order every write takes them in.
    await lockBoard(tx, sessionId);
    requireCan(auth, 'sessions.edit', 'change this session', scope);
    if (patch.projectId) requireCan(auth, 'sessions.create', "move sessions to a project you don't lead", { leadsProject: await leadsProject(tx, auth, patch.projectId) });
    const before = await tx.session.findFirst({ where: { id: sessionId, studioId } });
    if (!before) throw notFound('Session', sessionId);
    const candidate: Candidate = {
      id: before.id,
      projectId: patch.projectId ?? before.projectId,
      roomId: patch.roomId ?? before.roomId,
      startsAt: patch.startsAt ? new Date(patch.startsAt) : before.startsAt,
      endsAt: patch.endsAt ? new Date(patch.endsAt) : before.endsAt,
      producerId: patch.producerId === undefined ? before.producerId : patch.producerId,
      engineerId: patch.engineerId === undefined ? before.engineerId : patch.engineerId,
      status: patch.status ?? before.status,
      prepMinutes: patch.prepMinutes ?? before.prepMinutes,
      teardownMinutes: patch.teardownMinutes ?? before.teardownMinutes,
      hold: before.hold,
    };
    const held = before.hold === 'FIRST_HOLD' || before.hold === 'SECOND_HOLD';
    if (patch.holdUntil !== undefined && !held) throw invalidField('holdUntil', 'only a hold has a release deadline');
    // A live hold's deadline stays before its call time whatever moves: the new deadline, or the
    // one it has when the times or the prep change.
    const deadline = patch.holdUntil ?? (held && before.status !== 'CANCELLED' && before.holdUntil ? before.holdUntil.toISOString() : undefined);
    if (deadline !== undefined && candidate.status !== 'CANCELLED') {
      if (new Date(deadline).getTime() > sessionSpan(candidate).startsAt.getTime()) {
        throw invalidField('holdUntil', 'the release deadline must be before the call time: move the deadline too (or confirm the booking)');
      }
      if (patch.holdUntil !== undefined) holdDeadline(candidate, patch.holdUntil, new Date());
    }
    await checkReferences(tx, studioId, candidate);
    await refuseConflicts(tx, studioId, candidate);
    await refuseGearConflicts(tx, studioId, before, candidate);
    await tx.session.update({ where: { id: sessionId }, data: patch });
    const moved = await moveTimedTasks(tx, sessionId, before, candidate);
    const events = await appendBoardEvents(tx, sessionId, [await sessionUpdatedEvent(tx, sessionId), ...moved], auth);
    // A first hold cancelled or moved off its slot: the second holds behind it move up as on a release.
    const leftSlot =
      before.hold === 'FIRST_HOLD' &&
      before.status !== 'CANCELLED' &&
      (candidate.status === 'CANCELLED' || candidate.roomId !== before.roomId || sessionSpan(candidate).startsAt.getTime() !== sessionSpan(before).startsAt.getTime() || sessionSpan(candidate).endsAt.getTime() !== sessionSpan(before).endsAt.getTime());
    if (leftSlot) events.push(...(await promoteAfterFirstHoldLeft(tx, auth, before)).events);
    return { result: undefined, events };
  });
  // Read after commit so the task counts and sequence number are current.
  return getSession(ctx, auth, sessionId);
}

export async function deleteSession(ctx: AppContext, auth: AuthContext, sessionId: string): Promise<void> {
  const { scope } = await sessionAccess(ctx.db.prisma, auth, sessionId);
  requireCan(auth, 'sessions.edit', 'delete this session', scope);
  const staff = await runCommand(ctx, async (tx) => {
    // The board, then the studio's bookings: the order every write takes them in.
    await lockBoard(tx, sessionId);
    await lockBookings(tx, auth.studioId);
    const before = await tx.session.findFirst({ where: { id: sessionId, studioId: auth.studioId } });
    if (!before) throw notFound('Session', sessionId);
    // Its comments and their mentions go with it (and its log): the people named are told.
    const named = await tx.mention.findMany({ where: { comment: { sessionId } }, select: { memberId: true }, distinct: ['memberId'] });
    await tx.session.delete({ where: { id: sessionId } });
    // A first hold deleted: the second holds behind it move up, as when it is released.
    const events = before.hold === 'FIRST_HOLD' && before.status !== 'CANCELLED' ? (await promoteAfterFirstHoldLeft(tx, auth, before)).events : [];
    return { result: before, events, mentioned: named.map((m) => m.memberId) };
  });
  ctx.broadcaster.workloadChanged(auth.studioId, { memberIds: [staff?.producerId, staff?.engineerId].filter((m): m is string => typeof m === 'string'), sessionIds: [sessionId] });
  await audit(ctx.db.prisma, { studioId: auth.studioId, actorId: auth.memberId, action: 'session.deleted', entityType: 'session', entityId: sessionId });
  // Its board is gone: viewers are disconnected so they do not sit on a dead board unaware;
  // they reconnect at once, and rejoining this board answers 404.
  ctx.broadcaster.disconnect(boardRoom(sessionId));
}
