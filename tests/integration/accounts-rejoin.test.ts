// Issue 11 item 8: a removed member can rejoin with the same email, and an account of one studio
// can accept an invitation to another (one account, several studios, each studio's data its own).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMember, createStaffedSession } from '../helpers/factories';
import { startTestServer, type Api, type TestServer } from '../helpers/test-server';

const PASSWORD = 'rae has a long password';

const sessionCookie = (res: { headers: Headers }) =>
  (res.headers.get('set-cookie') ?? '')
    .split(/,\s*/)
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('patchbay_session='));

async function invite(api: Api, email: string) {
  const res = await api('POST', '/api/invitations', { email, name: 'Rae', accessRole: 'MANAGER', roles: ['ENGINEER'] });
  expect(res.body.error).toBeUndefined();
  expect(res.status).toBe(201);
  return res.body.token as string;
}

describe('rejoining and joining a second studio', () => {
  let t: TestServer;
  let a: Awaited<ReturnType<typeof createStaffedSession>>;
  let b: Awaited<ReturnType<typeof createStaffedSession>>;
  let adminA: Api;
  let adminB: Api;
  beforeAll(async () => {
    t = await startTestServer();
    a = await createStaffedSession(t.prisma);
    b = await createStaffedSession(t.prisma);
    adminA = await t.as((await createMember(t.prisma, a.studio.id, { name: 'Admin A', roles: [], accessRole: 'ADMIN' })).id);
    adminB = await t.as((await createMember(t.prisma, b.studio.id, { name: 'Admin B', roles: [], accessRole: 'ADMIN' })).id);
  });
  afterAll(() => t.close());

  const signIn = (email: string, password: string) => t.anon('POST', '/api/auth/sign-in', { email, password });

  it('removes a member, invites the same email again, and the account rejoins with its password', async () => {
    const first = await invite(adminA, 'rae@example.test');
    expect((await t.anon('GET', `/api/invitations/by-token/${first}`)).body).toMatchObject({ existingAccount: false });
    const joined = await t.anon('POST', `/api/invitations/by-token/${first}/accept`, { name: 'Rae', password: PASSWORD });
    expect(joined.status).toBe(201);
    const firstMemberId = joined.body.member.id as string;

    expect((await adminA('DELETE', `/api/members/${firstMemberId}`)).status).toBe(204);
    // No studio any more: the account cannot sign in to anything.
    expect((await signIn('rae@example.test', PASSWORD)).status).toBe(401);

    const again = await invite(adminA, 'rae@example.test');
    const preview = await t.anon('GET', `/api/invitations/by-token/${again}`);
    expect(preview.body).toMatchObject({ email: 'rae@example.test', existingAccount: true });
    // The account exists: its own password is asked for, and a wrong one does not use up the link.
    const wrong = await t.anon('POST', `/api/invitations/by-token/${again}/accept`, { name: 'Rae', password: 'not the right password' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details.issues).toEqual([expect.objectContaining({ location: 'body', path: 'password' })]);
    const rejoined = await t.anon('POST', `/api/invitations/by-token/${again}/accept`, { name: 'Rae Again', password: PASSWORD });
    expect(rejoined.status).toBe(201);
    expect(rejoined.body).toMatchObject({ studio: { id: a.studio.id }, member: { name: 'Rae Again', accessRole: 'MANAGER' } });
    expect(rejoined.body.member.id).not.toBe(firstMemberId);
    expect(await t.prisma.user.count({ where: { email: 'rae@example.test' } })).toBe(1);

    const signedIn = await signIn('rae@example.test', PASSWORD);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toMatchObject({ studio: { id: a.studio.id }, member: { id: rejoined.body.member.id } });
    // A member cannot be invited to the studio they are in.
    expect((await adminA('POST', '/api/invitations', { email: 'rae@example.test', accessRole: 'ENGINEER' })).status).toBe(409);
  });

  it('lets an account of studio A accept an invitation to studio B, keeping the two apart', async () => {
    const cookieA = sessionCookie(await signIn('rae@example.test', PASSWORD))!;
    const memberA = (await t.anon('GET', '/api/auth/me', undefined, { cookie: cookieA })).body.member.id as string;

    const token = await invite(adminB, 'Rae@Example.test');
    expect((await t.anon('GET', `/api/invitations/by-token/${token}`)).body).toMatchObject({ existingAccount: true });
    const accepted = await t.anon('POST', `/api/invitations/by-token/${token}/accept`, { name: 'Rae B', password: PASSWORD });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ studio: { id: b.studio.id }, member: { name: 'Rae B' } });
    const memberB = accepted.body.member.id as string;
    const cookieB = sessionCookie(accepted)!;

    const user = await t.prisma.user.findUniqueOrThrow({ where: { email: 'rae@example.test' }, include: { members: true } });
    expect(user.members.map((m) => m.studioId).sort()).toEqual([a.studio.id, b.studio.id].sort());
    // The same password still signs in, now to the studio joined last.
    const later = await signIn('rae@example.test', PASSWORD);
    expect(later.status).toBe(200);
    expect(later.body).toMatchObject({ studio: { id: b.studio.id }, member: { id: memberB } });

    // Each sign-in sees only its own studio (a manager sees every session of theirs).
    const asA = (path: string) => t.anon('GET', path, undefined, { cookie: cookieA });
    const asB = (path: string) => t.anon('GET', path, undefined, { cookie: cookieB });
    expect((await asA('/api/auth/me')).body.studio.id).toBe(a.studio.id);
    expect((await asB('/api/auth/me')).body.studio.id).toBe(b.studio.id);
    expect((await asA('/api/sessions')).body.sessions.map((s: { id: string }) => s.id)).toEqual([a.session.id]);
    expect((await asB('/api/sessions')).body.sessions.map((s: { id: string }) => s.id)).toEqual([b.session.id]);
    expect((await asA(`/api/sessions/${b.session.id}/board`)).status).toBe(404);
    expect((await asB(`/api/sessions/${a.session.id}/board`)).status).toBe(404);
    const membersB = JSON.stringify((await asB('/api/members')).body);
    expect(membersB).not.toContain(memberA);
    expect(membersB).not.toContain(a.studio.id);

    // Removed from B, the account keeps A; its B sign-ins end.
    expect((await adminB('DELETE', `/api/members/${memberB}`)).status).toBe(204);
    expect((await asB('/api/auth/me')).status).toBe(401);
    expect((await asA('/api/auth/me')).status).toBe(200);
    expect((await signIn('rae@example.test', PASSWORD)).body).toMatchObject({ studio: { id: a.studio.id }, member: { id: memberA } });
  });

  it('refuses an invitation for an account that is already a member of that studio, without using the link', async () => {
    const token = await invite(adminB, 'rae@example.test');
    const memberA = (await t.prisma.member.findFirstOrThrow({ where: { studioId: a.studio.id, email: 'rae@example.test' } })).id;
    // Joined B through this link; a second link to B (made before) is refused as a 409.
    const second = await invite(adminB, 'rae@example.test');
    expect((await t.anon('POST', `/api/invitations/by-token/${token}/accept`, { name: 'Rae B', password: PASSWORD })).status).toBe(201);
    const dup = await t.anon('POST', `/api/invitations/by-token/${second}/accept`, { name: 'Rae B', password: PASSWORD });
    expect(dup.status).toBe(409);
    expect((await t.anon('GET', `/api/invitations/by-token/${second}`)).status).toBe(200);
    expect(await t.prisma.member.count({ where: { userId: { not: null }, email: 'rae@example.test' } })).toBe(2);
    expect(await t.prisma.member.findUnique({ where: { id: memberA } })).not.toBeNull();
  });
});
