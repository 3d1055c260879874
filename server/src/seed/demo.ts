import { addDays, localDateOf, resolveTaskKind, zonedTimeToInstant } from '@patchbay/shared';
import { Prisma, type PrismaClient, type TaskStatus } from '../generated/prisma/client';
import { hashPassword } from '../auth/crypto';
import { routeNewTask } from '../domain/task-routing';
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
      const row = await tx.room.create({ data: { studioId: studio.id, name: r.name, kind: r.kind, gear: r.gear, notes: r.notes } });
      rooms.set(r.key, row.id);
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
        },
      });
      const positions = new Map<TaskStatus, number>();
      for (const [i, t] of s.tasks.entries()) {
        const taskStatus = statusFor(i, s.tasks.length, startsAt, endsAt, now);
        const position = positions.get(taskStatus) ?? 0;
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
  });
}
