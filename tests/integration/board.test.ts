import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaskSchema, BoardSnapshotSchema, SessionListSchema } from '@patchbay/shared';
import { createRoom, createSession, createStaffedSession, createTaskRow } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/test-server';

describe('sessions and boards over HTTP', () => {
  let t: TestServer;
  let ids: Awaited<ReturnType<typeof createStaffedSession>>;
  beforeAll(async () => {
    t = await startTestServer();
    ids = await createStaffedSession(t.prisma);
  });
  afterAll(() => t.close());

  it('lists sessions with their room, people and task counts', async () => {
    await createTaskRow(t.prisma, { studioId: ids.studio.id, sessionId: ids.session.id }, { status: 'DONE' });
    const res = await t.api('GET', '/api/sessions');
    expect(res.status).toBe(200);
    const { sessions } = SessionListSchema.parse(res.body);
    const s = sessions.find((x) => x.id === ids.session.id);
    expect(s).toMatchObject({
      title: 'Vocal overdubs',
      room: { id: ids.room.id, name: 'Control Room A' },
      producer: { id: ids.producer.id, name: 'Pat Producer' },
      engineer: { id: ids.engineer.id, name: 'Eli Engineer' },
      status: 'PLANNED',
    });
    expect(s?.taskCounts.DONE).toBeGreaterThanOrEqual(1);
  });

  it('filters sessions by time window and room', async () => {
    const otherRoom = await createRoom(t.prisma, ids.studio.id, { name: 'Booth' });
    const later = await createSession(t.prisma, { studioId: ids.studio.id, projectId: ids.project.id, roomId: otherRoom.id }, { startsAt: new Date('2026-12-01T10:00:00Z') });
    const inWindow = await t.api('GET', '/api/sessions?from=2026-11-30T00:00:00Z&to=2026-12-02T00:00:00Z');
    expect(inWindow.body.sessions.map((s: { id: string }) => s.id)).toEqual([later.id]);
    const byRoom = await t.api('GET', `/api/sessions?roomId=${ids.room.id}`);
    expect(byRoom.body.sessions.every((s: { room: { id: string } }) => s.room.id === ids.room.id)).toBe(true);
  });

  it('returns a board snapshot whose seq matches the event log', async () => {
    const created = await t.api('POST', `/api/sessions/${ids.session.id}/tasks`, { kind: 'mic_setup', title: 'Lead vox on U87' });
    expect(created.status).toBe(201);
    const res = await t.api('GET', `/api/sessions/${ids.session.id}/board`);
    const board = BoardSnapshotSchema.parse(res.body);
    expect(board.tasks.map((x) => x.id)).toContain(created.body.id);
    expect(board.seq).toBe(await t.prisma.boardEvent.count({ where: { sessionId: ids.session.id } }));
    expect(board.session.seq).toBe(board.seq);
  });

  it('creates a task, routed to the role of its kind, with a reason', async () => {
    const res = await t.api('POST', `/api/sessions/${ids.session.id}/tasks`, { kind: 'creative_direction', title: 'Pick the vocal sound', estimateMinutes: 30 });
    expect(res.status).toBe(201);
    const task = TaskSchema.parse(res.body);
    expect(task).toMatchObject({ role: 'PRODUCER', status: 'TODO', version: 1, estimateMinutes: 30, kind: 'creative_direction' });
    expect(task.assignee).toEqual({ id: ids.producer.id, name: 'Pat Producer' });
    expect(task.routingReason.length).toBeGreaterThan(10);
  });

  it('creates a task assigned by hand, or unassigned on purpose', async () => {
    const byHand = await t.api('POST', `/api/sessions/${ids.session.id}/tasks`, { kind: 'editing', title: 'Comp takes', assigneeId: ids.producer.id });
    expect(byHand.body.assignee.id).toBe(ids.producer.id);
    const none = await t.api('POST', `/api/sessions/${ids.session.id}/tasks`, { kind: 'editing', title: 'Comp more takes', assigneeId: null });
    expect(none.body.assignee).toBeNull();
    const stranger = await t.api('POST', `/api/sessions/${ids.session.id}/tasks`, { kind: 'editing', title: 'x', assigneeId: '00000000-0000-4000-8000-000000000000' });
    expect(stranger.status).toBe(400);
  });

  it('updates a task against its version and refuses a stale one with the current task', async () => {
    const created = (await t.api('POST', `/api/sessions/${ids.session.id}/tasks`, { kind: 'room_prep', title: 'Warm up the U47' })).body;
    const moved = await t.api('PATCH', `/api/tasks/${created.id}`, { version: 1, status: 'IN_PROGRESS' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ status: 'IN_PROGRESS', version: 2 });
    const stale = await t.api('PATCH', `/api/tasks/${created.id}`, { version: 1, title: 'Something else' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    expect(stale.body.error.details.current).toMatchObject({ id: created.id, version: 2, status: 'IN_PROGRESS', title: 'Warm up the U47' });
    const unchanged = await t.prisma.task.findUniqueOrThrow({ where: { id: created.id } });
    expect(unchanged.title).toBe('Warm up the U47');
  });

  it('puts a task moved to another column at the end of that column', async () => {
    const a = (await t.api('POST', `/api/sessions/${ids.session.id}/tasks`, { kind: 'tracking', title: 'Take 1', status: 'BLOCKED' })).body;
    const b = (await t.api('POST', `/api/sessions/${ids.session.id}/tasks`, { kind: 'tracking', title: 'Take 2' })).body;
    const moved = (await t.api('PATCH', `/api/tasks/${b.id}`, { version: 1, status: 'BLOCKED' })).body;
    expect(moved.position).toBe(a.position + 1);
  });

  it('deletes a task, refusing a stale version', async () => {
    const task = (await t.api('POST', `/api/sessions/${ids.session.id}/tasks`, { kind: 'bounce_export', title: 'Print stems' })).body;
    await t.api('PATCH', `/api/tasks/${task.id}`, { version: 1, title: 'Print stems and mix' });
    expect((await t.api('DELETE', `/api/tasks/${task.id}?version=1`)).status).toBe(409);
    expect((await t.api('DELETE', `/api/tasks/${task.id}?version=2`)).status).toBe(204);
    expect((await t.api('DELETE', `/api/tasks/${task.id}`)).status).toBe(404);
  });

  it('keeps a replayable event log with gap-free sequence numbers', async () => {
    const res = await t.api('GET', `/api/sessions/${ids.session.id}/events?after=0`);
    expect(res.status).toBe(200);
    expect(res.body.reset).toBe(false);
    const seqs = res.body.events.map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual(Array.from({ length: res.body.seq }, (_, i) => i + 1));
    const future = await t.api('GET', `/api/sessions/${ids.session.id}/events?after=${res.body.seq + 10}`);
    expect(future.body).toMatchObject({ events: [], reset: true });
  });

  it('gives concurrent writers to one board distinct, consecutive sequence numbers', async () => {
    const before = (await t.api('GET', `/api/sessions/${ids.session.id}/board`)).body.seq as number;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => t.api('POST', `/api/sessions/${ids.session.id}/tasks`, { kind: 'editing', title: `Parallel ${i}` })),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    const page = (await t.api('GET', `/api/sessions/${ids.session.id}/events?after=${before}`)).body;
    expect(page.events.map((e: { seq: number }) => e.seq)).toEqual(Array.from({ length: 8 }, (_, i) => before + i + 1));
  });
});
