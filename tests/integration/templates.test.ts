// Session templates: booking from one creates its routed tasks and setup list; studios create,
// edit, duplicate and delete their own, and save a session as one. And My day's agenda.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionTemplate, SetupItem, Task } from '@patchbay/shared';
import { createGear, createMember, createProject, createRoom, createStudio } from '../helpers/factories';
import { startTestServer, type Api, type TestServer } from '../helpers/test-server';

describe('session templates', () => {
  let t: TestServer;
  let ids: { studioId: string; roomId: string; projectId: string; producerId: string; engineerId: string; assistantId: string; gearId: string; ribbonId: string };
  let producer: Api;
  let assistant: Api;
  let drums: SessionTemplate;

  beforeAll(async () => {
    t = await startTestServer();
    const studio = await createStudio(t.prisma, { name: 'Template Studio', timezone: 'Europe/London' });
    const room = await createRoom(t.prisma, studio.id, { name: 'Live Room A', kind: 'LIVE_ROOM' });
    const producerRow = await createMember(t.prisma, studio.id, { name: 'Maya Producer', roles: ['PRODUCER'] });
    const engineer = await createMember(t.prisma, studio.id, { name: 'Sam Engineer', roles: ['ENGINEER'], knownRoomIds: [room.id] });
    const assistantRow = await createMember(t.prisma, studio.id, { name: 'Theo Assistant', roles: ['ASSISTANT_ENGINEER'], knownRoomIds: [room.id] });
    const project = await createProject(t.prisma, studio.id, { leadProducerId: producerRow.id });
    const gear = await createGear(t.prisma, studio.id, { label: 'U87 #1', needsPhantom: true });
    const ribbon = await createGear(t.prisma, studio.id, { label: 'Coles 4038 #1', ribbon: true });
    ids = { studioId: studio.id, roomId: room.id, projectId: project.id, producerId: producerRow.id, engineerId: engineer.id, assistantId: assistantRow.id, gearId: gear.id, ribbonId: ribbon.id };
    producer = await t.as(producerRow.id);
    assistant = await t.as(assistantRow.id);
  });
  afterAll(() => t.close());

  it('creates a template, checking its task kinds and gear and keeping each item’s label', async () => {
    const body = {
      name: 'Drum tracking',
      description: 'Kit day',
      durationMinutes: 600,
      tasks: [
        { kind: 'mic_setup', title: 'Mic the kit', estimateMinutes: 90 },
        { kind: 'tracking', title: 'Track drums' },
        { kind: 'creative_direction', title: 'Agree the feel' },
      ],
      inputs: [
        { channel: 1, source: 'Room L', gearId: ids.gearId, phantom: true, stand: 'Boom stand' },
        { channel: 2, source: 'Overhead L', gearId: ids.ribbonId },
      ],
      patches: [{ points: ['Wall box 1', 'Neve 1073 #1', 'Interface in 1'] }],
      checks: [{ text: 'Power up console' }],
    };
    const bad = await producer('POST', '/api/templates', { ...body, tasks: [{ kind: 'no_such_kind', title: 'x' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].path).toBe('tasks.0.kind');
    const badGear = await producer('POST', '/api/templates', { ...body, inputs: [{ source: 'x', gearId: '00000000-0000-4000-8000-000000000000' }] });
    expect(badGear.body.error.details.issues[0].path).toBe('inputs.0.gearId');
    const res = await producer('POST', '/api/templates', body);
    expect(res.status).toBe(201);
    drums = res.body;
    expect(drums.inputs.map((l) => [l.source, l.gearLabel])).toEqual([['Room L', 'U87 #1'], ['Overhead L', 'Coles 4038 #1']]);
    expect(drums.tasks[1]).toEqual({ kind: 'tracking', title: 'Track drums', notes: '', estimateMinutes: null });
    expect((await producer('POST', '/api/templates', body)).status).toBe(409);
    expect((await assistant('POST', '/api/templates', { ...body, name: 'Mine' })).status).toBe(403);
  });

  it('booking from it creates the session with its tasks routed by the rules, with reasons, and its setup list', async () => {
    const res = await producer('POST', '/api/sessions', {
      title: 'Drums for "Harbour"', projectId: ids.projectId, roomId: ids.roomId, producerId: ids.producerId, engineerId: ids.engineerId,
      startsAt: '2027-03-01T10:00:00.000Z', endsAt: '2027-03-01T20:00:00.000Z', templateId: drums.id,
    });
    expect(res.status).toBe(201);
    expect(res.body.taskCounts).toMatchObject({ TODO: 3 });
    expect(res.body.setup).toMatchObject({ done: 0, total: 4, byPart: { INPUT: { total: 2 }, PATCH: { total: 1 }, CHECK: { total: 1 } } });
    const board = (await producer('GET', `/api/sessions/${res.body.id}/board`)).body as { tasks: Task[]; setup: SetupItem[]; seq: number };
    const byTitle = new Map(board.tasks.map((task) => [task.title, task]));
    expect(byTitle.get('Mic the kit')).toMatchObject({ assignee: { id: ids.engineerId }, routingRule: expect.any(String), assignedManually: false, estimateMinutes: 90 });
    expect(byTitle.get('Mic the kit')?.routingReason).toMatch(/Sam Engineer is the session's engineer/);
    expect(byTitle.get('Agree the feel')).toMatchObject({ assignee: { id: ids.producerId }, role: 'PRODUCER' });
    expect(byTitle.get('Track drums')?.estimateMinutes).toBe(240); // the kind's default
    expect(board.setup.map((i) => [i.part, i.channel, i.source || i.text || i.points.join(' → '), i.gear?.label ?? null])).toEqual([
      ['INPUT', 1, 'Room L', 'U87 #1'],
      ['INPUT', 2, 'Overhead L', 'Coles 4038 #1'],
      ['PATCH', null, 'Wall box 1 → Neve 1073 #1 → Interface in 1', null],
      ['CHECK', null, 'Power up console', null],
    ]);
    // Every line and task is in the board's event log (one transaction with the booking).
    const events = (await producer('GET', `/api/sessions/${res.body.id}/events?after=0`)).body.events as { type: string }[];
    expect(events.map((e) => e.type)).toEqual(['task.created', 'task.created', 'task.created', 'setup.created', 'setup.created', 'setup.created', 'setup.created']);
    expect(board.seq).toBe(7);
    // The assignment history says routing decided.
    const history = (await producer('GET', `/api/tasks/${byTitle.get('Mic the kit')!.id}/assignments`)).body.assignments;
    expect(history).toEqual([expect.objectContaining({ manual: false, assignee: { id: ids.engineerId, name: 'Sam Engineer' } })]);
  });

  it('a booking that double-books refuses the template’s tasks too', async () => {
    const res = await producer('POST', '/api/sessions', {
      title: 'Clash', projectId: ids.projectId, roomId: ids.roomId, startsAt: '2027-03-01T12:00:00.000Z', endsAt: '2027-03-01T14:00:00.000Z', templateId: drums.id,
    });
    expect(res.status).toBe(409);
    expect(await t.prisma.session.count({ where: { title: 'Clash' } })).toBe(0);
    const unknown = await producer('POST', '/api/sessions', { title: 'X', projectId: ids.projectId, roomId: ids.roomId, startsAt: '2027-04-01T12:00:00.000Z', endsAt: '2027-04-01T14:00:00.000Z', templateId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.issues[0].path).toBe('templateId');
    expect(await t.prisma.session.count({ where: { title: 'X' } })).toBe(0);
  });

  it('saves a session as a template, duplicates, replaces and deletes templates', async () => {
    const session = (await t.prisma.session.findFirstOrThrow({ where: { title: 'Drums for "Harbour"' } })).id;
    const line = (await producer('GET', `/api/sessions/${session}/board`)).body.setup[0] as SetupItem;
    await producer('PATCH', `/api/setup-items/${line.id}`, { version: line.version, checked: true, notes: 'Higher' });
    const saved = await producer('POST', `/api/sessions/${session}/template`, { name: 'Drums, as we did them' });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ name: 'Drums, as we did them', durationMinutes: 600 });
    expect(saved.body.inputs[0]).toMatchObject({ source: 'Room L', gearId: ids.gearId, gearLabel: 'U87 #1', notes: 'Higher' });
    expect(saved.body.tasks.map((x: { title: string }) => x.title)).toEqual(['Mic the kit', 'Track drums', 'Agree the feel']);
    expect((await producer('POST', `/api/sessions/${session}/template`, { name: 'Drums, as we did them' })).status).toBe(409);

    const copy = await producer('POST', `/api/templates/${drums.id}/duplicate`, {});
    expect(copy.body.name).toBe('Drum tracking (copy)');
    expect((await producer('POST', `/api/templates/${drums.id}/duplicate`, {})).body.name).toBe('Drum tracking (copy 2)');
    const { id: _id, updatedAt: _u, ...content } = copy.body as SessionTemplate;
    const replaced = await producer('PUT', `/api/templates/${copy.body.id}`, { ...content, name: 'Drums (short)', durationMinutes: 300, checks: [] });
    expect(replaced.body).toMatchObject({ name: 'Drums (short)', durationMinutes: 300, checks: [] });
    const dup = await producer('PUT', `/api/templates/${copy.body.id}`, { ...content, inputs: [{ channel: 1, source: 'A' }, { channel: 1, source: 'B' }] });
    expect(dup.status).toBe(400);
    expect(dup.body.error.details.issues[0].path).toBe('inputs.1.channel');
    expect((await producer('DELETE', `/api/templates/${copy.body.id}`)).status).toBe(204);
    expect((await producer('GET', `/api/templates/${copy.body.id}`)).status).toBe(404);
    const names = (await assistant('GET', '/api/templates')).body.templates.map((x: SessionTemplate) => x.name);
    expect(names).toEqual(['Drum tracking', 'Drum tracking (copy 2)', 'Drums, as we did them']);
  });

  it('My day lists the sessions someone works on and their own tasks, with setup progress', async () => {
    const engineer = await t.as(ids.engineerId);
    const agenda = (await engineer('GET', '/api/me/agenda?from=2027-03-01T00:00:00.000Z&to=2027-03-02T00:00:00.000Z')).body;
    expect(agenda.sessions.map((s: { title: string; involvement: string[] }) => [s.title, s.involvement])).toEqual([['Drums for "Harbour"', ['engineer', 'tasks']]]);
    expect(agenda.sessions[0].setup).toMatchObject({ done: 1, total: 4 });
    expect(agenda.tasks.map((x: Task) => x.title).sort()).toEqual(['Mic the kit', 'Track drums']);
    const producerDay = (await producer('GET', '/api/me/agenda?from=2027-03-01T00:00:00.000Z&to=2027-03-02T00:00:00.000Z')).body;
    expect(producerDay.sessions[0].involvement).toEqual(['producer', 'lead', 'tasks']);
    const assistantDay = (await assistant('GET', '/api/me/agenda?from=2027-03-01T00:00:00.000Z&to=2027-03-02T00:00:00.000Z')).body;
    expect(assistantDay).toMatchObject({ sessions: [], tasks: [] });
    const tooLong = await engineer('GET', '/api/me/agenda?from=2027-03-01T00:00:00.000Z&to=2027-06-02T00:00:00.000Z');
    expect(tooLong.status).toBe(400);
  });
});
