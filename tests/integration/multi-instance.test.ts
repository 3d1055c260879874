// Two Patchbay instances on one PostgreSQL and one Redis: a change through instance A reaches a
// viewer on instance B. PGlite is one process's database, so this runs in the PostgreSQL pass.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffedSession } from '../helpers/factories';
import { connectSocket, joinBoard, waitForEvents } from '../helpers/sockets';
import { usingPostgres } from '../helpers/test-database';
import { startTestServer, type TestServer } from '../helpers/test-server';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe.skipIf(!usingPostgres())('several server instances (PostgreSQL + Redis)', () => {
  let a: Awaited<ReturnType<typeof startTestServer>>;
  let b: TestServer;
  let ids: Awaited<ReturnType<typeof createStaffedSession>>;
  beforeAll(async () => {
    const redisKey = `patchbay-test-${randomUUID()}`;
    a = await startTestServer({ redisUrl: REDIS_URL, redisKey });
    b = await startTestServer({ redisUrl: REDIS_URL, redisKey }, a.database);
    ids = await createStaffedSession(a.prisma);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('delivers a change made through instance A to a viewer connected to instance B, in sequence', async () => {
    const viewerOnB = await connectSocket(b.baseUrl, await b.cookieFor());
    const seq = (await b.api('GET', `/api/sessions/${ids.session.id}/board`)).body.seq as number;
    expect(await joinBoard(viewerOnB, ids.session.id, seq)).toMatchObject({ ok: true });
    const first = await a.api('POST', `/api/sessions/${ids.session.id}/tasks`, { kind: 'mic_setup', title: 'Via A' });
    const second = await b.api('POST', `/api/sessions/${ids.session.id}/tasks`, { kind: 'editing', title: 'Via B' });
    expect([first.status, second.status]).toEqual([201, 201]);
    const events = await waitForEvents(viewerOnB, 2);
    expect(events.map((e) => e.seq)).toEqual([seq + 1, seq + 2]);
    expect(events[0]).toMatchObject({ type: 'task.created', task: first.body });
    viewerOnB.disconnect();
  });

  it('disconnects a revoked session on every instance', async () => {
    const cookie = await b.cookieFor(ids.producer.id);
    const socketOnB = await connectSocket(b.baseUrl, cookie);
    const gone = new Promise<string>((resolve) => socketOnB.once('disconnect', (reason) => resolve(reason)));
    const producerOnA = await a.as(ids.producer.id);
    const sessions = (await producerOnA('GET', '/api/auth/sessions')).body.sessions as { id: string; current: boolean }[];
    // Revoke every sign-in of the producer through instance A (admin action).
    expect((await a.api('DELETE', `/api/members/${ids.producer.id}/sessions`)).status).toBe(204);
    expect(sessions.length).toBeGreaterThan(0);
    expect(await gone).toBe('io server disconnect');
  });
});
