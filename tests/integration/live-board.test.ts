import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, SOCKET_ID_HEADER } from '@patchbay/shared';
import { createStaffedSession } from '../helpers/factories';
import { connectSocket, joinBoard, waitForEvents, type TestSocket } from '../helpers/sockets';
import { startTestServer, type TestServer } from '../helpers/test-server';

describe('live session boards over socket.io', () => {
  let t: TestServer;
  let sessionId: string;
  const sockets: TestSocket[] = [];
  const open = async () => {
    const s = await connectSocket(t.baseUrl, await t.cookieFor());
    sockets.push(s);
    return s;
  };
  beforeAll(async () => {
    t = await startTestServer();
    ({ session: { id: sessionId } } = await createStaffedSession(t.prisma));
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await t.close();
  });

  it('pushes a task created over HTTP to every viewer, in the shape REST returns', async () => {
    const a = await open();
    const b = await open();
    const seq = (await t.api('GET', `/api/sessions/${sessionId}/board`)).body.seq;
    expect(await joinBoard(a, sessionId, seq)).toMatchObject({ ok: true, seq, missed: [] });
    expect(await joinBoard(b, sessionId, seq)).toMatchObject({ ok: true, seq });

    const created = await t.api('POST', `/api/sessions/${sessionId}/tasks`, { kind: 'mic_setup', title: 'Mic the kit' });
    expect(created.status).toBe(201);
    const [eventA] = await waitForEvents(a, 1);
    const [eventB] = await waitForEvents(b, 1);
    expect(eventA).toEqual(eventB);
    expect(eventB).toMatchObject({ v: PROTOCOL_VERSION, type: 'task.created', sessionId, seq: seq + 1 });
    expect(eventB?.type === 'task.created' && eventB.task).toEqual(created.body);
    const snapshot = (await t.api('GET', `/api/sessions/${sessionId}/board`)).body;
    expect(snapshot.tasks).toContainEqual(created.body);
  });

  it('does not echo the change to the socket that made it, but tells the others', async () => {
    const me = await open();
    const other = await open();
    await joinBoard(me, sessionId);
    await joinBoard(other, sessionId);
    const res = await t.api('POST', `/api/sessions/${sessionId}/tasks`, { kind: 'editing', title: 'Comp vocals' }, { [SOCKET_ID_HEADER]: me.id! });
    expect(res.status).toBe(201);
    const [event] = await waitForEvents(other, 1);
    expect(event?.type === 'task.created' && event.task.id).toBe(res.body.id);
    await new Promise((r) => setTimeout(r, 150));
    expect(me.received).toEqual([]);
  });

  it('sends updates and deletions in board order', async () => {
    const viewer = await open();
    await joinBoard(viewer, sessionId);
    const task = (await t.api('POST', `/api/sessions/${sessionId}/tasks`, { kind: 'tracking', title: 'Take 1' })).body;
    await t.api('PATCH', `/api/tasks/${task.id}`, { version: 1, status: 'IN_PROGRESS' });
    await t.api('DELETE', `/api/tasks/${task.id}`);
    // The first task under way starts the planned session: its own event, right after the update.
    const events = await waitForEvents(viewer, 4);
    expect(events.map((e) => e.type)).toEqual(['task.created', 'task.updated', 'session.updated', 'task.deleted']);
    expect(events[1]).toMatchObject({ changed: ['status', 'position'], task: { status: 'IN_PROGRESS', version: 2 } });
    expect(events[2]).toMatchObject({ session: { id: sessionId, status: 'IN_PROGRESS' } });
    const seqs = events.map((e) => e.seq);
    expect(seqs).toEqual([seqs[0], seqs[0]! + 1, seqs[0]! + 2, seqs[0]! + 3]);
  });

  it('replays what a viewer missed when it rejoins with its last sequence number', async () => {
    const viewer = await open();
    const { seq } = (await t.api('GET', `/api/sessions/${sessionId}/board`)).body;
    await t.api('POST', `/api/sessions/${sessionId}/tasks`, { kind: 'editing', title: 'Missed 1' });
    await t.api('POST', `/api/sessions/${sessionId}/tasks`, { kind: 'editing', title: 'Missed 2' });
    const ack = await joinBoard(viewer, sessionId, seq);
    expect(ack.ok).toBe(true);
    if (!ack.ok) return;
    expect(ack.reset).toBe(false);
    expect(ack.missed.map((e) => e.seq)).toEqual([seq + 1, seq + 2]);
    expect(ack.missed.map((e) => (e.type === 'task.created' ? e.task.title : ''))).toEqual(['Missed 1', 'Missed 2']);
  });

  it('refuses to join an unknown board, a bad payload or an old protocol, with an error ack', async () => {
    const s = await open();
    expect(await joinBoard(s, '00000000-0000-4000-8000-000000000000', 0)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await joinBoard(s, 'nope', 0)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await joinBoard(s, sessionId, 0, 99)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    // Not joined after a refusal: a change on the board does not reach this socket.
    await t.api('POST', `/api/sessions/${sessionId}/tasks`, { kind: 'editing', title: 'Not for you' });
    await new Promise((r) => setTimeout(r, 150));
    expect(s.received).toEqual([]);
  });

  it('stops sending events after board.leave', async () => {
    const s = await open();
    await joinBoard(s, sessionId);
    expect(await s.timeout(2000).emitWithAck('board.leave', { sessionId })).toEqual({ ok: true });
    await t.api('POST', `/api/sessions/${sessionId}/tasks`, { kind: 'editing', title: 'After leave' });
    await new Promise((r) => setTimeout(r, 150));
    expect(s.received).toEqual([]);
  });
});
