// Rooms, members, projects and task kinds of the studio: plain scoped CRUD with clear errors.
import {
  BUILT_IN_TASK_KIND_KEYS,
  resolveTaskKind,
  toTaskKind,
  type TaskKind,
} from '@patchbay/shared';
import type { z } from 'zod';
import type {
  MemberInputSchema,
  MemberPatchSchema,
  ProjectInputSchema,
  ProjectPatchSchema,
  RoomInputSchema,
  RoomPatchSchema,
  TaskKindInputSchema,
  TaskKindPatchSchema,
} from '@patchbay/shared';
import { requireCan } from '../auth/access';
import type { AuthContext } from '../auth/auth-context';
import { audit } from '../auth/audit';
import type { AppContext } from '../context';
import type { Tx } from '../db/database';
import { AppError, notFound, invalidField } from '../errors';
import { presentMember, presentProject, presentRoom, memberInclude } from '../presenters/studio';
import { loadCustomKinds } from './task-kinds';
import type { BoardEvent, UnsequencedBoardEvent } from '@patchbay/shared';
import { presentTask, taskInclude } from '../presenters/task';
import { memberRoom } from '@patchbay/shared';
import { appendBoardEvents, lockBoard } from './board-events';
import { runCommand } from './command';


async function requireRoomIds(tx: Tx, studioId: string, ids: string[]): Promise<void> {
  const found = await tx.room.count({ where: { studioId, id: { in: ids } } });
  if (found !== new Set(ids).size) throw invalidField('knownRoomIds', 'names a room that is not in this studio');
}

// Rooms
export async function createRoom(ctx: AppContext, studioId: string, input: z.output<typeof RoomInputSchema>) {
  const row = await ctx.db.prisma.room.create({ data: { studioId, ...input } });
  return presentRoom(row);
}
export async function updateRoom(ctx: AppContext, studioId: string, roomId: string, patch: z.output<typeof RoomPatchSchema>) {
  const { count } = await ctx.db.prisma.room.updateMany({ where: { id: roomId, studioId }, data: patch });
  if (count === 0) throw notFound('Room', roomId);
  return presentRoom(await ctx.db.prisma.room.findUniqueOrThrow({ where: { id: roomId } }));
}
export async function deleteRoom(ctx: AppContext, studioId: string, roomId: string) {
  const sessions = await ctx.db.prisma.session.count({ where: { roomId, studioId } });
  if (sessions > 0) throw new AppError('CONFLICT', `The room has ${sessions} session(s) booked; move or delete them first`, { sessions });
  const { count } = await ctx.db.prisma.room.deleteMany({ where: { id: roomId, studioId } });
  if (count === 0) throw notFound('Room', roomId);
}

// Members
export async function createMember(ctx: AppContext, auth: AuthContext, input: z.output<typeof MemberInputSchema>) {
  const studioId = auth.studioId;
  return ctx.db.prisma.$transaction(async (tx) => {
    const { knownRoomIds, ...fields } = input;
    await requireRoomIds(tx, studioId, knownRoomIds);
    const row = await tx.member.create({
      data: { studioId, ...fields, email: fields.email.toLowerCase(), knownRooms: { connect: knownRoomIds.map((id) => ({ id })) } },
      include: memberInclude,
    });
    await audit(tx, { studioId, actorId: auth.memberId, action: 'member.created', entityType: 'member', entityId: row.id, details: { name: row.name, roles: row.roles } });
    return presentMember(row);
  });
}
/** Only an admin may change or remove an admin. */
export async function requireMayManage(tx: Tx, auth: AuthContext, memberId: string): Promise<{ accessRole: string }> {
  const member = await tx.member.findFirst({ where: { id: memberId, studioId: auth.studioId }, select: { accessRole: true } });
  if (!member) throw notFound('Member', memberId);
  if (member.accessRole === 'ADMIN' && auth.role !== 'ADMIN') throw new AppError('FORBIDDEN', 'Only an admin can change or remove an admin');
  return member;
}

