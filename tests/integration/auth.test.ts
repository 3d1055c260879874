import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/src/auth/crypto';
import { createMember, createStaffedSession, createStudio } from '../helpers/factories';
import { connectSocket, joinBoard } from '../helpers/sockets';
import { startTestServer, type TestServer } from '../helpers/test-server';

const PASSWORD = 'correct horse battery';

async function signIn(t: TestServer, email: string, password: string, headers: Record<string, string> = {}) {
  const res = await t.anon('POST', '/api/auth/sign-in', { email, password }, headers);
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  return { res, cookie };
}

describe('accounts and sign-in', () => {
  let t: TestServer;
  let ids: Awaited<ReturnType<typeof createStaffedSession>>;
  beforeAll(async () => {
    t = await startTestServer();
    ids = await createStaffedSession(t.prisma);
    const user = await t.prisma.user.create({ data: { email: 'eli@studio.test', name: 'Eli Engineer', passwordHash: await hashPassword(PASSWORD) } });
    await t.prisma.member.update({ where: { id: ids.engineer.id }, data: { userId: user.id, accessRole: 'ENGINEER' } });
  });
  afterAll(() => t.close());

  it('signs in with email and password into an httpOnly SameSite=Lax cookie, and signs out', async () => {
    const { res, cookie } = await signIn(t, 'Eli@Studio.test', PASSWORD);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ member: { id: ids.engineer.id, accessRole: 'ENGINEER' }, studio: { id: ids.studio.id } });
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i); // plain http in tests; production over https sets Secure
    const me = await t.anon('GET', '/api/auth/me', undefined, { cookie: cookie! });
    expect(me.status).toBe(200);
    expect((await t.anon('POST', '/api/auth/sign-out', undefined, { cookie: cookie! })).status).toBe(204);
    expect((await t.anon('GET', '/api/auth/me', undefined, { cookie: cookie! })).status).toBe(401);
  });

  it('answers a signed-out /auth/me?optional=true with 200 and null (no error for the browser to log), signed in with the member', async () => {
    const out = await t.anon('GET', '/api/auth/me?optional=true');
    expect(out.status).toBe(200);
    expect(out.body).toBeNull();
    expect((await t.anon('GET', '/api/auth/me')).status).toBe(401);
    expect((await t.anon('GET', '/api/auth/me?optional=yes')).status).toBe(400);
    const { cookie } = await signIn(t, 'eli@studio.test', PASSWORD);
    const me = await t.anon('GET', '/api/auth/me?optional=true', undefined, { cookie: cookie! });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ member: { id: ids.engineer.id } });
  });

  it('stores only a hash of the session token and an argon2id password hash', async () => {
    const { cookie } = await signIn(t, 'eli@studio.test', PASSWORD);
    const token = cookie!.split('=')[1]!;
    expect(await t.prisma.authSession.count({ where: { tokenHash: token } })).toBe(0);
    const user = await t.prisma.user.findUniqueOrThrow({ where: { email: 'eli@studio.test' } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a wrong password and an unknown email with the same answer', async () => {
    const wrong = await signIn(t, 'eli@studio.test', 'nope nope nope');
    const unknown = await signIn(t, 'nobody@studio.test', 'nope nope nope');
    expect(wrong.res.status).toBe(401);
    expect(unknown.res.status).toBe(401);
    expect(wrong.res.body.error.message).toBe(unknown.res.body.error.message);
    expect(wrong.cookie).toBeUndefined();
  });

  it('expires sessions', async () => {
    const { cookie } = await signIn(t, 'eli@studio.test', PASSWORD);
    await t.prisma.authSession.updateMany({ where: { memberId: ids.engineer.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await t.anon('GET', '/api/auth/me', undefined, { cookie: cookie! })).status).toBe(401);
  });

  it('changes the password, signing out the other browsers', async () => {
    const a = await signIn(t, 'eli@studio.test', PASSWORD);
    const b = await signIn(t, 'eli@studio.test', PASSWORD);
    const bad = await t.anon('POST', '/api/auth/password', { currentPassword: 'wrong', newPassword: 'a much longer one' }, { cookie: a.cookie! });
    expect(bad.status).toBe(400);
    const short = await t.anon('POST', '/api/auth/password', { currentPassword: PASSWORD, newPassword: 'short' }, { cookie: a.cookie! });
    expect(short.status).toBe(400);
    expect((await t.anon('POST', '/api/auth/password', { currentPassword: PASSWORD, newPassword: 'a much longer one' }, { cookie: a.cookie! })).status).toBe(204);
    expect((await t.anon('GET', '/api/auth/me', undefined, { cookie: a.cookie! })).status).toBe(200);
    expect((await t.anon('GET', '/api/auth/me', undefined, { cookie: b.cookie! })).status).toBe(401);
    expect((await signIn(t, 'eli@studio.test', PASSWORD)).res.status).toBe(401);
    expect((await signIn(t, 'eli@studio.test', 'a much longer one')).res.status).toBe(200);
    await t.prisma.user.update({ where: { email: 'eli@studio.test' }, data: { passwordHash: await hashPassword(PASSWORD) } });
  });

  it('disconnects the sockets of a revoked session at once', async () => {
    const { cookie } = await signIn(t, 'eli@studio.test', PASSWORD);
    const socket = await connectSocket(t.baseUrl, cookie);
    expect(await joinBoard(socket, ids.session.id)).toMatchObject({ ok: true });
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
    const sessions = (await t.anon('GET', '/api/auth/sessions', undefined, { cookie: cookie! })).body.sessions;
    const current = sessions.find((s: { current: boolean }) => s.current);
    expect((await t.anon('DELETE', `/api/auth/sessions/${current.id}`, undefined, { cookie: cookie! })).status).toBe(204);
    expect(await disconnected).toBe('io server disconnect');
    await expect(connectSocket(t.baseUrl, cookie)).rejects.toThrow(/UNAUTHENTICATED/);
  });

  it('refuses sockets without a session', async () => {
    await expect(connectSocket(t.baseUrl)).rejects.toThrow(/UNAUTHENTICATED/);
  });

  it('refuses cross-site state-changing requests (CSRF) but allows same-origin ones', async () => {
    const { cookie } = await signIn(t, 'eli@studio.test', PASSWORD);
    const evil = await t.anon('POST', '/api/auth/sign-out', undefined, { cookie: cookie!, origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect(evil.body.error.code).toBe('FORBIDDEN');
    const evilReferer = await t.anon('POST', '/api/auth/sign-out', undefined, { cookie: cookie!, referer: 'https://evil.example/page' });
    expect(evilReferer.status).toBe(403);
    expect((await t.anon('GET', '/api/auth/me', undefined, { cookie: cookie! })).status).toBe(200);
    const same = await t.anon('POST', '/api/auth/sign-out', undefined, { cookie: cookie!, origin: t.baseUrl });
    expect(same.status).toBe(204);
  });
});

describe('rate limiting', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ authRateLimit: 3 });
  });
  afterAll(() => t.close());

  it('limits sign-in attempts per address and email with 429', async () => {
    const statuses = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await signIn(t, 'victim@studio.test', `guess ${i} guess`)).res.status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const limited = await signIn(t, 'victim@studio.test', 'x');
    expect(limited.res.body.error.code).toBe('RATE_LIMITED');
    // The address is held whatever email it tries next.
    expect((await signIn(t, 'other@studio.test', 'guess guess')).res.status).toBe(429);
  });

  it('limits invitation link attempts', async () => {
    const statuses = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await t.anon('GET', `/api/invitations/by-token/${'x'.repeat(43)}${i}`)).status);
    expect(statuses).toEqual([404, 404, 404, 429, 429]);
  });
});

