import {
  SessionTemplateInputSchema,
  addDays,
  checklistFromInputs,
  expandTemplateSetup,
  localDateOf,
  missingSteps,
  resolveTaskKind,
  zonedTimeToInstant,
  type SetupLineSpec,
} from '@patchbay/shared';
import { Prisma, type PrismaClient, type TaskStatus } from '../generated/prisma/client';
import { hashPassword } from '../auth/crypto';
import type { Tx } from '../db/database';
import { routeNewTask } from '../domain/task-routing';
import { expandTemplateInto } from '../domain/templates';
import { gearFacts } from '../presenters/gear';
import { presentTemplate } from '../presenters/template';
import { demoGear, demoSessionSetup, demoTemplates, type DemoInput } from './demo-setup';
import { DEMO_PASSWORD, demoMembers, demoProjects, demoRooms, demoSessions, demoStudio } from './demo-studio';

/** `hour`:00 studio time, `dayOffset` days from today in the studio's zone. */
function studioTime(now: Date, dayOffset: number, hour: number, timeZone: string): Date {
  return zonedTimeToInstant({ ...addDays(localDateOf(now, timeZone), dayOffset), hour }, timeZone);
}

function statusFor(taskIndex: number, taskCount: number, startsAt: Date, endsAt: Date, now: Date): TaskStatus {
  if (endsAt <= now) return 'DONE';
  if (startsAt > now) return 'TODO';
  // Session under way: the first tasks are done, one is running, the rest wait.
  const done = Math.floor(taskCount * ((now.getTime() - startsAt.getTime()) / (endsAt.getTime() - startsAt.getTime())));
  if (taskIndex < done) return 'DONE';
  if (taskIndex === done) return 'IN_PROGRESS';
  return 'TODO';
}

/**
 * Seeds the demo studio into an empty database, in one transaction. Returns the studio name, or
 * null when the database already holds a studio (it is then left untouched).
 */
export async function seedDemoData(prisma: PrismaClient, now: Date): Promise<string | null> {
  if ((await prisma.studio.count()) > 0) return null;
  // Hashing is slow on purpose: do it before the transaction, one salt per account.
  const hashes = new Map(await Promise.all(demoMembers.map(async (m) => [m.key, await hashPassword(DEMO_PASSWORD)] as const)));
  try {
    return await seedInTransaction(prisma, now, hashes);
  } catch (err) {
    // Another instance starting at the same moment seeded first (unique slug/email): fine.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') return null;
    throw err;
  }
}

