import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RoutingPreviewSchema, TaskSchema } from '@patchbay/shared';
import { createMember, createProject, createRoom, createSession, createStudio } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/test-server';

const at = (iso: string) => new Date(iso);

describe('task routing over HTTP', () => {
  let t: TestServer;
  let s: {
    studio: { id: string };
    studioA: { id: string };
    booth: { id: string };
    maya: { id: string };
    sam: { id: string };
    lena: { id: string };
    project: { id: string };
    vocals: { id: string };
    drums: { id: string };
  };

  beforeAll(async () => {
    t = await startTestServer();
    const p = t.prisma;
    const studio = await createStudio(p, { name: 'Routing Studio', timezone: 'Europe/London' });
    const studioA = await createRoom(p, studio.id, { name: 'Studio A' });
    const booth = await createRoom(p, studio.id, { name: 'Vocal Booth', kind: 'BOOTH' });
    const maya = await createMember(p, studio.id, { name: 'Maya', roles: ['PRODUCER'], skills: ['engineering'] });
    const sam = await createMember(p, studio.id, { name: 'Sam', roles: ['ENGINEER'], knownRoomIds: [studioA.id] });
    const lena = await createMember(p, studio.id, { name: 'Lena', roles: ['ENGINEER'], knownRoomIds: [booth.id] });
    const project = await createProject(p, studio.id, { leadProducerId: maya.id });
    // Vocals in the booth with no engineer staffed; drums in Studio A at the same time, staffed by Sam.
    const vocals = await createSession(p, { studioId: studio.id, projectId: project.id, roomId: booth.id }, { title: 'Vocals', startsAt: at('2026-11-24T10:00:00Z'), hours: 4, producerId: maya.id });
    const drums = await createSession(p, { studioId: studio.id, projectId: project.id, roomId: studioA.id }, { title: 'Drum tracking', startsAt: at('2026-11-24T09:00:00Z'), hours: 6, engineerId: sam.id });
    s = { studio, studioA, booth, maya, sam, lena, project, vocals, drums };
  });
  afterAll(() => t.close());

  it('routes technical work to a free engineer, never one booked elsewhere, with readable reasons', async () => {
    const res = await t.api('POST', `/api/sessions/${s.vocals.id}/tasks`, { kind: 'mic_setup', title: 'Lead vox on U87' });
    expect(res.status).toBe(201);
    const task = TaskSchema.parse(res.body);
    expect(task.role).toBe('ENGINEER');
    expect(task.assignee?.id).toBe(s.lena.id);
    expect(task.assignedManually).toBe(false);
    expect(task.routingReason).toMatch(/engineer/i);
    expect(task.routingReason).toContain('Lena');
    expect(task.routingRule).not.toBe('');
  });

  it('routes creative work to the session producer', async () => {
    const res = await t.api('POST', `/api/sessions/${s.vocals.id}/tasks`, { kind: 'artist_coaching', title: 'Phrasing notes' });
    expect(res.body).toMatchObject({ role: 'PRODUCER', assignee: { id: s.maya.id } });
  });

  it('previews the decision with ranked candidates and who is blocked, without creating anything', async () => {
    const before = await t.prisma.task.count();
    const res = await t.api('POST', `/api/sessions/${s.vocals.id}/routing-preview`, { kind: 'tracking' });
    expect(res.status).toBe(200);
    const preview = RoutingPreviewSchema.parse(res.body);
    expect(preview.assignee?.id).toBe(s.lena.id);
    expect(preview.candidates[0]?.member.id).toBe(s.lena.id);
    const samBlocked = preview.ineligible.find((m) => m.member.id === s.sam.id);
    expect(samBlocked?.blockers).toContain('double_booked');
    expect(samBlocked?.reasons.join(' ')).toMatch(/Drum tracking|booked/);
    expect(await t.prisma.task.count()).toBe(before);
    expect((await t.api('POST', `/api/sessions/${s.vocals.id}/routing-preview`, { kind: 'juggling' })).status).toBe(400);
  });

  it('records a manual override with the rules it breaks, and keeps the history', async () => {
    const created = (await t.api('POST', `/api/sessions/${s.vocals.id}/tasks`, { kind: 'tracking', title: 'Lead vocal takes' })).body;
    const check = await t.api('POST', `/api/tasks/${created.id}/assignment-check`, { memberId: s.sam.id });
    expect(check.status).toBe(200);
    expect(check.body.warnings.map((w: { code: string }) => w.code)).toContain('double_booked');

    const moved = await t.api('PATCH', `/api/tasks/${created.id}`, { version: created.version, assigneeId: s.sam.id, assignmentNote: 'Sam knows this singer' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ assignee: { id: s.sam.id }, assignedManually: true, routingRule: 'manual' });
    expect(moved.body.routingReason).toContain('Sam knows this singer');
    expect(moved.body.routingReason).toMatch(/Overrides routing/);

    const history = (await t.api('GET', `/api/tasks/${created.id}/assignments`)).body.assignments;
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({ manual: true, assignee: { id: s.sam.id } });
    expect(history[0].warnings.map((w: { code: string }) => w.code)).toContain('double_booked');
    expect(history[1]).toMatchObject({ manual: false, assignee: { id: s.lena.id } });

    const rerouted = await t.api('POST', `/api/tasks/${created.id}/reroute`, { version: moved.body.version });
    expect(rerouted.status).toBe(200);
    expect(rerouted.body).toMatchObject({ assignee: { id: s.lena.id }, assignedManually: false });
    expect((await t.api('POST', `/api/tasks/${created.id}/reroute`, { version: moved.body.version })).status).toBe(409);
  });

  it('leaves the task unassigned with the reason when nobody is eligible', async () => {
    // A producer-less session at the same time as Maya's vocals: no producer is free.
    const clash = await createSession(t.prisma, { studioId: s.studio.id, projectId: s.project.id, roomId: s.studioA.id }, { title: 'Clash', startsAt: at('2026-11-24T11:00:00Z'), hours: 1 });
    const res = await t.api('POST', `/api/sessions/${clash.id}/tasks`, { kind: 'creative_direction', title: 'Pick references' });
    expect(res.status).toBe(201);
    expect(res.body.assignee).toBeNull();
    expect(res.body.routingReason).toMatch(/Maya/);
    expect(res.body.routingRule).toBe('no_eligible_member');
  });

  it('creates a mix review for the producer when the engineer finishes the mix', async () => {
    const mix = (await t.api('POST', `/api/sessions/${s.vocals.id}/tasks`, { kind: 'mixing', title: 'Mix the single', assigneeId: s.lena.id })).body;
    const seq = (await t.api('GET', `/api/sessions/${s.vocals.id}/board`)).body.seq;
    const done = await t.api('PATCH', `/api/tasks/${mix.id}`, { version: mix.version, status: 'DONE' });
    expect(done.status).toBe(200);
    const board = (await t.api('GET', `/api/sessions/${s.vocals.id}/board`)).body;
    const reviews = board.tasks.filter((x: { kind: string }) => x.kind === 'mix_review');
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({ role: 'PRODUCER', assignee: { id: s.maya.id }, status: 'TODO' });
    const events = (await t.api('GET', `/api/sessions/${s.vocals.id}/events?after=${seq}`)).body.events;
    // The review follows the finished mix; the planned session is started by it (its own event, last).
    expect(events.map((e: { type: string }) => e.type)).toEqual(['task.updated', 'task.created', 'session.updated']);
  });
});

