import type { Tx } from '../db/database';
import type { PrismaClient } from '../generated/prisma/client';

export interface AuditInput {
  studioId: string;
  actorId: string | null;
  /** e.g. "auth.sign_in", "task.assigned", "member.role_changed", "invitation.accepted" */
  action: string;
  entityType: string;
  entityId?: string | null;
  details?: Record<string, unknown>;
}

/** Appends to the audit log (inside the caller's transaction when given one). */
export async function audit(db: Tx | PrismaClient, entry: AuditInput): Promise<void> {
  await db.auditEntry.create({
    data: {
      studioId: entry.studioId,
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      details: (entry.details ?? {}) as object,
    },
  });
}
