import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { createStudio } from '../helpers/factories';

describe('catalog: rooms, members, projects, task kinds', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
    await createStudio(t.prisma, { name: 'Catalog Studio' });
  });
  afterAll(() => t.close());

  it('creates, changes and removes a room; names must be unique', async () => {
    // Gear lives in the inventory (/api/gear) now, not in a list on the room.
    const withGear = await t.api('POST', '/api/rooms', { name: 'Live Room A', kind: 'LIVE_ROOM', gear: [{ name: 'Coles 4038', kind: 'microphone', state: 'ok' }] });
    expect(withGear.status).toBe(400);
    const room = await t.api('POST', '/api/rooms', { name: 'Live Room A', kind: 'LIVE_ROOM' });
    expect(room.status).toBe(201);
    expect(room.body).toMatchObject({ name: 'Live Room A', kind: 'LIVE_ROOM', notes: '' });
    const dup = await t.api('POST', '/api/rooms', { name: 'Live Room A', kind: 'BOOTH' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('CONFLICT');
    const renamed = await t.api('PATCH', `/api/rooms/${room.body.id}`, { notes: 'Drums' });
    expect(renamed.body.notes).toBe('Drums');
    expect((await t.api('PATCH', `/api/rooms/${room.body.id}`, {})).status).toBe(400);
    expect((await t.api('POST', '/api/rooms', { name: 'X', kind: 'GARAGE' })).status).toBe(400);
    expect((await t.api('DELETE', `/api/rooms/${room.body.id}`)).status).toBe(204);
    expect((await t.api('DELETE', `/api/rooms/${room.body.id}`)).status).toBe(404);
  });

  it('creates a member with roles, skills and known rooms, validating each', async () => {
    const room = (await t.api('POST', '/api/rooms', { name: 'Control Room A', kind: 'CONTROL_ROOM' })).body;
    const res = await t.api('POST', '/api/members', { name: 'Sam Reyes', email: 'Sam@Example.com', roles: ['ENGINEER'], knownRoomIds: [room.id], weeklyCapacityHours: 36 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email: 'sam@example.com', roles: ['ENGINEER'], knownRoomIds: [room.id], weeklyCapacityHours: 36, skills: [] });
    const bad = await t.api('POST', '/api/members', { name: '', email: 'nope', roles: [] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['name', 'email', 'roles']));
    const strangerRoom = await t.api('POST', '/api/members', { name: 'X', email: 'x@example.com', roles: ['PRODUCER'], knownRoomIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(strangerRoom.status).toBe(400);
    const patched = await t.api('PATCH', `/api/members/${res.body.id}`, { skills: ['mixing'], knownRoomIds: [] });
    expect(patched.body).toMatchObject({ skills: ['mixing'], knownRoomIds: [] });
  });

  it('creates projects with a producer as lead', async () => {
    const producer = (await t.api('POST', '/api/members', { name: 'Maya', email: 'maya@example.com', roles: ['PRODUCER'] })).body;
    const engineer = (await t.api('POST', '/api/members', { name: 'Eli', email: 'eli@example.com', roles: ['ENGINEER'] })).body;
    const ok = await t.api('POST', '/api/projects', { artist: 'Ada Quinn', title: 'Glasshouse', kind: 'EP', leadProducerId: producer.id });
    expect(ok.status).toBe(201);
    expect((await t.api('POST', '/api/projects', { artist: 'A', title: 'B', leadProducerId: engineer.id })).status).toBe(400);
    const studio = (await t.api('GET', '/api/studio')).body;
    expect(studio.projects.map((p: { title: string }) => p.title)).toContain('Glasshouse');
  });

  it("adds a studio's own task kind that tasks and routing then use", async () => {
    const kind = await t.api('POST', '/api/task-kinds', { key: 'strings_setup', label: 'Strings setup', defaultRole: 'ENGINEER', roomBound: true });
    expect(kind.status).toBe(201);
    expect(kind.body).toMatchObject({ key: 'strings_setup', category: 'technical', builtIn: false, defaultEstimateMinutes: 60 });
    const list = (await t.api('GET', '/api/task-kinds')).body.kinds;
    expect(list.map((k: { key: string }) => k.key)).toEqual(expect.arrayContaining(['mic_setup', 'mix_review', 'strings_setup']));
    expect((await t.api('POST', '/api/task-kinds', { key: 'strings_setup', label: 'Again', defaultRole: 'ENGINEER' })).status).toBe(409);
    expect((await t.api('POST', '/api/task-kinds', { key: 'Bad Key', label: 'x', defaultRole: 'ENGINEER' })).status).toBe(400);
    expect((await t.api('PATCH', '/api/task-kinds/strings_setup', { label: 'Strings & horns setup' })).body.label).toBe('Strings & horns setup');
    expect((await t.api('DELETE', '/api/task-kinds/strings_setup')).status).toBe(204);
    expect((await t.api('DELETE', '/api/task-kinds/mic_setup')).status).toBe(404);
  });
});
