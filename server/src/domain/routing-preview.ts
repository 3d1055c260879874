import { workOfTask, type RoutingPreview, type RoutingPreviewInput } from '@patchbay/shared';
import { requireCan, sessionAccess } from '../auth/access';
import type { AuthContext } from '../auth/auth-context';
import type { AppContext } from '../context';
import { notFound } from '../errors';
import { presentRouting } from '../presenters/routing';
import { requireKind, studioTimeZone } from './task-support';
import { checkTaskTime } from './task-times';
import { routeForSession } from './task-routing';

/** Routing's decision for a task not created yet, read in one transaction; changes nothing. */
export async function previewRouting(ctx: AppContext, auth: AuthContext, sessionId: string, input: RoutingPreviewInput): Promise<RoutingPreview> {
  const studioId = auth.studioId;
  return ctx.db.prisma.$transaction(async (tx) => {
    const { scope } = await sessionAccess(tx, auth, sessionId);
    requireCan(auth, 'tasks.create', 'add tasks to this session', scope);
    const session = await tx.session.findFirst({ where: { id: sessionId, studioId } });
    if (!session) throw notFound('Session', sessionId);
    const kind = await requireKind(tx, studioId, input.kind);
    const startsAt = input.startsAt ? new Date(input.startsAt) : null;
    const estimateMinutes = input.estimateMinutes === undefined ? kind.defaultEstimateMinutes : input.estimateMinutes;
    checkTaskTime(session, startsAt, estimateMinutes, await studioTimeZone(tx, studioId));
    const result = await routeForSession(tx, { studioId, session, kind: kind.key, estimateMinutes, startsAt });
    return presentRouting(input.kind, result, { ...workOfTask({ startsAt, estimateMinutes }, session), estimateMinutes });
  });
}
