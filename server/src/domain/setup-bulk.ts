// Whole-list work on a setup list: generate the prep checklist from the input list, import and
// export the input list as CSV, and the rules' context for a client. Each change is one
// transaction under the board lock with one board event per line.
import {
  MAX_SETUP_ITEMS,
  checklistFromInputs,
  exportInputListCsv,
  missingSteps,
  parseInputListCsv,
  type BoardEvent,
  type CreatedSetupItems,
  type ImportInputs,
  type ImportRowError,
  type SetupContext,
  type UnsequencedBoardEvent,
} from '@patchbay/shared';
import { requireBoardAccess, requireCan, seesSetup } from '../auth/access';
import type { AuthContext } from '../auth/auth-context';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { gearFacts } from '../presenters/gear';
import { presentSetupItem, setupInclude } from '../presenters/setup';
import { appendBoardEvents } from './board-events';
import { runCommand, type CommandOptions } from './command';
import { requireRulesSession } from './setup-items';
import { issueDto, loadRulesContext, lockGearPlans, lockSetupForEdit, nextSetupPosition, ruleLine, runRules, sessionInputLines } from './setup-support';

/** Adds the checklist steps the input list calls for that the checklist does not have yet. */
export async function generateChecklist(ctx: AppContext, auth: AuthContext, sessionId: string, options: CommandOptions = {}): Promise<CreatedSetupItems> {
  return runCommand(
    ctx,
    async (tx) => {
      const studioId = auth.studioId;
      await lockSetupForEdit(tx, auth, sessionId);
      const [inputs, checks, gear] = await Promise.all([
        tx.setupItem.findMany({ where: { sessionId, part: 'INPUT' }, orderBy: [{ position: 'asc' }, { id: 'asc' }] }),
        tx.setupItem.findMany({ where: { sessionId, part: 'CHECK' }, select: { generatedKey: true, text: true } }),
        tx.gearItem.findMany({ where: { studioId } }),
      ]);
      const facts = new Map(gear.map((g) => [g.id, gearFacts(g)]));
      const steps = missingSteps(checklistFromInputs(inputs, facts), checks);
      const room = MAX_SETUP_ITEMS - (await tx.setupItem.count({ where: { sessionId } }));
      if (steps.length > room) throw new AppError('CONFLICT', `That would make the setup list longer than ${MAX_SETUP_ITEMS} lines`, { limit: MAX_SETUP_ITEMS });
      let position = await nextSetupPosition(tx, sessionId, 'CHECK');
      const created = [];
      for (const step of steps) {
        const row = await tx.setupItem.create({ data: { studioId, sessionId, part: 'CHECK', position: position++, text: step.text, generatedKey: step.key }, include: setupInclude });
        created.push(presentSetupItem(row));
      }
      const events = await appendBoardEvents(tx, sessionId, created.map((item) => ({ type: 'setup.created' as const, sessionId, item })), auth);
      return { result: { created, removed: 0 }, events };
    },
    options,
  );
}

/**
 * Imports an input list from CSV. Every bad row is reported (line number, column, why) and
 * nothing is imported unless every row is good, the rules included: a duplicate channel, gear
 * in repair or planned beyond what the studio owns makes its row bad.
 */
