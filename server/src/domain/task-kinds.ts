import type { CustomTaskKind, TaskCategory } from '@patchbay/shared';
import type { Tx } from '../db/database';

/** The studio's own task kinds, in the shape the shared rules take. */
export async function loadCustomKinds(tx: Tx, studioId: string): Promise<CustomTaskKind[]> {
  const rows = await tx.taskKind.findMany({ where: { studioId }, orderBy: { key: 'asc' } });
  return rows.map((r) => ({
    key: r.key,
    label: r.label,
    defaultRole: r.defaultRole,
    category: r.category as TaskCategory,
    roomBound: r.roomBound,
    defaultEstimateMinutes: r.defaultEstimateMinutes,
    assistantCapable: r.assistantCapable,
  }));
}
