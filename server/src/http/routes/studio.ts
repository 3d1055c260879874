import { StudioSchema, TaskKindListSchema, WorkloadQuerySchema, WorkloadSchema } from '@patchbay/shared';
import { listKinds } from '../../domain/catalog';
import { getWorkload } from '../../domain/workload';
import { currentStudioId } from '../../domain/studio';
import { presentStudio, studioInclude } from '../../presenters/studio';
import { notFound } from '../errors';
import { defineRoute } from '../route';

export const studioRoutes = [
  defineRoute(
    { method: 'get', path: '/studio', tag: 'Studio', summary: 'The studio with its rooms, members and projects', status: 200, response: StudioSchema, errors: ['NOT_FOUND'] },
    async ({ ctx }) => {
      const id = await currentStudioId(ctx);
      const row = await ctx.db.prisma.studio.findUnique({ where: { id }, include: studioInclude });
      if (!row) throw notFound('Studio', id);
      return presentStudio(row);
    },
  ),
  defineRoute(
    { method: 'get', path: '/task-kinds', tag: 'Studio', summary: 'Task kinds with their default role and whether they are bound to the room', status: 200, response: TaskKindListSchema },
    async ({ ctx }) => ({ kinds: await listKinds(ctx, await currentStudioId(ctx)) }),
  ),
  defineRoute(
    { method: 'get', path: '/workload', tag: 'Studio', summary: 'Booked hours against capacity per member, per day and ISO week, split by role and task status (default: this week)', query: WorkloadQuerySchema, status: 200, response: WorkloadSchema, errors: ['NOT_FOUND'] },
    async ({ ctx, query }) => getWorkload(ctx, await currentStudioId(ctx), query),
  ),
];