describe('first run and invitations', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it('leads the first visitor to create the studio and its admin, once', async () => {
    expect((await t.anon('GET', '/api/setup')).body).toEqual({ needsSetup: true });
    const setup = await t.anon('POST', '/api/setup', { studioName: 'Harbour Sound', timezone: 'Europe/Berlin', name: 'Ruth Admin', email: 'ruth@harbour.test', password: 'a long admin password' });
    expect(setup.status).toBe(201);
    expect(setup.body).toMatchObject({ member: { accessRole: 'ADMIN' }, studio: { name: 'Harbour Sound', timezone: 'Europe/Berlin' } });
    expect(setup.headers.get('set-cookie')).toMatch(/patchbay_session=/);
    expect((await t.anon('GET', '/api/setup')).body).toEqual({ needsSetup: false });
    const again = await t.anon('POST', '/api/setup', { studioName: 'Take over', timezone: 'UTC', name: 'Mallory', email: 'm@evil.test', password: 'a long evil password' });
    expect(again.status).toBe(409);
    expect(await t.prisma.studio.count()).toBe(1);
  });

  it('invites by a single-use link that expires', async () => {
    const invite = await t.api('POST', '/api/invitations', { email: 'Sam@Harbour.test', name: 'Sam', accessRole: 'ENGINEER', roles: ['ENGINEER'] });
    expect(invite.status).toBe(201);
    expect(invite.body.path).toBe(`/invite/${invite.body.token}`);
    const preview = await t.anon('GET', `/api/invitations/by-token/${invite.body.token}`);
    expect(preview.body).toMatchObject({ studio: 'Harbour Sound', email: 'sam@harbour.test', accessRole: 'ENGINEER' });
    const accept = await t.anon('POST', `/api/invitations/by-token/${invite.body.token}/accept`, { name: 'Sam Reyes', password: 'sams long password' });
    expect(accept.status).toBe(201);
    expect(accept.body).toMatchObject({ member: { name: 'Sam Reyes', accessRole: 'ENGINEER', roles: ['ENGINEER'] } });
    const cookie = accept.headers.get('set-cookie')!.split(';')[0]!;
    expect((await t.anon('GET', '/api/auth/me', undefined, { cookie })).status).toBe(200);
    // Single use.
    expect((await t.anon('POST', `/api/invitations/by-token/${invite.body.token}/accept`, { name: 'Again', password: 'another long password' })).status).toBe(404);
    expect((await t.anon('GET', `/api/invitations/by-token/${invite.body.token}`)).status).toBe(404);

    const expiring = await t.api('POST', '/api/invitations', { email: 'late@harbour.test', accessRole: 'PRODUCER', roles: ['PRODUCER'] });
    await t.prisma.invitation.update({ where: { id: expiring.body.invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await t.anon('POST', `/api/invitations/by-token/${expiring.body.token}/accept`, { name: 'Late', password: 'a long late password' })).status).toBe(404);

    const revoked = await t.api('POST', '/api/invitations', { email: 'gone@harbour.test', accessRole: 'ENGINEER' });
    expect((await t.api('DELETE', `/api/invitations/${revoked.body.invitation.id}`)).status).toBe(204);
    expect((await t.anon('GET', `/api/invitations/by-token/${revoked.body.token}`)).status).toBe(404);
  });

  it('keeps an audit log of sign-ins, invitations and access changes', async () => {
    const sam = await t.prisma.member.findFirstOrThrow({ where: { email: 'sam@harbour.test' } });
    expect((await t.api('PUT', `/api/members/${sam.id}/access`, { accessRole: 'ASSISTANT_ENGINEER' })).body.accessRole).toBe('ASSISTANT_ENGINEER');
    const log = (await t.api('GET', '/api/audit')).body.entries.map((e: { action: string }) => e.action);
    expect(log).toEqual(expect.arrayContaining(['studio.created', 'invitation.created', 'invitation.accepted', 'invitation.revoked', 'member.access_changed']));
    const samApi = await t.as(sam.id);
    expect((await samApi('GET', '/api/audit')).status).toBe(403);
  });
});

