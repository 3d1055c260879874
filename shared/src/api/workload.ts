import { z } from 'zod';
import { IdSchema, InstantSchema, PersonRefSchema } from './common';
import { MemberRoleSchema, SessionStatusSchema, TaskStatusSchema } from './enums';

/** The longest window one workload question may span. */
export const MAX_WORKLOAD_DAYS = 92;

export const WorkloadQuerySchema = z
  .strictObject({ from: InstantSchema.optional(), to: InstantSchema.optional() })
  .refine((q) => !q.from || !q.to || (Date.parse(q.from) < Date.parse(q.to) && Date.parse(q.to) - Date.parse(q.from) <= MAX_WORKLOAD_DAYS * 86_400_000), {
    message: `"from" must be before "to", at most ${MAX_WORKLOAD_DAYS} days apart`,
    path: ['to'],
  });

const LoadSchema = z.object({
  bookedMinutes: z.number(),
  sessionMinutes: z.number(),
  extraTaskMinutes: z.number(),
  byRole: z.record(MemberRoleSchema, z.number()),
  /** Minutes by project id (see `projects`). */
  byProject: z.record(z.string(), z.number()),
  tasksByStatus: z.record(TaskStatusSchema, z.number()),
  taskCount: z.number().int(),
  capacityMinutes: z.number(),
  freeMinutes: z.number(),
  overCapacity: z.boolean(),
  utilization: z.number().nullable(),
});

export const WorkloadProjectSchema = z.object({ id: IdSchema, title: z.string(), artist: z.string() });

export const WorkloadMemberSchema = PersonRefSchema.extend({ roles: z.array(MemberRoleSchema), weeklyCapacityHours: z.number() });

export const WorkloadSchema = z
  .object({
    timeZone: z.string(),
    from: InstantSchema,
    to: InstantSchema,
    /** Projects with hours in the window, for the project filter. */
    projects: z.array(WorkloadProjectSchema),
    members: z.array(
      z.object({
        member: WorkloadMemberSchema,
        weeks: z.array(LoadSchema.extend({ week: z.string(), start: InstantSchema, end: InstantSchema })),
        /** Capacity per day: a fifth of the week's. */
        days: z.array(LoadSchema.extend({ date: z.string() })),
      }),
    ),
  })
  .meta({ id: 'Workload' });
export type Workload = z.infer<typeof WorkloadSchema>;
export type WorkloadMemberLoad = Workload['members'][number];
export const WorkloadMemberParamsSchema = z.strictObject({ memberId: IdSchema });

/** One session or task behind a member's hours. */
export const WorkloadItemSchema = z
  .object({
    kind: z.enum(['session', 'task']),
    /** Minutes it adds to the member's hours in the window (0 for a task inside a session they staff). */
    minutes: z.number(),
    /** Those minutes per local date 'YYYY-MM-DD'. */
    days: z.record(z.string(), z.number()),
    /** True when it blocks its slot (a session staffed, a timed task); false: hours only. */
    busy: z.boolean(),
    startsAt: InstantSchema,
    endsAt: InstantSchema,
    /** The role held on the session, or the task's role. */
    role: MemberRoleSchema,
    session: z.object({
      id: IdSchema,
      title: z.string(),
      status: SessionStatusSchema,
      startsAt: InstantSchema,
      endsAt: InstantSchema,
      room: z.object({ id: IdSchema, name: z.string() }),
      project: WorkloadProjectSchema,
    }),
    task: z
      .object({
        id: IdSchema,
        title: z.string(),
        kind: z.string(),
        status: TaskStatusSchema,
        estimateMinutes: z.number().int().nullable(),
        startsAt: InstantSchema.nullable(),
        version: z.number().int(),
        /** Its assignee staffs the session: moving it frees no hours. */
        withinStaffedSession: z.boolean(),
        /** Whether the viewer may give it to someone else (tasks.assign in its session). */
        canMove: z.boolean(),
      })
      .nullable(),
  })
  .meta({ id: 'WorkloadItem' });
export type WorkloadItem = z.infer<typeof WorkloadItemSchema>;

export const WorkloadItemsSchema = z
  .object({ member: WorkloadMemberSchema, from: InstantSchema, to: InstantSchema, timeZone: z.string(), items: z.array(WorkloadItemSchema) })
  .meta({ id: 'WorkloadItems' });
export type WorkloadItems = z.infer<typeof WorkloadItemsSchema>;
