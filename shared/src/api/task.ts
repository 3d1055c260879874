import { z } from 'zod';
import { IdSchema, InstantSchema, PersonRefSchema, text } from './common';
import { MemberRoleSchema, TaskStatusSchema } from './enums';
import { BLOCKED_REASON_MAX, TASK_TITLE_MAX } from '../domain/task-limits';

/** A task as the API and the live board present it. */
export const TaskSchema = z.object({
  id: IdSchema,
  sessionId: IdSchema,
  kind: z.string(),
  title: z.string(),
  notes: z.string(),
  role: MemberRoleSchema,
  assignee: PersonRefSchema.nullable(),
  status: TaskStatusSchema,
  /** Why it is blocked ('' when it is not, or nobody said). */
  blockedReason: z.string().default(''),
  estimateMinutes: z.number().int().nullable(),
  dueAt: InstantSchema.nullable(),
  /** A time of its own within the session, lasting its estimate; null: some time during the session. */
  startsAt: InstantSchema.nullable().default(null),
  position: z.number().int(),
  routingReason: z.string(),
  /** The routing rule that decided the assignee, or "manual". */
  routingRule: z.string(),
  assignedManually: z.boolean(),
  version: z.number().int(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
}).meta({ id: 'Task' });
export type Task = z.infer<typeof TaskSchema>;

const title = z.string().trim().min(1, 'must not be empty').max(TASK_TITLE_MAX, `must be at most ${TASK_TITLE_MAX} characters`);
const notes = z.string().max(5000, 'must be at most 5000 characters');
/** Said with a move to Blocked (or later, while it is there); ignored and cleared elsewhere. */
const blockedReason = text(BLOCKED_REASON_MAX);
const estimate = z.number().int('must be a whole number of minutes').min(1).max(24 * 60);
const kindKey = z.string().trim().min(1).max(64).regex(/^[a-z][a-z0-9_]*$/, 'must be a task kind key like "mic_setup"');

export const CreateTaskInputSchema = z.strictObject({
  kind: kindKey,
  title,
  notes: notes.optional(),
  /** Omit to let routing propose an assignee; null to leave it unassigned on purpose. */
  assigneeId: IdSchema.nullable().optional(),
  status: TaskStatusSchema.optional(),
  estimateMinutes: estimate.nullable().optional(),
  dueAt: InstantSchema.nullable().optional(),
  /** A time of its own within the session (needs an estimate: the slot's length). */
  startsAt: InstantSchema.nullable().optional(),
  /** Why this person was chosen by hand (kept in the assignment history). */
  assignmentNote: z.string().trim().max(500).optional(),
}).meta({ id: 'CreateTaskInput' });
export type CreateTaskInput = z.infer<typeof CreateTaskInputSchema>;

export const UpdateTaskInputSchema = z
  .strictObject({
    /** The version the change is based on; an older one is refused with 409. */
    version: z.number().int().min(1),
    title: title.optional(),
    notes: notes.optional(),
    status: TaskStatusSchema.optional(),
    blockedReason: blockedReason.optional(),
    assigneeId: IdSchema.nullable().optional(),
    estimateMinutes: estimate.nullable().optional(),
    dueAt: InstantSchema.nullable().optional(),
    startsAt: InstantSchema.nullable().optional(),
    /** With assigneeId: why this person was chosen by hand. */
    assignmentNote: z.string().trim().max(500).optional(),
  })
  .refine((v) => Object.keys(v).filter((k) => k !== 'assignmentNote').length > 1, { message: 'nothing to change: give at least one field besides version' }).meta({ id: 'UpdateTaskInput' });
export type UpdateTaskInput = z.infer<typeof UpdateTaskInputSchema>;

export const DeleteTaskQuerySchema = z.strictObject({
  version: z.coerce.number().int().min(1).optional(),
});

export const RerouteInputSchema = z.strictObject({ version: z.number().int().min(1) }).meta({ id: 'RerouteInput' });

export const AssignmentCheckInputSchema = z.strictObject({ memberId: IdSchema }).meta({ id: 'AssignmentCheckInput' });

export const RuleWarningSchema = z.object({ code: z.string(), rule: z.string(), message: z.string() }).meta({ id: 'RuleWarning' });
export const AssignmentCheckSchema = z.object({ warnings: z.array(RuleWarningSchema) }).meta({ id: 'AssignmentCheck' });
export type AssignmentCheck = z.infer<typeof AssignmentCheckSchema>;

export const TaskAssignmentSchema = z
  .object({
    id: IdSchema,
    assignee: PersonRefSchema.nullable(),
    by: PersonRefSchema.nullable(),
    manual: z.boolean(),
    rule: z.string(),
    reason: z.string(),
    warnings: z.array(RuleWarningSchema),
    at: InstantSchema,
  })
  .meta({ id: 'TaskAssignment' });
export const TaskAssignmentListSchema = z.object({ assignments: z.array(TaskAssignmentSchema) });
export type TaskAssignment = z.infer<typeof TaskAssignmentSchema>;

/** Move a task to a column and an index in it (0 = top); the server renumbers the column. */
export const MoveTaskInputSchema = z
  .strictObject({
    version: z.number().int().min(1),
    status: TaskStatusSchema,
    index: z.number().int().min(0).max(10_000),
    blockedReason: blockedReason.optional(),
  })
  .meta({ id: 'MoveTaskInput' });
export type MoveTaskInput = z.infer<typeof MoveTaskInputSchema>;

/** Answer to a move: the moved task and the new order of the columns it touched (as the event). */
export const MovedTaskSchema = z
  .object({
    task: TaskSchema,
    columns: z.partialRecord(TaskStatusSchema, z.array(z.object({ id: IdSchema, version: z.number().int() }))),
    /**
     * Board sequence number of the move's event (null when nothing moved). A client applies the
     * column order only while it has not applied that event yet: an answer can arrive after
     * later events, and an old order must not overwrite a newer one.
     */
    seq: z.number().int().nullable(),
  })
  .meta({ id: 'MovedTask' });
export type MovedTask = z.infer<typeof MovedTaskSchema>;
