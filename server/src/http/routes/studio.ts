import { StudioSchema, TaskKindListSchema, WorkloadQuerySchema, WorkloadSchema } from '@patchbay/shared';
import { listKinds } from '../../domain/catalog';
import { getWorkload } from '../../domain/workload';
import { presentStudio, studioInclude } from '../../presenters/studio';
import { notFound } from '../errors';
import { defineRoute } from '../route';

export const studioRoutes = [
  defineRoute(
    { method: 'get', path: '/studio', tag: 'Studio', access: 'studio.view', summary: 'The studio with its rooms, members and projects', status: 200, response: StudioSchema, errors: ['NOT_FOUND'] },
    async ({ ctx, auth }) => {
      const id = auth.studioId;
      const row = await ctx.db.prisma.studio.findUnique({ where: { id }, include: studioInclude });
      if (!row) throw notFound('Studio', id);
      return presentStudio(row);
    },
  ),
  defineRoute(
    { method: 'get', path: '/task-kinds', tag: 'Studio', access: 'signedIn', summary: 'Task kinds with their default role and whether they are bound to the room', status: 200, response: TaskKindListSchema },
    async ({ ctx, auth }) => ({ kinds: await listKinds(ctx, auth.studioId) }),
  ),
  defineRoute(
    { method: 'get', path: '/workload', tag: 'Studio', access: 'workload.viewOwn', summary: 'Booked hours against capacity per member, per day and ISO week, split by role and task status (default: this week)', query: WorkloadQuerySchema, status: 200, response: WorkloadSchema, errors: ['NOT_FOUND'] },
    async ({ ctx, auth, query }) => getWorkload(ctx, auth, query),
  ),
];