export async function importInputs(ctx: AppContext, auth: AuthContext, sessionId: string, input: ImportInputs, options: CommandOptions = {}): Promise<CreatedSetupItems> {
  return runCommand(
    ctx,
    async (tx) => {
      const studioId = auth.studioId;
      await lockSetupForEdit(tx, auth, sessionId);
      const mode = input.mode ?? 'replace';
      const gear = await tx.gearItem.findMany({ where: { studioId }, select: { id: true, label: true, make: true, model: true } });
      const parsed = parseInputListCsv(input.csv, gear);
      const errors: ImportRowError[] = [...parsed.errors];
      const existing = await tx.setupItem.findMany({ where: { sessionId, part: 'INPUT' }, select: { id: true, channel: true, source: true, gearId: true, phantom: true } });
      if (errors.length === 0) {
        const session = await requireRulesSession(tx, studioId, sessionId);
        await lockGearPlans(tx, studioId);
        const context = await loadRulesContext(tx, studioId, session);
        const kept = mode === 'append' ? (await sessionInputLines(tx, sessionId)) : [];
        const others = mode === 'replace' ? await tx.setupItem.count({ where: { sessionId, part: { not: 'INPUT' } } }) : await tx.setupItem.count({ where: { sessionId } });
        if (others + parsed.lines.length > MAX_SETUP_ITEMS) errors.push({ line: 1, column: null, message: `the setup list would have more than ${MAX_SETUP_ITEMS} lines` });
        const candidates = parsed.lines.map((l) => ruleLine({ id: `line:${l.line}`, channel: l.channel, source: l.source, gearId: l.gearId, phantom: l.phantom }));
        for (const issue of runRules(session, [...kept, ...candidates], context)) {
          if (issue.severity !== 'error' || !issue.itemId.startsWith('line:')) continue;
          errors.push({ line: Number(issue.itemId.slice('line:'.length)), column: issue.field === 'channel' ? 'Channel' : 'Mic / DI', message: issue.message });
        }
      }
      if (errors.length > 0) {
        errors.sort((a, b) => a.line - b.line);
        const bad = new Set(errors.map((e) => e.line)).size;
        throw new AppError('VALIDATION_FAILED', `Nothing was imported: ${bad === 1 ? '1 line has' : `${bad} lines have`} a problem (line ${errors[0]!.line}: ${errors[0]!.message})`, {
          issues: [{ location: 'body', path: 'csv', message: errors[0]!.message }],
          rows: errors,
        });
      }

      const pending: UnsequencedBoardEvent[] = [];
      if (mode === 'replace') {
        await tx.setupItem.deleteMany({ where: { sessionId, part: 'INPUT' } });
        for (const row of existing) pending.push({ type: 'setup.deleted', sessionId, itemId: row.id, part: 'INPUT' });
      }
      let position = await nextSetupPosition(tx, sessionId, 'INPUT');
      const created = [];
      for (const line of parsed.lines) {
        const { line: _line, ...fields } = line;
        const row = await tx.setupItem.create({ data: { studioId, sessionId, part: 'INPUT', position: position++, ...fields }, include: setupInclude });
        const item = presentSetupItem(row);
        created.push(item);
        pending.push({ type: 'setup.created', sessionId, item });
      }
      const events: BoardEvent[] = await appendBoardEvents(tx, sessionId, pending, auth);
      return { result: { created, removed: mode === 'replace' ? existing.length : 0 }, events };
    },
    options,
  );
}

/** The input list as CSV, and a file name for it ("drum-tracking-input-list.csv"). */
export async function exportInputs(ctx: AppContext, auth: AuthContext, sessionId: string): Promise<{ csv: string; filename: string }> {
  const { scope, session } = await requireBoardAccess(ctx.db.prisma, auth, sessionId);
  requireCan(auth, 'setup.view', 'see the setup list of this session', scope);
  const rows = await ctx.db.prisma.setupItem.findMany({ where: { sessionId, part: 'INPUT' }, include: setupInclude, orderBy: [{ position: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] });
  const labels = new Map(rows.flatMap((r) => (r.gear ? [[r.gear.id, r.gear.label] as const] : [])));
  const slug = session.title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'session';
  return { csv: exportInputListCsv(rows, labels), filename: `${slug}-input-list.csv` };
}

/** What a client needs to run the setup rules on the list as it changes, and their findings now. */
export async function getSetupContext(ctx: AppContext, auth: AuthContext, sessionId: string): Promise<SetupContext> {
  const { scope } = await requireBoardAccess(ctx.db.prisma, auth, sessionId);
  if (!seesSetup(auth, scope)) requireCan(auth, 'setup.view', 'see the setup list of this session', scope);
  const db = ctx.db.prisma;
  const session = await db.session.findFirstOrThrow({ where: { id: sessionId, studioId: auth.studioId }, select: { id: true, startsAt: true, endsAt: true, status: true } });
  const context = await loadRulesContext(db, auth.studioId, session);
  const issues = runRules(session, await sessionInputLines(db, sessionId), context);
  return {
    gear: [...context.gear.values()],
    uses: context.uses.map((u) => ({ ...u, startsAt: u.startsAt.toISOString(), endsAt: u.endsAt.toISOString() })),
    issues: issues.map(issueDto),
  };
}
