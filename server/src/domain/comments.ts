// Comments on tasks and the people named in them: a comment is one short transaction that also
// writes its board event (comment.added), so it reaches every viewer live and in replays; each
// person named ("@Sam Reyes") who may see the board gets a mention, told to them after the commit.
import { can, canTakeBackComment, mentionableOn, mentionedIn, type CreateCommentInput, type Mention, type MentionList, type Mentionable, type ReadMentionsInput, type TaskComment } from '@patchbay/shared';
import { forbidden, requireCan, sessionAccess, type SessionAccess } from '../auth/access';
import type { AuthContext } from '../auth/auth-context';
import type { AppContext } from '../context';
import type { Tx } from '../db/database';
import { invalidField, notFound } from '../errors';
import { commentInclude, mentionInclude, presentComment, presentMention } from '../presenters/comment';
import { appendBoardEvents, forgetCommentWords } from './board-events';
import { runCommand, type CommandOptions } from './command';
import { involvedIn } from './sessions';
import { loadTaskLocked } from './task-support';

/** How many mentions the inbox lists (newest first). */
const MENTIONS_SHOWN = 50;

/** The studio's people who may open this session's board: the only ones a comment can name. */
async function boardViewers(tx: Tx, studioId: string, session: SessionAccess['session']): Promise<Mentionable[]> {
  const assignees = await tx.task.findMany({ where: { sessionId: session.id, assigneeId: { not: null } }, select: { assigneeId: true }, distinct: ['assigneeId'] });
  const members = await tx.member.findMany({ where: { studioId }, select: { id: true, name: true, accessRole: true } });
  return mentionableOn(members, {
    leadProducerId: session.leadProducerId,
    producerId: session.producerId,
    engineerId: session.engineerId,
    assigneeIds: new Set(assignees.flatMap((t) => (t.assigneeId ? [t.assigneeId] : []))),
  });
}

export async function addComment(ctx: AppContext, auth: AuthContext, taskId: string, input: CreateCommentInput, options: CommandOptions = {}): Promise<TaskComment> {
  return runCommand(
    ctx,
    async (tx) => {
      const studioId = auth.studioId;
      // The board's lock first, as a task's delete takes it: a comment racing the delete finds
      // the task gone (404) instead of writing beside it.
      const task = await loadTaskLocked(tx, studioId, taskId);
      const { session, scope } = await sessionAccess(tx, auth, task.sessionId, task.assigneeId);
      requireCan(auth, 'tasks.comment', 'comment on the tasks of this session', scope);
      // Naming oneself tells nobody.
      const told = mentionedIn(input.body, await boardViewers(tx, studioId, session)).filter((id) => id !== auth.memberId);
      const row = await tx.taskComment.create({
        data: {
          studioId,
          sessionId: task.sessionId,
          taskId,
          authorId: auth.memberId,
          body: input.body,
          mentions: { create: told.map((memberId) => ({ studioId, memberId })) },
        },
        include: commentInclude,
      });
      const result = presentComment(row);
      const events = await appendBoardEvents(tx, task.sessionId, [{ type: 'comment.added', sessionId: task.sessionId, comment: result }], auth);
      return { result, events, mentioned: told };
    },
    options,
  );
}

/**
 * Takes back the comments `which` picks (one, or all of a task about to be deleted) in the
 * caller's transaction: they and their mentions go, and their words leave the board's log.
 * Returns their ids and who was named in them (to be told after the commit).
 */
export async function takeBackComments(tx: Tx, sessionId: string, which: { id: string } | { taskId: string }): Promise<{ ids: string[]; named: string[] }> {
  const where = { sessionId, ...which };
  const rows = await tx.taskComment.findMany({ where, select: { id: true, mentions: { select: { memberId: true } } } });
  if (rows.length === 0) return { ids: [], named: [] };
  const ids = rows.map((r) => r.id);
  // Two presses at once: the second finds nothing left to delete.
  const { count } = await tx.taskComment.deleteMany({ where: { id: { in: ids } } });
  if (count === 0) return { ids: [], named: [] };
  await forgetCommentWords(tx, sessionId, ids);
  return { ids, named: [...new Set(rows.flatMap((r) => r.mentions.map((m) => m.memberId)))] };
}

/** Takes a comment back: its author may, and whoever may edit the session's tasks. */
export async function deleteComment(ctx: AppContext, auth: AuthContext, commentId: string, options: CommandOptions = {}): Promise<void> {
  await runCommand(
    ctx,
    async (tx) => {
      const row = await tx.taskComment.findFirst({ where: { id: commentId, studioId: auth.studioId }, select: { sessionId: true, taskId: true, authorId: true } });
      if (!row) throw notFound('Comment', commentId);
      const { scope } = await sessionAccess(tx, auth, row.sessionId);
      requireCan(auth, 'board.view', 'see this session', scope);
      if (!canTakeBackComment(auth.role, scope, row.authorId, auth.memberId)) throw forbidden("take back someone else's comment");
      const { ids, named } = await takeBackComments(tx, row.sessionId, { id: commentId });
      // Two presses at once: the second answers 404, not a 500.
      if (ids.length === 0) throw notFound('Comment', commentId);
      const events = await appendBoardEvents(tx, row.sessionId, [{ type: 'comment.deleted', sessionId: row.sessionId, commentId, taskId: row.taskId }], auth);
      return { result: undefined, events, mentioned: named };
    },
    options,
  );
}

/** The signed-in member's mentions, newest first, and how many are unread. */
export async function listMentions(ctx: AppContext, auth: AuthContext): Promise<MentionList> {
  const me = auth.memberId;
  // Only boards one may still open: all of them, or those one is involved in.
  const stillSees = can(auth.role, 'sessions.viewAll') ? {} : { comment: { session: involvedIn(me) } };
  const where = { memberId: me, studioId: auth.studioId, ...stillSees };
  const [rows, unread] = await ctx.db.prisma.$transaction([
    ctx.db.prisma.mention.findMany({ where, include: mentionInclude, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: MENTIONS_SHOWN }),
    ctx.db.prisma.mention.count({ where: { ...where, readAt: null } }),
  ]);
  return { mentions: rows.map((r): Mention => presentMention(r)), unread };
}

/**
 * Marks the member's own mentions read (these, or all); their other screens are told. An id that
 * is not one of their mentions (someone else's, another studio's, made up) is refused, naming the
 * field, and nothing is marked.
 */
export async function readMentions(ctx: AppContext, auth: AuthContext, input: ReadMentionsInput): Promise<MentionList> {
  const mine = { memberId: auth.memberId, studioId: auth.studioId };
  const count = await ctx.db.prisma.$transaction(async (tx) => {
    if (input.ids) {
      const found = await tx.mention.findMany({ where: { ...mine, id: { in: input.ids } }, select: { id: true } });
      const known = new Set(found.map((m) => m.id));
      const unknown = input.ids.findIndex((id) => !known.has(id));
      if (unknown >= 0) throw invalidField(`ids.${unknown}`, 'is not one of your mentions');
    }
    const marked = await tx.mention.updateMany({ where: { ...mine, readAt: null, ...(input.ids ? { id: { in: input.ids } } : {}) }, data: { readAt: new Date() } });
    return marked.count;
  });
  if (count > 0) ctx.broadcaster.mentioned([auth.memberId]);
  return listMentions(ctx, auth);
}
