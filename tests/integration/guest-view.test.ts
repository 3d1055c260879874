// The artist's view: a guest of a project sees its sessions (call time, room, who, the producer's
// note) and nothing internal — no routing reasons, notes, estimates, hours, availability, setup
// lists or staff contact details — in any REST answer or socket event, live or replayed.
import { PROTOCOL_VERSION, type Presence } from '@patchbay/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMember, createProject, createRoom, createSession, createStudio } from '../helpers/factories';
import { connectSocket, joinBoard, type TestSocket } from '../helpers/sockets';
import { startTestServer, type Api, type TestServer } from '../helpers/test-server';

/** Field names that are the team's business: none may appear anywhere in what a guest receives. */
const INTERNAL_FIELDS = [
  'routingReason',
  'blockedReason',
  'comments',
  'mentions',
  'routingRule',
  'assignedManually',
  'assignee',
  'notes',
  'estimateMinutes',
  'weeklyCapacityHours',
  'bookedMinutes',
  'capacityMinutes',
  'dayBookedMinutes',
  'capacity',
  'warnings',
  'reasons',
  'candidates',
  'busyWith',
  'setup',
  'setupIssues',
  'taskCounts',
  'prepMinutes',
  'teardownMinutes',
  'clearAt',
  'holdUntil',
  'challengedAt',
  'hold',
  'skills',
  'knownRoomIds',
  'phone',
  'viewers',
  'involvement',
];

/** Every key of every object in a JSON value, at any depth. */
function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, into);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      keysOf(v, into);
    }
  }
  return into;
}

const hour = 3_600_000;
const at = (hoursFromNow: number) => new Date(Math.floor(Date.now() / hour) * hour + hoursFromNow * hour);

