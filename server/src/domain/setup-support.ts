// What the setup list commands share: loading a line under its board's lock, what the shared
// setup rules need (the inventory, what overlapping sessions plan), and refusing a write that
// would introduce an error.
import {
  checkSetup,
  introducedErrors,
  overlaps,
  sessionSpan,
  type GearFacts,
  type GearUse,
  type RuleInputLine,
  type SetupIssue,
  type SetupIssueDto,
  type SetupItem,
  type SessionStatus,
} from '@patchbay/shared';
import type { Tx } from '../db/database';
import type { PrismaClient } from '../generated/prisma/client';
import { AppError, notFound } from '../errors';
import { gearFacts } from '../presenters/gear';
import { setupInclude } from '../presenters/setup';
import { requireCan, sessionAccess } from '../auth/access';
import type { AuthContext } from '../auth/auth-context';
import { lockBoard } from './board-events';
import { sessionTimesSelect, takingTimeAround } from './session-times';

type Db = Tx | PrismaClient;

export async function loadSetupItem(db: Db, studioId: string, itemId: string) {
  const row = await db.setupItem.findFirst({ where: { id: itemId, studioId }, include: setupInclude });
  if (!row) throw notFound('Setup line', itemId);
  return row;
}

/** Loads a line after taking its board's lock, so what is read is what the change is based on. */
export async function loadSetupItemLocked(tx: Tx, studioId: string, itemId: string) {
  const found = await tx.setupItem.findFirst({ where: { id: itemId, studioId }, select: { sessionId: true } });
  if (!found) throw notFound('Setup line', itemId);
  await lockBoard(tx, found.sessionId);
  return loadSetupItem(tx, studioId, itemId);
}

/** The session's board lock, then a 403 unless the member may change its setup list. */
export async function lockSetupForEdit(tx: Tx, auth: AuthContext, sessionId: string): Promise<void> {
  const { scope } = await sessionAccess(tx, auth, sessionId);
  await lockBoard(tx, sessionId);
  requireCan(auth, 'setup.edit', 'change the setup list of this session', scope);
}

/**
 * Plans of gear are checked one studio at a time (after the board lock): two people planning the
 * last unit of an item in two overlapping sessions cannot both pass the check.
 */
export async function lockGearPlans(tx: Tx, studioId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`gear:${studioId}`}))`;
}

export function setupVersionConflict(current: SetupItem, basedOn: number): AppError {
  return new AppError(
    'VERSION_CONFLICT',
    `This line was changed by someone else (you edited version ${basedOn}, it is now at version ${current.version})`,
    { current },
  );
}

export interface RulesSession {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: SessionStatus;
  /** Gear is in use from call to clear (availability.ts); absent: none. */
  prepMinutes?: number;
  teardownMinutes?: number;
}

export interface RulesContext {
  gear: Map<string, GearFacts>;
  uses: GearUse[];
  timeZone: string;
}

/**
 * The inventory's facts and what the sessions overlapping `session` plan, for the shared rules.
 * Gear is in use from each session's call time to its clear time, in sessions that take time
 * (a second, released or expired hold holds no gear).
 */
export async function loadRulesContext(db: Db, studioId: string, session: RulesSession): Promise<RulesContext> {
  const span = sessionSpan(session);
  const [studio, gear, around] = await Promise.all([
    db.studio.findUniqueOrThrow({ where: { id: studioId }, select: { timezone: true } }),
    db.gearItem.findMany({ where: { studioId } }),
    db.session.findMany({
      where: { studioId, id: { not: session.id }, ...takingTimeAround(span.startsAt, span.endsAt) },
      select: { id: true, title: true, startsAt: true, endsAt: true, status: true, ...sessionTimesSelect },
    }),
  ]);
  const overlapping = around.map((s) => ({ ...s, ...sessionSpan(s) })).filter((s) => overlaps(s, span));
  const counts = overlapping.length
    ? await db.setupItem.groupBy({
        by: ['sessionId', 'gearId'],
        where: { sessionId: { in: overlapping.map((s) => s.id) }, part: 'INPUT', gearId: { not: null } },
        _count: { _all: true },
      })
    : [];
  const byId = new Map(overlapping.map((s) => [s.id, s]));
  const uses: GearUse[] = counts.flatMap((c) => {
    const other = byId.get(c.sessionId);
    if (!other || c.gearId === null) return [];
    return [{ sessionId: other.id, title: other.title, startsAt: other.startsAt, endsAt: other.endsAt, status: other.status, gearId: c.gearId, units: c._count?._all ?? 0 }];
  });
  return { gear: new Map(gear.map((g) => [g.id, gearFacts(g)])), uses, timeZone: studio.timezone };
}

export const ruleLine = (row: { id: string; channel: number | null; source: string; gearId: string | null; phantom: boolean; gearText?: string }): RuleInputLine => ({
  id: row.id,
  channel: row.channel,
  source: row.source,
  gearId: row.gearId,
  phantom: row.phantom,
  ...(row.gearText !== undefined ? { gearText: row.gearText } : {}),
});

export function runRules(session: RulesSession, inputs: readonly RuleInputLine[], context: RulesContext): SetupIssue[] {
  return checkSetup({ session: { ...session, ...sessionSpan(session) }, inputs, gear: context.gear, otherUses: context.uses, timeZone: context.timeZone });
}

/**
 * A write may not introduce an error on the line it writes: a duplicate channel or gear that is
 * not available is a 400 naming the field; gear planned beyond what the studio owns is a 409
 * GEAR_CONFLICT naming the item and the other session. Errors that were there before (a unit
 * that went into repair since) do not block other edits of the line.
 */
export function refuseIntroducedErrors(before: readonly SetupIssue[], after: readonly SetupIssue[], itemId: string): void {
  const added = introducedErrors(before, after, itemId);
  if (added.length === 0) return;
  const conflict = added.find((i) => i.code === 'gear_conflict' || i.code === 'gear_overbooked');
  const issues = added.map(issueDto);
  if (conflict) throw new AppError('GEAR_CONFLICT', conflict.message, { issues });
  const first = added[0]!;
  throw new AppError('VALIDATION_FAILED', `Invalid body.${first.field}: ${first.message}`, {
    issues: added.map((i) => ({ location: 'body', path: i.field, message: i.message })),
    setupIssues: issues,
  });
}

/** An issue as JSON (times as ISO strings). */
export function issueDto(issue: SetupIssue): SetupIssueDto {
  const { conflicts, ...rest } = issue;
  return { ...rest, ...(conflicts ? { conflicts: conflicts.map((c) => ({ ...c, startsAt: c.startsAt.toISOString(), endsAt: c.endsAt.toISOString() })) } : {}) };
}

/** The session's input lines in the shape the rules take. */
export async function sessionInputLines(db: Db, sessionId: string): Promise<RuleInputLine[]> {
  const rows = await db.setupItem.findMany({
    where: { sessionId, part: 'INPUT' },
    orderBy: [{ position: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, channel: true, source: true, gearId: true, gearText: true, phantom: true },
  });
  return rows.map(ruleLine);
}

export async function nextSetupPosition(db: Db, sessionId: string, part: 'INPUT' | 'PATCH' | 'CHECK'): Promise<number> {
  const last = await db.setupItem.findFirst({ where: { sessionId, part }, orderBy: { position: 'desc' }, select: { position: true } });
  return last ? last.position + 1 : 0;
}