describe('studios are tenants', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it("answers another studio's ids with 404 and never lists their records", async () => {
    const mine = await createStaffedSession(t.prisma);
    const theirs = await createStaffedSession(t.prisma);
    const otherAdmin = await createMember(t.prisma, theirs.studio.id, { name: 'Other Admin', roles: [] });
    await t.prisma.member.update({ where: { id: otherAdmin.id }, data: { accessRole: 'ADMIN' } });
    const other = await t.as(otherAdmin.id);
    const task = (await t.api('POST', `/api/sessions/${mine.session.id}/tasks`, { kind: 'editing', title: 'Mine' })).body;

    for (const [method, path, body] of [
      ['GET', `/api/sessions/${mine.session.id}/board`],
      ['GET', `/api/sessions/${mine.session.id}/events?after=0`],
      ['PATCH', `/api/tasks/${task.id}`, { version: 1, title: 'Stolen' }],
      ['DELETE', `/api/tasks/${task.id}`],
      ['PATCH', `/api/rooms/${mine.room.id}`, { notes: 'x' }],
      ['PATCH', `/api/members/${mine.engineer.id}`, { name: 'x' }],
    ] as const) {
      const res = await other(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain(mine.studio.id);
    }
    const sessions = (await other('GET', '/api/sessions')).body.sessions.map((s: { id: string }) => s.id);
    expect(sessions).toEqual([theirs.session.id]);
    const studio = (await other('GET', '/api/studio')).body;
    expect(studio.id).toBe(theirs.studio.id);
    const socket = await connectSocket(t.baseUrl, await t.cookieFor(otherAdmin.id));
    expect(await joinBoard(socket, mine.session.id, 0)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    socket.disconnect();
    await createStudio(t.prisma);
  });
});
