// Setup lists over HTTP and socket.io: live check-offs, the rules on save, versions, reorder,
// checklist generation, and who may do what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, SOCKET_ID_HEADER, type SetupItem } from '@patchbay/shared';
import { createGear, createMember, createProject, createSession, createStaffedSession, createTaskRow } from '../helpers/factories';
import { connectSocket, joinBoard, waitForEvents, type TestSocket } from '../helpers/sockets';
import { startTestServer, type Api, type TestServer } from '../helpers/test-server';

describe('setup lists', () => {
  let t: TestServer;
  let f: Awaited<ReturnType<typeof createStaffedSession>>;
  let engineer: Api;
  let assistant: Api;
  let assistantId: string;
  let guest: Api;
  let guestId: string;
  let u87: { id: string };
  const sockets: TestSocket[] = [];
  const socketAs = async (memberId?: string) => {
    const s = await connectSocket(t.baseUrl, await t.cookieFor(memberId));
    sockets.push(s);
    return s;
  };
  const addInput = (api: Api, body: Record<string, unknown>, sessionId = f.session.id) => api('POST', `/api/sessions/${sessionId}/setup-items`, { part: 'INPUT', ...body });

  beforeAll(async () => {
    t = await startTestServer();
    f = await createStaffedSession(t.prisma);
    engineer = await t.as(f.engineer.id);
    const theo = await createMember(t.prisma, f.studio.id, { name: 'Theo Assistant', roles: ['ASSISTANT_ENGINEER'] });
    assistantId = theo.id;
    await createTaskRow(t.prisma, { studioId: f.studio.id, sessionId: f.session.id }, { kind: 'mic_setup', assigneeId: theo.id });
    assistant = await t.as(theo.id);
    const artist = await createMember(t.prisma, f.studio.id, { name: 'Ari Artist', roles: [], accessRole: 'GUEST' });
    guestId = artist.id;
    await t.prisma.member.update({ where: { id: artist.id }, data: { guestProjects: { connect: [{ id: f.project.id }] } } });
    guest = await t.as(artist.id);
    u87 = await createGear(t.prisma, f.studio.id, { label: 'U87 #1', needsPhantom: true });
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await t.close();
  });

  it('pushes a new input line and a check-off to every viewer live, with who and when, in the board’s one sequence', async () => {
    const viewer = await socketAs(f.producer.id);
    const seq = (await t.api('GET', `/api/sessions/${f.session.id}/board`)).body.seq as number;
    expect((await joinBoard(viewer, f.session.id, seq)).ok).toBe(true);

    const created = await addInput(engineer, { channel: 1, source: 'Lead Vox', gearId: u87.id, phantom: true, stand: 'Boom stand', highPassHz: 80 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ part: 'INPUT', channel: 1, source: 'Lead Vox', gear: { id: u87.id, label: 'U87 #1' }, phantom: true, highPassHz: 80, checked: null, version: 1 });

    const checked = await assistant('PATCH', `/api/setup-items/${created.body.id}`, { version: 1, checked: true });
    expect(checked.status).toBe(200);
    expect(checked.body.checked).toMatchObject({ by: { id: assistantId, name: 'Theo Assistant' } });
    expect(Date.now() - Date.parse(checked.body.checked.at)).toBeLessThan(60_000);

    const [a, b] = await waitForEvents(viewer, 2);
    expect(a).toMatchObject({ v: PROTOCOL_VERSION, type: 'setup.created', seq: seq + 1, item: created.body });
    expect(b).toMatchObject({ type: 'setup.updated', seq: seq + 2, changed: ['checked'], actor: { id: assistantId } });
    expect(b?.type === 'setup.updated' && b.item).toEqual(checked.body);

    // The snapshot holds the same line, and the session its progress.
    const board = (await t.api('GET', `/api/sessions/${f.session.id}/board`)).body;
    expect(board.setup).toContainEqual(checked.body);
    expect(board.session.setup).toMatchObject({ done: 1, total: 1, byPart: { INPUT: { done: 1, total: 1 } } });
    const list = (await t.api('GET', '/api/sessions')).body.sessions.find((s: { id: string }) => s.id === f.session.id);
    expect(list.setup).toEqual(board.session.setup);
  });

  it('a check-off someone already made is not a conflict; an edit on an old version is 409 with the current line', async () => {
    const line = (await addInput(engineer, { channel: 2, source: 'Talkback' })).body as SetupItem;
    const first = await assistant('PATCH', `/api/setup-items/${line.id}`, { version: 1, checked: true });
    expect(first.body.version).toBe(2);
    // A second tablet ticks the same box from version 1: nothing to do, the line as it is.
    const second = await engineer('PATCH', `/api/setup-items/${line.id}`, { version: 1, checked: true });
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    // An edit based on version 1 meets version 2.
    const stale = await engineer('PATCH', `/api/setup-items/${line.id}`, { version: 1, notes: 'Use the red cable' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'VERSION_CONFLICT', details: { current: first.body } });
    // Unchecking is a change like any other.
    const cleared = await assistant('PATCH', `/api/setup-items/${line.id}`, { version: 2, checked: false, notes: 'Cable swapped' });
    expect(cleared.body).toMatchObject({ checked: null, notes: 'Cable swapped', version: 3 });
  });

  it('refuses on save what the rules call an error, naming the field, and changes nothing', async () => {
    const repair = await createGear(t.prisma, f.studio.id, { label: 'MD421 #3', status: 'IN_REPAIR' });
    const before = (await t.api('GET', `/api/sessions/${f.session.id}/board`)).body;

    const dup = await addInput(engineer, { channel: 1, source: 'Second vox' });
    expect(dup.status).toBe(400);
    expect(dup.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: [{ location: 'body', path: 'channel', message: 'Channel 1 is also used by “Lead Vox”.' }] } });

    const broken = await addInput(engineer, { channel: 5, source: 'Tom', gearId: repair.id });
    expect(broken.status).toBe(400);
    expect(broken.body.error.details.issues).toEqual([{ location: 'body', path: 'gearId', message: 'MD421 #3 is in repair: choose other gear.' }]);

    const foreign = await addInput(engineer, { channel: 6, source: 'Tom', gearId: '00000000-0000-4000-8000-000000000000' });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.details.issues[0].path).toBe('gearId');

    const noSource = await addInput(engineer, { channel: 7 });
    expect(noSource.status).toBe(400);
    expect(noSource.body.error.details.issues[0]).toMatchObject({ path: 'source' });

    const after = (await t.api('GET', `/api/sessions/${f.session.id}/board`)).body;
    expect(after.seq).toBe(before.seq);
    expect(after.setup).toEqual(before.setup);
  });

  it('a unit planned in an overlapping session is a 409 GEAR_CONFLICT naming the item, the other session and its times', async () => {
    const other = await createSession(t.prisma, { studioId: f.studio.id, projectId: f.project.id, roomId: f.room.id }, { title: 'Drum tracking', startsAt: new Date(f.session.startsAt.getTime() + 2 * 3_600_000), hours: 4 });
    const res = await addInput(t.api, { channel: 10, source: 'Room L', gearId: u87.id, phantom: true }, other.id);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('GEAR_CONFLICT');
    expect(res.body.error.message).toBe("U87 #1 is already planned for 'Vocal overdubs' 10:00–14:00.");
    expect(res.body.error.details.issues[0]).toMatchObject({
      code: 'gear_conflict', field: 'gearId', gearId: u87.id,
      conflicts: [{ sessionId: f.session.id, title: 'Vocal overdubs', startsAt: f.session.startsAt.toISOString(), endsAt: f.session.endsAt.toISOString() }],
    });
    // The rules' context for the other session names the same.
    const context = (await t.api('GET', `/api/sessions/${other.id}/setup/context`)).body;
    expect(context.uses).toEqual([expect.objectContaining({ sessionId: f.session.id, gearId: u87.id, units: 1 })]);
    // Once the first session no longer plans it, it is free.
    const seated = (await t.api('GET', `/api/sessions/${f.session.id}/board`)).body.setup.find((i: SetupItem) => i.gear?.id === u87.id) as SetupItem;
    expect((await engineer('PATCH', `/api/setup-items/${seated.id}`, { version: seated.version, gearId: null, gearText: 'Artist’s own U87' })).status).toBe(200);
    expect((await addInput(t.api, { channel: 10, source: 'Room L', gearId: u87.id, phantom: true }, other.id)).status).toBe(201);
  });

  it('gear that went into repair after planning shows as an issue but does not block other edits of the line', async () => {
    const km = await createGear(t.prisma, f.studio.id, { label: 'KM184 #1', needsPhantom: true });
    const line = (await addInput(engineer, { channel: 8, source: 'Hi-Hat', gearId: km.id, phantom: true })).body as SetupItem;
    expect((await t.api('PATCH', `/api/gear/${km.id}`, { status: 'IN_REPAIR' })).status).toBe(200);
    const context = (await t.api('GET', `/api/sessions/${f.session.id}/setup/context`)).body;
    expect(context.issues).toContainEqual(expect.objectContaining({ itemId: line.id, code: 'gear_unavailable', severity: 'error', message: 'KM184 #1 is in repair: choose other gear.' }));
    const note = await assistant('PATCH', `/api/setup-items/${line.id}`, { version: line.version, notes: 'Swap for KM184 #2' });
    expect(note.status).toBe(200);
  });

  it('reorders a line within its part; the event carries the part’s order', async () => {
    const session = await createSession(t.prisma, { studioId: f.studio.id, projectId: f.project.id, roomId: f.room.id }, { startsAt: new Date('2027-02-01T10:00:00Z'), engineerId: f.engineer.id });
    const steps: SetupItem[] = [];
    for (const text of ['Power up', 'Clock', 'Talkback']) steps.push((await engineer('POST', `/api/sessions/${session.id}/setup-items`, { part: 'CHECK', text })).body);
    const viewer = await socketAs();
    await joinBoard(viewer, session.id);
    const moved = await engineer('POST', `/api/setup-items/${steps[2]!.id}/move`, { version: 1, index: 0 });
    expect(moved.status).toBe(200);
    expect(moved.body.order.map((o: { id: string }) => o.id)).toEqual([steps[2]!.id, steps[0]!.id, steps[1]!.id]);
    const [event] = await waitForEvents(viewer, 1);
    expect(event).toMatchObject({ type: 'setup.moved', seq: moved.body.seq, order: moved.body.order });
    const board = (await t.api('GET', `/api/sessions/${session.id}/board`)).body;
    expect(board.setup.map((i: SetupItem) => i.text)).toEqual(['Talkback', 'Power up', 'Clock']);
  });

  it('generates the prep checklist from the input list, once', async () => {
    const session = await createSession(t.prisma, { studioId: f.studio.id, projectId: f.project.id, roomId: f.room.id }, { startsAt: new Date('2027-02-02T10:00:00Z'), engineerId: f.engineer.id });
    const ribbon = await createGear(t.prisma, f.studio.id, { label: 'Coles 4038 #1', ribbon: true });
    const tube = await createGear(t.prisma, f.studio.id, { label: 'U47', tube: true });
    await addInput(engineer, { channel: 1, source: 'Overhead L', gearId: ribbon.id, stand: 'Boom stand' }, session.id);
    await addInput(engineer, { channel: 2, source: 'Lead Vox', gearId: tube.id }, session.id);
    const first = await engineer('POST', `/api/sessions/${session.id}/setup/checklist`);
    expect(first.status).toBe(201);
    expect(first.body.created.map((i: SetupItem) => i.text)).toEqual([
      'Place Coles 4038 #1 — ch 1 Overhead L (Boom stand)',
      'Phantom OFF on ch 1 before patching Coles 4038 #1 (ribbon)',
      'Place U47 — ch 2 Lead Vox',
      'Connect the PSU for U47 (ch 2), power it and let it warm up',
      'Line-check every channel and tick each one on the input list',
    ]);
    expect(first.body.created.every((i: SetupItem) => i.part === 'CHECK' && i.generatedKey)).toBe(true);
    const again = await engineer('POST', `/api/sessions/${session.id}/setup/checklist`);
    expect(again.body.created).toEqual([]);
  });

  it('assistants check off and keep notes but do not plan; guests see no setup data, in answers or events', async () => {
    const line = (await addInput(engineer, { channel: 20, source: 'Click' })).body as SetupItem;
    expect((await assistant('PATCH', `/api/setup-items/${line.id}`, { version: 1, source: 'Metronome' })).status).toBe(403);
    expect((await assistant('POST', `/api/sessions/${f.session.id}/setup-items`, { part: 'CHECK', text: 'x' })).status).toBe(403);
    expect((await assistant('DELETE', `/api/setup-items/${line.id}`)).status).toBe(403);
    expect((await assistant('PATCH', `/api/setup-items/${line.id}`, { version: 1, notes: 'Click at 120' })).status).toBe(200);

    const board = (await guest('GET', `/api/sessions/${f.session.id}/board`)).body;
    // The guest board (presenters/guest.ts) has no setup list at all, not even an empty one.
    expect(board).not.toHaveProperty('setup');
    expect(board.session).not.toHaveProperty('setup');
    expect((await guest('GET', `/api/sessions/${f.session.id}/setup/context`)).status).toBe(403);
    expect((await guest('GET', `/api/sessions/${f.session.id}/setup/inputs.csv`)).status).toBe(403);
    expect((await guest('PATCH', `/api/setup-items/${line.id}`, { version: 2, checked: true })).status).toBe(403);

    const guestSocket = await socketAs(guestId);
    const staffSocket = await socketAs(f.producer.id);
    expect((await joinBoard(guestSocket, f.session.id, board.seq)).ok).toBe(true);
    await joinBoard(staffSocket, f.session.id, board.seq);
    const checked = await engineer('PATCH', `/api/setup-items/${line.id}`, { version: 2, checked: true });
    const task = await t.api('POST', `/api/sessions/${f.session.id}/tasks`, { kind: 'editing', title: 'Comp vocals' });
    const [redacted, taskEvent] = await waitForEvents(guestSocket, 2);
    // Same seq, nothing else: not the line, not who did it.
    expect(redacted).toEqual({ v: PROTOCOL_VERSION, type: 'redacted', sessionId: f.session.id, seq: board.seq + 1, at: expect.any(String), actor: null });
    // Guests get every board event redacted (the artist's view: tests/integration/guest-view.test.ts).
    expect(taskEvent).toEqual({ v: PROTOCOL_VERSION, type: 'redacted', sessionId: f.session.id, seq: board.seq + 2, at: expect.any(String), actor: null });
    expect(task.status).toBe(201);
    const [full] = await waitForEvents(staffSocket, 1);
    expect(full).toMatchObject({ type: 'setup.updated', item: checked.body });
    // Replay and gap fetches are redacted the same way.
    const page = (await guest('GET', `/api/sessions/${f.session.id}/events?after=${board.seq}`)).body;
    expect(page.events.map((e: { type: string; seq: number }) => [e.type, e.seq])).toEqual([['redacted', board.seq + 1], ['redacted', board.seq + 2]]);
    expect(JSON.stringify(page)).not.toContain('Click');
    const rejoin = await socketAs(guestId);
    const ack = await joinBoard(rejoin, f.session.id, board.seq);
    expect(ack.ok && ack.missed.map((e) => e.type)).toEqual(['redacted', 'redacted']);
  });

  it('does not echo a setup change to the socket that made it', async () => {
    const me = await socketAs(f.engineer.id);
    const other = await socketAs(f.producer.id);
    await joinBoard(me, f.session.id);
    await joinBoard(other, f.session.id);
    const res = await engineer('POST', `/api/sessions/${f.session.id}/setup-items`, { part: 'PATCH', points: ['Wall box 3', 'Neve 1073 #3', '1176', 'Interface in 3'] }, { [SOCKET_ID_HEADER]: me.id! });
    expect(res.status).toBe(201);
    const [event] = await waitForEvents(other, 1);
    expect(event?.type === 'setup.created' && event.item.points).toEqual(['Wall box 3', 'Neve 1073 #3', '1176', 'Interface in 3']);
    await new Promise((r) => setTimeout(r, 150));
    expect(me.received).toEqual([]);
  });

  it('removing gear keeps the lines that planned it, with its label as free text, on every board', async () => {
    const di = await createGear(t.prisma, f.studio.id, { label: 'Radial J48 #4', category: 'DI' });
    const line = (await addInput(engineer, { channel: 30, source: 'Bass DI', gearId: di.id })).body as SetupItem;
    const viewer = await socketAs();
    await joinBoard(viewer, f.session.id);
    expect((await t.api('DELETE', `/api/gear/${di.id}`)).status).toBe(204);
    const [event] = await waitForEvents(viewer, 1);
    expect(event).toMatchObject({ type: 'setup.updated', changed: ['gearId', 'gearText'], item: { id: line.id, gear: null, gearText: 'Radial J48 #4', version: line.version + 1 } });
  });

  it('checks gear input: unique labels, no phantom-needing ribbons, rooms of this studio', async () => {
    expect((await t.api('POST', '/api/gear', { category: 'MICROPHONE', label: 'U87 #1' })).status).toBe(409);
    const ribbon = await t.api('POST', '/api/gear', { category: 'MICROPHONE', label: 'R-121', ribbon: true, needsPhantom: true });
    expect(ribbon.status).toBe(400);
    expect(ribbon.body.error.details.issues[0].path).toBe('needsPhantom');
    const elsewhere = await createProject(t.prisma, f.studio.id);
    void elsewhere;
    const badRoom = await t.api('POST', '/api/gear', { category: 'STAND', label: 'Boom', homeRoomId: '00000000-0000-4000-8000-000000000000' });
    expect(badRoom.body.error.details.issues[0].path).toBe('homeRoomId');
    const ok = await t.api('POST', '/api/gear', { category: 'STAND', label: 'Boom stand', quantity: 12, homeRoomId: f.room.id, make: 'K&M', model: '210/9' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ label: 'Boom stand', quantity: 12, homeRoom: { id: f.room.id, name: 'Control Room A' }, status: 'OK' });
    const listed = (await engineer('GET', '/api/gear')).body.items.map((g: { label: string }) => g.label);
    expect(listed).toContain('Boom stand');
  });

  it('replays events written by the previous protocol version as this one', async () => {
    const session = await createSession(t.prisma, { studioId: f.studio.id, projectId: f.project.id, roomId: f.room.id }, { startsAt: new Date('2027-05-01T10:00:00Z') });
    const v1 = {
      v: 1, type: 'session.updated', sessionId: session.id, seq: 1, at: '2026-11-30T10:00:00.000Z', actor: null,
      session: { id: session.id, title: session.title, status: 'PLANNED', startsAt: session.startsAt.toISOString(), endsAt: session.endsAt.toISOString(), room: { id: f.room.id, name: 'Control Room A' }, project: { id: f.project.id, artist: 'A', title: 'T' }, producer: null, engineer: null, taskCounts: { TODO: 0, IN_PROGRESS: 0, BLOCKED: 0, DONE: 0 }, seq: 1 },
    };
    await t.prisma.boardEvent.create({ data: { sessionId: session.id, seq: 1, type: 'session.updated', payload: v1 } });
    await t.prisma.session.update({ where: { id: session.id }, data: { boardSeq: 1 } });
    const page = (await t.api('GET', `/api/sessions/${session.id}/events?after=0`)).body;
    expect(page).toMatchObject({ reset: false, seq: 1, events: [{ v: PROTOCOL_VERSION, type: 'session.updated', seq: 1, session: { id: session.id, setup: null } }] });
    // An event no version can read makes the client reload rather than the server fail.
    await t.prisma.boardEvent.create({ data: { sessionId: session.id, seq: 2, type: 'mystery', payload: { v: 1, type: 'mystery', seq: 2 } } });
    await t.prisma.session.update({ where: { id: session.id }, data: { boardSeq: 2 } });
    const broken = await t.api('GET', `/api/sessions/${session.id}/events?after=0`);
    expect(broken.status).toBe(200);
    expect(broken.body).toEqual({ events: [], seq: 2, reset: true });
  });

  it('refuses fields a part does not have (a checklist step has no gear or channel)', async () => {
    const repair = await createGear(t.prisma, f.studio.id, { label: 'Beta 52A', status: 'MISSING' });
    const step = await engineer('POST', `/api/sessions/${f.session.id}/setup-items`, { part: 'CHECK', text: 'x', gearId: repair.id, channel: 1 });
    expect(step.status).toBe(400);
    expect(step.body.error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(['channel', 'gearId']);
    const line = (await engineer('POST', `/api/sessions/${f.session.id}/setup-items`, { part: 'CHECK', text: 'Tune the snare' })).body as SetupItem;
    const patch = await engineer('PATCH', `/api/setup-items/${line.id}`, { version: 1, points: ['a', 'b'] });
    expect(patch.status).toBe(400);
    expect(patch.body.error.details.issues[0]).toMatchObject({ path: 'points', message: 'a checklist step has no points' });
  });

  it('moving a session onto a slot where its planned gear is busy is a booking conflict; so is bringing it back from cancelled', async () => {
    const mic = await createGear(t.prisma, f.studio.id, { label: 'KM184 #9', needsPhantom: true });
    const base = new Date('2027-06-01T10:00:00Z');
    const first = await createSession(t.prisma, { studioId: f.studio.id, projectId: f.project.id, roomId: f.room.id }, { title: 'Strings', startsAt: base, hours: 4 });
    const room2 = await t.prisma.room.create({ data: { studioId: f.studio.id, name: 'Booth 9', kind: 'BOOTH' } });
    const second = await createSession(t.prisma, { studioId: f.studio.id, projectId: f.project.id, roomId: room2.id }, { title: 'Overdubs', startsAt: new Date(base.getTime() + 6 * 3_600_000), hours: 2 });
    expect((await addInput(t.api, { channel: 1, source: 'Violin', gearId: mic.id, phantom: true }, first.id)).status).toBe(201);
    expect((await addInput(t.api, { channel: 1, source: 'Vox', gearId: mic.id, phantom: true }, second.id)).status).toBe(201);
    const before = (await t.api('GET', `/api/sessions/${second.id}/board`)).body.seq;
    const moved = await t.api('PATCH', `/api/sessions/${second.id}`, { startsAt: new Date(base.getTime() + 3_600_000).toISOString(), endsAt: new Date(base.getTime() + 3 * 3_600_000).toISOString() });
    expect(moved.status).toBe(409);
    expect(moved.body.error).toMatchObject({ code: 'BOOKING_CONFLICT', details: { conflicts: [{ kind: 'gear', gearId: mic.id, sessionId: first.id, title: 'Strings' }] } });
    expect(moved.body.error.message).toBe("KM184 #9 is already planned for 'Strings' 10:00–14:00.");
    expect((await t.api('GET', `/api/sessions/${second.id}/board`)).body.seq).toBe(before);
    // A move that keeps clear of it is fine.
    expect((await t.api('PATCH', `/api/sessions/${second.id}`, { startsAt: new Date(base.getTime() + 5 * 3_600_000).toISOString(), endsAt: new Date(base.getTime() + 7 * 3_600_000).toISOString() })).status).toBe(200);
    // Cancelled, the slot may be taken; back from cancelled, the clash counts again.
    await t.api('PATCH', `/api/sessions/${second.id}`, { status: 'CANCELLED' });
    expect((await t.api('PATCH', `/api/sessions/${second.id}`, { startsAt: new Date(base.getTime() + 3_600_000).toISOString(), endsAt: new Date(base.getTime() + 3 * 3_600_000).toISOString() })).status).toBe(200);
    const back = await t.api('PATCH', `/api/sessions/${second.id}`, { status: 'PLANNED' });
    expect(back.status).toBe(409);
    expect(back.body.error.details.conflicts[0]).toMatchObject({ kind: 'gear', gearId: mic.id });
  });

  it('a viewer who loses a board stops receiving it: restaffed off the session, their socket is taken off', async () => {
    const other = await createMember(t.prisma, f.studio.id, { name: 'Lena Visitor', roles: ['ENGINEER'] });
    const session = await createSession(t.prisma, { studioId: f.studio.id, projectId: f.project.id, roomId: f.room.id }, { startsAt: new Date('2027-07-01T10:00:00Z'), engineerId: other.id });
    const socket = await socketAs(other.id);
    expect((await joinBoard(socket, session.id)).ok).toBe(true);
    let dropped = false;
    socket.on('disconnect', () => (dropped = true));
    expect((await t.api('PATCH', `/api/sessions/${session.id}`, { engineerId: f.engineer.id })).status).toBe(200);
    // Taken off before the answer came back: the next change cannot reach them.
    expect(dropped).toBe(true);
    await t.api('POST', `/api/sessions/${session.id}/setup-items`, { part: 'CHECK', text: 'Secret after removal' });
    await new Promise((r) => setTimeout(r, 150));
    expect(socket.received.some((e) => e.type === 'setup.created')).toBe(false);
    // Those who still may see it keep it.
    const staff = await socketAs(f.engineer.id);
    await joinBoard(staff, session.id);
    await t.api('PATCH', `/api/sessions/${session.id}`, { title: 'Renamed' });
    await t.api('POST', `/api/sessions/${session.id}/setup-items`, { part: 'CHECK', text: 'Still yours' });
    const events = await waitForEvents(staff, 2);
    expect(events.map((e) => e.type)).toEqual(['session.updated', 'setup.created']);
    expect(staff.connected).toBe(true);
  });

  it('an assistant whose last task in a session is given to someone else loses that board', async () => {
    const session = await createSession(t.prisma, { studioId: f.studio.id, projectId: f.project.id, roomId: f.room.id }, { startsAt: new Date('2027-07-02T10:00:00Z'), engineerId: f.engineer.id });
    const task = await createTaskRow(t.prisma, { studioId: f.studio.id, sessionId: session.id }, { kind: 'mic_setup', assigneeId: assistantId });
    const socket = await socketAs(assistantId);
    expect((await joinBoard(socket, session.id)).ok).toBe(true);
    let dropped = false;
    socket.on('disconnect', () => (dropped = true));
    expect((await t.api('PATCH', `/api/tasks/${task.id}`, { version: 1, assigneeId: f.engineer.id })).status).toBe(200);
    expect(dropped).toBe(true);
  });
});

