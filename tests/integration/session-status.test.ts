// A session's status follows the work: work under way starts a planned session (same
// transaction, its own session.updated in the same log), start / wrap / reopen are explicit
// commands for the people running it, and a cancelled session releases its people, room and gear.
import { SOCKET_ID_HEADER, type BoardEvent } from '@patchbay/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGear, createMember, createProject, createRoom, createSession, createSetupRow, createStaffedSession, createTaskRow } from '../helpers/factories';
import { connectSocket, joinBoard, waitForEvents, type TestSocket } from '../helpers/sockets';
import { startTestServer, type Api, type TestServer } from '../helpers/test-server';

type Staffed = Awaited<ReturnType<typeof createStaffedSession>>;

describe('session status follows the work', () => {
  let t: TestServer;
  let s: Staffed;
  /** Signed in as the session's engineer / producer. */
  let engineer: Api;
  let producer: Api;
  const sockets: TestSocket[] = [];
  let slot = 0;

  /** A fresh planned session of the same project, staffed by the same people, on its own day. */
  async function freshSession(data: { engineerId?: string | null } = {}) {
    slot += 1;
    return createSession(
      t.prisma,
      { studioId: s.studio.id, projectId: s.project.id, roomId: s.room.id },
      { startsAt: new Date(Date.UTC(2027, 2, slot, 10)), hours: 4, producerId: s.producer.id, engineerId: data.engineerId === undefined ? s.engineer.id : data.engineerId },
    );
  }

  /** A viewer (the producer) on the board, from its current seq. */
  async function viewer(sessionId: string, memberId = s.producer.id) {
    const socket = await connectSocket(t.baseUrl, await t.cookieFor(memberId));
    sockets.push(socket);
    const { seq } = (await t.api('GET', `/api/sessions/${sessionId}/board`)).body as { seq: number };
    expect((await joinBoard(socket, sessionId, seq)).ok).toBe(true);
    return { socket, seq };
  }

  const statusOf = async (sessionId: string) => (await t.prisma.session.findUniqueOrThrow({ where: { id: sessionId } })).status;
  const settle = () => new Promise((r) => setTimeout(r, 200));

  beforeAll(async () => {
    t = await startTestServer();
    s = await createStaffedSession(t.prisma);
    engineer = await t.as(s.engineer.id);
    producer = await t.as(s.producer.id);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await t.close();
  });

  describe('work under way starts a planned session', () => {
    it('moving a task to in progress: the session is in progress, and a second viewer hears it right after the move, in seq order', async () => {
      const session = await freshSession();
      const task = await createTaskRow(t.prisma, { studioId: s.studio.id, sessionId: session.id }, { assigneeId: s.engineer.id, title: 'Mic the kit' });
      await createTaskRow(t.prisma, { studioId: s.studio.id, sessionId: session.id }, { title: 'Set headphone mixes' });
      const mover = await viewer(session.id, s.engineer.id);
      const other = await viewer(session.id);

      const moved = await engineer('POST', `/api/tasks/${task.id}/move`, { version: 1, status: 'IN_PROGRESS', index: 0 }, { [SOCKET_ID_HEADER]: mover.socket.id! });
      expect(moved.status).toBe(200);
      expect(moved.body.seq).toBe(other.seq + 1);

      const events = await waitForEvents(other.socket, 2);
      expect(events.map((e) => [e.type, e.seq])).toEqual([
        ['task.moved', other.seq + 1],
        ['session.updated', other.seq + 2],
      ]);
      const updated = events[1] as Extract<BoardEvent, { type: 'session.updated' }>;
      expect(updated.session).toMatchObject({ id: session.id, status: 'IN_PROGRESS', taskCounts: { TODO: 1, IN_PROGRESS: 1, BLOCKED: 0, DONE: 0 } });
      expect(updated.actor).toEqual({ id: s.engineer.id, name: s.engineer.name });
      expect(await statusOf(session.id)).toBe('IN_PROGRESS');
      expect((await t.api('GET', `/api/sessions/${session.id}`)).body.status).toBe('IN_PROGRESS');

      // The mover's own socket is not echoed; it reads both from the log, in the same order.
      await settle();
      expect(mover.socket.received).toEqual([]);
      const log = (await engineer('GET', `/api/sessions/${session.id}/events?after=${other.seq}`)).body as { events: BoardEvent[] };
      expect(log.events.map((e) => [e.type, e.seq])).toEqual([
        ['task.moved', other.seq + 1],
        ['session.updated', other.seq + 2],
      ]);
      expect(await t.prisma.auditEntry.count({ where: { entityId: session.id, action: 'session.started' } })).toBe(1);

      // Already in progress: more work changes nothing about the session.
      const done = await engineer('POST', `/api/tasks/${task.id}/move`, { version: moved.body.task.version, status: 'DONE', index: 0 });
      expect(done.status).toBe(200);
      await settle();
      expect(other.socket.received.slice(2).map((e) => e.type)).not.toContain('session.updated');
    });

    it('a task edited to done, or created in progress, starts it too; to do or blocked does not', async () => {
      const first = await freshSession();
      const task = await createTaskRow(t.prisma, { studioId: s.studio.id, sessionId: first.id }, { assigneeId: s.engineer.id });
      const blocked = await producer('PATCH', `/api/tasks/${task.id}`, { version: 1, status: 'BLOCKED' });
      expect(blocked.status).toBe(200);
      expect(await statusOf(first.id)).toBe('PLANNED');
      const { socket, seq } = await viewer(first.id);
      const done = await producer('PATCH', `/api/tasks/${task.id}`, { version: 2, status: 'DONE' });
      expect(done.status).toBe(200);
      const events = await waitForEvents(socket, 2);
      expect(events.map((e) => [e.type, e.seq])).toEqual([
        ['task.updated', seq + 1],
        ['session.updated', seq + 2],
      ]);
      expect(await statusOf(first.id)).toBe('IN_PROGRESS');

      const second = await freshSession();
      const todo = await producer('POST', `/api/sessions/${second.id}/tasks`, { kind: 'editing', title: 'Comp takes' });
      expect(todo.status).toBe(201);
      expect(await statusOf(second.id)).toBe('PLANNED');
      const running = await producer('POST', `/api/sessions/${second.id}/tasks`, { kind: 'tracking', title: 'Take 1', status: 'IN_PROGRESS' });
      expect(running.status).toBe(201);
      expect(await statusOf(second.id)).toBe('IN_PROGRESS');
    });

    it('checking a setup line off: the session is in progress, and the viewer hears it after the check-off', async () => {
      const session = await freshSession();
      const line = await createSetupRow(t.prisma, { studioId: s.studio.id, sessionId: session.id }, { part: 'CHECK', text: 'Power up the console' });
      const { socket, seq } = await viewer(session.id);
      const checked = await engineer('PATCH', `/api/setup-items/${line.id}`, { version: 1, checked: true });
      expect(checked.status).toBe(200);
      const events = await waitForEvents(socket, 2);
      expect(events.map((e) => [e.type, e.seq])).toEqual([
        ['setup.updated', seq + 1],
        ['session.updated', seq + 2],
      ]);
      const updated = events[1] as Extract<BoardEvent, { type: 'session.updated' }>;
      expect(updated.session.status).toBe('IN_PROGRESS');
      expect(updated.session.setup).toMatchObject({ done: 1, total: 1 });
      expect(await statusOf(session.id)).toBe('IN_PROGRESS');
    });

    it('unchecking a line or editing it does not start a session', async () => {
      const session = await freshSession();
      const line = await createSetupRow(t.prisma, { studioId: s.studio.id, sessionId: session.id }, { part: 'CHECK' });
      expect((await engineer('PATCH', `/api/setup-items/${line.id}`, { version: 1, notes: 'Red cable' })).status).toBe(200);
      expect((await engineer('PATCH', `/api/setup-items/${line.id}`, { version: 2, text: 'Power up the desk' })).status).toBe(200);
      expect(await statusOf(session.id)).toBe('PLANNED');
    });

    it.each(['WRAPPED', 'CANCELLED'] as const)('a %s session is not changed by work', async (status) => {
      const session = await freshSession();
      await t.prisma.session.update({ where: { id: session.id }, data: { status } });
      const task = await createTaskRow(t.prisma, { studioId: s.studio.id, sessionId: session.id }, { assigneeId: s.engineer.id });
      const line = await createSetupRow(t.prisma, { studioId: s.studio.id, sessionId: session.id }, { part: 'CHECK' });
      const { socket, seq } = await viewer(session.id);
      expect((await engineer('POST', `/api/tasks/${task.id}/move`, { version: 1, status: 'IN_PROGRESS', index: 0 })).status).toBe(200);
      expect((await engineer('PATCH', `/api/setup-items/${line.id}`, { version: 1, checked: true })).status).toBe(200);
      await waitForEvents(socket, 2);
      await settle();
      expect(socket.received.map((e) => [e.type, e.seq])).toEqual([
        ['task.moved', seq + 1],
        ['setup.updated', seq + 2],
      ]);
      expect(await statusOf(session.id)).toBe(status);
    });

    it('a refused move changes nothing: no status, no event', async () => {
      const session = await freshSession();
      const task = await createTaskRow(t.prisma, { studioId: s.studio.id, sessionId: session.id }, { assigneeId: s.engineer.id });
      const stale = await engineer('POST', `/api/tasks/${task.id}/move`, { version: 7, status: 'IN_PROGRESS', index: 0 });
      expect(stale.status).toBe(409);
      expect(await statusOf(session.id)).toBe('PLANNED');
      expect(await t.prisma.boardEvent.count({ where: { sessionId: session.id } })).toBe(0);
    });
  });

  describe('start, wrap and reopen', () => {
    it('the engineer starts, wraps (warned about tasks not done) and reopens; every viewer hears each', async () => {
      const session = await freshSession();
      await createTaskRow(t.prisma, { studioId: s.studio.id, sessionId: session.id }, { status: 'TODO' });
      await createTaskRow(t.prisma, { studioId: s.studio.id, sessionId: session.id }, { status: 'BLOCKED' });
      await createTaskRow(t.prisma, { studioId: s.studio.id, sessionId: session.id }, { status: 'DONE' });
      const { socket, seq } = await viewer(session.id);

      const started = await engineer('POST', `/api/sessions/${session.id}/start`);
      expect(started.status).toBe(200);
      expect(started.body).toMatchObject({ session: { id: session.id, status: 'IN_PROGRESS', seq: seq + 1 }, warnings: [] });

      const wrapped = await engineer('POST', `/api/sessions/${session.id}/wrap`);
      expect(wrapped.status).toBe(200);
      expect(wrapped.body.session.status).toBe('WRAPPED');
      expect(wrapped.body.warnings).toEqual([{ code: 'tasks_not_done', message: '2 tasks not done' }]);

      const reopened = await producer('POST', `/api/sessions/${session.id}/reopen`);
      expect(reopened.status).toBe(200);
      expect(reopened.body).toMatchObject({ session: { status: 'IN_PROGRESS' }, warnings: [] });

      const events = await waitForEvents(socket, 3);
      expect(events.map((e) => [e.type, e.seq, e.type === 'session.updated' ? e.session.status : null])).toEqual([
        ['session.updated', seq + 1, 'IN_PROGRESS'],
        ['session.updated', seq + 2, 'WRAPPED'],
        ['session.updated', seq + 3, 'IN_PROGRESS'],
      ]);
      const actions = (await t.prisma.auditEntry.findMany({ where: { entityId: session.id }, orderBy: { createdAt: 'asc' } })).map((a) => a.action);
      expect(actions).toEqual(['session.started', 'session.wrapped', 'session.reopened']);
    });

    it('a planned session can be wrapped straight away; wrapping with everything done warns of nothing', async () => {
      const session = await freshSession();
      await createTaskRow(t.prisma, { studioId: s.studio.id, sessionId: session.id }, { status: 'DONE' });
      const wrapped = await producer('POST', `/api/sessions/${session.id}/wrap`);
      expect(wrapped.status).toBe(200);
      expect(wrapped.body).toMatchObject({ session: { status: 'WRAPPED' }, warnings: [] });
    });

    it('answers 409 with what to do for a command that does not fit the status, and changes nothing', async () => {
      const session = await freshSession();
      const { socket } = await viewer(session.id);
      const expectRefused = async (command: string, message: string) => {
        const res = await engineer('POST', `/api/sessions/${session.id}/${command}`);
        expect(res.status).toBe(409);
        expect(res.body.error).toMatchObject({ code: 'CONFLICT', message });
      };
      await expectRefused('reopen', 'This session has not been wrapped: there is nothing to reopen');
      expect((await engineer('POST', `/api/sessions/${session.id}/start`)).status).toBe(200);
      await expectRefused('start', 'This session is already in progress');
      await expectRefused('reopen', 'This session is already in progress');
      expect((await engineer('POST', `/api/sessions/${session.id}/wrap`)).status).toBe(200);
      await expectRefused('wrap', 'This session is already wrapped');
      await expectRefused('start', 'This session is wrapped: reopen it to carry on');

      // Cancelling stays a session edit (the producer); then start and wrap say to un-cancel first.
      expect((await producer('PATCH', `/api/sessions/${session.id}`, { status: 'CANCELLED' })).status).toBe(200);
      await expectRefused('start', 'This session is cancelled: un-cancel it before starting');
      await expectRefused('wrap', 'This session is cancelled: un-cancel it before wrapping');
      await expectRefused('reopen', 'This session is cancelled: un-cancel it before reopening');
      expect(await statusOf(session.id)).toBe('CANCELLED');
      await settle();
      // start, wrap, the cancel: three events, none from the refusals.
      expect(socket.received.map((e) => (e.type === 'session.updated' ? e.session.status : e.type))).toEqual(['IN_PROGRESS', 'WRAPPED', 'CANCELLED']);
      expect((await producer('PATCH', `/api/sessions/${session.id}`, { status: 'PLANNED' })).status).toBe(200);
      expect((await engineer('POST', `/api/sessions/${session.id}/start`)).status).toBe(200);
    });

    it('refuses people who do not run the session (403), and answers 404 for a session that does not exist', async () => {
      const session = await freshSession();
      const outsider = await createMember(t.prisma, s.studio.id, { name: 'Other Engineer', roles: ['ENGINEER'] });
      const assistant = await createMember(t.prisma, s.studio.id, { name: 'Theo Assistant', roles: ['ASSISTANT_ENGINEER'] });
      await createTaskRow(t.prisma, { studioId: s.studio.id, sessionId: session.id }, { assigneeId: assistant.id });
      const otherProducer = await createMember(t.prisma, s.studio.id, { name: 'Other Producer', roles: ['PRODUCER'] });
      const guest = await createMember(t.prisma, s.studio.id, { name: 'Ada Artist', roles: [], accessRole: 'GUEST' });
      await t.prisma.member.update({ where: { id: guest.id }, data: { guestProjects: { connect: [{ id: s.project.id }] } } });
      for (const member of [outsider, assistant, otherProducer, guest]) {
        const as = await t.as(member.id);
        for (const command of ['start', 'wrap']) {
          const res = await as('POST', `/api/sessions/${session.id}/${command}`);
          expect([member.name, command, res.status, res.body.error.code]).toEqual([member.name, command, 403, 'FORBIDDEN']);
        }
      }
      expect(await statusOf(session.id)).toBe('PLANNED');
      expect((await t.api('POST', '/api/sessions/00000000-0000-4000-8000-000000000000/start')).status).toBe(404);
    });

    it('an assistant engineering the session runs it too', async () => {
      const assistant = await createMember(t.prisma, s.studio.id, { name: 'Theo Grant', roles: ['ASSISTANT_ENGINEER'] });
      const session = await freshSession({ engineerId: assistant.id });
      const as = await t.as(assistant.id);
      expect((await as('POST', `/api/sessions/${session.id}/start`)).status).toBe(200);
      expect((await as('POST', `/api/sessions/${session.id}/wrap`)).status).toBe(200);
      expect(await statusOf(session.id)).toBe('WRAPPED');
    });
  });
});

