// Factories for the records tests need; each call makes a valid record with overridable fields.
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../../server/src/generated/prisma/client';

type Role = 'PRODUCER' | 'ENGINEER' | 'ASSISTANT_ENGINEER';
let counter = 0;
const next = () => ++counter;

export async function createStudio(prisma: PrismaClient, data: { name?: string; timezone?: string } = {}) {
  const n = next();
  return prisma.studio.create({ data: { name: data.name ?? `Studio ${n}`, slug: `studio-${n}-${randomUUID().slice(0, 8)}`, timezone: data.timezone ?? 'UTC' } });
}

export async function createRoom(prisma: PrismaClient, studioId: string, data: { name?: string; kind?: 'CONTROL_ROOM' | 'LIVE_ROOM' | 'BOOTH' } = {}) {
  return prisma.room.create({ data: { studioId, name: data.name ?? `Room ${next()}`, kind: data.kind ?? 'CONTROL_ROOM' } });
}

export async function createMember(
  prisma: PrismaClient,
  studioId: string,
  data: { name?: string; roles?: Role[]; skills?: string[]; weeklyCapacityHours?: number; knownRoomIds?: string[]; accessRole?: 'ADMIN' | 'MANAGER' | Role | 'GUEST' } = {},
) {
  const n = next();
  const roles = data.roles ?? ['ENGINEER'];
  return prisma.member.create({
    data: {
      studioId,
      name: data.name ?? `Member ${n}`,
      email: `member${n}-${randomUUID().slice(0, 8)}@example.test`,
      roles,
      // Access follows the first trade role unless given (a producer gets producer rights).
      accessRole: data.accessRole ?? roles[0] ?? 'ENGINEER',
      skills: data.skills ?? [],
      weeklyCapacityHours: data.weeklyCapacityHours ?? 40,
      knownRooms: { connect: (data.knownRoomIds ?? []).map((id) => ({ id })) },
    },
  });
}

export async function createProject(prisma: PrismaClient, studioId: string, data: { artist?: string; title?: string; leadProducerId?: string } = {}) {
  const n = next();
  return prisma.project.create({
    data: { studioId, artist: data.artist ?? `Artist ${n}`, title: data.title ?? `Record ${n}`, leadProducerId: data.leadProducerId ?? null },
  });
}

export async function createSession(
  prisma: PrismaClient,
  ids: { studioId: string; projectId: string; roomId: string },
  data: { title?: string; startsAt?: Date; hours?: number; producerId?: string | null; engineerId?: string | null } = {},
) {
  const startsAt = data.startsAt ?? new Date('2026-11-24T10:00:00Z');
  return prisma.session.create({
    data: {
      ...ids,
      title: data.title ?? `Session ${next()}`,
      startsAt,
      endsAt: new Date(startsAt.getTime() + (data.hours ?? 4) * 3_600_000),
      producerId: data.producerId ?? null,
      engineerId: data.engineerId ?? null,
    },
  });
}

export async function createTaskRow(
  prisma: PrismaClient,
  ids: { studioId: string; sessionId: string },
  data: { title?: string; kind?: string; role?: Role; status?: 'TODO' | 'IN_PROGRESS' | 'BLOCKED' | 'DONE'; position?: number; assigneeId?: string | null } = {},
) {
  return prisma.task.create({
    data: {
      ...ids,
      kind: data.kind ?? 'mic_setup',
      title: data.title ?? `Task ${next()}`,
      role: data.role ?? 'ENGINEER',
      status: data.status ?? 'TODO',
      position: data.position ?? 0,
      assigneeId: data.assigneeId ?? null,
    },
  });
}

/** A comment on a task, written straight to the database (no mentions, no board event). */
export async function createCommentRow(prisma: PrismaClient, task: { studioId: string; sessionId: string; id: string }, authorId: string, body = `Comment ${next()}`) {
  return prisma.taskComment.create({ data: { studioId: task.studioId, sessionId: task.sessionId, taskId: task.id, authorId, body } });
}

/** A small studio with one room, a producer, an engineer, a project and a session staffed by both. */
export async function createStaffedSession(prisma: PrismaClient) {
  const studio = await createStudio(prisma, { name: 'Test Studio' });
  const room = await createRoom(prisma, studio.id, { name: 'Control Room A' });
  const producer = await createMember(prisma, studio.id, { name: 'Pat Producer', roles: ['PRODUCER'] });
  const engineer = await createMember(prisma, studio.id, { name: 'Eli Engineer', roles: ['ENGINEER'], knownRoomIds: [room.id] });
  const project = await createProject(prisma, studio.id, { leadProducerId: producer.id });
  const session = await createSession(prisma, { studioId: studio.id, projectId: project.id, roomId: room.id }, { producerId: producer.id, engineerId: engineer.id, title: 'Vocal overdubs' });
  return { studio, room, producer, engineer, project, session };
}

export async function createGear(
  prisma: PrismaClient,
  studioId: string,
  data: { label?: string; category?: 'MICROPHONE' | 'DI' | 'PREAMP' | 'STAND' | 'OTHER'; quantity?: number; status?: 'OK' | 'IN_REPAIR' | 'MISSING'; ribbon?: boolean; tube?: boolean; needsPhantom?: boolean; homeRoomId?: string | null } = {},
) {
  return prisma.gearItem.create({
    data: {
      studioId,
      label: data.label ?? `Mic ${next()}`,
      category: data.category ?? 'MICROPHONE',
      quantity: data.quantity ?? 1,
      status: data.status ?? 'OK',
      ribbon: data.ribbon ?? false,
      tube: data.tube ?? false,
      needsPhantom: data.needsPhantom ?? false,
      homeRoomId: data.homeRoomId ?? null,
    },
  });
}

export async function createSetupRow(
  prisma: PrismaClient,
  ids: { studioId: string; sessionId: string },
  data: { part?: 'INPUT' | 'PATCH' | 'CHECK'; channel?: number | null; source?: string; gearId?: string | null; text?: string; position?: number } = {},
) {
  const part = data.part ?? 'INPUT';
  return prisma.setupItem.create({
    data: {
      ...ids,
      part,
      position: data.position ?? next(),
      channel: data.channel ?? null,
      source: data.source ?? (part === 'INPUT' ? `Source ${next()}` : ''),
      gearId: data.gearId ?? null,
      text: data.text ?? (part === 'CHECK' ? `Step ${next()}` : ''),
      points: part === 'PATCH' ? ['Wall box 1', 'Pre 1'] : [],
    },
  });
}
