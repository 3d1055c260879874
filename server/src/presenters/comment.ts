import type { Mention, TaskComment } from '@patchbay/shared';
import type { Prisma } from '../generated/prisma/client';

export const commentInclude = {
  author: { select: { id: true, name: true } },
  mentions: { select: { member: { select: { id: true, name: true } } }, orderBy: [{ member: { name: 'asc' } }, { memberId: 'asc' }] },
} satisfies Prisma.TaskCommentInclude;
export type CommentRow = Prisma.TaskCommentGetPayload<{ include: typeof commentInclude }>;

export function presentComment(row: CommentRow): TaskComment {
  return {
    id: row.id,
    sessionId: row.sessionId,
    taskId: row.taskId,
    author: row.author ? { id: row.author.id, name: row.author.name } : null,
    body: row.body,
    mentions: row.mentions.map((m) => ({ id: m.member.id, name: m.member.name })),
    createdAt: row.createdAt.toISOString(),
  };
}

export const mentionInclude = {
  comment: { include: { ...commentInclude, task: { select: { id: true, title: true } }, session: { select: { id: true, title: true } } } },
} satisfies Prisma.MentionInclude;
export type MentionRow = Prisma.MentionGetPayload<{ include: typeof mentionInclude }>;

export function presentMention(row: MentionRow): Mention {
  return {
    id: row.id,
    comment: presentComment(row.comment),
    task: { id: row.comment.task.id, title: row.comment.task.title },
    session: { id: row.comment.session.id, title: row.comment.session.title },
    readAt: row.readAt ? row.readAt.toISOString() : null,
  };
}
