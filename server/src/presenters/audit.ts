import type { Tx } from '../db/database';
import type { PrismaClient } from '../generated/prisma/client';

interface AuditRow {
  id: string;
  createdAt: Date;
  actor: { id: string; name: string } | null;
  action: string;
  entityType: string;
  entityId: string | null;
  details: unknown;
}

/** Detail keys that hold a member's id, shown as that member's name under the key without "Id". */
const MEMBER_ID_KEYS: Record<string, string> = { assigneeId: 'assignee' };
/** Detail keys that are internal references, never shown. */
const HIDDEN_KEYS = new Set(['authSessionId', 'invitationId', 'templateId']);

/**
 * Audit entries in words: what each is about by name (the member, session, task, gear item or
 * template as it is called now; "removed" once it is gone), member ids in the details as names,
 * internal references and empty values left out. The client only labels the keys.
 */
export async function presentAuditEntries(db: Tx | PrismaClient, studioId: string, rows: AuditRow[]) {
  const ids = (type: string) => [...new Set(rows.filter((r) => r.entityType === type && r.entityId).map((r) => r.entityId!))];
  const memberIds = new Set(ids('member'));
  for (const r of rows) {
    const details = (r.details ?? {}) as Record<string, unknown>;
    for (const key of Object.keys(MEMBER_ID_KEYS)) if (typeof details[key] === 'string') memberIds.add(details[key]);
  }
  const uuid = (list: string[]) => list.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  const [members, sessions, tasks, gear, templates, invitations] = await Promise.all([
    db.member.findMany({ where: { studioId, id: { in: uuid([...memberIds]) } }, select: { id: true, name: true } }),
    db.session.findMany({ where: { studioId, id: { in: uuid(ids('session')) } }, select: { id: true, title: true } }),
    db.task.findMany({ where: { studioId, id: { in: uuid(ids('task')) } }, select: { id: true, title: true } }),
    db.gearItem.findMany({ where: { studioId, id: { in: uuid(ids('gear')) } }, select: { id: true, label: true } }),
    db.sessionTemplate.findMany({ where: { studioId, id: { in: uuid(ids('template')) } }, select: { id: true, name: true } }),
    db.invitation.findMany({ where: { studioId, id: { in: uuid(ids('invitation')) } }, select: { id: true, email: true } }),
  ]);
  const names = new Map<string, string>([
    ...members.map((m) => [m.id, m.name] as const),
    ...sessions.map((s) => [s.id, s.title] as const),
    ...tasks.map((t) => [t.id, t.title] as const),
    ...gear.map((g) => [g.id, g.label] as const),
    ...templates.map((t) => [t.id, t.name] as const),
    ...invitations.map((i) => [i.id, i.email] as const),
  ]);
  return rows.map((r) => {
    const details: Record<string, unknown> = {};
    for (const [key, value] of Object.entries((r.details ?? {}) as Record<string, unknown>)) {
      if (HIDDEN_KEYS.has(key) || value === null || value === undefined || (Array.isArray(value) && value.length === 0)) continue;
      if (key in MEMBER_ID_KEYS) details[MEMBER_ID_KEYS[key]!] = typeof value === 'string' ? (names.get(value) ?? 'a removed member') : value;
      else details[key] = value;
    }
    if (r.action.startsWith('task.')) details.assignee ??= 'nobody';
    const entityName = r.entityId ? (names.get(r.entityId) ?? (r.entityType === 'studio' ? null : 'removed')) : null;
    return { id: r.id, at: r.createdAt.toISOString(), actor: r.actor, action: r.action, entityType: r.entityType, entityId: r.entityId, entityName, details };
  });
}
