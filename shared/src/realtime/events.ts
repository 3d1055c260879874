import { z } from 'zod';
import { IdSchema, InstantSchema } from '../api/common';
import { SessionSchema } from '../api/session';
import { SetupItemSchema, SetupOrderSchema, SetupPartSchema } from '../api/setup';
import { TaskSchema } from '../api/task';
import { TaskCommentSchema } from '../api/comment';
import { TaskStatusSchema } from '../api/enums';

/**
 * Bumped whenever an event's shape changes incompatibly; clients send theirs when joining.
 * 3: board events arrive in frames (`board.events`, several consecutive events of one board at once).
 * 4: comments on tasks (`comment.added`, `comment.deleted`).
 */
export const PROTOCOL_VERSION = 4;

const envelope = {
  v: z.literal(PROTOCOL_VERSION),
  sessionId: IdSchema,
  /** Board sequence number: one more than the previous event of the same board. */
  seq: z.number().int().min(1),
  at: InstantSchema,
  /** Who made the change (null: the system, e.g. a follow-up task). */
  actor: z.object({ id: IdSchema, name: z.string() }).nullable(),
};

/**
 * Tasks of a column in board order after a move, with the version each was at. A client sets a
 * task's position from it only when it holds that same version (a newer local copy wins).
 */
export const ColumnOrderSchema = z.partialRecord(TaskStatusSchema, z.array(z.object({ id: IdSchema, version: z.number().int() })));
export type ColumnOrder = z.infer<typeof ColumnOrderSchema>;

export const TaskCreatedEventSchema = z.object({ ...envelope, type: z.literal('task.created'), task: TaskSchema });
export const TaskUpdatedEventSchema = z.object({
  ...envelope,
  type: z.literal('task.updated'),
  task: TaskSchema,
  changed: z.array(z.string()),
});
/**
 * A task moved to another column or place. `columns` gives the full order of every column the
 * move touched; positions of the other tasks follow from it (their versions do not change).
 */
export const TaskMovedEventSchema = z.object({ ...envelope, type: z.literal('task.moved'), task: TaskSchema, columns: ColumnOrderSchema });
export const TaskDeletedEventSchema = z.object({ ...envelope, type: z.literal('task.deleted'), taskId: IdSchema });
/** A comment on one of the board's tasks (staff only; a guest gets it redacted). */
export const CommentAddedEventSchema = z.object({ ...envelope, type: z.literal('comment.added'), comment: TaskCommentSchema });
/** A comment taken back by its author (or a manager). */
export const CommentDeletedEventSchema = z.object({ ...envelope, type: z.literal('comment.deleted'), commentId: IdSchema, taskId: IdSchema });
export const SessionUpdatedEventSchema = z.object({ ...envelope, type: z.literal('session.updated'), session: SessionSchema });

/** A line added to the setup list (input, patch chain or checklist step). */
export const SetupCreatedEventSchema = z.object({ ...envelope, type: z.literal('setup.created'), item: SetupItemSchema });
/** A line changed or checked off (`changed` names the fields, "checked" for a check-off). */
export const SetupUpdatedEventSchema = z.object({ ...envelope, type: z.literal('setup.updated'), item: SetupItemSchema, changed: z.array(z.string()) });
/** A line moved within its part; `order` is the part's full order with the version each line was at. */
export const SetupMovedEventSchema = z.object({ ...envelope, type: z.literal('setup.moved'), item: SetupItemSchema, order: SetupOrderSchema });
export const SetupDeletedEventSchema = z.object({ ...envelope, type: z.literal('setup.deleted'), itemId: IdSchema, part: SetupPartSchema });
/**
 * Something changed on the board that this viewer may not see (a guest and the setup list): it
 * only keeps the sequence gap-free. The actor is not named.
 */
export const RedactedEventSchema = z.object({ ...envelope, type: z.literal('redacted') });

/** Every event a board can receive, told apart by `type` (named `entity.verb`). */
export const BoardEventSchema = z.discriminatedUnion('type', [
  TaskCreatedEventSchema,
  TaskUpdatedEventSchema,
  TaskMovedEventSchema,
  TaskDeletedEventSchema,
  CommentAddedEventSchema,
  CommentDeletedEventSchema,
  SessionUpdatedEventSchema,
  SetupCreatedEventSchema,
  SetupUpdatedEventSchema,
  SetupMovedEventSchema,
  SetupDeletedEventSchema,
  RedactedEventSchema,
]).meta({ id: 'BoardEvent' });
export type BoardEvent = z.infer<typeof BoardEventSchema>;
export type BoardEventType = BoardEvent['type'];
export const BOARD_EVENT_TYPES = [
  'task.created',
  'task.updated',
  'task.moved',
  'task.deleted',
  'comment.added',
  'comment.deleted',
  'session.updated',
  'setup.created',
  'setup.updated',
  'setup.moved',
  'setup.deleted',
  'redacted',
] as const satisfies readonly BoardEventType[];
/**
 * How board events reach viewers: one frame holds consecutive events of one board in seq order
 * (the server gathers a busy board's events for a few milliseconds and sends them together, so a
 * viewer gets one message per burst instead of one per change). Each event keeps its own seq.
 */
export const BOARD_EVENTS_FRAME = 'board.events';
export const BoardEventsFrameSchema = z
  .object({ v: z.literal(PROTOCOL_VERSION), sessionId: IdSchema, events: z.array(BoardEventSchema).min(1) })
  .meta({ id: 'BoardEventsFrame' });
export type BoardEventsFrame = z.infer<typeof BoardEventsFrameSchema>;

/** Events about the setup list: shown only to people who may see it (the others get `redacted`). */
export const SETUP_EVENT_TYPES = ['setup.created', 'setup.updated', 'setup.moved', 'setup.deleted'] as const satisfies readonly BoardEventType[];
export function isSetupEvent(event: { type: string }): boolean {
  return (SETUP_EVENT_TYPES as readonly string[]).includes(event.type);
}
export type BoardEventOf<T extends BoardEventType> = Extract<BoardEvent, { type: T }>;
/** An event before the database gave it its place in the board's sequence. */
export type UnsequencedBoardEvent = BoardEvent extends infer E ? (E extends BoardEvent ? Omit<E, 'v' | 'seq' | 'at' | 'actor'> : never) : never;

/** Who is looking at a board right now. Ephemeral: not in the event log and without a seq. */
export const PresenceSchema = z
  .object({
    v: z.literal(PROTOCOL_VERSION),
    sessionId: IdSchema,
    viewers: z.array(z.object({ memberId: IdSchema, name: z.string(), accessRole: z.string(), connections: z.number().int() })),
  })
  .meta({ id: 'Presence' });
export type Presence = z.infer<typeof PresenceSchema>;

export const EventsQuerySchema = z.strictObject({
  after: z.coerce.number().int().min(0),
});
export const EventsPageSchema = z.object({
  events: z.array(BoardEventSchema),
  /** The board's current sequence number. */
  seq: z.number().int(),
  /** True when events after `after` are no longer kept: reload the snapshot. */
  reset: z.boolean(),
}).meta({ id: 'EventsPage' });
export type EventsPage = z.infer<typeof EventsPageSchema>;
