import type { SetupItem } from '@patchbay/shared';
import type { Prisma } from '../generated/prisma/client';

export const setupInclude = {
  gear: { select: { id: true, label: true } },
  checkedBy: { select: { id: true, name: true } },
} satisfies Prisma.SetupItemInclude;
export type SetupRow = Prisma.SetupItemGetPayload<{ include: typeof setupInclude }>;

/** Board order of setup lines: by part, then position, then creation. */
export const setupOrder = [{ part: 'asc' }, { position: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] satisfies Prisma.SetupItemOrderByWithRelationInput[];

export function presentSetupItem(row: SetupRow): SetupItem {
  return {
    id: row.id,
    sessionId: row.sessionId,
    part: row.part,
    position: row.position,
    channel: row.channel,
    source: row.source,
    gear: row.gear,
    gearText: row.gearText,
    stand: row.stand,
    preamp: row.preamp,
    phantom: row.phantom,
    padDb: row.padDb,
    highPassHz: row.highPassHz,
    polarity: row.polarity,
    insert: row.insert,
    points: row.points,
    text: row.text,
    generatedKey: row.generatedKey,
    notes: row.notes,
    checked: row.checkedAt ? { at: row.checkedAt.toISOString(), by: row.checkedBy } : null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
