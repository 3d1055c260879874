import { z } from 'zod';

export const HealthSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['pglite', 'postgresql']),
  version: z.string(),
  uptimeSeconds: z.number(),
  protocolVersion: z.number().int(),
}).meta({ id: 'Health' });
export type Health = z.infer<typeof HealthSchema>;
