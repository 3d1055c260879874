import { z } from 'zod';
import { IdSchema, InstantSchema, PersonRefSchema, requiredText } from './common';
import { COMMENT_MAX } from '../domain/task-limits';

/** A comment on a task, as the board shows it (staff only: a guest never gets one). */
export const TaskCommentSchema = z
  .object({
    id: IdSchema,
    sessionId: IdSchema,
    taskId: IdSchema,
    /** Null once the author is no longer in the studio. */
    author: PersonRefSchema.nullable(),
    body: z.string(),
    /** The people named in it ("@Sam Reyes"), who were told. */
    mentions: z.array(PersonRefSchema),
    createdAt: InstantSchema,
  })
  .meta({ id: 'TaskComment' });
export type TaskComment = z.infer<typeof TaskCommentSchema>;

export const CreateCommentInputSchema = z.strictObject({ body: requiredText(COMMENT_MAX) }).meta({ id: 'CreateCommentInput' });
export type CreateCommentInput = z.infer<typeof CreateCommentInputSchema>;

/** Someone named you in a comment: where, by whom, what was said, and whether you have read it. */
export const MentionSchema = z
  .object({
    id: IdSchema,
    comment: TaskCommentSchema,
    task: z.object({ id: IdSchema, title: z.string() }),
    session: z.object({ id: IdSchema, title: z.string() }),
    readAt: InstantSchema.nullable(),
  })
  .meta({ id: 'Mention' });
export type Mention = z.infer<typeof MentionSchema>;

export const MentionListSchema = z.object({ mentions: z.array(MentionSchema), unread: z.number().int() }).meta({ id: 'MentionList' });
export type MentionList = z.infer<typeof MentionListSchema>;

/** Marks mentions read: these, or all of them when `ids` is left out. */
export const ReadMentionsInputSchema = z.strictObject({ ids: z.array(IdSchema).min(1).max(200).optional() }).meta({ id: 'ReadMentionsInput' });
export type ReadMentionsInput = z.infer<typeof ReadMentionsInputSchema>;

export const CommentParamsSchema = z.strictObject({ commentId: IdSchema });
