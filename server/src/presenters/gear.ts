import type { GearFacts, GearItem } from '@patchbay/shared';
import type { Prisma } from '../generated/prisma/client';

export const gearInclude = { homeRoom: { select: { id: true, name: true } } } satisfies Prisma.GearItemInclude;
export type GearRow = Prisma.GearItemGetPayload<{ include: typeof gearInclude }>;

export function presentGear(row: GearRow): GearItem {
  return {
    id: row.id,
    category: row.category,
    make: row.make,
    model: row.model,
    label: row.label,
    quantity: row.quantity,
    homeRoom: row.homeRoom,
    status: row.status,
    ribbon: row.ribbon,
    tube: row.tube,
    needsPhantom: row.needsPhantom,
    notes: row.notes,
  };
}

/** What the shared setup rules need of an item. */
export function gearFacts(row: Pick<GearRow, 'id' | 'label' | 'category' | 'quantity' | 'status' | 'ribbon' | 'tube' | 'needsPhantom'>): GearFacts {
  return { id: row.id, label: row.label, category: row.category, quantity: row.quantity, status: row.status, ribbon: row.ribbon, tube: row.tube, needsPhantom: row.needsPhantom };
}
