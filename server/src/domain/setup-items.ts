// Adding, changing, checking off, reordering and deleting setup lines: each in one transaction
// under the board lock, with its board event, broadcast after commit (the same log, seq and
// versions as tasks).
import {
  MAX_SETUP_ITEMS,
  NOTE_FIELDS,
  foreignFieldProblems,
  partProblems,
  type CreateSetupItemInput,
  type MovedSetupItem,
  type MoveSetupItemInput,
  type SetupItem,
  type UpdateSetupItemInput,
} from '@patchbay/shared';
import { requireCan, sessionAccess } from '../auth/access';
import type { AuthContext } from '../auth/auth-context';
import type { AppContext } from '../context';
import type { Tx } from '../db/database';
import { AppError, invalidField, notFound } from '../errors';
import { presentSetupItem, setupInclude } from '../presenters/setup';
import { appendBoardEvents } from './board-events';
import { runCommand, type CommandOptions } from './command';
import { promoteOnWork } from './session-status';
import {
  loadRulesContext,
  loadSetupItem,
  loadSetupItemLocked,
  lockGearPlans,
  lockSetupForEdit,
  nextSetupPosition,
  refuseIntroducedErrors,
  ruleLine,
  runRules,
  sessionInputLines,
  setupVersionConflict,
} from './setup-support';

/** The session a setup list belongs to, with what the rules need. */
export async function requireRulesSession(tx: Tx, studioId: string, sessionId: string) {
  const session = await tx.session.findFirst({ where: { id: sessionId, studioId }, select: { id: true, startsAt: true, endsAt: true, status: true } });
  if (!session) throw notFound('Session', sessionId);
  return session;
}

/** An inventory item of this studio, or a 400 naming the field. */
async function requireGear(tx: Tx, studioId: string, gearId: string | null | undefined): Promise<void> {
  if (!gearId) return;
  const found = await tx.gearItem.count({ where: { id: gearId, studioId } });
  if (found === 0) throw invalidField('gearId', 'no such item in the studio’s gear');
}

function refuseProblems(problems: { path: string; message: string }[]): void {
  const first = problems[0];
  if (!first) return;
  throw new AppError('VALIDATION_FAILED', `Invalid body.${first.path}: ${first.message}`, {
    issues: problems.map((p) => ({ location: 'body', path: p.path, message: p.message })),
  });
}

/** Setup fields of an input, as columns (only those given). */
function columnsOf(input: Partial<Record<string, unknown>>) {
  const data: Record<string, unknown> = {};
  for (const field of ['channel', 'source', 'gearId', 'gearText', 'stand', 'preamp', 'phantom', 'padDb', 'highPassHz', 'polarity', 'insert', 'points', 'text', 'notes']) {
    if (input[field] !== undefined) data[field] = input[field];
  }
  return data;
}

export async function createSetupItem(ctx: AppContext, auth: AuthContext, sessionId: string, input: CreateSetupItemInput, options: CommandOptions = {}): Promise<SetupItem> {
  return runCommand(
    ctx,
    async (tx) => {
      const studioId = auth.studioId;
      await lockSetupForEdit(tx, auth, sessionId);
      const count = await tx.setupItem.count({ where: { sessionId } });
      if (count >= MAX_SETUP_ITEMS) throw new AppError('CONFLICT', `A setup list holds at most ${MAX_SETUP_ITEMS} lines`, { limit: MAX_SETUP_ITEMS });
      await requireGear(tx, studioId, input.gearId);
      const data = columnsOf(input);
      const position = await nextSetupPosition(tx, sessionId, input.part);
      if (input.part === 'INPUT') {
        const session = await requireRulesSession(tx, studioId, sessionId);
        if (input.gearId) await lockGearPlans(tx, studioId);
        const lines = await sessionInputLines(tx, sessionId);
        const context = await loadRulesContext(tx, studioId, session);
        const candidate = ruleLine({ id: 'new', channel: input.channel ?? null, source: input.source ?? '', gearId: input.gearId ?? null, phantom: input.phantom ?? false });
        refuseIntroducedErrors(runRules(session, lines, context), runRules(session, [...lines, candidate], context), 'new');
      }
      const row = await tx.setupItem.create({ data: { studioId, sessionId, part: input.part, position, ...data }, include: setupInclude });
      const item = presentSetupItem(row);
      const events = await appendBoardEvents(tx, sessionId, [{ type: 'setup.created', sessionId, item }], auth);
      return { result: item, events };
    },
    options,
  );
}

const CONTENT_FIELDS = ['channel', 'source', 'gearId', 'gearText', 'stand', 'preamp', 'phantom', 'padDb', 'highPassHz', 'polarity', 'insert', 'points', 'text'] as const;

