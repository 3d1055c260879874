// Session templates: the studio's own, edited as a whole; "save this session as a template";
// and booking from one (its tasks routed by the rules, its setup list created, all with their
// board events in the booking's transaction).
import {
  expandTemplateSetup,
  introducedErrors,
  templateFromSession,
  type RuleInputLine,
  type SessionTemplate,
  type UnsequencedBoardEvent,
} from '@patchbay/shared';
import type { z } from 'zod';
import type { DuplicateTemplateInputSchema, SaveAsTemplateInputSchema, SessionTemplateInputSchema } from '@patchbay/shared';
import { requireBoardAccess, requireCan } from '../auth/access';
import type { AuthContext } from '../auth/auth-context';
import { audit } from '../auth/audit';
import type { AppContext } from '../context';
import type { Tx } from '../db/database';
import { AppError, invalidField, notFound } from '../errors';
import { presentSetupItem, setupInclude, setupOrder } from '../presenters/setup';
import { presentTask, taskInclude } from '../presenters/task';
import { presentTemplate } from '../presenters/template';
import { loadRulesContext, lockGearPlans, ruleLine, runRules } from './setup-support';
import { nextPosition, recordAssignment, requireKind, routedAssignment, type requireSession } from './task-support';

type TemplateInput = z.output<typeof SessionTemplateInputSchema>;

export async function listTemplates(ctx: AppContext, studioId: string): Promise<SessionTemplate[]> {
  const rows = await ctx.db.prisma.sessionTemplate.findMany({ where: { studioId }, orderBy: { name: 'asc' } });
  return rows.map(presentTemplate);
}

export async function getTemplate(ctx: AppContext, studioId: string, templateId: string): Promise<SessionTemplate> {
  const row = await ctx.db.prisma.sessionTemplate.findFirst({ where: { id: templateId, studioId } });
  if (!row) throw notFound('Template', templateId);
  return presentTemplate(row);
}

/** Every task kind of the template must exist in the studio (400 naming the line). */
async function checkKinds(tx: Tx, studioId: string, tasks: TemplateInput['tasks']): Promise<void> {
  for (const [i, task] of tasks.entries()) {
    try {
      await requireKind(tx, studioId, task.kind);
    } catch {
      throw invalidField(`tasks.${i}.kind`, `unknown task kind "${task.kind}"`);
    }
  }
}

/** Gear named by input lines must be the studio's own; its label is kept for when it is gone. */
async function withGearLabels(tx: Tx, studioId: string, inputs: TemplateInput['inputs']): Promise<TemplateInput['inputs']> {
  const ids = [...new Set(inputs.flatMap((l) => (l.gearId ? [l.gearId] : [])))];
  const gear = new Map((await tx.gearItem.findMany({ where: { studioId, id: { in: ids } }, select: { id: true, label: true } })).map((g) => [g.id, g.label]));
  return inputs.map((line, i) => {
    if (!line.gearId) return line;
    const label = gear.get(line.gearId);
    if (label === undefined) throw invalidField(`inputs.${i}.gearId`, 'no such item in the studio’s gear');
    return { ...line, gearLabel: label };
  });
}

/** Template names are unique in the studio whatever their case. */
async function requireFreeName(tx: Tx, studioId: string, name: string, except?: string): Promise<void> {
  const taken = await tx.sessionTemplate.findFirst({ where: { studioId, name: { equals: name, mode: 'insensitive' }, ...(except ? { id: { not: except } } : {}) }, select: { name: true } });
  if (taken) throw new AppError('CONFLICT', `A template called “${taken.name}” already exists; choose another name`, { fields: ['name'] });
}

function columns(input: TemplateInput) {
  return {
    name: input.name,
    description: input.description,
    durationMinutes: input.durationMinutes,
    prepMinutes: input.prepMinutes,
    teardownMinutes: input.teardownMinutes,
    tasks: input.tasks as object[],
    inputs: input.inputs as object[],
    patches: input.patches as object[],
    checks: input.checks as object[],
  };
}