export async function updateMember(ctx: AppContext, auth: AuthContext, memberId: string, patch: z.output<typeof MemberPatchSchema>) {
  const studioId = auth.studioId;
  const member = await ctx.db.prisma.$transaction(async (tx) => {
    await requireMayManage(tx, auth, memberId);
    const { knownRoomIds, ...fields } = patch;
    if (knownRoomIds) await requireRoomIds(tx, studioId, knownRoomIds);
    const row = await tx.member.update({
      where: { id: memberId },
      data: {
        ...fields,
        ...(fields.email ? { email: fields.email.toLowerCase() } : {}),
        ...(knownRoomIds ? { knownRooms: { set: knownRoomIds.map((id: string) => ({ id })) } } : {}),
      },
      include: memberInclude,
    });
    await audit(tx, { studioId, actorId: auth.memberId, action: 'member.updated', entityType: 'member', entityId: memberId, details: { fields: Object.keys(patch) } });
    return presentMember(row);
  });
  // A new capacity, name or role changes the workload report.
  if (patch.weeklyCapacityHours !== undefined || patch.roles !== undefined || patch.name !== undefined) ctx.broadcaster.workloadChanged(studioId, { memberIds: [memberId] });
  return member;
}
/**
 * Removes a member: their tasks become unassigned (a new version, an event on each board), their
 * sign-ins end and their sockets are disconnected.
 */
export async function deleteMember(ctx: AppContext, auth: AuthContext, memberId: string) {
  if (memberId === auth.memberId) throw new AppError('CONFLICT', 'You cannot remove yourself from the studio');
  await runCommand(ctx, async (tx) => {
    await requireMayManage(tx, auth, memberId);
    const tasks = await tx.task.findMany({ where: { assigneeId: memberId, studioId: auth.studioId }, select: { id: true, sessionId: true } });
    const sessions = [...new Set(tasks.map((t) => t.sessionId))].sort();
    const events: BoardEvent[] = [];
    for (const sessionId of sessions) {
      await lockBoard(tx, sessionId);
      const unassigned: UnsequencedBoardEvent[] = [];
      for (const t of tasks.filter((x) => x.sessionId === sessionId)) {
        const row = await tx.task.update({
          where: { id: t.id },
          data: { assigneeId: null, assignedManually: false, routingRule: 'manual', routingReason: 'Unassigned: the member was removed from the studio.', version: { increment: 1 } },
          include: taskInclude,
        });
        unassigned.push({ type: 'task.updated', sessionId, task: presentTask(row), changed: ['assigneeId'] });
      }
      events.push(...(await appendBoardEvents(tx, sessionId, unassigned, auth)));
    }
    await tx.member.delete({ where: { id: memberId } });
    await audit(tx, { studioId: auth.studioId, actorId: auth.memberId, action: 'member.removed', entityType: 'member', entityId: memberId, details: { unassignedTasks: tasks.length } });
    return { result: undefined, events };
  });
  ctx.broadcaster.disconnect(memberRoom(memberId));
}