describe('sessions refuse double booking', () => {
  let t: TestServer;
  let ids: { studioA: string; booth: string; project: string; maya: string; sam: string };
  beforeAll(async () => {
    t = await startTestServer();
    const studio = await createStudio(t.prisma, { name: 'Booking Studio' });
    const studioA = await createRoom(t.prisma, studio.id, { name: 'Studio A' });
    const booth = await createRoom(t.prisma, studio.id, { name: 'Booth B' });
    const maya = await createMember(t.prisma, studio.id, { name: 'Maya', roles: ['PRODUCER'] });
    const sam = await createMember(t.prisma, studio.id, { name: 'Sam', roles: ['ENGINEER'] });
    const project = await createProject(t.prisma, studio.id);
    ids = { studioA: studioA.id, booth: booth.id, project: project.id, maya: maya.id, sam: sam.id };
  });
  afterAll(() => t.close());

  const book = (body: Record<string, unknown>) =>
    t.api('POST', '/api/sessions', { title: 'Session', projectId: ids.project, roomId: ids.studioA, startsAt: '2026-12-01T10:00:00Z', endsAt: '2026-12-01T14:00:00Z', ...body });

  it('books a session, then refuses the same room at an overlapping time with a 409 naming the conflict', async () => {
    const first = await book({ title: 'Drum tracking', engineerId: ids.sam });
    expect(first.status).toBe(201);
    const clash = await book({ title: 'Guitars', startsAt: '2026-12-01T13:00:00Z', endsAt: '2026-12-01T15:00:00Z' });
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('BOOKING_CONFLICT');
    expect(clash.body.error.message).toContain('Drum tracking');
    expect(clash.body.error.details.conflicts[0]).toMatchObject({ kind: 'room', sessionId: first.body.id });
    // Back to back is fine: intervals are half-open.
    expect((await book({ title: 'Guitars', startsAt: '2026-12-01T14:00:00Z', endsAt: '2026-12-01T16:00:00Z' })).status).toBe(201);
  });

  it('refuses a person booked in two rooms at once, and a move into a conflict', async () => {
    const clash = await book({ title: 'Vocals', roomId: ids.booth, engineerId: ids.sam, startsAt: '2026-12-01T11:00:00Z', endsAt: '2026-12-01T12:00:00Z' });
    expect(clash.status).toBe(409);
    expect(clash.body.error.details.conflicts[0]).toMatchObject({ kind: 'engineer', memberId: ids.sam });
    expect(clash.body.error.message).toContain('Sam');

    const later = await book({ title: 'Vocals', roomId: ids.booth, engineerId: ids.sam, startsAt: '2026-12-02T11:00:00Z', endsAt: '2026-12-02T12:00:00Z' });
    expect(later.status).toBe(201);
    const move = await t.api('PATCH', `/api/sessions/${later.body.id}`, { startsAt: '2026-12-01T11:00:00Z', endsAt: '2026-12-01T12:00:00Z' });
    expect(move.status).toBe(409);
    const unchanged = (await t.api('GET', `/api/sessions/${later.body.id}`)).body;
    expect(unchanged.startsAt).toBe('2026-12-02T11:00:00.000Z');
    // Cancelled sessions book nothing.
    const cancelled = await t.api('PATCH', `/api/sessions/${later.body.id}`, { status: 'CANCELLED', startsAt: '2026-12-01T11:00:00Z', endsAt: '2026-12-01T12:00:00Z' });
    expect(cancelled.status).toBe(200);
  });

  it('validates the window and the staff', async () => {
    expect((await book({ startsAt: '2026-12-03T14:00:00Z', endsAt: '2026-12-03T10:00:00Z' })).status).toBe(400);
    const notProducer = await book({ startsAt: '2026-12-04T10:00:00Z', endsAt: '2026-12-04T11:00:00Z', producerId: ids.sam });
    expect(notProducer.status).toBe(400);
    expect(notProducer.body.error.message).toMatch(/producer/);
  });

  it('tells the board when its session changes', async () => {
    const s = await book({ title: 'Mix', roomId: ids.booth, startsAt: '2026-12-05T10:00:00Z', endsAt: '2026-12-05T12:00:00Z' });
    const patched = await t.api('PATCH', `/api/sessions/${s.body.id}`, { title: 'Mix revisions' });
    expect(patched.body).toMatchObject({ title: 'Mix revisions', seq: 1 });
    const events = (await t.api('GET', `/api/sessions/${s.body.id}/events?after=0`)).body.events;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'session.updated', session: { title: 'Mix revisions' } });
  });
});