describe('templates and the gear rules', () => {
  let t: TestServer;
  let f: Awaited<ReturnType<typeof createStaffedSession>>;
  beforeAll(async () => {
    t = await startTestServer();
    f = await createStaffedSession(t.prisma);
  });
  afterAll(() => t.close());

  it('booking from a template plans only gear that can be planned then; the rest is kept as text saying why', async () => {
    const u87 = await createGear(t.prisma, f.studio.id, { label: 'U87 #1', needsPhantom: true });
    const repair = await createGear(t.prisma, f.studio.id, { label: 'MD421 #3', status: 'IN_REPAIR' });
    const sm57 = await createGear(t.prisma, f.studio.id, { label: 'Shure SM57', quantity: 2 });
    // The staffed session (10:00–14:00) already plans U87 #1 and one SM57.
    await t.api('POST', `/api/sessions/${f.session.id}/setup-items`, { part: 'INPUT', channel: 1, source: 'Vox', gearId: u87.id, phantom: true });
    await t.api('POST', `/api/sessions/${f.session.id}/setup-items`, { part: 'INPUT', channel: 2, source: 'Amp', gearId: sm57.id });
    const template = await t.api('POST', '/api/templates', {
      name: 'Busy day',
      inputs: [
        { channel: 1, source: 'Room', gearId: u87.id, phantom: true },
        { channel: 2, source: 'Tom', gearId: repair.id, notes: 'close' },
        { channel: 3, source: 'Snare', gearId: sm57.id },
        { channel: 4, source: 'Snare B', gearId: sm57.id },
      ],
    });
    expect(template.status).toBe(201);
    const room = await t.prisma.room.create({ data: { studioId: f.studio.id, name: 'Booth 2', kind: 'BOOTH' } });
    const booked = await t.api('POST', '/api/sessions', { title: 'Overlapping', projectId: f.project.id, roomId: room.id, startsAt: new Date(f.session.startsAt.getTime() + 3_600_000).toISOString(), endsAt: new Date(f.session.startsAt.getTime() + 2 * 3_600_000).toISOString(), templateId: template.body.id });
    expect(booked.status).toBe(201);
    const setup = (await t.api('GET', `/api/sessions/${booked.body.id}/board`)).body.setup as SetupItem[];
    expect(setup.map((i) => [i.source, i.gear?.label ?? null, i.gearText, i.notes])).toEqual([
      ['Room', null, '', "Not planned: U87 #1 is already planned for 'Vocal overdubs' 10:00–14:00."],
      ['Tom', null, '', 'Not planned: MD421 #3 is in repair: choose other gear. close'],
      ['Snare', 'Shure SM57', '', ''],
      ['Snare B', null, '', "Not planned: Shure SM57: 3 planned at once with 'Vocal overdubs' 10:00–14:00; the studio has 2."],
    ]);
    // No error is left on the new list; the lines without gear say so.
    const context = (await t.api('GET', `/api/sessions/${booked.body.id}/setup/context`)).body;
    expect(context.issues.filter((i: { severity: string }) => i.severity === 'error')).toEqual([]);
    expect(context.issues.map((i: { code: string; itemId: string }) => [i.code, setup.find((l) => l.id === i.itemId)?.source])).toEqual([
      ['no_gear', 'Room'],
      ['no_gear', 'Tom'],
      ['no_gear', 'Snare B'],
    ]);
  });

  it('a template holds at most 300 setup lines in all', async () => {
    const n = Array.from({ length: 101 }, (_, i) => i);
    const res = await t.api('POST', '/api/templates', {
      name: 'Too long',
      inputs: n.map((i) => ({ source: `In ${i}` })),
      patches: n.map((i) => ({ points: [`A${i}`, `B${i}`] })),
      checks: n.map((i) => ({ text: `Step ${i}` })),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues[0].message).toBe('a setup list holds at most 300 lines in all; this template has 303');
  });

  it('labels and template names are unique whatever their case, and say which field clashes', async () => {
    await createGear(t.prisma, f.studio.id, { label: 'C414 #1' });
    const gear = await t.api('POST', '/api/gear', { category: 'MICROPHONE', label: 'c414 #1' });
    expect(gear.status).toBe(409);
    expect(gear.body.error).toMatchObject({ details: { fields: ['label'] } });
    expect(gear.body.error.message).toContain('“C414 #1”');
    await t.api('POST', '/api/templates', { name: 'Drum tracking' });
    const dup = await t.api('POST', '/api/templates', { name: 'drum TRACKING' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.details.fields).toEqual(['name']);
  });

  it('My day takes a window from one end, and refuses a reversed or too long one', async () => {
    const engineer = await t.as(f.engineer.id);
    const from = await engineer('GET', '/api/me/agenda?from=2026-11-24T00:00:00.000Z');
    expect(from.body).toMatchObject({ from: '2026-11-24T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' });
    expect(from.body.sessions.map((s: { title: string }) => s.title)).toEqual(['Vocal overdubs']);
    const to = await engineer('GET', '/api/me/agenda?to=2026-11-25T00:00:00.000Z');
    expect(to.body).toMatchObject({ from: '2026-11-18T00:00:00.000Z', to: '2026-11-25T00:00:00.000Z' });
    const reversed = await engineer('GET', '/api/me/agenda?from=2026-11-24T00:00:00.000Z&to=2026-11-23T00:00:00.000Z');
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.details.issues[0]).toMatchObject({ location: 'query', path: 'to' });
  });
});
