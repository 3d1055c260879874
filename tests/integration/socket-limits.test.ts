// Joining and leaving boards is limited per socket and per member: a flood is refused cheaply
// with RATE_LIMITED, and other people's boards keep loading.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMember, createStaffedSession } from '../helpers/factories';
import { connectSocket, joinBoard, type TestSocket } from '../helpers/sockets';
import { startTestServer, type TestServer } from '../helpers/test-server';

describe('board.join rate limit', () => {
  let t: TestServer;
  let ids: Awaited<ReturnType<typeof createStaffedSession>>;
  const sockets: TestSocket[] = [];
  beforeAll(async () => {
    // A long window, so nothing refills during the test.
    t = await startTestServer({ socketJoinLimit: 5, socketJoinMemberLimit: 8, socketJoinWindowMs: 600_000 });
    ids = await createStaffedSession(t.prisma);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t.close();
  });

  const codes = (acks: { ok: boolean; error?: { code: string } }[]) => acks.map((a) => (a.ok ? 'ok' : a.error!.code));

  it('refuses joins and leaves over the per-socket limit with RATE_LIMITED', async () => {
    const socket = await connectSocket(t.baseUrl, await t.cookieFor(ids.engineer.id));
    sockets.push(socket);
    const acks = await Promise.all(Array.from({ length: 8 }, () => joinBoard(socket, ids.session.id)));
    expect(codes(acks).filter((c) => c === 'ok')).toHaveLength(5);
    expect(codes(acks).filter((c) => c === 'RATE_LIMITED')).toHaveLength(3);
    const limited = acks.find((a) => !a.ok);
    expect(limited).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.any(String) } });
    expect(await socket.timeout(5000).emitWithAck('board.leave', { sessionId: ids.session.id })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  });

  it('limits a member across its sockets, and another member is not held back', async () => {
    const member = await createMember(t.prisma, ids.studio.id, { roles: ['ENGINEER'] });
    await t.prisma.session.update({ where: { id: ids.session.id }, data: { engineerId: member.id } });
    const cookie = await t.cookieFor(member.id);
    const mine = await Promise.all([0, 1, 2].map(() => connectSocket(t.baseUrl, cookie)));
    sockets.push(...mine);
    // 3 sockets × 4 joins: each socket is under its limit of 5, the member is over 8.
    const acks = await Promise.all(mine.flatMap((s) => Array.from({ length: 4 }, () => joinBoard(s, ids.session.id))));
    expect(codes(acks).filter((c) => c === 'ok')).toHaveLength(8);
    expect(codes(acks).filter((c) => c === 'RATE_LIMITED')).toHaveLength(4);

    // Meanwhile the producer loads the board and joins it as usual.
    const producer = await t.as(ids.producer.id);
    const started = performance.now();
    const board = await producer('GET', `/api/sessions/${ids.session.id}/board`);
    console.log(`another user's board load during the join flood: ${(performance.now() - started).toFixed(0)} ms`);
    expect(board.status).toBe(200);
    const theirs = await connectSocket(t.baseUrl, await t.cookieFor(ids.producer.id));
    sockets.push(theirs);
    expect(await joinBoard(theirs, ids.session.id, board.body.seq)).toMatchObject({ ok: true, seq: board.body.seq });
  });
});