export async function updateSetupItem(ctx: AppContext, auth: AuthContext, itemId: string, input: UpdateSetupItemInput, options: CommandOptions = {}): Promise<SetupItem> {
  return runCommand(
    ctx,
    async (tx) => {
      const studioId = auth.studioId;
      const before = await loadSetupItemLocked(tx, studioId, itemId);
      const { scope } = await sessionAccess(tx, auth, before.sessionId);
      requireCan(auth, 'setup.view', 'see the setup list of this session', scope);
      const editsContent = CONTENT_FIELDS.some((f) => input[f] !== undefined);
      if (editsContent) requireCan(auth, 'setup.edit', 'change the setup list of this session', scope);
      if (input.checked !== undefined || NOTE_FIELDS.some((f) => input[f] !== undefined)) requireCan(auth, 'setup.check', 'check off this setup list', scope);

      // A check-off that is already done (someone else ticked it too) is not a conflict.
      const onlyCheck = Object.keys(input).every((k) => k === 'version' || k === 'checked');
      if (onlyCheck && input.checked !== undefined && (before.checkedAt !== null) === input.checked) {
        return { result: presentSetupItem(before), events: [] };
      }
      refuseProblems(foreignFieldProblems(before.part, input));
      if (before.version !== input.version) throw setupVersionConflict(presentSetupItem(before), input.version);

      const changed: string[] = [];
      const data: Record<string, unknown> = {};
      const wanted = columnsOf(input);
      for (const [field, value] of Object.entries(wanted)) {
        const previous = (before as unknown as Record<string, unknown>)[field];
        const same = Array.isArray(value) && Array.isArray(previous) ? value.length === previous.length && value.every((v, i) => v === previous[i]) : value === previous;
        if (same) continue;
        data[field] = value;
        changed.push(field);
      }
      if (input.checked !== undefined && (before.checkedAt !== null) !== input.checked) {
        Object.assign(data, input.checked ? { checkedAt: new Date(), checkedById: auth.memberId } : { checkedAt: null, checkedById: null });
        changed.push('checked');
      }
      if (changed.length === 0) return { result: presentSetupItem(before), events: [] };

      const merged = { ...before, ...data } as typeof before;
      refuseProblems(partProblems(before.part, merged));
      if (changed.includes('gearId')) await requireGear(tx, studioId, merged.gearId);
      if (before.part === 'INPUT' && (changed.includes('channel') || changed.includes('gearId') || changed.includes('phantom'))) {
        const session = await requireRulesSession(tx, studioId, before.sessionId);
        if (changed.includes('gearId') && merged.gearId) await lockGearPlans(tx, studioId);
        const lines = await sessionInputLines(tx, before.sessionId);
        const context = await loadRulesContext(tx, studioId, session);
        const after = lines.map((l) => (l.id === itemId ? ruleLine(merged) : l));
        refuseIntroducedErrors(runRules(session, lines, context), runRules(session, after, context), itemId);
      }

      // Compare-and-set on the version: a concurrent writer that committed first wins.
      const { count } = await tx.setupItem.updateMany({ where: { id: itemId, version: input.version }, data: { ...data, version: { increment: 1 } } });
      if (count === 0) throw setupVersionConflict(presentSetupItem(await loadSetupItem(tx, studioId, itemId)), input.version);
      const item = presentSetupItem(await loadSetupItem(tx, studioId, itemId));
      // A line checked off starts a planned session: its own event, after the check-off, in the same log.
      const promoted = changed.includes('checked') ? await promoteOnWork(tx, auth, before.sessionId, { kind: 'setup', checked: item.checked !== null }) : [];
      const events = await appendBoardEvents(tx, before.sessionId, [{ type: 'setup.updated', sessionId: before.sessionId, item, changed }, ...promoted], auth);
      return { result: item, events };
    },
    options,
  );
}

/** Moves a line to `index` within its part; the event carries the part's new order. */
export async function moveSetupItem(ctx: AppContext, auth: AuthContext, itemId: string, input: MoveSetupItemInput, options: CommandOptions = {}): Promise<MovedSetupItem> {
  return runCommand<MovedSetupItem>(
    ctx,
    async (tx) => {
      const studioId = auth.studioId;
      const before = await loadSetupItemLocked(tx, studioId, itemId);
      const { scope } = await sessionAccess(tx, auth, before.sessionId);
      requireCan(auth, 'setup.edit', 'reorder the setup list of this session', scope);
      if (before.version !== input.version) throw setupVersionConflict(presentSetupItem(before), input.version);
      const part = await tx.setupItem.findMany({
        where: { sessionId: before.sessionId, part: before.part },
        orderBy: [{ position: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
        select: { id: true, version: true, position: true },
      });
      const others = part.filter((p) => p.id !== itemId);
      const index = Math.min(input.index, others.length);
      if (part.findIndex((p) => p.id === itemId) === index) {
        return { result: { item: presentSetupItem(before), order: part.map(({ id, version }) => ({ id, version })), seq: null }, events: [] };
      }
      const ordered = [...others.slice(0, index), { id: itemId, version: before.version, position: before.position }, ...others.slice(index)];
      for (const [position, entry] of ordered.entries()) {
        if (entry.id === itemId || entry.position === position) continue;
        // A neighbour's place changes, not the line itself (no version, no updatedAt).
        await tx.$executeRaw`UPDATE "SetupItem" SET "position" = ${position} WHERE "id" = ${entry.id}::uuid`;
      }
      await tx.setupItem.update({ where: { id: itemId }, data: { position: index, version: { increment: 1 } } });
      const item = presentSetupItem(await loadSetupItem(tx, studioId, itemId));
      const order = ordered.map((e) => ({ id: e.id, version: e.id === itemId ? item.version : e.version }));
      const events = await appendBoardEvents(tx, before.sessionId, [{ type: 'setup.moved', sessionId: before.sessionId, item, order }], auth);
      return { result: { item, order, seq: events[0]!.seq }, events };
    },
    options,
  );
}

export async function deleteSetupItem(ctx: AppContext, auth: AuthContext, itemId: string, version: number | undefined, options: CommandOptions = {}): Promise<void> {
  await runCommand(
    ctx,
    async (tx) => {
      const before = await loadSetupItemLocked(tx, auth.studioId, itemId);
      const { scope } = await sessionAccess(tx, auth, before.sessionId);
      requireCan(auth, 'setup.edit', 'change the setup list of this session', scope);
      if (version !== undefined && before.version !== version) throw setupVersionConflict(presentSetupItem(before), version);
      await tx.setupItem.delete({ where: { id: itemId } });
      const events = await appendBoardEvents(tx, before.sessionId, [{ type: 'setup.deleted', sessionId: before.sessionId, itemId, part: before.part }], auth);
      return { result: undefined, events };
    },
    options,
  );
}
