import type { RoutingPreview, RoutingPreviewInput } from '@patchbay/shared';
import { requireCan, sessionAccess } from '../auth/access';
import type { AuthContext } from '../auth/auth-context';
import type { AppContext } from '../context';
import { AppError, notFound } from '../http/errors';
import { presentRouting } from '../presenters/routing';
import { routeForSession } from './task-routing';

/** Routing's decision for a task not created yet, read in one transaction; changes nothing. */
export async function previewRouting(ctx: AppContext, auth: AuthContext, sessionId: string, input: RoutingPreviewInput): Promise<RoutingPreview> {
  const studioId = auth.studioId;
  return ctx.db.prisma.$transaction(async (tx) => {
    const { scope } = await sessionAccess(tx, auth, sessionId);
    requireCan(auth, 'tasks.create', 'add tasks to this session', scope);
    const session = await tx.session.findFirst({ where: { id: sessionId, studioId } });
    if (!session) throw notFound('Session', sessionId);
    const result = await routeForSession(tx, { studioId, session, kind: input.kind, estimateMinutes: input.estimateMinutes ?? null });
    if (!result.kind) {
      throw new AppError('VALIDATION_FAILED', `Unknown task kind "${input.kind}"`, { issues: [{ location: 'body', path: 'kind', message: 'unknown task kind' }] });
    }
    return presentRouting(input.kind, result);
  });
}