async function seedInTransaction(prisma: PrismaClient, now: Date, hashes: Map<string, string>): Promise<string | null> {
  return prisma.$transaction(async (tx) => {
    if ((await tx.studio.count()) > 0) return null;
    const studio = await tx.studio.create({ data: demoStudio });
    const rooms = new Map<string, string>();
    for (const r of demoRooms) {
      const row = await tx.room.create({ data: { studioId: studio.id, name: r.name, kind: r.kind, notes: r.notes, prepMinutes: r.prepMinutes, teardownMinutes: r.teardownMinutes } });
      rooms.set(r.key, row.id);
    }
    const gear = new Map<string, string>();
    for (const { room, ...g } of demoGear) {
      const row = await tx.gearItem.create({ data: { studioId: studio.id, ...g, homeRoomId: rooms.get(room)! } });
      gear.set(g.label, row.id);
    }
    const templates = new Map<string, string>();
    for (const t of demoTemplates) {
      const content = SessionTemplateInputSchema.parse({ ...t, inputs: t.inputs.map((line) => inputLine(line, gear)) });
      const row = await tx.sessionTemplate.create({
        data: { studioId: studio.id, ...content, tasks: content.tasks as object[], inputs: content.inputs as object[], patches: content.patches as object[], checks: content.checks as object[] },
      });
      templates.set(t.name, row.id);
    }
    const members = new Map<string, { id: string; name: string }>();
    for (const m of demoMembers) {
      const user = await tx.user.create({ data: { email: m.email, name: m.name, passwordHash: hashes.get(m.key)! } });
      const row = await tx.member.create({
        data: {
          studioId: studio.id, name: m.name, email: m.email, roles: m.roles, skills: m.skills, weeklyCapacityHours: m.weeklyCapacityHours,
          accessRole: m.access, userId: user.id,
          knownRooms: { connect: m.knows.map((k) => ({ id: rooms.get(k)! })) },
        },
      });
      members.set(m.key, { id: row.id, name: row.name });
    }
    const projects = new Map<string, string>();
    for (const p of demoProjects) {
      const row = await tx.project.create({
        data: { studioId: studio.id, artist: p.artist, title: p.title, kind: p.kind, leadProducerId: members.get(p.lead)!.id },
      });
      projects.set(p.key, row.id);
    }
    for (const m of demoMembers) {
      if (!m.guestOf) continue;
      await tx.member.update({ where: { id: members.get(m.key)!.id }, data: { guestProjects: { connect: m.guestOf.map((k) => ({ id: projects.get(k)! })) } } });
    }
    for (const s of demoSessions) {
      const startsAt = studioTime(now, s.day, s.start, studio.timezone);
      const endsAt = studioTime(now, s.day, s.end, studio.timezone);
      const status = endsAt <= now ? 'WRAPPED' : startsAt <= now ? 'IN_PROGRESS' : 'PLANNED';
      const session = await tx.session.create({
        data: {
          studioId: studio.id, projectId: projects.get(s.project)!, roomId: rooms.get(s.room)!, title: s.title, startsAt, endsAt, status,
          producerId: s.producer ? members.get(s.producer)!.id : null,
          engineerId: s.engineer ? members.get(s.engineer)!.id : null,
          // The room's prep and teardown, as a booking takes them.
          prepMinutes: demoRooms.find((r) => r.key === s.room)!.prepMinutes,
          teardownMinutes: demoRooms.find((r) => r.key === s.room)!.teardownMinutes,
          ...(s.hold ? { hold: s.hold.kind, holdUntil: studioTime(now, s.hold.releaseDay, 18, studio.timezone) } : {}),
          ...(s.guestNote ? { guestNote: s.guestNote } : {}),
        },
      });
      // Booked from a template: its tasks routed by the rules and its setup list, as a booking does.
      if (s.template) await expandTemplateInto(tx, studio.id, templates.get(s.template)!, session);
      const setup = demoSessionSetup[s.title];
      if (setup) {
        if (!('template' in setup)) await createLines(tx, studio.id, session.id, customLines(setup, gear));
        else if (setup.template !== s.template) {
          const template = await tx.sessionTemplate.findUniqueOrThrow({ where: { id: templates.get(setup.template)! } });
          await createLines(tx, studio.id, session.id, expandTemplateSetup(presentTemplate(template), new Set(gear.values())));
        }
        await addGeneratedSteps(tx, studio.id, session.id);
        const checker = s.engineer ? members.get(s.engineer)!.id : null;
        await checkOffByTime(tx, session.id, startsAt, endsAt, now, checker);
      }
      const positions = new Map<TaskStatus, number>();
      for (const [i, t] of s.tasks.entries()) {
        const taskStatus = statusFor(i, s.tasks.length, startsAt, endsAt, now);
        // After any tasks the session's template brought.
        const position = positions.get(taskStatus) ?? (await tx.task.count({ where: { sessionId: session.id, status: taskStatus } }));
        positions.set(taskStatus, position + 1);
        const who = t.who ? members.get(t.who)! : null;
        const kind = resolveTaskKind(t.kind);
        if (!kind) throw new Error(`demo data names an unknown task kind: ${t.kind}`);
        const estimateMinutes = t.estimate ?? kind.defaultEstimateMinutes;
        // Routing decides; where the demo's plan names someone else, that is a manual assignment.
        // Tasks the plan leaves open (who: null) take routing's proposal.
        const routed = await routeNewTask(tx, { studioId: studio.id, session, kind: kind.key, estimateMinutes });
        const assignment =
          who === null || routed.assigneeId === who.id
              ? { assigneeId: routed.assigneeId, routingReason: routed.reason, routingRule: routed.rule, assignedManually: false }
              : { assigneeId: who.id, routingReason: `Assigned to ${who.name} by hand: planned at booking.`, routingRule: 'manual', assignedManually: true };
        const task = await tx.task.create({
          data: {
            studioId: studio.id, sessionId: session.id, kind: t.kind, title: t.title, notes: t.notes ?? '',
            role: kind.defaultRole, status: taskStatus, estimateMinutes, position, ...assignment,
          },
        });
        await tx.taskAssignment.create({
          data: { taskId: task.id, assigneeId: assignment.assigneeId, manual: assignment.assignedManually, rule: assignment.routingRule, reason: assignment.routingReason },
        });
      }
    }
    return studio.name;
    // Seeding writes a few hundred rows in one transaction: on a loaded machine that can take longer
    // than the request-sized default (DB_TRANSACTION_TIMEOUT_MS); it runs once, at start.
  }, { timeout: 120_000 });
}

