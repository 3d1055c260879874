// Comments on tasks and the people named in them: a comment is one short transaction that also
// writes its board event (comment.added), so it reaches every viewer live and in replays; each
// person named ("@Sam Reyes") who may see the board gets a mention, told to them after the commit.
import { can, mentionableOn, mentionedIn, type CreateCommentInput, type Mention, type MentionList, type Mentionable, type ReadMentionsInput, type TaskComment } from '@patchbay/shared';
import { forbidden, requireCan, sessionAccess, type SessionAccess } from '../auth/access';
import type { AuthContext } from '../auth/auth-context';
import type { AppContext } from '../context';
import type { Tx } from '../db/database';
import { notFound } from '../errors';
import { commentInclude, mentionInclude, presentComment, presentMention } from '../presenters/comment';
import { appendBoardEvents, forgetCommentWords } from './board-events';
import { runCommand, type CommandOptions } from './command';
import { loadTask } from './task-support';

/** How many mentions the inbox lists (newest first). */
const MENTIONS_SHOWN = 50;

/** The studio's people who may open this session's board: the only ones a comment can name. */
async function boardViewers(tx: Tx, studioId: string, session: SessionAccess['session']): Promise<Mentionable[]> {
  const project = await tx.project.findUnique({ where: { id: session.projectId }, select: { leadProducerId: true } });
  const assignees = await tx.task.findMany({ where: { sessionId: session.id, assigneeId: { not: null } }, select: { assigneeId: true }, distinct: ['assigneeId'] });
  const members = await tx.member.findMany({ where: { studioId }, select: { id: true, name: true, accessRole: true } });
  return mentionableOn(members, {
    leadProducerId: project?.leadProducerId ?? null,
    producerId: session.producerId,
    engineerId: session.engineerId,
    assigneeIds: new Set(assignees.flatMap((t) => (t.assigneeId ? [t.assigneeId] : []))),
  });
}

export async function addComment(ctx: AppContext, auth: AuthContext, taskId: string, input: CreateCommentInput, options: CommandOptions = {}): Promise<TaskComment> {
  let told: string[] = [];
  const comment = await runCommand(
    ctx,
    async (tx) => {
      const studioId = auth.studioId;
      const task = await loadTask(tx, studioId, taskId);
      const { session, scope } = await sessionAccess(tx, auth, task.sessionId, task.assigneeId);
      requireCan(auth, 'board.view', 'see this session', scope);
      requireCan(auth, 'tasks.comment', 'comment on the tasks of this session', scope);
      // Naming oneself tells nobody.
      told = mentionedIn(input.body, await boardViewers(tx, studioId, session)).filter((id) => id !== auth.memberId);
      const row = await tx.taskComment.create({
        data: {
          studioId,
          sessionId: task.sessionId,
          taskId,
          authorId: auth.memberId,
          body: input.body,
          mentions: { create: told.map((memberId) => ({ studioId, memberId, byId: auth.memberId })) },
        },
        include: commentInclude,
      });
      const result = presentComment(row);
      const events = await appendBoardEvents(tx, task.sessionId, [{ type: 'comment.added', sessionId: task.sessionId, comment: result }], auth);
      return { result, events };
    },
    options,
  );
  if (told.length > 0) ctx.broadcaster.mentioned(told);
  return comment;
}

/** Takes a comment back: its author may, and whoever may edit the session's tasks. */
export async function deleteComment(ctx: AppContext, auth: AuthContext, commentId: string, options: CommandOptions = {}): Promise<void> {
  let told: string[] = [];
  await runCommand(
    ctx,
    async (tx) => {
      const row = await tx.taskComment.findFirst({ where: { id: commentId, studioId: auth.studioId }, include: { mentions: { select: { memberId: true } } } });
      if (!row) throw notFound('Comment', commentId);
      const { scope } = await sessionAccess(tx, auth, row.sessionId);
      requireCan(auth, 'board.view', 'see this session', scope);
      if (row.authorId !== auth.memberId && !can(auth.role, 'tasks.edit', scope)) throw forbidden("take back someone else's comment");
      // Two presses at once: the second finds nothing to delete and answers 404, not a 500.
      const { count } = await tx.taskComment.deleteMany({ where: { id: commentId } });
      if (count === 0) throw notFound('Comment', commentId);
      await forgetCommentWords(tx, row.sessionId, commentId);
      told = row.mentions.map((m) => m.memberId);
      const events = await appendBoardEvents(tx, row.sessionId, [{ type: 'comment.deleted', sessionId: row.sessionId, commentId, taskId: row.taskId }], auth);
      return { result: undefined, events };
    },
    options,
  );
  if (told.length > 0) ctx.broadcaster.mentioned(told);
}

/** The signed-in member's mentions, newest first, and how many are unread. */
export async function listMentions(ctx: AppContext, auth: AuthContext): Promise<MentionList> {
  const me = auth.memberId;
  // Only boards one may still open ('own': produces or engineers it, leads its project, has a task there).
  const stillSees = can(auth.role, 'board.view', {})
    ? {}
    : { comment: { session: { OR: [{ producerId: me }, { engineerId: me }, { project: { leadProducerId: me } }, { tasks: { some: { assigneeId: me } } }] } } };
  const where = { memberId: me, studioId: auth.studioId, ...stillSees };
  const [rows, unread] = await ctx.db.prisma.$transaction([
    ctx.db.prisma.mention.findMany({ where, include: mentionInclude, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: MENTIONS_SHOWN }),
    ctx.db.prisma.mention.count({ where: { ...where, readAt: null } }),
  ]);
  return { mentions: rows.map((r): Mention => presentMention(r)), unread };
}

/** Marks the member's own mentions read (these, or all); their other screens are told. */
export async function readMentions(ctx: AppContext, auth: AuthContext, input: ReadMentionsInput): Promise<MentionList> {
  const { count } = await ctx.db.prisma.mention.updateMany({
    where: { memberId: auth.memberId, studioId: auth.studioId, readAt: null, ...(input.ids ? { id: { in: input.ids } } : {}) },
    data: { readAt: new Date() },
  });
  if (count > 0) ctx.broadcaster.mentioned([auth.memberId]);
  return listMentions(ctx, auth);
}
