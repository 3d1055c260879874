import { PROTOCOL_VERSION, type BoardEvent, type UnsequencedBoardEvent } from '@patchbay/shared';
import type { AuthContext } from '../auth/auth-context';
import type { Tx } from '../db/database';

/**
 * Takes the board's lock for the rest of the transaction: every change to one board runs one
 * after the other, so positions computed inside the transaction cannot interleave.
 */
export async function lockBoard(tx: Tx, sessionId: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM "Session" WHERE "id" = ${sessionId}::uuid FOR UPDATE`;
}

/**
 * Gives events their place in the board's sequence and writes them to the event log, inside the
 * caller's transaction. Incrementing `Session.boardSeq` locks the session row, so concurrent
 * writers to one board get consecutive, gap-free numbers in commit order.
 */
export async function appendBoardEvents(
  tx: Tx,
  sessionId: string,
  events: UnsequencedBoardEvent[],
  actor: Pick<AuthContext, 'memberId' | 'name'> | null,
): Promise<BoardEvent[]> {
  if (events.length === 0) return [];
  const { boardSeq } = await tx.session.update({
    where: { id: sessionId },
    data: { boardSeq: { increment: events.length } },
    select: { boardSeq: true },
  });
  const first = boardSeq - events.length + 1;
  const at = new Date();
  const who = actor ? { id: actor.memberId, name: actor.name } : null;
  const sequenced = events.map((e, i) => ({ ...e, v: PROTOCOL_VERSION, seq: first + i, at: at.toISOString(), actor: who }) as BoardEvent);
  await tx.boardEvent.createMany({
    data: sequenced.map((e) => ({ sessionId, seq: e.seq, type: e.type, payload: e as object, createdAt: at })),
  });
  return sequenced;
}
