import { z } from 'zod';
import { IdSchema, InstantSchema, PersonRefSchema } from './common';
import { MemberRoleSchema } from './enums';

export const RoutingPreviewInputSchema = z
  .strictObject({
    kind: z.string().trim().min(1).max(64),
    estimateMinutes: z.number().int().min(1).max(24 * 60).nullable().optional(),
    /** The task's own time within the session, if it will have one (then only that slot must be free). */
    startsAt: InstantSchema.nullable().optional(),
  })
  .meta({ id: 'RoutingPreviewInput' });

/** What someone is busy with during the work: a session they staff, or a timed task. */
export const BusyWithSchema = z.object({
  kind: z.enum(['session', 'task']),
  sessionId: IdSchema,
  title: z.string(),
  taskTitle: z.string().nullable(),
  startsAt: InstantSchema,
  endsAt: InstantSchema,
});
export type BusyWith = z.infer<typeof BusyWithSchema>;

/** A person's hours around the work: its ISO week and its day (studio time), against capacity. */
const LoadFiguresShape = {
  bookedMinutes: z.number(),
  capacityMinutes: z.number(),
  dayBookedMinutes: z.number(),
  dayCapacityMinutes: z.number(),
  /** What taking the task adds to their week: its estimate, or 0 for the session's own staff. */
  addsMinutes: z.number(),
};

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
        ...LoadFiguresShape,
        knowsRoom: z.boolean().nullable(),
        reasons: z.array(z.string()),
      }),
    ),
    ineligible: z.array(
      z.object({
        member: PersonRefSchema,
        blockers: z.array(z.string()),
        ...LoadFiguresShape,
        /** What they are busy with during the work, if anything (also when blocked for another reason). */
        busyWith: BusyWithSchema.nullable(),
        reasons: z.array(z.string()),
      }),
    ),
    /** The window the work takes: the session, or the task's own slot. */
    window: z.object({ startsAt: InstantSchema, endsAt: InstantSchema }),
    week: z.object({ start: InstantSchema, end: InstantSchema }),
  })
  .meta({ id: 'RoutingPreview' });
export type RoutingPreview = z.infer<typeof RoutingPreviewSchema>;
export type RoutingPreviewInput = z.infer<typeof RoutingPreviewInputSchema>;
export const RoutingPreviewParamsSchema = z.strictObject({ sessionId: IdSchema });

/**
 * Who could take an existing task instead of its assignee: routing's view of everyone (the task's
 * own hours left out), and what it does to the current assignee's week.
 */
export const TaskCandidatesSchema = z
  .object({
    taskId: IdSchema,
    version: z.number().int(),
    routing: RoutingPreviewSchema,
    /** The current assignee's week with the task, and what moving it away frees (0 if they staff the session). */
    current: z.object({ member: PersonRefSchema, bookedMinutes: z.number(), capacityMinutes: z.number(), freesMinutes: z.number() }).nullable(),
  })
  .meta({ id: 'TaskCandidates' });
export type TaskCandidates = z.infer<typeof TaskCandidatesSchema>;
