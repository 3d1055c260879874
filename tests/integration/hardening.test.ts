// Defects found in review, each pinned by a test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthSession } from '../../server/src/auth/auth-sessions';
import { SESSION_COOKIE } from '../../server/src/auth/http';
import { createMember, createStaffedSession, createTaskRow } from '../helpers/factories';
import { connectSocket, joinBoard, waitForEvents } from '../helpers/sockets';
import { startTestServer, type TestServer } from '../helpers/test-server';

describe('hardening', () => {
  let t: TestServer;
  let ids: Awaited<ReturnType<typeof createStaffedSession>>;
  beforeAll(async () => {
    t = await startTestServer();
    ids = await createStaffedSession(t.prisma);
  });
  afterAll(() => t.close());

  it('removing a member disconnects their sockets and unassigns their tasks with events', async () => {
    const gone = await createMember(t.prisma, ids.studio.id, { name: 'Leaving Engineer', roles: ['ENGINEER'] });
    const task = await createTaskRow(t.prisma, { studioId: ids.studio.id, sessionId: ids.session.id }, { assigneeId: gone.id, title: 'Their task' });
    const theirSocket = await connectSocket(t.baseUrl, await t.cookieFor(gone.id));
    expect(await joinBoard(theirSocket, ids.session.id)).toMatchObject({ ok: true });
    const watcher = await connectSocket(t.baseUrl, await t.cookieFor());
    await joinBoard(watcher, ids.session.id);
    const disconnected = new Promise<string>((resolve) => theirSocket.once('disconnect', (r) => resolve(r)));
    expect((await t.api('DELETE', `/api/members/${gone.id}`)).status).toBe(204);
    expect(await disconnected).toBe('io server disconnect');
    const [event] = await waitForEvents(watcher, 1);
    expect(event).toMatchObject({ type: 'task.updated', task: { id: task.id, assignee: null, version: 2 } });
    watcher.disconnect();
  });

  it('disconnects a socket when its sign-in expires', async () => {
    const member = await createMember(t.prisma, ids.studio.id, { name: 'Short Stay', roles: ['PRODUCER'] });
    const user = await t.prisma.user.create({ data: { email: 'short@stay.test', name: 'Short Stay', passwordHash: 'x' } });
    await t.prisma.member.update({ where: { id: member.id }, data: { userId: user.id } });
    const { token } = await createAuthSession(t.prisma, { userId: user.id, memberId: member.id, ttlMs: 1200 });
    const socket = await connectSocket(t.baseUrl, `${SESSION_COOKIE}=${token}`);
    const reason = await new Promise<string>((resolve) => socket.once('disconnect', (r) => resolve(r)));
    expect(reason).toBe('io server disconnect');
  });

  it('refuses a workload window that is unbounded on one side', async () => {
    const res = await t.api('GET', '/api/workload?to=2400-01-01T00:00:00Z');
    expect(res.status).toBe(400);
    expect((await t.api('GET', '/api/workload?from=2026-11-23T00:00:00Z')).status).toBe(200);
  });

  it('lets only an admin change, remove or sign out an admin', async () => {
    const manager = await createMember(t.prisma, ids.studio.id, { name: 'Manager', roles: [], accessRole: 'MANAGER' });
    const admin = await createMember(t.prisma, ids.studio.id, { name: 'Second Admin', roles: [], accessRole: 'ADMIN' });
    const asManager = await t.as(manager.id);
    expect((await asManager('PATCH', `/api/members/${admin.id}`, { name: 'Renamed' })).status).toBe(403);
    expect((await asManager('DELETE', `/api/members/${admin.id}/sessions`)).status).toBe(403);
    expect((await asManager('DELETE', `/api/members/${admin.id}`)).status).toBe(403);
    expect(await t.prisma.member.count({ where: { id: admin.id } })).toBe(1);
    expect((await asManager('PATCH', `/api/members/${ids.engineer.id}`, { weeklyCapacityHours: 30 })).status).toBe(200);
  });

  it('books a room once when several people book it at the same moment', async () => {
    const body = (i: number) => ({ title: `Race ${i}`, projectId: ids.project.id, roomId: ids.room.id, startsAt: '2027-03-01T10:00:00Z', endsAt: '2027-03-01T12:00:00Z' });
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => t.api('POST', '/api/sessions', body(i))));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
  });

  it('answers dates outside the storable range and over-long sessions with 400, not 500', async () => {
    const task = (await t.api('POST', `/api/sessions/${ids.session.id}/tasks`, { kind: 'editing', title: 'Dated' })).body;
    expect((await t.api('PATCH', `/api/tasks/${task.id}`, { version: task.version, dueAt: '0000-01-01T00:00:00Z' })).status).toBe(400);
    expect((await t.api('GET', '/api/sessions?from=0000-01-01T00:00:00Z')).status).toBe(400);
    expect((await t.api('PATCH', `/api/sessions/${ids.session.id}`, { endsAt: '2036-11-24T10:00:00Z' })).status).toBe(400);
  });
});