export async function createTemplate(ctx: AppContext, auth: AuthContext, input: TemplateInput): Promise<SessionTemplate> {
  return ctx.db.prisma.$transaction(async (tx) => {
    await requireFreeName(tx, auth.studioId, input.name);
    await checkKinds(tx, auth.studioId, input.tasks);
    const inputs = await withGearLabels(tx, auth.studioId, input.inputs);
    const row = await tx.sessionTemplate.create({ data: { studioId: auth.studioId, ...columns({ ...input, inputs }) } });
    await audit(tx, { studioId: auth.studioId, actorId: auth.memberId, action: 'template.created', entityType: 'template', entityId: row.id, details: { name: row.name } });
    return presentTemplate(row);
  });
}

export async function replaceTemplate(ctx: AppContext, auth: AuthContext, templateId: string, input: TemplateInput): Promise<SessionTemplate> {
  return ctx.db.prisma.$transaction(async (tx) => {
    if ((await tx.sessionTemplate.count({ where: { id: templateId, studioId: auth.studioId } })) === 0) throw notFound('Template', templateId);
    await requireFreeName(tx, auth.studioId, input.name, templateId);
    await checkKinds(tx, auth.studioId, input.tasks);
    const inputs = await withGearLabels(tx, auth.studioId, input.inputs);
    const row = await tx.sessionTemplate.update({ where: { id: templateId }, data: columns({ ...input, inputs }) });
    await audit(tx, { studioId: auth.studioId, actorId: auth.memberId, action: 'template.updated', entityType: 'template', entityId: row.id, details: { name: row.name } });
    return presentTemplate(row);
  });
}

/** "Drum tracking (copy)", "Drum tracking (copy 2)", … the first name not taken. */
async function freeName(tx: Tx, studioId: string, base: string): Promise<string> {
  const taken = new Set((await tx.sessionTemplate.findMany({ where: { studioId, name: { startsWith: base.slice(0, 60) } }, select: { name: true } })).map((t) => t.name));
  for (let n = 1; ; n++) {
    const name = `${base.slice(0, 60)} (copy${n === 1 ? '' : ` ${n}`})`;
    if (!taken.has(name)) return name;
  }
}

export async function duplicateTemplate(ctx: AppContext, auth: AuthContext, templateId: string, input: z.output<typeof DuplicateTemplateInputSchema>): Promise<SessionTemplate> {
  return ctx.db.prisma.$transaction(async (tx) => {
    const source = await tx.sessionTemplate.findFirst({ where: { id: templateId, studioId: auth.studioId } });
    if (!source) throw notFound('Template', templateId);
    const name = input.name ?? (await freeName(tx, auth.studioId, source.name));
    await requireFreeName(tx, auth.studioId, name);
    const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = source;
    const row = await tx.sessionTemplate.create({ data: { ...rest, name, tasks: rest.tasks as object[], inputs: rest.inputs as object[], patches: rest.patches as object[], checks: rest.checks as object[] } });
    await audit(tx, { studioId: auth.studioId, actorId: auth.memberId, action: 'template.created', entityType: 'template', entityId: row.id, details: { name, from: source.name } });
    return presentTemplate(row);
  });
}

export async function deleteTemplate(ctx: AppContext, auth: AuthContext, templateId: string): Promise<void> {
  const { count } = await ctx.db.prisma.sessionTemplate.deleteMany({ where: { id: templateId, studioId: auth.studioId } });
  if (count === 0) throw notFound('Template', templateId);
  await audit(ctx.db.prisma, { studioId: auth.studioId, actorId: auth.memberId, action: 'template.removed', entityType: 'template', entityId: templateId });
}