describe("the artist's view", () => {
  let t: TestServer;
  let producer: Api;
  let engineer: Api;
  let guest: Api;
  let otherGuest: Api;
  let ids: { studio: string; project: string; room: string; session: string; producer: string; engineer: string; guest: string; otherGuest: string };
  let staffEmails: string[];
  const sockets: TestSocket[] = [];
  const socketAs = async (memberId: string) => {
    const s = await connectSocket(t.baseUrl, await t.cookieFor(memberId));
    sockets.push(s);
    return s;
  };

  beforeAll(async () => {
    t = await startTestServer();
    const studio = await createStudio(t.prisma, { name: 'Blackbird', timezone: 'Europe/London' });
    const room = await createRoom(t.prisma, studio.id, { name: 'Studio A' });
    const maya = await createMember(t.prisma, studio.id, { name: 'Maya Okafor', roles: ['PRODUCER'] });
    const sam = await createMember(t.prisma, studio.id, { name: 'Sam Reyes', roles: ['ENGINEER'], knownRoomIds: [room.id] });
    const project = await createProject(t.prisma, studio.id, { artist: 'Ada Quinn', title: 'Quiet Hours EP', leadProducerId: maya.id });
    const otherProject = await createProject(t.prisma, studio.id, { artist: 'Otto Vale', title: 'Elsewhere', leadProducerId: maya.id });
    const session = await createSession(t.prisma, { studioId: studio.id, projectId: project.id, roomId: room.id }, { title: 'Lead vocal overdubs', startsAt: at(48), hours: 6, producerId: maya.id, engineerId: sam.id });
    const ada = await createMember(t.prisma, studio.id, { name: 'Ada Quinn', roles: [], accessRole: 'GUEST' });
    const otto = await createMember(t.prisma, studio.id, { name: 'Otto Vale', roles: [], accessRole: 'GUEST' });
    await t.prisma.member.update({ where: { id: ada.id }, data: { guestProjects: { connect: [{ id: project.id }] } } });
    await t.prisma.member.update({ where: { id: otto.id }, data: { guestProjects: { connect: [{ id: otherProject.id }] } } });
    ids = { studio: studio.id, project: project.id, room: room.id, session: session.id, producer: maya.id, engineer: sam.id, guest: ada.id, otherGuest: otto.id };
    staffEmails = [maya.email, sam.email];
    producer = await t.as(maya.id);
    engineer = await t.as(sam.id);
    guest = await t.as(ada.id);
    otherGuest = await t.as(otto.id);
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await t.close();
  });

  it("the producer's note and the call time reach the artist's page; a guest of another project sees nothing of the session", async () => {
    const note = 'Bring your in-ear moulds and the lyric sheet for "Harbour"';
    const patched = await producer('PATCH', `/api/sessions/${ids.session}`, { guestNote: note, prepMinutes: 45 });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ guestNote: note, prepMinutes: 45 });
    expect((await producer('PATCH', `/api/sessions/${ids.session}`, { guestNote: 'x'.repeat(2001) })).body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: [expect.objectContaining({ location: 'body', path: 'guestNote' })] } });
    expect((await guest('PATCH', `/api/sessions/${ids.session}`, { guestNote: 'mine now' })).status).toBe(403);

    const mine = await guest('GET', '/api/artist/sessions');
    expect(mine.status).toBe(200);
    const row = await t.prisma.session.findUniqueOrThrow({ where: { id: ids.session } });
    expect(mine.body).toEqual({
      timeZone: 'Europe/London',
      from: expect.any(String),
      sessions: [
        {
          id: ids.session,
          title: 'Lead vocal overdubs',
          status: 'PLANNED',
          booking: 'CONFIRMED',
          callAt: new Date(row.startsAt.getTime() - 45 * 60_000).toISOString(),
          startsAt: row.startsAt.toISOString(),
          endsAt: row.endsAt.toISOString(),
          room: { name: 'Studio A' },
          project: { id: ids.project, artist: 'Ada Quinn', title: 'Quiet Hours EP' },
          producer: { name: 'Maya Okafor' },
          engineer: { name: 'Sam Reyes' },
          guestNote: note,
        },
      ],
    });

    // Otto is a guest of another project: not this session, by any door.
    expect((await otherGuest('GET', '/api/artist/sessions')).body.sessions).toEqual([]);
    expect((await otherGuest('GET', '/api/sessions')).body.sessions).toEqual([]);
    expect((await otherGuest('GET', `/api/sessions/${ids.session}`)).status).toBe(403);
    expect((await otherGuest('GET', `/api/sessions/${ids.session}/board`)).status).toBe(403);
    const ottoSocket = await socketAs(ids.otherGuest);
    const refused = await joinBoard(ottoSocket, ids.session, 0);
    expect(refused.ok ? 'joined' : refused.error.code).toBe('FORBIDDEN');
    // Staff have no guest projects: their artist page is empty, not everyone's.
    expect((await producer('GET', '/api/artist/sessions')).body.sessions).toEqual([]);
  });

  it('lists holds as pencilled in and cancelled sessions as cancelled, leaves released and expired holds and old sessions out', async () => {
    const make = (title: string, hoursFromNow: number) => createSession(t.prisma, { studioId: ids.studio, projectId: ids.project, roomId: ids.room }, { title, startsAt: at(hoursFromNow), hours: 2 });
    const first = await make('First hold', 72);
    const second = await make('Second hold', 96);
    const released = await make('Released hold', 120);
    const expired = await make('Expired hold', 144);
    const cancelled = await make('Cancelled', 168);
    await make('Last week', -24 * 7);
    await t.prisma.session.update({ where: { id: first.id }, data: { hold: 'FIRST_HOLD', holdUntil: at(24) } });
    await t.prisma.session.update({ where: { id: second.id }, data: { hold: 'SECOND_HOLD', holdUntil: at(24) } });
    await t.prisma.session.update({ where: { id: released.id }, data: { hold: 'RELEASED' } });
    await t.prisma.session.update({ where: { id: expired.id }, data: { hold: 'EXPIRED' } });
    await t.prisma.session.update({ where: { id: cancelled.id }, data: { status: 'CANCELLED' } });
    const listed = (await guest('GET', '/api/artist/sessions')).body.sessions as { title: string; booking: string; status: string }[];
    expect(listed.map((s) => [s.title, s.booking, s.status])).toEqual([
      ['Lead vocal overdubs', 'CONFIRMED', 'PLANNED'],
      ['First hold', 'PENCILLED', 'PLANNED'],
      ['Second hold', 'PENCILLED', 'PLANNED'],
      ['Cancelled', 'CONFIRMED', 'CANCELLED'],
    ]);
    // Asking from further back brings last week's session too.
    const back = await guest('GET', `/api/artist/sessions?from=${encodeURIComponent(at(-24 * 8).toISOString())}`);
    expect(back.body.sessions[0].title).toBe('Last week');
    for (const s of [first, second, released, expired, cancelled]) await t.prisma.session.delete({ where: { id: s.id } });
  });

  it("nothing internal reaches a guest: every answer and every event, live and replayed, while staff work on the board", async () => {
    const received: unknown[] = [];
    const presence: Presence[] = [];
    const start = (await guest('GET', `/api/sessions/${ids.session}/board`)).body as { seq: number };
    const guestSocket = await socketAs(ids.guest);
    guestSocket.on('presence.changed', (p) => presence.push(p));
    const join = await joinBoard(guestSocket, ids.session, start.seq);
    expect(join.ok).toBe(true);
    received.push(join);
    const staffSocket = await socketAs(ids.producer);
    const staffPresence: Presence[] = [];
    staffSocket.on('presence.changed', (p) => staffPresence.push(p));
    expect((await joinBoard(staffSocket, ids.session, start.seq)).ok).toBe(true);

    // Staff work: tasks routed and by hand (with notes, estimates, reasons), edits, a move, a
    // reassignment, a setup line, a session change, a delete.
    const taskNote = 'Client is nervous about the high notes, keep the talkback friendly';
    const routed = await producer('POST', `/api/sessions/${ids.session}/tasks`, { kind: 'mic_setup', title: 'Set up the vocal mic', notes: taskNote, estimateMinutes: 90 });
    expect(routed.status).toBe(201);
    const assignNote = 'Sam knows the U47 best, overriding routing';
    const manual = await producer('POST', `/api/sessions/${ids.session}/tasks`, { kind: 'editing', title: 'Comp the takes', assigneeId: ids.engineer, assignmentNote: assignNote, estimateMinutes: 120 });
    expect(manual.status).toBe(201);
    const editNote = 'Remember the de-esser preset from last time';
    const edited = await producer('PATCH', `/api/tasks/${routed.body.id}`, { version: routed.body.version, notes: editNote, estimateMinutes: 60 });
    expect(edited.status).toBe(200);
    const moved = await engineer('POST', `/api/tasks/${routed.body.id}/move`, { version: edited.body.version, status: 'IN_PROGRESS', index: 0 });
    expect(moved.status).toBe(200);
    const reassigned = await producer('PATCH', `/api/tasks/${manual.body.id}`, { version: manual.body.version, assigneeId: ids.producer, assignmentNote: 'Maya takes it herself' });
    expect(reassigned.status).toBe(200);
    const setupSource = 'Lead vox through the secret Neve chain';
    expect((await engineer('POST', `/api/sessions/${ids.session}/setup-items`, { part: 'INPUT', channel: 1, source: setupSource, notes: 'Gain at 42 dB' })).status).toBe(201);
    expect((await producer('PATCH', `/api/sessions/${ids.session}`, { title: 'Lead vocal overdubs (day 1)' })).status).toBe(200);
    const doomed = await producer('POST', `/api/sessions/${ids.session}/tasks`, { kind: 'editing', title: 'Throwaway', notes: 'gone soon' });
    const commentNote = 'Between us: the label wants a new singer';
    expect((await producer('POST', `/api/tasks/${routed.body.id}/comments`, { body: `@Sam Reyes ${commentNote}` })).status).toBe(201);
    // A guest may not comment.
    expect((await guest('POST', `/api/tasks/${routed.body.id}/comments`, { body: 'Can I say something?' })).status).toBe(403);
    const blockedNote = 'Waiting for the label to clear the sample';
    expect((await producer('PATCH', `/api/tasks/${doomed.body.id}`, { version: 1, status: 'BLOCKED', blockedReason: blockedNote })).status).toBe(200);
    expect((await producer('DELETE', `/api/tasks/${doomed.body.id}`)).status).toBe(204);

    const staffBoard = (await producer('GET', `/api/sessions/${ids.session}/board`)).body;
    const expectedEvents = staffBoard.seq - start.seq;
    const started = Date.now();
    while (guestSocket.received.length < expectedEvents && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 400)); // presence is debounced; let anything late arrive
    // The guest's sequence is complete and gap-free: every event, as its place in the sequence only.
    expect(guestSocket.received.map((e) => e.seq)).toEqual(Array.from({ length: expectedEvents }, (_, i) => start.seq + 1 + i));
    expect(new Set(guestSocket.received.map((e) => e.type))).toEqual(new Set(['redacted']));
    received.push(...guestSocket.received);
    // Who is looking at the board is told to staff, not to guests.
    expect(staffPresence.length).toBeGreaterThan(0);
    expect(presence).toEqual([]);

    // Every answer a guest can get.
    const answers: Record<string, unknown> = {};
    const call = async (path: string, method = 'GET', body?: unknown) => {
      const res = await guest(method, path, body);
      answers[`${method} ${path}`] = res.body;
      return res;
    };
    expect((await call('/api/auth/me')).status).toBe(200);
    expect((await call('/api/auth/sessions')).status).toBe(200);
    expect((await call('/api/sessions')).status).toBe(200);
    expect((await call(`/api/sessions/${ids.session}`)).status).toBe(200);
    const board = await call(`/api/sessions/${ids.session}/board`);
    expect(board.status).toBe(200);
    expect((await call(`/api/sessions/${ids.session}/events?after=0`)).status).toBe(200);
    expect((await call(`/api/sessions/${ids.session}/events?after=${start.seq}`)).status).toBe(200);
    expect((await call('/api/me/agenda')).status).toBe(200);
    expect((await call('/api/artist/sessions')).status).toBe(200);
    expect((await call('/api/task-kinds')).status).toBe(200);
    // Refusals say no without telling anything either.
    expect((await call(`/api/tasks/${routed.body.id}/assignments`)).status).toBe(403);
    expect((await call(`/api/tasks/${routed.body.id}`, 'PATCH', { version: 1, status: 'DONE' })).status).toBe(403);
    expect((await call(`/api/tasks/${routed.body.id}/move`, 'POST', { version: 1, status: 'DONE', index: 0 })).status).toBe(403);
    expect((await call(`/api/sessions/${ids.session}/setup/context`)).status).toBe(403);
    expect((await call('/api/studio')).status).toBe(403);
    expect((await call('/api/workload')).status).toBeGreaterThanOrEqual(400);
    // A rejoin replays the log in the guest's shape too.
    const rejoin = await joinBoard(await socketAs(ids.guest), ids.session, 0);
    expect(rejoin.ok && rejoin.missed.length).toBe(staffBoard.seq);
    received.push(rejoin);

    // The guest board still shows the session and what is being done, in the guest shape.
    expect(board.body).toEqual({
      session: expect.objectContaining({ id: ids.session, title: 'Lead vocal overdubs (day 1)', producer: { name: 'Maya Okafor' }, engineer: { name: 'Sam Reyes' } }),
      tasks: expect.arrayContaining([{ id: routed.body.id, sessionId: ids.session, title: 'Set up the vocal mic', status: 'IN_PROGRESS', position: 0, version: moved.body.task.version }]),
      seq: staffBoard.seq,
    });

    const everything = { answers, received };
    const found = [...keysOf(everything)].filter((k) => INTERNAL_FIELDS.includes(k));
    expect(found, 'internal field names in what the guest received').toEqual([]);
    const text = JSON.stringify(everything);
    const secrets = [taskNote, editNote, assignNote, 'Maya takes it herself', setupSource, 'Gain at 42 dB', 'gone soon', blockedNote, commentNote, routed.body.routingReason, manual.body.routingReason, ...staffEmails];
    expect(routed.body.routingReason.length).toBeGreaterThan(0);
    expect(secrets.filter((s) => text.includes(s)), 'internal values in what the guest received').toEqual([]);
    // Events carry no actor for guests (not even a name of who did it).
    expect(guestSocket.received.every((e) => e.actor === null && e.v === PROTOCOL_VERSION)).toBe(true);

    // Staff still get the full shapes, live and in answers.
    expect(staffBoard.session).toMatchObject({ setup: { total: 1 }, taskCounts: expect.any(Object), prepMinutes: 45, guestNote: expect.any(String) });
    expect(staffBoard.tasks.find((x: { id: string }) => x.id === routed.body.id)).toMatchObject({ notes: editNote, estimateMinutes: 60, routingReason: routed.body.routingReason });
    // (The move to "in progress" starts the session: a session.updated follows it.)
    expect(staffSocket.received.map((e) => e.type)).toEqual(['task.created', 'task.created', 'task.updated', 'task.moved', 'session.updated', 'task.updated', 'setup.created', 'session.updated', 'task.created', 'comment.added', 'task.updated', 'task.deleted']);
    expect(staffSocket.received[0]).toMatchObject({ task: { notes: taskNote, estimateMinutes: 90 }, actor: { id: ids.producer, name: 'Maya Okafor' } });
    expect((await producer('GET', `/api/tasks/${manual.body.id}/assignments`)).body.assignments[0]).toMatchObject({ reason: expect.any(String) });
    const staffList = (await producer('GET', '/api/sessions')).body.sessions.find((s: { id: string }) => s.id === ids.session);
    expect(staffList).toMatchObject({ taskCounts: expect.any(Object), setup: { total: 1 }, hold: 'CONFIRMED', clearAt: expect.any(String) });
  });
});
