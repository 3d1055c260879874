import type { BoardEvent } from '@patchbay/shared';
import type { AppContext } from '../context';
import type { Tx } from '../db/database';

export interface CommandOutcome<T> {
  result: T;
  /** Events written in the same transaction (see appendBoardEvents). */
  events: BoardEvent[];
  /**
   * Members whose mentions changed (named in a comment, or a comment naming them gone): told on
   * their own channel after the commit. Mentions are per member, not board state: no seq, no
   * replay; a screen that hears of it asks GET /api/me/mentions again.
   */
  mentioned?: string[];
}

export interface CommandOptions {
  /** socket.io id of the requester's own socket: it already has the change, so it is not echoed. */
  exceptSocketId?: string | undefined;
}

/**
 * Runs a change in one short transaction that also writes its board events, then broadcasts the
 * events only after the commit succeeded. A failed transaction broadcasts nothing.
 * A failure to broadcast (a viewer's socket gone) never fails the committed change.
 */
export async function runCommand<T>(
  ctx: AppContext,
  work: (tx: Tx) => Promise<CommandOutcome<T>>,
  options: CommandOptions = {},
): Promise<T> {
  const { result, events, mentioned = [] } = await ctx.db.prisma.$transaction((tx) => work(tx));
  // After the commit; waits for viewers who lost the board to be taken off it, so the next
  // change cannot reach them.
  try {
    await ctx.broadcaster.publish(events, options.exceptSocketId);
    if (mentioned.length > 0) ctx.broadcaster.mentioned(mentioned);
  } catch (err) {
    ctx.logger.error({ err }, 'broadcast after commit failed');
  }
  return result;
}
