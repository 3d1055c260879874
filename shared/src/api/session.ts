import { z } from 'zod';
import { IdSchema, InstantSchema, PersonRefSchema } from './common';
import { BookingHoldSchema, SessionStatusSchema, TaskStatusSchema } from './enums';
import { SetupItemSchema, SetupProgressSchema } from './setup';
import { TaskSchema } from './task';
import { TaskCommentSchema } from './comment';

export const SessionSchema = z.object({
  id: IdSchema,
  title: z.string(),
  status: SessionStatusSchema,
  startsAt: InstantSchema,
  endsAt: InstantSchema,
  /** Call time: when prep starts (startsAt - prepMinutes); what staff see as the session's start. */
  callAt: InstantSchema,
  /** When teardown is over (endsAt + teardownMinutes): the room and engineer are busy until then. */
  clearAt: InstantSchema,
  prepMinutes: z.number().int(),
  teardownMinutes: z.number().int(),
  hold: BookingHoldSchema,
  /** A hold's release deadline (null when confirmed or ended). */
  holdUntil: InstantSchema.nullable(),
  /** When a second hold challenged this first hold. */
  challengedAt: InstantSchema.nullable(),
  /** The producer's note to the artist ("what to bring"). */
  guestNote: z.string(),
  room: z.object({ id: IdSchema, name: z.string() }),
  project: z.object({ id: IdSchema, artist: z.string(), title: z.string() }),
  producer: PersonRefSchema.nullable(),
  engineer: PersonRefSchema.nullable(),
  taskCounts: z.record(TaskStatusSchema, z.number().int()),
  /** Setup list lines checked off; null for people who do not see setup lists (guests). */
  setup: SetupProgressSchema.nullable(),
  seq: z.number().int(),
}).meta({ id: 'Session' });
export type Session = z.infer<typeof SessionSchema>;

export const SessionListSchema = z.object({ sessions: z.array(SessionSchema) });
export type SessionList = z.infer<typeof SessionListSchema>;

export const ListSessionsQuerySchema = z
  .strictObject({
    from: InstantSchema.optional(),
    to: InstantSchema.optional(),
    status: SessionStatusSchema.optional(),
    roomId: IdSchema.optional(),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), {
    message: '"from" must be before "to"',
    path: ['to'],
  });
export type ListSessionsQuery = z.infer<typeof ListSessionsQuerySchema>;

/** Everything a board needs at once; `seq` is the board sequence number the snapshot is at. */
export const BoardSnapshotSchema = z.object({
  session: SessionSchema,
  tasks: z.array(TaskSchema),
  /** The setup list (input list, patch plan, checklist) in order; null for people who do not see it. */
  setup: z.array(SetupItemSchema).nullable(),
  /** The tasks' comments, oldest first. */
  comments: z.array(TaskCommentSchema),
  seq: z.number().int(),
}).meta({ id: 'BoardSnapshot' });
export type BoardSnapshot = z.infer<typeof BoardSnapshotSchema>;

export const SessionParamsSchema = z.strictObject({ sessionId: IdSchema });
export const TaskParamsSchema = z.strictObject({ taskId: IdSchema });

export const AgendaQuerySchema = z
  .strictObject({ from: InstantSchema.optional(), to: InstantSchema.optional() })
  .refine((q) => !q.from || !q.to || (Date.parse(q.from) < Date.parse(q.to) && Date.parse(q.to) - Date.parse(q.from) <= 35 * 86_400_000), {
    message: '"from" must be before "to", at most 35 days apart',
    path: ['to'],
  });
export type AgendaQuery = z.infer<typeof AgendaQuerySchema>;

/** What one member has on: the sessions they work on in a window, and their own tasks in them. */
export const AgendaSchema = z
  .object({
    from: InstantSchema,
    to: InstantSchema,
    sessions: z.array(
      SessionSchema.extend({
        /** How the member is involved: producing, engineering, leading the project, or tasks only. */
        involvement: z.array(z.enum(['producer', 'engineer', 'lead', 'tasks'])),
        /** What the setup rules find on its input list now (null: no setup list to see). */
        setupIssues: z.object({ errors: z.number().int(), warnings: z.number().int() }).nullable(),
      }),
    ),
    tasks: z.array(TaskSchema),
  })
  .meta({ id: 'Agenda' });
export type Agenda = z.infer<typeof AgendaSchema>;
export type AgendaSession = Agenda['sessions'][number];
