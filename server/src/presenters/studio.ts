import type { Member, Project, Room, Studio } from '@patchbay/shared';
import type { Prisma, Project as ProjectRow, Room as RoomRow } from '../generated/prisma/client';

export const memberInclude = {
  knownRooms: { select: { id: true }, orderBy: { name: 'asc' } },
  guestProjects: { select: { id: true } },
} satisfies Prisma.MemberInclude;
type MemberRow = Prisma.MemberGetPayload<{ include: typeof memberInclude }>;

export const studioInclude = {
  rooms: { orderBy: { name: 'asc' } },
  members: { orderBy: { name: 'asc' }, include: memberInclude },
  projects: { orderBy: { createdAt: 'asc' } },
} satisfies Prisma.StudioInclude;
export type StudioRow = Prisma.StudioGetPayload<{ include: typeof studioInclude }>;

export const presentRoom = (r: RoomRow): Room => ({ id: r.id, name: r.name, kind: r.kind, notes: r.notes, prepMinutes: r.prepMinutes, teardownMinutes: r.teardownMinutes });

export const presentMember = (m: MemberRow): Member => ({
  id: m.id,
  name: m.name,
  email: m.email,
  roles: m.roles,
  skills: m.skills,
  weeklyCapacityHours: m.weeklyCapacityHours,
  knownRoomIds: m.knownRooms.map((r) => r.id),
  accessRole: m.accessRole,
  hasAccount: m.userId !== null,
  guestProjectIds: m.guestProjects.map((p) => p.id),
});

export const presentProject = (p: ProjectRow): Project => ({ id: p.id, artist: p.artist, title: p.title, kind: p.kind, leadProducerId: p.leadProducerId });

export function presentStudio(row: StudioRow): Studio {
  return {
    id: row.id,
    name: row.name,
    timezone: row.timezone,
    rooms: row.rooms.map(presentRoom),
    members: row.members.map(presentMember),
    projects: row.projects.map(presentProject),
  };
}
