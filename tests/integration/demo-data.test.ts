import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../server/src/seed/demo';
import { createStudio } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/test-server';

describe('demo data', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ demoData: true });
  });
  afterAll(() => t.close());

  it('seeds a realistic studio into an empty database at start', async () => {
    const studio = (await t.api('GET', '/api/studio')).body;
    expect(studio.name).toBe('Blackbird Lane Studios');
    expect(studio.rooms.map((r: { name: string }) => r.name)).toEqual(expect.arrayContaining(['Control Room A', 'Live Room A', 'Vocal Booth B1']));
    const roles = new Set(studio.members.flatMap((m: { roles: string[] }) => m.roles));
    expect(roles).toEqual(new Set(['PRODUCER', 'ENGINEER', 'ASSISTANT_ENGINEER']));
    const { sessions } = (await t.api('GET', '/api/sessions')).body;
    expect(sessions.length).toBeGreaterThanOrEqual(7);
    const days = new Set(sessions.map((s: { startsAt: string }) => s.startsAt.slice(0, 10)));
    expect(days.size).toBeGreaterThanOrEqual(5);
    const board = (await t.api('GET', `/api/sessions/${sessions[0].id}/board`)).body;
    expect(board.tasks.length).toBeGreaterThan(0);
  });

  it('gives sessions a status that matches the clock', async () => {
    const { sessions } = (await t.api('GET', '/api/sessions')).body as { sessions: { status: string; startsAt: string; endsAt: string }[] };
    const now = Date.now();
    for (const s of sessions) {
      const expected = Date.parse(s.endsAt) <= now ? 'WRAPPED' : Date.parse(s.startsAt) <= now ? 'IN_PROGRESS' : 'PLANNED';
      expect(s.status).toBe(expected);
    }
  });

  it('is idempotent: seeding again changes nothing', async () => {
    const before = await t.prisma.task.count();
    expect(await seedDemoData(t.prisma, new Date())).toBeNull();
    expect(await t.prisma.task.count()).toBe(before);
    expect(await t.prisma.studio.count()).toBe(1);
  });
});

describe('demo data never touches a database that holds data', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it('leaves an existing studio alone', async () => {
    await createStudio(t.prisma, { name: 'Real Studio' });
    expect(await seedDemoData(t.prisma, new Date())).toBeNull();
    expect((await t.prisma.studio.findMany()).map((s) => s.name)).toEqual(['Real Studio']);
    expect(await t.prisma.session.count()).toBe(0);
  });
});