// Projects
async function requireProducer(tx: Tx, studioId: string, memberId: string | null | undefined, path: string) {
  if (!memberId) return;
  const member = await tx.member.findFirst({ where: { id: memberId, studioId }, select: { roles: true, skills: true } });
  if (!member) throw invalidField(path, 'no such member in this studio');
  if (!member.roles.includes('PRODUCER') && !member.skills.includes('production')) throw invalidField(path, 'is not a producer');
}
export async function createProject(ctx: AppContext, auth: AuthContext, input: z.output<typeof ProjectInputSchema>) {
  const studioId = auth.studioId;
  return ctx.db.prisma.$transaction(async (tx) => {
    await requireProducer(tx, studioId, input.leadProducerId, 'leadProducerId');
    return presentProject(await tx.project.create({ data: { studioId, ...input } }));
  });
}
async function requireProjectEdit(tx: Tx, auth: AuthContext, projectId: string): Promise<void> {
  const project = await tx.project.findFirst({ where: { id: projectId, studioId: auth.studioId }, select: { leadProducerId: true } });
  if (!project) throw notFound('Project', projectId);
  requireCan(auth, 'projects.edit', "change a project you don't lead", { leadsProject: project.leadProducerId === auth.memberId });
}
export async function updateProject(ctx: AppContext, auth: AuthContext, projectId: string, patch: z.output<typeof ProjectPatchSchema>) {
  const studioId = auth.studioId;
  const project = await ctx.db.prisma.$transaction(async (tx) => {
    await requireProjectEdit(tx, auth, projectId);
    await requireProducer(tx, studioId, patch.leadProducerId, 'leadProducerId');
    const { count } = await tx.project.updateMany({ where: { id: projectId, studioId }, data: patch });
    if (count === 0) throw notFound('Project', projectId);
    return presentProject(await tx.project.findUniqueOrThrow({ where: { id: projectId } }));
  });
  // A new lead producer: the old one may no longer see the project's boards.
  if (patch.leadProducerId !== undefined) {
    const sessions = await ctx.db.prisma.session.findMany({ where: { projectId, studioId }, select: { id: true } });
    await ctx.broadcaster.reauthorize(sessions.map((s) => s.id));
  }
  return project;
}
export async function deleteProject(ctx: AppContext, auth: AuthContext, projectId: string) {
  const studioId = auth.studioId;
  await requireProjectEdit(ctx.db.prisma as unknown as Tx, auth, projectId);
  const sessions = await ctx.db.prisma.session.count({ where: { projectId, studioId } });
  if (sessions > 0) throw new AppError('CONFLICT', `The project has ${sessions} session(s); delete them first`, { sessions });
  const { count } = await ctx.db.prisma.project.deleteMany({ where: { id: projectId, studioId } });
  if (count === 0) throw notFound('Project', projectId);
}

// Task kinds: built-in ones from shared/, plus the studio's own (which may replace a built-in key).
export async function listKinds(ctx: AppContext, studioId: string): Promise<TaskKind[]> {
  const custom = await loadCustomKinds(ctx.db.prisma as unknown as Tx, studioId);
  const keys = new Set([...BUILT_IN_TASK_KIND_KEYS, ...custom.map((k) => k.key)]);
  return [...keys].map((key) => resolveTaskKind(key, custom)!).filter(Boolean);
}
export async function createKind(ctx: AppContext, studioId: string, input: z.output<typeof TaskKindInputSchema>): Promise<TaskKind> {
  const kind = toTaskKind(input);
  await ctx.db.prisma.taskKind.create({
    data: {
      studioId, key: kind.key, label: kind.label, category: kind.category, defaultRole: kind.defaultRole,
      roomBound: kind.roomBound, defaultEstimateMinutes: kind.defaultEstimateMinutes, assistantCapable: kind.assistantCapable,
    },
  });
  return { ...kind, builtIn: false };
}
export async function updateKind(ctx: AppContext, studioId: string, key: string, patch: z.output<typeof TaskKindPatchSchema>): Promise<TaskKind> {
  const { count } = await ctx.db.prisma.taskKind.updateMany({ where: { studioId, key }, data: patch });
  if (count === 0) throw notFound('Custom task kind', key);
  const custom = await loadCustomKinds(ctx.db.prisma as unknown as Tx, studioId);
  return { ...resolveTaskKind(key, custom)!, builtIn: false };
}
export async function deleteKind(ctx: AppContext, studioId: string, key: string): Promise<void> {
  const inUse = await ctx.db.prisma.task.count({ where: { studioId, kind: key } });
  const builtIn = (BUILT_IN_TASK_KIND_KEYS as readonly string[]).includes(key);
  if (inUse > 0 && !builtIn) throw new AppError('CONFLICT', `${inUse} task(s) use the kind "${key}"; change them first`, { tasks: inUse });
  const { count } = await ctx.db.prisma.taskKind.deleteMany({ where: { studioId, key } });
  if (count === 0) throw notFound('Custom task kind', key);
}
