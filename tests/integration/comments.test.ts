// Comments on tasks over HTTP and real sockets: posted and taken back through the board's event
// log (live, in the snapshot and in replays), "@Name" tells the people named who may see the
// board (their other screens hear of it at once), bad input is refused naming the field, and
// only the author (or whoever may edit the tasks) takes a comment back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoardSnapshotSchema, MentionListSchema, TaskCommentSchema } from '@patchbay/shared';
import { createMember, createStaffedSession } from '../helpers/factories';
import { connectSocket, joinBoard, waitForEvents, type TestSocket } from '../helpers/sockets';
import { startTestServer, type TestServer } from '../helpers/test-server';

describe('comments on tasks, and the people named in them', () => {
  let t: TestServer;
  let ids: Awaited<ReturnType<typeof createStaffedSession>>;
  const sockets: TestSocket[] = [];
  const socketAs = async (memberId: string) => {
    const s = await connectSocket(t.baseUrl, await t.cookieFor(memberId));
    sockets.push(s);
    return s;
  };
  /** Resolves when the socket hears that its member's mentions changed. */
  const mentionsChanged = (s: TestSocket) => new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no mentions.changed within 5 s')), 5000);
    s.once('mentions.changed', () => {
      clearTimeout(timer);
      resolve();
    });
  });

  beforeAll(async () => {
    t = await startTestServer();
    ids = await createStaffedSession(t.prisma);
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await t.close();
  });

  const newTask = async (title: string) => (await t.api('POST', `/api/sessions/${ids.session.id}/tasks`, { kind: 'mic_setup', title })).body as { id: string; version: number };

  it('a comment reaches viewers live, is in the snapshot and the replay, and tells the person named on every screen', async () => {
    const task = await newTask('Mic the guitar amp');
    const producer = await t.as(ids.producer.id);
    const viewer = await socketAs(ids.producer.id);
    const { seq } = (await producer('GET', `/api/sessions/${ids.session.id}/board`)).body as { seq: number };
    await joinBoard(viewer, ids.session.id, seq);
    const eliScreen = await socketAs(ids.engineer.id);
    const told = mentionsChanged(eliScreen);

    const res = await producer('POST', `/api/tasks/${task.id}/comments`, { body: '  @Eli Engineer can you try the R121 on this one?  ' });
    expect(res.status).toBe(201);
    const comment = TaskCommentSchema.parse(res.body);
    expect(comment).toMatchObject({
      taskId: task.id,
      sessionId: ids.session.id,
      author: { id: ids.producer.id, name: 'Pat Producer' },
      body: '@Eli Engineer can you try the R121 on this one?',
      mentions: [{ id: ids.engineer.id, name: 'Eli Engineer' }],
    });
    const [event] = await waitForEvents(viewer, 1);
    expect(event).toMatchObject({ type: 'comment.added', seq: seq + 1, actor: { id: ids.producer.id }, comment });
    await told;

    const board = BoardSnapshotSchema.parse((await producer('GET', `/api/sessions/${ids.session.id}/board`)).body);
    expect(board.comments).toContainEqual(comment);
    const replay = (await producer('GET', `/api/sessions/${ids.session.id}/events?after=${seq}`)).body as { events: unknown[] };
    expect(replay.events).toEqual([event]);

    const eli = await t.as(ids.engineer.id);
    const inbox = MentionListSchema.parse((await eli('GET', '/api/me/mentions')).body);
    expect(inbox.unread).toBe(1);
    expect(inbox.mentions[0]).toMatchObject({ comment: { id: comment.id }, task: { id: task.id, title: 'Mic the guitar amp' }, session: { id: ids.session.id, title: 'Vocal overdubs' }, readAt: null });

    // Read on one screen: the others hear of it.
    const again = mentionsChanged(eliScreen);
    const read = MentionListSchema.parse((await eli('POST', '/api/me/mentions/read', {})).body);
    expect(read.unread).toBe(0);
    expect(read.mentions[0]?.readAt).not.toBeNull();
    await again;
    // The producer named nobody in their own inbox.
    expect(MentionListSchema.parse((await producer('GET', '/api/me/mentions')).body).mentions).toEqual([]);
  });

  it('tells only people who may see the board, never the author, and a first name is enough when no one else has it', async () => {
    const task = await newTask('Set headphone mixes');
    const outsider = await createMember(t.prisma, ids.studio.id, { name: 'Olga Outside', roles: ['ENGINEER'] });
    const producer = await t.as(ids.producer.id);
    const res = await producer('POST', `/api/tasks/${task.id}/comments`, { body: '@Olga Outside and @Pat Producer, ask @eli about the cue mix' });
    expect(res.status).toBe(201);
    expect(res.body.mentions).toEqual([{ id: ids.engineer.id, name: 'Eli Engineer' }]);
    expect(await t.prisma.mention.count({ where: { memberId: { in: [outsider.id, ids.producer.id] } } })).toBe(0);
  });

  it('refuses an empty, too long or unstorable comment, naming the field, and writes nothing', async () => {
    const task = await newTask('Patch the outboard');
    const before = await t.prisma.taskComment.count();
    // Empty, only invisible characters, too long, NUL, a C1 control (NEL) and a terminal escape (CSI).
    for (const body of ['   ', '\u200b', '\u200b\u2060 ', 'x'.repeat(2001), 'bad \u0000 byte', 'a\u0085b', 'a\u009b31mb']) {
      const res = await t.api('POST', `/api/tasks/${task.id}/comments`, { body });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.error.details)).toContain('body');
    }
    expect((await t.api('POST', `/api/tasks/${task.id}/comments`, { body: 'ok', extra: true })).status).toBe(400);
    expect((await t.api('POST', '/api/tasks/00000000-0000-4000-8000-000000000000/comments', { body: 'ok' })).status).toBe(404);
    expect(await t.prisma.taskComment.count()).toBe(before);
  });

  it('is taken back by its author or whoever may edit the tasks, not by another engineer; the event tells viewers and the mention goes', async () => {
    const task = await newTask('Line-check');
    const producer = await t.as(ids.producer.id);
    const comment = (await producer('POST', `/api/tasks/${task.id}/comments`, { body: 'Waiting on @Eli Engineer for the snake' })).body as { id: string };
    const other = await createMember(t.prisma, ids.studio.id, { name: 'Other Engineer', roles: ['ENGINEER'] });
    // Give them a task on the session: they may see the board, still not take back the producer's words.
    await t.api('POST', `/api/sessions/${ids.session.id}/tasks`, { kind: 'editing', title: 'Comp', assigneeId: other.id });
    const stranger = await t.as(other.id);
    expect((await stranger('DELETE', `/api/comments/${comment.id}`)).status).toBe(403);

    const viewer = await socketAs(ids.producer.id);
    await joinBoard(viewer, ids.session.id);
    const eliScreen = await socketAs(ids.engineer.id);
    const told = mentionsChanged(eliScreen);
    expect((await producer('DELETE', `/api/comments/${comment.id}`)).status).toBe(204);
    const [event] = await waitForEvents(viewer, 1);
    expect(event).toMatchObject({ type: 'comment.deleted', commentId: comment.id, taskId: task.id });
    await told;
    expect(await t.prisma.mention.count({ where: { commentId: comment.id } })).toBe(0);
    expect((await producer('DELETE', `/api/comments/${comment.id}`)).status).toBe(404);

    // The other engineer may not edit the tasks, and still takes back their own words; the
    // studio's admin takes back anyone's.
    const own = (await stranger('POST', `/api/tasks/${task.id}/comments`, { body: 'Wrong board, sorry' })).body as { id: string };
    expect((await stranger('DELETE', `/api/comments/${own.id}`)).status).toBe(204);
    const theirs = (await stranger('POST', `/api/tasks/${task.id}/comments`, { body: 'Snake is in the cupboard' })).body as { id: string };
    expect((await t.api('DELETE', `/api/comments/${theirs.id}`)).status).toBe(204);
    expect(await t.prisma.taskComment.count({ where: { id: { in: [own.id, theirs.id] } } })).toBe(0);
  });

  it('a deleted comment leaves no words behind: the replay keeps that it was said, not what', async () => {
    const task = await newTask('Track the band');
    const producer = await t.as(ids.producer.id);
    const { seq } = (await producer('GET', `/api/sessions/${ids.session.id}/board`)).body as { seq: number };
    const comment = (await producer('POST', `/api/tasks/${task.id}/comments`, { body: 'Posted by mistake: @Eli Engineer is late again' })).body as { id: string };
    // Pressed twice at once: one takes it back, the other finds nothing (404, not a 500).
    const statuses = (await Promise.all([producer('DELETE', `/api/comments/${comment.id}`), producer('DELETE', `/api/comments/${comment.id}`)])).map((r) => r.status).sort();
    expect(statuses).toEqual([204, 404]);
    const replay = (await producer('GET', `/api/sessions/${ids.session.id}/events?after=${seq}`)).body as { events: Array<{ type: string; comment?: { body: string; mentions: unknown[] } }> };
    expect(replay.events.map((e) => e.type)).toEqual(['comment.added', 'comment.deleted']);
    expect(replay.events[0]?.comment).toMatchObject({ body: '', mentions: [] });
    expect(JSON.stringify(replay)).not.toContain('late again');
  });

  it("an engineer's mentions are for boards they may still open", async () => {
    const task = await newTask('Fix the talkback');
    const guestEngineer = await createMember(t.prisma, ids.studio.id, { name: 'Gil Guest-Engineer', roles: ['ENGINEER'] });
    await t.prisma.task.update({ where: { id: task.id }, data: { assigneeId: guestEngineer.id } });
    const producer = await t.as(ids.producer.id);
    expect((await producer('POST', `/api/tasks/${task.id}/comments`, { body: '@Gil Guest-Engineer the talkback mic is in the drawer' })).body.mentions).toEqual([{ id: guestEngineer.id, name: 'Gil Guest-Engineer' }]);
    const gil = await t.as(guestEngineer.id);
    expect(MentionListSchema.parse((await gil('GET', '/api/me/mentions')).body).unread).toBe(1);
    // The task goes to someone else: Gil no longer sees the board, nor what was said on it.
    await t.prisma.task.update({ where: { id: task.id }, data: { assigneeId: ids.engineer.id } });
    expect(MentionListSchema.parse((await gil('GET', '/api/me/mentions')).body)).toEqual({ mentions: [], unread: 0 });
  });

  it('goes with its task: its words leave the replay, and the person named is told', async () => {
    const task = await newTask('Throwaway');
    const { seq } = (await t.api('GET', `/api/sessions/${ids.session.id}/board`)).body as { seq: number };
    await t.api('POST', `/api/tasks/${task.id}/comments`, { body: '@Eli Engineer this one is soon gone' });
    const eli = await t.as(ids.engineer.id);
    expect(MentionListSchema.parse((await eli('GET', '/api/me/mentions')).body).mentions.map((m) => m.comment.body)).toContain('@Eli Engineer this one is soon gone');
    const told = mentionsChanged(await socketAs(ids.engineer.id));
    expect((await t.api('DELETE', `/api/tasks/${task.id}`)).status).toBe(204);
    await told;
    expect(await t.prisma.taskComment.count({ where: { taskId: task.id } })).toBe(0);
    expect(MentionListSchema.parse((await eli('GET', '/api/me/mentions')).body).mentions.map((m) => m.comment.body)).not.toContain('@Eli Engineer this one is soon gone');
    const replay = (await t.api('GET', `/api/sessions/${ids.session.id}/events?after=${seq}`)).body as { events: Array<{ type: string }> };
    expect(replay.events.map((e) => e.type)).toEqual(['comment.added', 'task.deleted']);
    expect(JSON.stringify(replay)).not.toContain('soon gone');
  });

  it('marks only your own mentions read: any other id is refused, naming it, and nothing is marked', async () => {
    const task = await newTask('Print the lyric sheets');
    await t.api('POST', `/api/tasks/${task.id}/comments`, { body: '@Eli Engineer and @Pat Producer, lyric sheets by 10' });
    const eli = await t.as(ids.engineer.id);
    const pat = await t.as(ids.producer.id);
    const mine = MentionListSchema.parse((await eli('GET', '/api/me/mentions')).body).mentions[0]!;
    const patsMention = MentionListSchema.parse((await pat('GET', '/api/me/mentions')).body).mentions[0]!;
    const unreadBefore = MentionListSchema.parse((await eli('GET', '/api/me/mentions')).body).unread;
    for (const other of [patsMention.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await eli('POST', '/api/me/mentions/read', { ids: [mine.id, other] });
      expect(res.status).toBe(400);
      expect(res.body.error.details.issues).toEqual([expect.objectContaining({ path: 'ids.1' })]);
    }
    expect(MentionListSchema.parse((await eli('GET', '/api/me/mentions')).body).unread).toBe(unreadBefore);
    expect(await t.prisma.mention.count({ where: { id: patsMention.id, readAt: { not: null } } })).toBe(0);
    const read = MentionListSchema.parse((await eli('POST', '/api/me/mentions/read', { ids: [mine.id] })).body);
    expect(read.unread).toBe(unreadBefore - 1);
  });
});

describe('how many comments one member may post', () => {
  let t: TestServer;
  let ids: Awaited<ReturnType<typeof createStaffedSession>>;
  beforeAll(async () => {
    t = await startTestServer({ commentRateLimit: 3, commentRateWindowMs: 60_000 });
    ids = await createStaffedSession(t.prisma);
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 429 past the limit and stores nothing more, while someone else still posts', async () => {
    const task = (await t.api('POST', `/api/sessions/${ids.session.id}/tasks`, { kind: 'mic_setup', title: 'Mic the choir' })).body as { id: string };
    const producer = await t.as(ids.producer.id);
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await producer('POST', `/api/tasks/${task.id}/comments`, { body: `Note ${i}` })).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
    const refused = await producer('POST', `/api/tasks/${task.id}/comments`, { body: 'one more' });
    expect(refused.body.error).toMatchObject({ code: 'RATE_LIMITED' });
    expect(await t.prisma.taskComment.count({ where: { taskId: task.id, authorId: ids.producer.id } })).toBe(3);
    const engineer = await t.as(ids.engineer.id);
    expect((await engineer('POST', `/api/tasks/${task.id}/comments`, { body: 'Choir mics are up' })).status).toBe(201);
  });
});
