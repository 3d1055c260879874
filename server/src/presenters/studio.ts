import { GearItemSchema, type Studio } from '@patchbay/shared';
import { z } from 'zod';
import type { Prisma } from '../generated/prisma/client';

export const studioInclude = {
  rooms: { orderBy: { name: 'asc' } },
  members: { orderBy: { name: 'asc' }, include: { knownRooms: { select: { id: true } } } },
  projects: { orderBy: { createdAt: 'asc' } },
} satisfies Prisma.StudioInclude;
export type StudioRow = Prisma.StudioGetPayload<{ include: typeof studioInclude }>;

const GearListSchema = z.array(GearItemSchema).catch([]);

export function presentStudio(row: StudioRow): Studio {
  return {
    id: row.id,
    name: row.name,
    timezone: row.timezone,
    rooms: row.rooms.map((r) => ({ id: r.id, name: r.name, kind: r.kind, gear: GearListSchema.parse(r.gear), notes: r.notes })),
    members: row.members.map((m) => ({
      id: m.id,
      name: m.name,
      email: m.email,
      roles: m.roles,
      skills: m.skills,
      weeklyCapacityHours: m.weeklyCapacityHours,
      knownRoomIds: m.knownRooms.map((r) => r.id),
    })),
    projects: row.projects.map((p) => ({ id: p.id, artist: p.artist, title: p.title, kind: p.kind, leadProducerId: p.leadProducerId })),
  };
}
