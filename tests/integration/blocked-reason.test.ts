// Why a task is blocked, over HTTP and the live board: said with the move to Blocked (a move or
// an edit), changed while it stays there, cleared when it leaves, refused when too long or given
// for a task that is not going to Blocked, set by
// whoever may move the task, in the event log for viewers, and never sent to a guest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLOCKED_REASON_MAX, TaskSchema } from '@patchbay/shared';
import { createMember, createStaffedSession, createTaskRow } from '../helpers/factories';
import { connectSocket, joinBoard, waitForEvents, type TestSocket } from '../helpers/sockets';
import { startTestServer, type TestServer } from '../helpers/test-server';

describe('why a task is blocked', () => {
  let t: TestServer;
  let ids: Awaited<ReturnType<typeof createStaffedSession>>;
  const sockets: TestSocket[] = [];
  beforeAll(async () => {
    t = await startTestServer();
    ids = await createStaffedSession(t.prisma);
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await t.close();
  });

  const newTask = async (title: string) => (await t.api('POST', `/api/sessions/${ids.session.id}/tasks`, { kind: 'mic_setup', title })).body as { id: string; version: number };

  it('is said with a move to Blocked, shown to viewers live, kept across a reorder, and cleared when the task leaves Blocked', async () => {
    const viewer = await connectSocket(t.baseUrl, await t.cookieFor());
    sockets.push(viewer);
    await joinBoard(viewer, ids.session.id);
    const task = await newTask('Mic the guitar amp');
    await waitForEvents(viewer, 1);

    const moved = await t.api('POST', `/api/tasks/${task.id}/move`, { version: 1, status: 'BLOCKED', index: 0, blockedReason: '  Waiting for the replacement DI  ' });
    expect(moved.status).toBe(200);
    expect(TaskSchema.parse(moved.body.task)).toMatchObject({ status: 'BLOCKED', blockedReason: 'Waiting for the replacement DI', version: 2 });
    const [event] = (await waitForEvents(viewer, 2)).slice(1);
    expect(event).toMatchObject({ type: 'task.moved', task: { id: task.id, blockedReason: 'Waiting for the replacement DI' } });

    // Changed while it stays blocked (an edit with only the reason), then a reorder keeps it.
    const changed = await t.api('PATCH', `/api/tasks/${task.id}`, { version: 2, blockedReason: 'DI arrives at 14:00' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ blockedReason: 'DI arrives at 14:00', version: 3 });
    const [update] = (await waitForEvents(viewer, 3)).slice(2);
    expect(update).toMatchObject({ type: 'task.updated', changed: ['blockedReason'] });
    const reordered = await t.api('POST', `/api/tasks/${task.id}/move`, { version: 3, status: 'BLOCKED', index: 5 });
    expect(reordered.body.task.blockedReason).toBe('DI arrives at 14:00');

    // A reason with a move elsewhere is refused, naming the field, and nothing moves.
    const version = reordered.body.task.version as number;
    const refused = await t.api('POST', `/api/tasks/${task.id}/move`, { version, status: 'IN_PROGRESS', index: 0, blockedReason: 'Waiting for nothing' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.issues).toEqual([expect.objectContaining({ path: 'blockedReason' })]);
    expect(await t.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: 'BLOCKED', version, blockedReason: 'DI arrives at 14:00' });
    // Out of Blocked: cleared.
    const unblocked = await t.api('POST', `/api/tasks/${task.id}/move`, { version, status: 'IN_PROGRESS', index: 0 });
    expect(unblocked.body.task).toMatchObject({ status: 'IN_PROGRESS', blockedReason: '' });
    expect((await t.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).blockedReason).toBe('');
  });

  it('an edit to Blocked takes the reason too, and an edit out of it clears it', async () => {
    const task = await newTask('Patch the outboard');
    const blocked = await t.api('PATCH', `/api/tasks/${task.id}`, { version: 1, status: 'BLOCKED', blockedReason: 'The 1176 is at the repair shop' });
    expect(blocked.body).toMatchObject({ status: 'BLOCKED', blockedReason: 'The 1176 is at the repair shop' });
    const done = await t.api('PATCH', `/api/tasks/${task.id}`, { version: 2, status: 'DONE' });
    expect(done.body).toMatchObject({ status: 'DONE', blockedReason: '' });
    // A reason for a task that is not blocked is refused, naming the field; clearing is fine.
    const refused = await t.api('PATCH', `/api/tasks/${task.id}`, { version: 3, blockedReason: 'Nothing', title: 'Patch the outboard again' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.issues).toEqual([expect.objectContaining({ path: 'blockedReason' })]);
    expect(await t.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ version: 3, title: 'Patch the outboard', blockedReason: '' });
    const cleared = await t.api('PATCH', `/api/tasks/${task.id}`, { version: 3, blockedReason: '' });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ version: 3, blockedReason: '' });
  });

  it('refuses a reason that is too long, naming the field, and changes nothing', async () => {
    const task = await newTask('Set headphone mixes');
    const res = await t.api('POST', `/api/tasks/${task.id}/move`, { version: 1, status: 'BLOCKED', index: 0, blockedReason: 'x'.repeat(BLOCKED_REASON_MAX + 1) });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error.details)).toContain('blockedReason');
    expect(await t.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: 'TODO', blockedReason: '', version: 1 });
  });

  it('is for whoever may move the task: its engineer may say why, another engineer may not', async () => {
    const own = await createTaskRow(t.prisma, { studioId: ids.studio.id, sessionId: ids.session.id }, { assigneeId: ids.engineer.id, status: 'BLOCKED', title: 'Line-check' });
    const engineer = await t.as(ids.engineer.id);
    const said = await engineer('PATCH', `/api/tasks/${own.id}`, { version: own.version, blockedReason: 'Snake channel 12 is dead' });
    expect(said.status).toBe(200);
    expect(said.body.blockedReason).toBe('Snake channel 12 is dead');

    const stranger = await createMember(t.prisma, ids.studio.id, { name: 'Other Engineer', roles: ['ENGINEER'] });
    const other = await t.as(stranger.id);
    const refused = await other('PATCH', `/api/tasks/${own.id}`, { version: said.body.version, blockedReason: 'Not mine to say' });
    expect(refused.status).toBe(403);
    expect((await t.prisma.task.findUniqueOrThrow({ where: { id: own.id } })).blockedReason).toBe('Snake channel 12 is dead');
  });
});
