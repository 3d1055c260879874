import type { MemberRole } from '@patchbay/shared';
import type { Tx } from '../db/database';

export interface RouteRequest {
  studioId: string;
  session: { id: string; producerId: string | null; engineerId: string | null };
  kind: string;
  role: MemberRole;
}

/** Proposes an assignee for a new task. */
export async function routeNewTask(_tx: Tx, request: RouteRequest): Promise<{ assigneeId: string | null; reason: string }> {
  const { session, role } = request;
  const own = role === 'PRODUCER' ? session.producerId : session.engineerId;
  if (own) return { assigneeId: own, reason: `The session's own ${role === 'PRODUCER' ? 'producer' : 'engineer'} takes it.` };
  return { assigneeId: null, reason: 'Nobody is staffed for this role on the session yet.' };
}
