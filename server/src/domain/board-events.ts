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
  const n = events.length;
  const at = new Date();
  const who = actor ? { id: actor.memberId, name: actor.name } : null;
  // seq 0 is a placeholder: the statement numbers them. One round trip: the counter moves and the
  // events are written with the numbers it gave (seq and the payload's copy of it agree).
  const unnumbered = events.map((e) => ({ ...e, v: PROTOCOL_VERSION, seq: 0, at: at.toISOString(), actor: who }) as BoardEvent);
  const [row] = await tx.$queryRaw<Array<{ first: number }>>`
    WITH counter AS (
      UPDATE "Session" SET "boardSeq" = "boardSeq" + ${n}::int, "updatedAt" = ${at} WHERE "id" = ${sessionId}::uuid RETURNING "boardSeq" - ${n}::int AS "before"
    ), written AS (
      INSERT INTO "BoardEvent" ("sessionId", "seq", "type", "payload", "createdAt")
      SELECT ${sessionId}::uuid, counter."before" + e.ord::int, e.payload->>'type', jsonb_set(e.payload, '{seq}', to_jsonb(counter."before" + e.ord::int)), ${at}
      FROM counter, jsonb_array_elements(${JSON.stringify(unnumbered)}::jsonb) WITH ORDINALITY AS e(payload, ord)
      RETURNING 1
    )
    SELECT counter."before" + 1 AS "first" FROM counter WHERE (SELECT count(*) FROM written) = ${n}::int`;
  if (!row) throw new Error(`board ${sessionId} not found while writing its events`);
  return unnumbered.map((e, i) => ({ ...e, seq: row.first + i }));
}

/**
 * Comments taken back (one, or all of a deleted task's): each `comment.added` in the log keeps
 * that something was said, not what (no words, nobody named), so a replay or the activity list no
 * longer holds them. The one change ever made to a written event: the event keeps its seq, and
 * what it still says is true. In the caller's transaction.
 */
export async function forgetCommentWords(tx: Tx, sessionId: string, commentIds: readonly string[]): Promise<void> {
  if (commentIds.length === 0) return;
  await tx.$executeRaw`
    UPDATE "BoardEvent" SET "payload" = jsonb_set(jsonb_set("payload", '{comment,body}', '""'), '{comment,mentions}', '[]')
    WHERE "sessionId" = ${sessionId}::uuid AND "type" = 'comment.added' AND "payload"->'comment'->>'id' = ANY(${[...commentIds]}::text[])`;
}
