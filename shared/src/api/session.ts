import { z } from 'zod';
import { IdSchema, InstantSchema, PersonRefSchema } from './common';
import { SessionStatusSchema, TaskStatusSchema } from './enums';
import { TaskSchema } from './task';

export const SessionSchema = z.object({
  id: IdSchema,
  title: z.string(),
  status: SessionStatusSchema,
  startsAt: InstantSchema,
  endsAt: InstantSchema,
  room: z.object({ id: IdSchema, name: z.string() }),
  project: z.object({ id: IdSchema, artist: z.string(), title: z.string() }),
  producer: PersonRefSchema.nullable(),
  engineer: PersonRefSchema.nullable(),
  taskCounts: z.record(TaskStatusSchema, z.number().int()),
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
  seq: z.number().int(),
}).meta({ id: 'BoardSnapshot' });
export type BoardSnapshot = z.infer<typeof BoardSnapshotSchema>;

export const SessionParamsSchema = z.strictObject({ sessionId: IdSchema });
export const TaskParamsSchema = z.strictObject({ taskId: IdSchema });