function inputLine(line: DemoInput, gear: ReadonlyMap<string, string>) {
  const { gear: label, ...rest } = line;
  const gearId = label ? gear.get(label) : undefined;
  if (label && !gearId) throw new Error(`demo data names unknown gear: ${label}`);
  return { ...rest, gearId: gearId ?? null, gearLabel: label ?? '' };
}

function customLines(setup: { inputs: DemoInput[]; patches: string[][]; checks: string[] }, gear: ReadonlyMap<string, string>): SetupLineSpec[] {
  const content = SessionTemplateInputSchema.parse({
    name: 'x',
    inputs: setup.inputs.map((line) => inputLine(line, gear)),
    patches: setup.patches.map((points) => ({ points })),
    checks: setup.checks.map((text) => ({ text })),
  });
  return expandTemplateSetup(content, new Set(gear.values()));
}

async function createLines(tx: Tx, studioId: string, sessionId: string, lines: readonly SetupLineSpec[]): Promise<void> {
  for (const line of lines) await tx.setupItem.create({ data: { studioId, sessionId, ...line, points: [...line.points] } });
}

/** The checklist steps the input list calls for (place each mic, phantom off on ribbons, PSU, line-check). */
async function addGeneratedSteps(tx: Tx, studioId: string, sessionId: string): Promise<void> {
  const [inputs, checks, gear] = await Promise.all([
    tx.setupItem.findMany({ where: { sessionId, part: 'INPUT' }, orderBy: { position: 'asc' } }),
    tx.setupItem.findMany({ where: { sessionId, part: 'CHECK' }, select: { generatedKey: true, text: true, position: true } }),
    tx.gearItem.findMany({ where: { studioId } }),
  ]);
  const steps = missingSteps(checklistFromInputs(inputs, new Map(gear.map((g) => [g.id, gearFacts(g)]))), checks);
  let position = Math.max(-1, ...checks.map((c) => c.position)) + 1;
  for (const step of steps) await tx.setupItem.create({ data: { studioId, sessionId, part: 'CHECK', position: position++, text: step.text, generatedKey: step.key } });
}

/**
 * Setup lines ticked as the clock says: all of a past session's, most of a running one's (the
 * last two lines of each part still open), none of a session still to come.
 */
async function checkOffByTime(tx: Tx, sessionId: string, startsAt: Date, endsAt: Date, now: Date, checkerId: string | null): Promise<void> {
  if (startsAt > now) return;
  const items = await tx.setupItem.findMany({ where: { sessionId }, orderBy: [{ part: 'asc' }, { position: 'asc' }], select: { id: true, part: true } });
  const running = endsAt > now;
  const open = new Set<string>();
  if (running) {
    for (const part of ['INPUT', 'PATCH', 'CHECK'] as const) for (const item of items.filter((i) => i.part === part).slice(-2)) open.add(item.id);
  }
  const checkedAt = new Date(Math.min(now.getTime(), startsAt.getTime() + 30 * 60_000));
  for (const item of items) {
    if (open.has(item.id)) continue;
    await tx.setupItem.update({ where: { id: item.id }, data: { checkedAt, checkedById: checkerId } });
  }
}
