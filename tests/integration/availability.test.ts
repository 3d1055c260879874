// One availability model through HTTP: workload figures against hand-computed ones, the items
// behind them, the CSV parsed back, a rebalance pushed live, task times, booking checks, and the
// reported disagreement between routing and booking.
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BookingCheckSchema, PROTOCOL_VERSION, TaskCandidatesSchema, WORKLOAD_CSV_HEADERS, WorkloadItemsSchema, WorkloadSchema, type WorkloadChanged } from '@patchbay/shared';
import { createMember, createProject, createRoom, createSession, createStudio, createTaskRow } from '../helpers/factories';
import { connectSocket } from '../helpers/sockets';
import { startTestServer, type TestServer } from '../helpers/test-server';

const WEEK = 'from=2026-11-23T00:00:00Z&to=2026-11-30T00:00:00Z';

describe('one availability model, through the API', () => {
  let t: TestServer;
  let f: {
    studioId: string; roomA: string; roomB: string; projectId: string;
    sam: string; theo: string; lena: string; maya: string;
    drums: string; vocals: string; long: string;
  };

  beforeAll(async () => {
    t = await startTestServer();
    const studio = await createStudio(t.prisma, { name: 'Availability Studio', timezone: 'UTC' });
    const roomA = await createRoom(t.prisma, studio.id, { name: 'Live Room A' });
    const roomB = await createRoom(t.prisma, studio.id, { name: 'Vocal Booth' });
    const sam = await createMember(t.prisma, studio.id, { name: 'Sam', roles: ['ENGINEER'], weeklyCapacityHours: 40, knownRoomIds: [roomA.id] });
    const theo = await createMember(t.prisma, studio.id, { name: 'Theo', roles: ['ASSISTANT_ENGINEER'], weeklyCapacityHours: 30, knownRoomIds: [roomA.id] });
    const lena = await createMember(t.prisma, studio.id, { name: 'Lena', roles: ['ENGINEER'], weeklyCapacityHours: 10 });
    const maya = await createMember(t.prisma, studio.id, { name: 'Maya', roles: ['PRODUCER'] });
    const project = await createProject(t.prisma, studio.id, { title: 'Northern Lights', artist: 'The Hollow Pines', leadProducerId: maya.id });
    const ids = { studioId: studio.id, projectId: project.id };
    // Tuesday 24 Nov: Sam engineers the drums 10–16 in Live Room A; Maya produces vocals 12–18 in the booth.
    const drums = await createSession(t.prisma, { ...ids, roomId: roomA.id }, { title: 'Drum tracking', startsAt: new Date('2026-11-24T10:00:00Z'), hours: 6, engineerId: sam.id });
    const vocals = await createSession(t.prisma, { ...ids, roomId: roomB.id }, { title: 'Lead vocal overdubs', startsAt: new Date('2026-11-24T12:00:00Z'), hours: 6, producerId: maya.id });
    // The report's scenario: an 8-hour task of the vocal session given to Sam by hand.
    const long = await createTaskRow(t.prisma, { studioId: studio.id, sessionId: vocals.id }, { kind: 'editing', title: 'Comp every vocal take', assigneeId: sam.id });
    await t.prisma.task.update({ where: { id: long.id }, data: { estimateMinutes: 480, assignedManually: true } });
    f = { studioId: studio.id, roomA: roomA.id, roomB: roomB.id, projectId: project.id, sam: sam.id, theo: theo.id, lena: lena.id, maya: maya.id, drums: drums.id, vocals: vocals.id, long: long.id };
  });
  afterAll(() => t.close());

  it('the reported disagreement: Sam keeps his own mic setup, and booking and the assign check call him free', async () => {
    const created = [];
    for (const title of ['Kick and snare mics', 'Overheads', 'Toms', 'Room pair', 'Hi-hat']) {
      const res = await t.api('POST', `/api/sessions/${f.drums}/tasks`, { kind: 'mic_setup', title });
      expect(res.status).toBe(201);
      created.push(res.body);
    }
    expect(created.map((task) => task.assignee?.name)).toEqual(['Sam', 'Sam', 'Sam', 'Sam', 'Sam']);
    expect(created[0].routingReason).not.toContain('booked on');
    const check = await t.api('POST', '/api/bookings/check', { startsAt: '2026-11-24T10:00:00Z', endsAt: '2026-11-24T16:00:00Z', roomId: f.roomA, engineerId: f.sam, sessionId: f.drums });
    expect(check.status).toBe(200);
    const parsed = BookingCheckSchema.parse(check.body);
    expect(parsed.conflicts).toEqual([]);
    expect(parsed.people.find((p) => p.member.id === f.sam)).toMatchObject({ free: true, busyWith: null });
    const warnings = await t.api('POST', `/api/tasks/${created[0].id}/assignment-check`, { memberId: f.sam });
    expect(warnings.body.warnings.map((w: { code: string }) => w.code)).not.toContain('double_booked');
    for (const task of created) await t.api('DELETE', `/api/tasks/${task.id}`);
  });

  it('reports figures as computed by hand, and the items behind them add up', async () => {
    const res = await t.api('GET', `/api/workload?${WEEK}`);
    expect(res.status).toBe(200);
    const load = WorkloadSchema.parse(res.body);
    const sam = load.members.find((m) => m.member.id === f.sam)!;
    // 6 h engineering the drums + the 8 h comp task of another session = 14 h, all on Tuesday.
    expect(sam.weeks[0]).toMatchObject({ week: '2026-W48', bookedMinutes: 14 * 60, sessionMinutes: 6 * 60, extraTaskMinutes: 8 * 60, capacityMinutes: 40 * 60, overCapacity: false });
    expect(sam.weeks[0]!.byProject).toEqual({ [f.projectId]: 14 * 60 });
    const tuesday = sam.days.find((d) => d.date === '2026-11-24')!;
    // A day's share of 40 h is 8 h: 14 h is over it, while the week is not.
    expect(tuesday).toMatchObject({ bookedMinutes: 14 * 60, capacityMinutes: 8 * 60, overCapacity: true });
    expect(load.projects).toEqual([{ id: f.projectId, title: 'Northern Lights', artist: 'The Hollow Pines' }]);

    const items = WorkloadItemsSchema.parse((await t.api('GET', `/api/workload/members/${f.sam}/items?${WEEK}`)).body);
    expect(items.items.map((i) => [i.kind, i.session.title, i.task?.title ?? null, i.minutes, i.busy])).toEqual([
      ['session', 'Drum tracking', null, 360, true],
      ['task', 'Lead vocal overdubs', 'Comp every vocal take', 480, false],
    ]);
    expect(items.items.reduce((sum, i) => sum + i.minutes, 0)).toBe(sam.weeks[0]!.bookedMinutes);
    expect(items.items[1]!.days).toEqual({ '2026-11-24': 480 });
    expect(items.items[1]!.task).toMatchObject({ title: 'Comp every vocal take', withinStaffedSession: false, canMove: true });
  });

  it('exports the window as CSV that parses back to the same figures, formula-like names neutralised', async () => {
    await t.prisma.member.update({ where: { id: f.lena }, data: { name: '=Lena' } });
    const res = await t.api('GET', `/api/workload.csv?${WEEK}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('workload 2026-11-23 to 2026-11-29.csv');
    const parsed = Papa.parse<string[]>(res.text.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(header).toEqual([...WORKLOAD_CSV_HEADERS]);
    const samWeek = rows.find((r) => r[0] === 'Sam' && r[3] === 'week');
    expect(samWeek).toEqual(['Sam', 'Engineer', '2026-W48', 'week', '14', '40', '26', 'no', '6', '8']);
    expect(rows.find((r) => r[0] === 'Sam' && r[2] === '2026-11-24')).toEqual(['Sam', 'Engineer', '2026-11-24', 'day', '14', '8', '-6', 'yes', '6', '8']);
    expect(rows.filter((r) => r[0] === 'Sam')).toHaveLength(8);
    expect(rows.some((r) => r[0] === "'=Lena")).toBe(true);
    await t.prisma.member.update({ where: { id: f.lena }, data: { name: 'Lena' } });
  });

  it('a rebalance from the workload page changes both people’s figures and reaches a second viewer live', async () => {
    // Notices of earlier changes are gathered for a moment: let them go out first.
    await new Promise((r) => setTimeout(r, 400));
    const socket = await connectSocket(t.baseUrl, await t.cookieFor(f.maya));
    const heard: WorkloadChanged[] = [];
    socket.on('workload.changed', (change) => heard.push(change));
    expect(await socket.timeout(5000).emitWithAck('workload.watch', { v: PROTOCOL_VERSION })).toEqual({ ok: true, scope: 'team' });

    const candidates = TaskCandidatesSchema.parse((await t.api('GET', `/api/tasks/${f.long}/candidates`)).body);
    // Moving the comp task frees Sam's 8 h; Lena (an engineer, free then) would take them.
    expect(candidates.current).toEqual({ member: { id: f.sam, name: 'Sam' }, bookedMinutes: 14 * 60, capacityMinutes: 40 * 60, freesMinutes: 8 * 60 });
    const lena = candidates.routing.candidates.find((c) => c.member.id === f.lena)!;
    expect(lena).toMatchObject({ bookedMinutes: 0, capacityMinutes: 600, addsMinutes: 480, dayBookedMinutes: 0, dayCapacityMinutes: 120 });
    // Sam engineers the drums while the vocals run: routing would not give him this task now.
    expect(candidates.routing.ineligible.find((i) => i.member.id === f.sam)).toMatchObject({ blockers: ['double_booked'], busyWith: { title: 'Drum tracking' } });

    const moved = await t.api('PATCH', `/api/tasks/${f.long}`, { version: candidates.version, assigneeId: f.lena, assignmentNote: 'Sam is on drums' });
    expect(moved.status).toBe(200);
    const started = Date.now();
    while (heard.length === 0 && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 10));
    expect(heard[0]).toEqual({ v: PROTOCOL_VERSION, memberIds: [f.lena], sessionIds: [f.vocals] });
    socket.disconnect();

    const load = WorkloadSchema.parse((await t.api('GET', `/api/workload?${WEEK}`)).body);
    const week = (id: string) => load.members.find((m) => m.member.id === id)!.weeks[0]!;
    expect(week(f.sam)).toMatchObject({ bookedMinutes: 6 * 60, overCapacity: false });
    expect(week(f.lena)).toMatchObject({ bookedMinutes: 8 * 60, capacityMinutes: 600, overCapacity: false });
    // Lena's Tuesday: 8 h against a 2 h share.
    expect(load.members.find((m) => m.member.id === f.lena)!.days.find((d) => d.date === '2026-11-24')).toMatchObject({ bookedMinutes: 480, overCapacity: true });
  });

  it('an engineer sees only their own figures and items', async () => {
    const asTheo = await t.as(f.theo);
    const own = WorkloadSchema.parse((await asTheo('GET', `/api/workload?${WEEK}`)).body);
    expect(own.members.map((m) => m.member.id)).toEqual([f.theo]);
    expect((await asTheo('GET', `/api/workload/members/${f.theo}/items?${WEEK}`)).status).toBe(200);
    expect((await asTheo('GET', `/api/workload/members/${f.sam}/items?${WEEK}`)).status).toBe(403);
    const csv = await asTheo('GET', `/api/workload.csv?${WEEK}`);
    expect(new Set(Papa.parse<string[]>(csv.text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.slice(1).map((r) => r[0]))).toEqual(new Set(['Theo']));
  });

  describe('tasks with a time of their own', () => {
    it('need an estimate and must lie within the session: 400 naming the field, nothing changed', async () => {
      const outside = await t.api('POST', `/api/sessions/${f.drums}/tasks`, { kind: 'editing', title: 'Too early', startsAt: '2026-11-24T09:00:00Z', estimateMinutes: 60 });
      expect(outside.status).toBe(400);
      expect(outside.body.error.details.issues[0].path).toBe('startsAt');
      const noEstimate = await t.api('POST', `/api/sessions/${f.drums}/tasks`, { kind: 'editing', title: 'No length', startsAt: '2026-11-24T11:00:00Z', estimateMinutes: null });
      expect(noEstimate.status).toBe(400);
      expect(noEstimate.body.error.details.issues[0].path).toBe('estimateMinutes');
      expect(await t.prisma.task.count({ where: { title: { in: ['Too early', 'No length'] } } })).toBe(0);
    });

    it('make their assignee busy in the slot only: booking conflicts name them, and routing steps around them', async () => {
      // Theo has a timed task in the vocal session, 13:00–14:00.
      const timed = await t.api('POST', `/api/sessions/${f.vocals}/tasks`, { kind: 'mic_setup', title: 'Reset the vocal mic', assigneeId: f.theo, startsAt: '2026-11-24T13:00:00Z', estimateMinutes: 60 });
      expect(timed.status).toBe(201);
      expect(timed.body.startsAt).toBe('2026-11-24T13:00:00.000Z');
      // Booking Theo as the engineer of a session 12–15 is refused, naming the task.
      const refused = await t.api('POST', '/api/sessions', { title: 'Overlap', projectId: f.projectId, roomId: f.roomA, startsAt: '2026-11-25T09:00:00Z', endsAt: '2026-11-25T10:00:00Z', engineerId: f.theo });
      expect(refused.status).toBe(201);
      const spare = await createRoom(t.prisma, f.studioId, { name: 'Spare room' });
      const clash = await t.api('PATCH', `/api/sessions/${refused.body.id}`, { startsAt: '2026-11-24T12:00:00Z', endsAt: '2026-11-24T15:00:00Z', roomId: spare.id });
      expect(clash.status).toBe(409);
      expect(clash.body.error.details.conflicts).toEqual([
        expect.objectContaining({ kind: 'task', sessionId: f.vocals, memberId: f.theo, startsAt: '2026-11-24T13:00:00.000Z', endsAt: '2026-11-24T14:00:00.000Z', message: "Theo has 'Reset the vocal mic' of 'Lead vocal overdubs' 13:00–14:00." }),
      ]);
      // Free right after it: 14:00–15:00 books.
      const after = await t.api('PATCH', `/api/sessions/${refused.body.id}`, { startsAt: '2026-11-24T14:00:00Z', endsAt: '2026-11-24T15:00:00Z', roomId: spare.id });
      expect(after.status).toBe(200);
      // A timed task of the drum session at 13:00 does not go to Theo; at 15:00 it may.
      const busy = await t.api('POST', `/api/sessions/${f.drums}/routing-preview`, { kind: 'mic_setup', startsAt: '2026-11-24T13:00:00Z', estimateMinutes: 30 });
      expect(busy.body.ineligible.find((i: { member: { id: string } }) => i.member.id === f.theo)).toMatchObject({ blockers: ['double_booked'], busyWith: { kind: 'task', taskTitle: 'Reset the vocal mic' } });
      expect(busy.body.window).toEqual({ startsAt: '2026-11-24T13:00:00.000Z', endsAt: '2026-11-24T13:30:00.000Z' });
      const free = await t.api('POST', `/api/sessions/${f.drums}/routing-preview`, { kind: 'mic_setup', startsAt: '2026-11-24T10:00:00Z', estimateMinutes: 30 });
      expect(free.body.candidates.map((c: { member: { id: string } }) => c.member.id)).toContain(f.theo);
      await t.api('DELETE', `/api/sessions/${refused.body.id}`);
      await t.api('DELETE', `/api/tasks/${timed.body.id}`);
    });

    it('move with their session, and lose their time when it no longer fits', async () => {
      const session = await createSession(t.prisma, { studioId: f.studioId, projectId: f.projectId, roomId: f.roomA }, { title: 'Mix prep', startsAt: new Date('2026-11-26T10:00:00Z'), hours: 4 });
      const early = (await t.api('POST', `/api/sessions/${session.id}/tasks`, { kind: 'editing', title: 'Early', startsAt: '2026-11-26T10:00:00Z', estimateMinutes: 60 })).body;
      const late = (await t.api('POST', `/api/sessions/${session.id}/tasks`, { kind: 'editing', title: 'Late', startsAt: '2026-11-26T13:00:00Z', estimateMinutes: 60 })).body;
      // Two hours later and one hour shorter: the early task moves to 12:00, the late one no longer fits.
      const moved = await t.api('PATCH', `/api/sessions/${session.id}`, { startsAt: '2026-11-26T12:00:00Z', endsAt: '2026-11-26T15:00:00Z' });
      expect(moved.status).toBe(200);
      const rows = await t.prisma.task.findMany({ where: { id: { in: [early.id, late.id] } }, orderBy: { title: 'asc' } });
      expect(rows.map((r) => [r.title, r.startsAt?.toISOString() ?? null, r.version])).toEqual([
        ['Early', '2026-11-26T12:00:00.000Z', early.version + 1],
        ['Late', null, late.version + 1],
      ]);
      const events = await t.api('GET', `/api/sessions/${session.id}/events?after=0`);
      expect(events.body.events.filter((e: { type: string; changed?: string[] }) => e.type === 'task.updated' && e.changed?.includes('startsAt'))).toHaveLength(2);
    });
  });

  it('the booking check names who and which room is busy with what, and what booking would be refused for', async () => {
    const res = await t.api('POST', '/api/bookings/check', { startsAt: '2026-11-24T15:00:00Z', endsAt: '2026-11-24T17:00:00Z', roomId: f.roomB, producerId: f.maya, engineerId: f.sam });
    expect(res.status).toBe(200);
    const check = BookingCheckSchema.parse(res.body);
    // By the other session's start: the drums (10:00) first, then the vocals (12:00).
    expect(check.conflicts.map((c) => [c.kind, c.title])).toEqual([
      ['engineer', 'Drum tracking'],
      ['room', 'Lead vocal overdubs'],
      ['producer', 'Lead vocal overdubs'],
    ]);
    expect(check.people.find((p) => p.member.id === f.sam)).toMatchObject({ free: false, busyWith: { kind: 'session', title: 'Drum tracking' } });
    expect(check.people.find((p) => p.member.id === f.lena)).toMatchObject({ free: true, busyWith: null });
    expect(check.rooms.find((r) => r.room.id === f.roomB)).toMatchObject({ free: false, busyWith: { title: 'Lead vocal overdubs' } });
    expect(check.rooms.find((r) => r.room.id === f.roomA)).toMatchObject({ free: false });
    const bad = await t.api('POST', '/api/bookings/check', { startsAt: '2026-11-24T17:00:00Z', endsAt: '2026-11-24T15:00:00Z' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].path).toBe('endsAt');
  });
});
