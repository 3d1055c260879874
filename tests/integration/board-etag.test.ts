// The board snapshot's ETag (http/board-answer.ts): 304 while nothing the snapshot shows changed,
// a new snapshot after a change through the event log and after a rename that writes no event,
// one tag per audience, and never a 304 before the access check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoardSnapshotSchema } from '@patchbay/shared';
import { createMember, createStaffedSession, createStudio, createTaskRow } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/test-server';

describe('board snapshot: ETag and 304', () => {
  let t: TestServer;
  let ids: Awaited<ReturnType<typeof createStaffedSession>>;
  let url: string;
  beforeAll(async () => {
    t = await startTestServer();
    ids = await createStaffedSession(t.prisma);
    await createTaskRow(t.prisma, { studioId: ids.studio.id, sessionId: ids.session.id }, { kind: 'editing', title: 'Comp the lead vocal', assigneeId: ids.engineer.id });
    url = `/api/sessions/${ids.session.id}/board`;
  });
  afterAll(() => t.close());

  const get = (etag?: string) => t.api('GET', url, undefined, etag ? { 'if-none-match': etag } : {});

  it('answers 304 with no body for the ETag it gave while nothing changed, and the same body without one', async () => {
    const first = await get();
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"b-[\w-]+"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    BoardSnapshotSchema.parse(first.body);

    const again = await get(etag);
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    // A list of tags, one of them this one; and a tag of another board state is not enough.
    expect((await get(`W/"b-other", ${etag}`)).status).toBe(304);
    const stale = await get('W/"b-stale"');
    expect(stale.status).toBe(200);
    expect(stale.text).toBe(first.text);
  });

  it('gives a new snapshot after a change through the event log', async () => {
    const before = await get();
    const task = before.body.tasks[0];
    expect((await t.api('PATCH', `/api/tasks/${task.id}`, { version: task.version, title: 'Comp the lead vocal, take 3' })).status).toBe(200);
    const after = await get(before.headers.get('etag')!);
    expect(after.status).toBe(200);
    expect(after.body.seq).toBe(before.body.seq + 1);
    expect(after.body.tasks[0].title).toBe('Comp the lead vocal, take 3');
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
  });

  it('gives a new snapshot after a rename that writes no board event (the assignee, the room)', async () => {
    const before = await get();
    expect((await t.api('PATCH', `/api/members/${ids.engineer.id}`, { name: 'Eli Engineer-Park' })).status).toBe(200);
    const renamed = await get(before.headers.get('etag')!);
    expect(renamed.status).toBe(200);
    expect(renamed.body.seq).toBe(before.body.seq);
    expect(renamed.body.tasks[0].assignee.name).toBe('Eli Engineer-Park');

    await t.prisma.room.update({ where: { id: ids.room.id }, data: { name: 'Control Room A (SSL)' } });
    const moved = await get(renamed.headers.get('etag')!);
    expect(moved.status).toBe(200);
    expect(moved.body.session.room.name).toBe('Control Room A (SSL)');
  });

  it('tags each audience apart: a guest never gets a 304 for the staff snapshot', async () => {
    const staff = await get();
    const guestMember = await createMember(t.prisma, ids.studio.id, { name: 'Ada Quinn', roles: [], accessRole: 'GUEST' });
    await t.prisma.member.update({ where: { id: guestMember.id }, data: { guestProjects: { connect: [{ id: ids.project.id }] } } });
    const guest = await t.as(guestMember.id);
    const asGuest = await guest('GET', url, undefined, { 'if-none-match': staff.headers.get('etag')! });
    expect(asGuest.status).toBe(200);
    expect(asGuest.body).not.toHaveProperty('setup');
    expect(asGuest.headers.get('etag')).not.toBe(staff.headers.get('etag'));
    expect((await guest('GET', url, undefined, { 'if-none-match': asGuest.headers.get('etag')! })).status).toBe(304);
  });

  it('checks access before anything else: another studio answers 404 even with the right ETag', async () => {
    const staff = await get();
    const other = await createStudio(t.prisma, { name: 'Elsewhere' });
    const stranger = await t.as((await createMember(t.prisma, other.id, { name: 'Stranger', accessRole: 'ADMIN' })).id);
    const res = await stranger('GET', url, undefined, { 'if-none-match': staff.headers.get('etag')! });
    expect(res.status).toBe(404);
    await expect(t.anon('GET', url, undefined, { 'if-none-match': staff.headers.get('etag')! })).resolves.toMatchObject({ status: 401 });
  });
});