/** The session's tasks and setup list as a new template (its length from the session's). */
export async function saveSessionAsTemplate(ctx: AppContext, auth: AuthContext, sessionId: string, input: z.output<typeof SaveAsTemplateInputSchema>): Promise<SessionTemplate> {
  const { scope } = await requireBoardAccess(ctx.db.prisma, auth, sessionId);
  requireCan(auth, 'setup.view', 'see the setup list of this session', scope);
  return ctx.db.prisma.$transaction(async (tx) => {
    const session = await tx.session.findFirstOrThrow({ where: { id: sessionId, studioId: auth.studioId }, select: { startsAt: true, endsAt: true, title: true, prepMinutes: true, teardownMinutes: true } });
    const [items, tasks] = await Promise.all([
      tx.setupItem.findMany({ where: { sessionId }, include: setupInclude, orderBy: setupOrder }),
      tx.task.findMany({ where: { sessionId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { kind: true, title: true, notes: true, estimateMinutes: true } }),
    ]);
    const content = templateFromSession(items.map(presentSetupItem), tasks);
    const minutes = Math.round((session.endsAt.getTime() - session.startsAt.getTime()) / 60_000);
    const durationMinutes = Math.min(24 * 60, Math.max(15, minutes));
    await requireFreeName(tx, auth.studioId, input.name);
    const row = await tx.sessionTemplate.create({
      data: { studioId: auth.studioId, name: input.name, description: input.description, durationMinutes, prepMinutes: session.prepMinutes, teardownMinutes: session.teardownMinutes, tasks: content.tasks as object[], inputs: content.inputs as object[], patches: content.patches as object[], checks: content.checks as object[] },
    });
    await audit(tx, { studioId: auth.studioId, actorId: auth.memberId, action: 'template.created', entityType: 'template', entityId: row.id, details: { name: row.name, fromSession: session.title } });
    return presentTemplate(row);
  });
}

/**
 * A template's tasks and setup lines in a session just booked, inside the booking's transaction:
 * tasks are routed one after the other (each one counts toward the next one's routing), setup
 * lines keep the gear the studio still has. Returns the board events to append.
 */
export async function expandTemplateInto(tx: Tx, studioId: string, templateId: string, session: Awaited<ReturnType<typeof requireSession>>): Promise<UnsequencedBoardEvent[]> {
  const row = await tx.sessionTemplate.findFirst({ where: { id: templateId, studioId } });
  if (!row) throw invalidField('templateId', 'no such template in this studio');
  const template = presentTemplate(row);
  const events: UnsequencedBoardEvent[] = [];
  for (const spec of template.tasks) {
    const kind = await requireKind(tx, studioId, spec.kind).catch(() => null);
    if (!kind) continue; // a kind the studio has removed since: the rest still comes
    const estimateMinutes = spec.estimateMinutes ?? kind.defaultEstimateMinutes;
    const assignment = await routedAssignment(tx, studioId, session, kind.key, estimateMinutes);
    const task = await tx.task.create({
      data: {
        studioId,
        sessionId: session.id,
        kind: kind.key,
        title: spec.title,
        notes: spec.notes,
        role: kind.defaultRole,
        estimateMinutes,
        position: await nextPosition(tx, session.id, 'TODO'),
        assigneeId: assignment.assigneeId,
        routingReason: assignment.routingReason,
        routingRule: assignment.routingRule,
        assignedManually: false,
      },
      include: taskInclude,
    });
    await recordAssignment(tx, studioId, task.id, assignment, null);
    events.push({ type: 'task.created', sessionId: session.id, task: presentTask(task) });
  }
  const gear = await tx.gearItem.findMany({ where: { studioId }, select: { id: true } });
  const specs = expandTemplateSetup(template, new Set(gear.map((g) => g.id)));
  // The template is a plan; the gear rules decide what can be planned for this slot. An item
  // that would be an error here (in repair, missing, busy in an overlapping session, more units
  // than the studio owns) is not planned: the line keeps its name as text and says why.
  await lockGearPlans(tx, studioId);
  const context = await loadRulesContext(tx, studioId, session);
  const planned: RuleInputLine[] = [];
  for (const [i, spec] of specs.entries()) {
    let line = spec;
    if (spec.part === 'INPUT' && spec.gearId) {
      const candidate = ruleLine({ id: `template:${i}`, channel: spec.channel, source: spec.source, gearId: spec.gearId, phantom: spec.phantom });
      const blocking = introducedErrors(runRules(session, planned, context), runRules(session, [...planned, candidate], context), candidate.id).filter((e) => e.field === 'gearId');
      if (blocking.length > 0) {
        // Nothing is planned for the channel (the run sheet and checklist must not name the
        // unavailable item as if it were there); the note says what was meant and why not.
        const why = `Not planned: ${blocking[0]!.message}`;
        line = { ...spec, gearId: null, gearText: '', notes: spec.notes ? `${why} ${spec.notes}` : why };
      }
    }
    if (line.part === 'INPUT') planned.push(ruleLine({ id: `template:${i}`, channel: line.channel, source: line.source, gearId: line.gearId, phantom: line.phantom }));
    const created = await tx.setupItem.create({ data: { studioId, sessionId: session.id, ...line, points: [...line.points] }, include: setupInclude });
    events.push({ type: 'setup.created', sessionId: session.id, item: presentSetupItem(created) });
  }
  return events;
}
