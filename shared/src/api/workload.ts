import { z } from 'zod';
import { IdSchema, InstantSchema, PersonRefSchema } from './common';
import { MemberRoleSchema, TaskStatusSchema } from './enums';

export const WorkloadQuerySchema = z
  .strictObject({ from: InstantSchema.optional(), to: InstantSchema.optional() })
  .refine((q) => !q.from || !q.to || (Date.parse(q.from) < Date.parse(q.to) && Date.parse(q.to) - Date.parse(q.from) <= 92 * 86_400_000), {
    message: '"from" must be before "to", at most 92 days apart',
    path: ['to'],
  });

const LoadSchema = z.object({
  bookedMinutes: z.number(),
  sessionMinutes: z.number(),
  extraTaskMinutes: z.number(),
  byRole: z.record(MemberRoleSchema, z.number()),
  tasksByStatus: z.record(TaskStatusSchema, z.number()),
  taskCount: z.number().int(),
  capacityMinutes: z.number(),
  freeMinutes: z.number(),
  overCapacity: z.boolean(),
  utilization: z.number().nullable(),
});

export const WorkloadSchema = z
  .object({
    timeZone: z.string(),
    from: InstantSchema,
    to: InstantSchema,
    members: z.array(
      z.object({
        member: PersonRefSchema.extend({ roles: z.array(MemberRoleSchema), weeklyCapacityHours: z.number() }),
        weeks: z.array(LoadSchema.extend({ week: z.string(), start: InstantSchema, end: InstantSchema })),
        days: z.array(LoadSchema.extend({ date: z.string() })),
      }),
    ),
  })
  .meta({ id: 'Workload' });
export type Workload = z.infer<typeof WorkloadSchema>;
export const WorkloadMemberParamsSchema = z.strictObject({ memberId: IdSchema });
