import { z } from 'zod';
import { IdSchema, InstantSchema, PersonRefSchema } from './common';
import { MemberRoleSchema } from './enums';

export const RoutingPreviewInputSchema = z
  .strictObject({
    kind: z.string().trim().min(1).max(64),
    estimateMinutes: z.number().int().min(1).max(24 * 60).nullable().optional(),
  })
  .meta({ id: 'RoutingPreviewInput' });

/** What routing would decide for a task of this kind in this session, before anyone confirms. */
export const RoutingPreviewSchema = z
  .object({
    kind: z.string(),
    role: MemberRoleSchema.nullable(),
    assignee: PersonRefSchema.nullable(),
    rule: z.string(),
    reason: z.string(),
    reasons: z.array(z.string()),
    candidates: z.array(
      z.object({
        member: PersonRefSchema,
        rank: z.number().int(),
        bookedMinutes: z.number(),
        capacityMinutes: z.number(),
        knowsRoom: z.boolean().nullable(),
        reasons: z.array(z.string()),
      }),
    ),
    ineligible: z.array(z.object({ member: PersonRefSchema, blockers: z.array(z.string()), reasons: z.array(z.string()) })),
    week: z.object({ start: InstantSchema, end: InstantSchema }),
  })
  .meta({ id: 'RoutingPreview' });
export type RoutingPreview = z.infer<typeof RoutingPreviewSchema>;
export type RoutingPreviewInput = z.infer<typeof RoutingPreviewInputSchema>;
export const RoutingPreviewParamsSchema = z.strictObject({ sessionId: IdSchema });
