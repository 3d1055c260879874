import { HealthSchema, PROTOCOL_VERSION } from '@patchbay/shared';
import { defineRoute } from '../route';

export const healthRoutes = [
  defineRoute(
    { method: 'get', path: '/health', tag: 'System', access: 'public', summary: 'Liveness and database reachability (503 when the database does not answer)', status: 200, response: HealthSchema, errors: ['UNAVAILABLE'] },
    async ({ ctx, res }) => {
      const ok = await ctx.db.ping();
      const body = {
        status: ok ? ('ok' as const) : ('unavailable' as const),
        database: ctx.db.kind,
        version: ctx.version,
        uptimeSeconds: Math.round((Date.now() - ctx.startedAt) / 1000),
        protocolVersion: PROTOCOL_VERSION,
      };
      if (!ok) {
        res.status(503).json(body);
        return body;
      }
      return body;
    },
  ),
];