describe('a cancelled session releases its people, room and gear', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it('booking the same people, room and gear unit into its slot after cancelling gives no conflict; un-cancelling then does', async () => {
    const s = await createStaffedSession(t.prisma);
    const other = await createRoom(t.prisma, s.studio.id, { name: 'Booth B' });
    const otherProject = await createProject(t.prisma, s.studio.id, { leadProducerId: s.producer.id });
    const mic = await createGear(t.prisma, s.studio.id, { label: 'U47 #1', quantity: 1 });
    const startsAt = new Date(Date.UTC(2027, 5, 7, 10));
    const endsAt = new Date(Date.UTC(2027, 5, 7, 14));
    await t.prisma.session.update({ where: { id: s.session.id }, data: { startsAt, endsAt } });
    expect((await t.api('POST', `/api/sessions/${s.session.id}/setup-items`, { part: 'INPUT', channel: 1, source: 'Lead vocal', gearId: mic.id })).status).toBe(201);
    // A timed task of the engineer in the session.
    const timed = await t.api('POST', `/api/sessions/${s.session.id}/tasks`, { kind: 'mic_setup', title: 'Mic the vocal', assigneeId: s.engineer.id, startsAt: startsAt.toISOString(), estimateMinutes: 60 });
    expect(timed.status).toBe(201);

    const slot = { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() };
    const sameRoom = { title: 'Same room', projectId: otherProject.id, roomId: s.room.id, ...slot };
    const samePeople = { title: 'Same people', projectId: otherProject.id, roomId: other.id, producerId: s.producer.id, engineerId: s.engineer.id, ...slot };
    const hours = async () => {
      const report = (await t.api('GET', `/api/workload?from=${new Date(Date.UTC(2027, 5, 7)).toISOString()}&to=${new Date(Date.UTC(2027, 5, 14)).toISOString()}`)).body as {
        members: { member: { id: string }; weeks: { bookedMinutes: number }[] }[];
      };
      return Object.fromEntries([s.producer.id, s.engineer.id].map((id) => [id, report.members.find((m) => m.member.id === id)!.weeks[0]!.bookedMinutes]));
    };

    // Before: the room, both people and the mic are taken, and their hours count.
    expect((await t.api('POST', '/api/sessions', sameRoom)).body.error).toMatchObject({ code: 'BOOKING_CONFLICT' });
    const peopleRefused = await t.api('POST', '/api/sessions', samePeople);
    expect(peopleRefused.status).toBe(409);
    // Both people, and the engineer's timed task there.
    expect(new Set(peopleRefused.body.error.details.conflicts.map((c: { kind: string }) => c.kind))).toEqual(new Set(['producer', 'engineer', 'task']));
    const checkBefore = (await t.api('POST', '/api/bookings/check', { ...slot, roomId: s.room.id, producerId: s.producer.id, engineerId: s.engineer.id })).body;
    expect(checkBefore.conflicts.length).toBeGreaterThan(0);
    expect(checkBefore.rooms.find((r: { room: { id: string } }) => r.room.id === s.room.id).free).toBe(false);
    expect(await hours()).toEqual({ [s.producer.id]: 240, [s.engineer.id]: 240 });
    const blocker = await createSession(t.prisma, { studioId: s.studio.id, projectId: otherProject.id, roomId: other.id }, { startsAt, hours: 4 });
    const micRefused = await t.api('POST', `/api/sessions/${blocker.id}/setup-items`, { part: 'INPUT', channel: 1, source: 'Room mic', gearId: mic.id });
    expect(micRefused.status).toBe(409);
    expect(micRefused.body.error.code).toBe('GEAR_CONFLICT');

    // Cancel it.
    expect((await t.api('PATCH', `/api/sessions/${s.session.id}`, { status: 'CANCELLED' })).status).toBe(200);

    // After: free in the booking check, no hours, and everything can be booked into the slot.
    const checkAfter = (await t.api('POST', '/api/bookings/check', { ...slot, roomId: s.room.id, producerId: s.producer.id, engineerId: s.engineer.id })).body;
    expect(checkAfter.conflicts).toEqual([]);
    expect(checkAfter.rooms.find((r: { room: { id: string } }) => r.room.id === s.room.id)).toMatchObject({ free: true, busyWith: null });
    for (const id of [s.producer.id, s.engineer.id]) expect(checkAfter.people.find((p: { member: { id: string } }) => p.member.id === id)).toMatchObject({ free: true, busyWith: null });
    expect(await hours()).toEqual({ [s.producer.id]: 0, [s.engineer.id]: 0 });
    const micPlanned = await t.api('POST', `/api/sessions/${blocker.id}/setup-items`, { part: 'INPUT', channel: 1, source: 'Room mic', gearId: mic.id });
    expect(micPlanned.status).toBe(201);
    const roomBooked = await t.api('POST', '/api/sessions', { ...sameRoom, producerId: s.producer.id, engineerId: s.engineer.id });
    expect(roomBooked.status).toBe(201);

    // The slot is taken again now: bringing the cancelled session back is refused, naming the clashes.
    const back = await t.api('PATCH', `/api/sessions/${s.session.id}`, { status: 'PLANNED' });
    expect(back.status).toBe(409);
    expect(back.body.error.code).toBe('BOOKING_CONFLICT');
    expect(new Set(back.body.error.details.conflicts.map((c: { kind: string }) => c.kind))).toEqual(new Set(['room', 'producer', 'engineer']));
  });

  it('a cancelled session plans no gear and gives its people nothing to be busy with when routing work elsewhere', async () => {
    const s = await createStaffedSession(t.prisma);
    const admin = await t.as((await createMember(t.prisma, s.studio.id, { name: 'Nina Admin', roles: [], accessRole: 'ADMIN' })).id);
    const mic = await createGear(t.prisma, s.studio.id, { label: 'C414', quantity: 1 });
    const startsAt = new Date(Date.UTC(2027, 6, 5, 10));
    await t.prisma.session.update({ where: { id: s.session.id }, data: { startsAt, endsAt: new Date(startsAt.getTime() + 4 * 3_600_000), status: 'CANCELLED' } });
    await createSetupRow(t.prisma, { studioId: s.studio.id, sessionId: s.session.id }, { part: 'INPUT', channel: 1, gearId: mic.id });
    const otherRoom = await createRoom(t.prisma, s.studio.id);
    const elsewhere = await createSession(t.prisma, { studioId: s.studio.id, projectId: s.project.id, roomId: otherRoom.id }, { startsAt, hours: 4 });
    // Assigning the cancelled session's engineer to timed work in that slot breaks no rule (no double booking).
    const task = await admin('POST', `/api/sessions/${elsewhere.id}/tasks`, { kind: 'mic_setup', title: 'Mic the kick', assigneeId: s.engineer.id, startsAt: startsAt.toISOString(), estimateMinutes: 60 });
    expect(task.status).toBe(201);
    const check = (await admin('POST', `/api/tasks/${task.body.id}/assignment-check`, { memberId: s.engineer.id })).body as { warnings: { code: string }[] };
    expect(check.warnings).toEqual([]);
    // The same unit in an overlapping live session: no gear conflict with the cancelled one.
    expect((await admin('POST', `/api/sessions/${elsewhere.id}/setup-items`, { part: 'INPUT', channel: 1, source: 'Kick', gearId: mic.id })).status).toBe(201);
    const context = (await admin('GET', `/api/sessions/${elsewhere.id}/setup/context`)).body;
    expect(JSON.stringify(context)).not.toContain(s.session.id);
  });
});
