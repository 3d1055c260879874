import type { Task } from '@patchbay/shared';
import type { Prisma } from '../generated/prisma/client';

export const taskInclude = { assignee: { select: { id: true, name: true } } } satisfies Prisma.TaskInclude;
export type TaskRow = Prisma.TaskGetPayload<{ include: typeof taskInclude }>;

export function presentTask(row: TaskRow): Task {
  return {
    id: row.id,
    sessionId: row.sessionId,
    kind: row.kind,
    title: row.title,
    notes: row.notes,
    role: row.role,
    assignee: row.assignee ? { id: row.assignee.id, name: row.assignee.name } : null,
    status: row.status,
    blockedReason: row.blockedReason,
    estimateMinutes: row.estimateMinutes,
    dueAt: row.dueAt ? row.dueAt.toISOString() : null,
    startsAt: row.startsAt ? row.startsAt.toISOString() : null,
    position: row.position,
    routingReason: row.routingReason,
    routingRule: row.routingRule,
    assignedManually: row.assignedManually,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
