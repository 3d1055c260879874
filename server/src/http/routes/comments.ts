import { CommentParamsSchema, CreateCommentInputSchema, MentionListSchema, ReadMentionsInputSchema, TaskCommentSchema, TaskParamsSchema } from '@patchbay/shared';
import { addComment, deleteComment, listMentions, readMentions } from '../../domain/comments';
import { defineRoute } from '../route';
import { requester } from './requester';

export const commentRoutes = [
  defineRoute(
    { method: 'post', path: '/tasks/:taskId/comments', tag: 'Comments', access: 'tasks.comment', summary: 'Comment on a task; "@Full Name" (or a first name no one else who may open the board has) tells that person, if they may open the board (limited per member: COMMENT_RATE_LIMIT per COMMENT_RATE_WINDOW_SECONDS, 429)', params: TaskParamsSchema, body: CreateCommentInputSchema, status: 201, response: TaskCommentSchema, errors: ['NOT_FOUND', 'RATE_LIMITED'] },
    async ({ ctx, auth, params, body, req }) => addComment(ctx, auth, params.taskId, body, requester(req)),
  ),
  defineRoute(
    { method: 'delete', path: '/comments/:commentId', tag: 'Comments', access: 'tasks.comment', summary: 'Take a comment back (its author, or whoever may edit the tasks)', params: CommentParamsSchema, status: 204, errors: ['NOT_FOUND'] },
    async ({ ctx, auth, params, req }) => deleteComment(ctx, auth, params.commentId, requester(req)),
  ),
  defineRoute(
    { method: 'get', path: '/me/mentions', tag: 'Comments', access: 'tasks.comment', summary: 'Comments that name the signed-in member, newest first, and how many are unread', status: 200, response: MentionListSchema },
    async ({ ctx, auth }) => listMentions(ctx, auth),
  ),
  defineRoute(
    { method: 'post', path: '/me/mentions/read', tag: 'Comments', access: 'tasks.comment', summary: 'Mark mentions read (the ones given, or all)', body: ReadMentionsInputSchema, status: 200, response: MentionListSchema, errors: ['VALIDATION_FAILED'] },
    async ({ ctx, auth, body }) => readMentions(ctx, auth, body),
  ),
];
