// Holds, prep and teardown through HTTP and sockets: booking a first and a second hold, the
// challenge, release and promotion, expiry by the sweep, confirming a template hold starts its
// prep, room defaults for prep and teardown, and unambiguous booking input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BookingCheckSchema, HoldConfirmationSchema, SessionSchema, type BoardEvent } from '@patchbay/shared';
import { expireDueHolds } from '../../server/src/domain/holds';
import { createGear, createMember, createProject, createRoom, createStudio } from '../helpers/factories';
import { connectSocket, joinBoard, waitForEvents } from '../helpers/sockets';
import { startTestServer, type TestServer } from '../helpers/test-server';

describe('holds, prep and teardown', () => {
  let t: TestServer;
  let f: { studioId: string; live: string; booth: string; projectId: string; sam: string; maya: string; lena: string };

  beforeAll(async () => {
    t = await startTestServer();
    const studio = await createStudio(t.prisma, { name: 'Holds Studio', timezone: 'Europe/London' });
    const live = await createRoom(t.prisma, studio.id, { name: 'Live Room A', kind: 'LIVE_ROOM' });
    const booth = await createRoom(t.prisma, studio.id, { name: 'Vocal Booth', kind: 'BOOTH' });
    const sam = await createMember(t.prisma, studio.id, { name: 'Sam', roles: ['ENGINEER'] });
    const lena = await createMember(t.prisma, studio.id, { name: 'Lena', roles: ['ENGINEER'] });
    const maya = await createMember(t.prisma, studio.id, { name: 'Maya', roles: ['PRODUCER'] });
    const project = await createProject(t.prisma, studio.id, { leadProducerId: maya.id });
    f = { studioId: studio.id, live: live.id, booth: booth.id, projectId: project.id, sam: sam.id, maya: maya.id, lena: lena.id };
    // The live room's prep and teardown defaults, set as an admin would (the first test checks the answer).
    const room = await t.api('PATCH', `/api/rooms/${live.id}`, { prepMinutes: 45, teardownMinutes: 30 });
    if (room.status !== 200) throw new Error(`setting the room's prep failed: ${room.text}`);
  });
  afterAll(() => t.close());

  const book = (over: Record<string, unknown>) =>
    t.api('POST', '/api/sessions', { title: 'Tracking', projectId: f.projectId, roomId: f.live, startsAt: '2027-02-01T10:00:00Z', endsAt: '2027-02-01T18:00:00Z', ...over });

  it('a new session takes its room’s prep and teardown: call time and clear time follow', async () => {
    const room = (await t.api('GET', '/api/studio')).body.rooms.find((r: { id: string }) => r.id === f.live);
    expect([room.prepMinutes, room.teardownMinutes]).toEqual([45, 30]);
    const res = await book({ title: 'Drums', engineerId: f.sam, startsAt: '2027-01-04T10:00:00Z', endsAt: '2027-01-04T16:00:00Z' });
    expect(res.status).toBe(201);
    const s = SessionSchema.parse(res.body);
    expect([s.prepMinutes, s.teardownMinutes, s.callAt, s.clearAt, s.hold, s.holdUntil]).toEqual([45, 30, '2027-01-04T09:15:00.000Z', '2027-01-04T16:30:00.000Z', 'CONFIRMED', null]);
    // The room is taken through teardown, and Sam through prep of a session elsewhere.
    const clash = await book({ title: 'Overdubs', startsAt: '2027-01-04T16:15:00Z', endsAt: '2027-01-04T18:00:00Z', prepMinutes: 0 });
    expect(clash.status).toBe(409);
    expect(clash.body.error.details.conflicts.map((c: { kind: string }) => c.kind)).toEqual(['room']);
    const sam = await book({ title: 'Vocals', roomId: f.booth, engineerId: f.sam, startsAt: '2027-01-04T17:00:00Z', endsAt: '2027-01-04T19:00:00Z', prepMinutes: 60 });
    expect(sam.status).toBe(409);
    expect(sam.body.error.details.conflicts.map((c: { kind: string }) => c.kind)).toEqual(['engineer']);
    const fine = await book({ title: 'Vocals', roomId: f.booth, engineerId: f.sam, startsAt: '2027-01-04T17:00:00Z', endsAt: '2027-01-04T19:00:00Z', prepMinutes: 30 });
    expect(fine.status).toBe(201);
    // The workload counts Sam's prep and teardown: 6 h + 45 + 30 min, and 2.5 h in the booth.
    const load = await t.api('GET', '/api/workload?from=2027-01-04T00:00:00Z&to=2027-01-11T00:00:00Z');
    expect(load.body.members.find((m: { member: { id: string } }) => m.member.id === f.sam).weeks[0].bookedMinutes).toBe(6 * 60 + 75 + 150);
  });

  it('refuses zero-length, reversed and over-long sessions, and prep beyond 4 hours, naming the field', async () => {
    for (const [startsAt, endsAt] of [
      ['2027-01-05T10:00:00Z', '2027-01-05T10:00:00Z'],
      ['2027-01-05T10:00:00Z', '2027-01-05T09:00:00Z'],
      ['2027-01-05T10:00:00Z', '2027-01-06T10:30:00Z'],
    ]) {
      const res = await book({ startsAt, endsAt });
      expect(res.status).toBe(400);
      expect(res.body.error.details.issues[0]).toMatchObject({ path: 'endsAt', message: expect.stringContaining('must end after it starts') });
    }
    const prep = await book({ prepMinutes: 300 });
    expect(prep.status).toBe(400);
    expect(prep.body.error.details.issues[0].path).toBe('prepMinutes');
    expect(await t.prisma.session.count({ where: { studioId: f.studioId, startsAt: new Date('2027-01-05T10:00:00Z') } })).toBe(0);
  });

  it('first hold, second hold behind it, challenge, release and promotion — each seen live', async () => {
    const first = await book({ title: 'Band A (hold)', hold: 'FIRST_HOLD', producerId: f.maya });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ hold: 'FIRST_HOLD', challengedAt: null });
    // The default deadline: a week from now.
    expect(Math.abs(Date.parse(first.body.holdUntil) - (Date.now() + 7 * 86_400_000))).toBeLessThan(60_000);
    // A second first hold on the slot is a room conflict; a second hold queues behind it.
    const again = await book({ title: 'Band B', hold: 'FIRST_HOLD' });
    expect(again.status).toBe(409);
    const check = BookingCheckSchema.parse((await t.api('POST', '/api/bookings/check', { startsAt: '2027-02-01T12:00:00Z', endsAt: '2027-02-01T14:00:00Z', roomId: f.live })).body);
    expect(check.firstHolds.map((h) => h.title)).toEqual(['Band A (hold)']);
    expect([check.prepMinutes, check.teardownMinutes, check.callAt]).toEqual([45, 30, '2027-02-01T11:15:00.000Z']);
    const second = await book({ title: 'Band B (2nd)', hold: 'SECOND_HOLD', engineerId: f.lena, holdUntil: '2027-01-20T12:00:00Z' });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ hold: 'SECOND_HOLD', holdUntil: '2027-01-20T12:00:00.000Z' });
    // A second hold where there is no first hold makes no sense: 400 naming the field.
    const lonely = await book({ title: 'Nobody first', hold: 'SECOND_HOLD', roomId: f.booth });
    expect(lonely.status).toBe(400);
    expect(lonely.body.error.details.issues[0].path).toBe('hold');

    const viewer = await connectSocket(t.baseUrl, await t.cookieFor());
    await joinBoard(viewer, first.body.id);
    // Confirming the second hold challenges the first: 24 hours to confirm or let go.
    const challenge = HoldConfirmationSchema.parse((await t.api('POST', `/api/sessions/${second.body.id}/confirm`)).body);
    expect(challenge.challenged).toBe(true);
    expect(challenge.session.hold).toBe('SECOND_HOLD');
    const [event] = (await waitForEvents(viewer, 1)) as Extract<BoardEvent, { type: 'session.updated' }>[];
    expect(event!.type).toBe('session.updated');
    expect(event!.session.challengedAt).not.toBeNull();
    expect(Math.abs(Date.parse(event!.session.holdUntil!) - (Date.now() + 24 * 3_600_000))).toBeLessThan(60_000);

    // The first hold lets go: it is released, and the second hold becomes the first.
    const released = await t.api('POST', `/api/sessions/${first.body.id}/release`);
    expect(released.status).toBe(200);
    expect(released.body.hold).toBe('RELEASED');
    const [gone] = (await waitForEvents(viewer, 2)).slice(1) as Extract<BoardEvent, { type: 'session.updated' }>[];
    expect(gone!.session.hold).toBe('RELEASED');
    viewer.disconnect();
    expect((await t.api('GET', `/api/sessions/${second.body.id}`)).body.hold).toBe('FIRST_HOLD');
    // Releasing again, or confirming an ended hold, is a 409 saying why.
    const twice = await t.api('POST', `/api/sessions/${first.body.id}/release`);
    expect([twice.status, twice.body.error.code]).toEqual([409, 'CONFLICT']);
    expect((await t.api('POST', `/api/sessions/${first.body.id}/confirm`)).body.error.message).toContain('ended');
    // Confirming it now: confirmed, no deadline.
    const confirmed = HoldConfirmationSchema.parse((await t.api('POST', `/api/sessions/${second.body.id}/confirm`)).body);
    expect([confirmed.challenged, confirmed.session.hold, confirmed.session.holdUntil]).toEqual([false, 'CONFIRMED', null]);
    expect((await t.api('POST', `/api/sessions/${second.body.id}/release`)).status).toBe(409);
  });

  it('holds take time like bookings: a first hold blocks its people, a second hold nobody', async () => {
    const first = await book({ title: 'Hold with Maya', hold: 'FIRST_HOLD', producerId: f.maya, startsAt: '2027-03-01T10:00:00Z', endsAt: '2027-03-01T14:00:00Z' });
    expect(first.status).toBe(201);
    const clash = await book({ title: 'Maya elsewhere', roomId: f.booth, producerId: f.maya, startsAt: '2027-03-01T12:00:00Z', endsAt: '2027-03-01T13:00:00Z' });
    expect(clash.status).toBe(409);
    const second = await book({ title: 'Second with Lena', hold: 'SECOND_HOLD', engineerId: f.lena, startsAt: '2027-03-01T10:00:00Z', endsAt: '2027-03-01T14:00:00Z' });
    expect(second.status).toBe(201);
    const lena = await book({ title: 'Lena elsewhere', roomId: f.booth, engineerId: f.lena, startsAt: '2027-03-01T12:00:00Z', endsAt: '2027-03-01T13:00:00Z' });
    expect(lena.status).toBe(201);
    // The first hold expires: the second hold cannot move up (Lena is booked elsewhere now), so it stays second.
    await t.prisma.session.update({ where: { id: first.body.id }, data: { holdUntil: new Date(Date.now() - 1000) } });
    expect(await expireDueHolds(t.server.ctx)).toBe(1);
    expect((await t.api('GET', `/api/sessions/${first.body.id}`)).body.hold).toBe('EXPIRED');
    expect((await t.api('GET', `/api/sessions/${second.body.id}`)).body.hold).toBe('SECOND_HOLD');
    // A second sweep finds nothing more to do.
    expect(await expireDueHolds(t.server.ctx)).toBe(0);
    // Expired, the hold blocks nobody: Maya can be booked then.
    expect((await book({ title: 'Maya free again', roomId: f.booth, producerId: f.maya, startsAt: '2027-03-01T13:00:00Z', endsAt: '2027-03-01T14:00:00Z' })).status).toBe(201);
  });

  it('a hold booked from a template gets its tasks and setup list when confirmed, not before', async () => {
    const template = await t.api('POST', '/api/templates', {
      name: 'Vocal overdub',
      prepMinutes: 20,
      teardownMinutes: 10,
      tasks: [{ kind: 'mic_setup', title: 'Lead vox mic' }],
      inputs: [{ channel: 1, source: 'Lead Vox' }],
      checks: [{ text: 'Headphone mix' }],
    });
    expect(template.status).toBe(201);
    const hold = await book({ title: 'Vocals (hold)', hold: 'FIRST_HOLD', roomId: f.booth, engineerId: f.sam, templateId: template.body.id, startsAt: '2027-04-01T10:00:00Z', endsAt: '2027-04-01T14:00:00Z' });
    expect(hold.status).toBe(201);
    expect([hold.body.prepMinutes, hold.body.teardownMinutes]).toEqual([20, 10]);
    const before = await t.api('GET', `/api/sessions/${hold.body.id}/board`);
    expect([before.body.tasks.length, before.body.setup.length]).toEqual([0, 0]);
    expect((await t.api('POST', `/api/sessions/${hold.body.id}/confirm`)).status).toBe(200);
    const after = await t.api('GET', `/api/sessions/${hold.body.id}/board`);
    expect(after.body.tasks.map((x: { title: string }) => x.title)).toEqual(['Lead vox mic']);
    expect(after.body.setup.map((x: { part: string; source: string; text: string }) => [x.part, x.part === 'INPUT' ? x.source : x.text])).toEqual(expect.arrayContaining([['INPUT', 'Lead Vox'], ['CHECK', 'Headphone mix']]));
  });

  it('gear is in use from call to clear: a unit planned in a session’s teardown elsewhere is a conflict', async () => {
    const u87 = await createGear(t.prisma, f.studioId, { label: 'U87 #1' });
    const drums = await book({ title: 'Drums with the U87', startsAt: '2027-06-01T10:00:00Z', endsAt: '2027-06-01T14:00:00Z' });
    expect(drums.body.clearAt).toBe('2027-06-01T14:30:00.000Z');
    const line = await t.api('POST', `/api/sessions/${drums.body.id}/setup-items`, { part: 'INPUT', source: 'Room', gearId: u87.id });
    expect([line.status, line.body.gear?.id]).toEqual([201, u87.id]);
    // In the booth at 14:15, during the live room's teardown: the one U87 is still out there.
    const vocals = await book({ title: 'Vocals', roomId: f.booth, startsAt: '2027-06-01T14:15:00Z', endsAt: '2027-06-01T16:00:00Z' });
    const clash = await t.api('POST', `/api/sessions/${vocals.body.id}/setup-items`, { part: 'INPUT', source: 'Lead Vox', gearId: u87.id });
    expect([clash.status, clash.body.error.code]).toEqual([409, 'GEAR_CONFLICT']);
    // After the teardown it is free.
    expect((await t.api('DELETE', `/api/sessions/${vocals.body.id}`)).status).toBe(204);
    const later = await book({ title: 'Late vocals', roomId: f.booth, startsAt: '2027-06-01T14:30:00Z', endsAt: '2027-06-01T16:00:00Z' });
    expect((await t.api('POST', `/api/sessions/${later.body.id}/setup-items`, { part: 'INPUT', source: 'Lead Vox', gearId: u87.id })).status).toBe(201);
  });

  it('what a hostile probe found: cancelled holds, deleted templates, deadlines after a move, the queue, held sessions started', async () => {
    const slot = { roomId: f.booth, startsAt: '2027-07-01T10:00:00Z', endsAt: '2027-07-01T12:00:00Z' };
    // A cancelled hold cannot be confirmed (it would release the second holds behind it).
    const a = await book({ ...slot, title: 'A', hold: 'FIRST_HOLD' });
    const b = await book({ ...slot, title: 'B', hold: 'SECOND_HOLD' });
    expect((await t.api('PATCH', `/api/sessions/${a.body.id}`, { status: 'CANCELLED' })).status).toBe(200);
    // Cancelling the first hold lets the second move up.
    expect((await t.api('GET', `/api/sessions/${b.body.id}`)).body.hold).toBe('FIRST_HOLD');
    const confirmCancelled = await t.api('POST', `/api/sessions/${a.body.id}/confirm`);
    expect([confirmCancelled.status, confirmCancelled.body.error.details.reason]).toEqual([409, 'cancelled']);
    expect((await t.api('GET', `/api/sessions/${b.body.id}`)).body.hold).toBe('FIRST_HOLD');

    // Deleting a first hold (not only cancelling it) lets the queue move up too.
    const slot3 = { roomId: f.booth, startsAt: '2027-07-04T10:00:00Z', endsAt: '2027-07-04T12:00:00Z' };
    const doomed = await book({ ...slot3, title: 'Doomed', hold: 'FIRST_HOLD' });
    const waiting = await book({ ...slot3, title: 'Waiting', hold: 'SECOND_HOLD' });
    expect((await t.api('DELETE', `/api/sessions/${doomed.body.id}`)).status).toBe(204);
    expect((await t.api('GET', `/api/sessions/${waiting.body.id}`)).body.hold).toBe('FIRST_HOLD');

    // The queue: the earliest second hold cannot move up (Lena is booked elsewhere then), so the next one does.
    const slot2 = { roomId: f.booth, startsAt: '2027-07-02T10:00:00Z', endsAt: '2027-07-02T12:00:00Z' };
    const first = await book({ ...slot2, title: 'First', hold: 'FIRST_HOLD' });
    const blocked = await book({ ...slot2, title: 'Blocked', hold: 'SECOND_HOLD', engineerId: f.lena });
    const next = await book({ ...slot2, title: 'Next', hold: 'SECOND_HOLD' });
    expect((await book({ title: 'Lena elsewhere', roomId: f.live, engineerId: f.lena, startsAt: '2027-07-02T09:00:00Z', endsAt: '2027-07-02T13:00:00Z', prepMinutes: 0, teardownMinutes: 0 })).status).toBe(201);
    expect((await t.api('POST', `/api/sessions/${first.body.id}/release`)).status).toBe(200);
    expect((await t.api('GET', `/api/sessions/${blocked.body.id}`)).body.hold).toBe('SECOND_HOLD');
    expect((await t.api('GET', `/api/sessions/${next.body.id}`)).body.hold).toBe('FIRST_HOLD');

    // Moving a hold so its release deadline falls after the new call time is refused, naming the deadline.
    // (Its deadline is the default, a week from now; the session moves to before then.)
    const soon = new Date(Date.now() + 3 * 86_400_000);
    const moved = await t.api('PATCH', `/api/sessions/${next.body.id}`, { startsAt: soon.toISOString(), endsAt: new Date(soon.getTime() + 7_200_000).toISOString() });
    expect([moved.status, moved.body.error.details.issues[0].path]).toEqual([400, 'holdUntil']);
    // A held session is not started (work on it does not start it either) until it is confirmed.
    const start = await t.api('POST', `/api/sessions/${next.body.id}/start`);
    expect([start.status, start.body.error.message]).toEqual([409, expect.stringContaining('confirm the booking before you start it')]);

    // A hold whose template was deleted since is still confirmed, with nothing from the template.
    const template = await t.api('POST', '/api/templates', { name: 'Short-lived', tasks: [{ kind: 'mic_setup', title: 'Gone' }] });
    const fromTemplate = await book({ roomId: f.booth, startsAt: '2027-07-03T10:00:00Z', endsAt: '2027-07-03T12:00:00Z', title: 'From a template', hold: 'FIRST_HOLD', templateId: template.body.id });
    expect((await t.api('DELETE', `/api/templates/${template.body.id}`)).status).toBe(204);
    const confirmed = await t.api('POST', `/api/sessions/${fromTemplate.body.id}/confirm`);
    expect([confirmed.status, confirmed.body.session?.hold]).toEqual([200, 'CONFIRMED']);
    expect((await t.api('GET', `/api/sessions/${fromTemplate.body.id}/board`)).body.tasks).toEqual([]);

    // A second hold over a confirmed session is refused for that, by name.
    const over = await book({ roomId: f.booth, startsAt: '2027-07-03T10:00:00Z', endsAt: '2027-07-03T12:00:00Z', title: 'Over it', hold: 'SECOND_HOLD' });
    expect([over.status, over.body.error.code, over.body.error.message]).toEqual([409, 'BOOKING_CONFLICT', expect.stringContaining('From a template')]);
  });

  it('refuses a control character in a title and a room of no studio in the booking check, naming the field', async () => {
    const nul = await book({ title: 'a\u0000b' });
    expect([nul.status, nul.body.error.details.issues[0].path]).toEqual([400, 'title']);
    const room = await t.api('POST', '/api/bookings/check', { startsAt: '2027-02-01T10:00:00Z', endsAt: '2027-02-01T12:00:00Z', roomId: '00000000-0000-4000-8000-000000000000' });
    expect([room.status, room.body.error.details.issues[0].path]).toEqual([400, 'roomId']);
  });

  it('a release deadline must be in the future and before the call time, and only holds have one', async () => {
    const past = await book({ hold: 'FIRST_HOLD', holdUntil: '2020-01-01T00:00:00Z', startsAt: '2027-05-01T10:00:00Z', endsAt: '2027-05-01T12:00:00Z' });
    expect([past.status, past.body.error.details.issues[0].path]).toEqual([400, 'holdUntil']);
    const late = await book({ hold: 'FIRST_HOLD', holdUntil: '2027-05-01T09:30:00Z', startsAt: '2027-05-01T10:00:00Z', endsAt: '2027-05-01T12:00:00Z' });
    expect([late.status, late.body.error.message]).toEqual([400, expect.stringContaining('before the call time')]);
    const confirmed = await book({ holdUntil: '2027-04-20T09:30:00Z', startsAt: '2027-05-01T10:00:00Z', endsAt: '2027-05-01T12:00:00Z' });
    expect([confirmed.status, confirmed.body.error.details.issues[0].path]).toEqual([400, 'holdUntil']);
  });
});
