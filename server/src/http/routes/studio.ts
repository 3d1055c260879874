import { StudioSchema, TaskKindListSchema, WorkloadItemsSchema, WorkloadMemberParamsSchema, WorkloadQuerySchema, WorkloadSchema, dayRange, exportWorkloadCsv } from '@patchbay/shared';
import { listKinds } from '../../domain/catalog';
import { getWorkload, getWorkloadItems } from '../../domain/workload';
import { presentStudio, studioInclude } from '../../presenters/studio';
import { notFound } from '../../errors';
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
  defineRoute(
    { method: 'get', path: '/workload.csv', tag: 'Studio', access: 'workload.viewOwn', summary: 'The workload report of the window as a CSV file for a spreadsheet: a row per member and day, then per member and week, in hours (formula-like cells neutralised)', query: WorkloadQuerySchema, status: 200, produces: 'text/csv', errors: ['NOT_FOUND'] },
    async ({ ctx, auth, query, res }) => {
      const workload = await getWorkload(ctx, auth, query);
      const day = (ms: number) => dayRange(ms, workload.timeZone).key;
      const name = `workload ${day(Date.parse(workload.from))} to ${day(Date.parse(workload.to) - 1)}.csv`;
      res.status(200).type('text/csv; charset=utf-8').attachment(name).send(exportWorkloadCsv(workload));
    },
  ),
  defineRoute(
    { method: 'get', path: '/workload/members/:memberId/items', tag: 'Studio', access: 'workload.viewOwn', summary: "The sessions and tasks behind a member's hours in the window, with their minutes per day (a colleague's need workload.viewTeam)", params: WorkloadMemberParamsSchema, query: WorkloadQuerySchema, status: 200, response: WorkloadItemsSchema, errors: ['NOT_FOUND', 'FORBIDDEN'] },
    async ({ ctx, auth, params, query }) => getWorkloadItems(ctx, auth, params.memberId, query),
  ),
];
