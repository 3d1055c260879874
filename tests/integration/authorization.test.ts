// One table: every REST endpoint (taken from the OpenAPI document) and every socket event, for
// every access role, signed out, and a member of another studio. Each cell's expected status is
// asserted; an endpoint without an entry fails the test.
import { randomUUID } from 'node:crypto';
import { PROTOCOL_VERSION } from '@patchbay/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthSession } from '../../server/src/auth/auth-sessions';
import { SESSION_COOKIE } from '../../server/src/auth/http';
import { createCommentRow, createGear, createMember, createProject, createRoom, createSession, createSetupRow, createStudio, createTaskRow } from '../helpers/factories';
import { connectSocket, joinBoard } from '../helpers/sockets';
import { startTestServer, type TestServer } from '../helpers/test-server';

const ACTORS = ['admin', 'manager', 'producerLead', 'producerOther', 'engineerIn', 'engineerOut', 'assistantIn', 'guestIn', 'guestOut', 'anon', 'foreign'] as const;
type Actor = (typeof ACTORS)[number];
const STAFF: Actor[] = ['admin', 'manager', 'producerLead', 'producerOther', 'engineerIn', 'engineerOut', 'assistantIn'];
const SIGNED_IN: Actor[] = [...STAFF, 'guestIn', 'guestOut', 'foreign'];
const ADMINS: Actor[] = ['admin', 'manager'];
const BOARD_VIEWERS: Actor[] = ['admin', 'manager', 'producerLead', 'producerOther', 'engineerIn', 'assistantIn', 'guestIn'];
const SESSION_EDITORS: Actor[] = ['admin', 'manager', 'producerLead'];
const ASSIGNERS: Actor[] = ['admin', 'manager', 'producerLead', 'engineerIn'];
const SETUP_EDITORS: Actor[] = ['admin', 'manager', 'producerLead', 'engineerIn'];
const SETUP_CHECKERS: Actor[] = [...SETUP_EDITORS, 'assistantIn'];
const SETUP_VIEWERS: Actor[] = ['admin', 'manager', 'producerLead', 'producerOther', 'engineerIn', 'assistantIn'];
/** The staff who see the board (guests never comment). */
const COMMENTERS: Actor[] = SETUP_VIEWERS;
const WORKLOAD_TEAM: Actor[] = ['admin', 'manager', 'producerLead', 'producerOther'];
const TEMPLATE_MANAGERS: Actor[] = ['admin', 'manager', 'producerLead', 'producerOther', 'engineerIn', 'engineerOut'];
/** Who starts, wraps and reopens a session: managers, the project's lead, its producer and engineer. */
const SESSION_RUNNERS: Actor[] = ['admin', 'manager', 'producerLead', 'engineerIn'];

interface Fixture {
  studioId: string;
  roomId: string;
  projectId: string;
  otherProjectId: string;
  sessionId: string;
  members: Record<Exclude<Actor, 'anon'>, string>;
}

interface Ctx {
  f: Fixture;
  t: TestServer;
  actor: Actor;
  /** A fresh sign-in of the acting member (so sign-out and revocation touch nothing else). */
  session: { id: string; cookie: string } | null;
  n: number;
}

interface Entry {
  /** `METHOD /api/path` exactly as in the OpenAPI document, optionally followed by ` (variant)`. */
  key: string;
  request: (c: Ctx) => Promise<{ path: string; body?: unknown }>;
  ok: number;
  /** Who gets `ok`; 'public' for everyone. */
  allow: Actor[] | 'public';
  /** Expected status for the other studio's admin (default: 404 when the path names a record, else `ok`). */
  foreign?: number;
  /** Expected status for members of this studio outside `allow` (default 403). */
  denied?: number;
}

let counter = 0;
const unique = () => ++counter;
const day = (n: number) => new Date(Date.UTC(2027, 0, 1 + (n % 300), 8 + (n % 10)));

async function freshTask(c: Ctx, assignee: string | null) {
  return createTaskRow(c.t.prisma, { studioId: c.f.studioId, sessionId: c.f.sessionId }, { kind: 'editing', assigneeId: assignee });
}
/** A comment by the session's lead producer on a fresh task. */
async function freshComment(c: Ctx) {
  const task = await freshTask(c, null);
  return createCommentRow(c.t.prisma, { studioId: c.f.studioId, sessionId: c.f.sessionId, id: task.id }, c.f.members.producerLead, 'A word');
}
async function freshLine(c: Ctx, part: 'INPUT' | 'CHECK' = 'INPUT') {
  return createSetupRow(c.t.prisma, { studioId: c.f.studioId, sessionId: c.f.sessionId }, { part });
}
async function freshTemplate(c: Ctx) {
  return c.t.prisma.sessionTemplate.create({ data: { studioId: c.f.studioId, name: `Template ${unique()}` } });
}
async function freshSession(c: Ctx) {
  const startsAt = day(unique());
  return createSession(c.t.prisma, { studioId: c.f.studioId, projectId: c.f.projectId, roomId: c.f.roomId }, { startsAt, hours: 1 });
}
/** A session pencilled in as a first hold, a week to confirm. */
async function freshHold(c: Ctx) {
  const session = await freshSession(c);
  await c.t.prisma.session.update({ where: { id: session.id }, data: { hold: 'FIRST_HOLD', holdUntil: new Date(session.startsAt.getTime() - 86_400_000) } });
  return session;
}
/** A session staffed like the fixture's (lead producer, engineerIn; the assistant only has a task there), in `status`. */
async function freshRunSession(c: Ctx, status: 'PLANNED' | 'WRAPPED' = 'PLANNED') {
  const session = await createSession(c.t.prisma, { studioId: c.f.studioId, projectId: c.f.projectId, roomId: c.f.roomId }, { startsAt: day(unique()), hours: 1, producerId: c.f.members.producerLead, engineerId: c.f.members.engineerIn });
  await createTaskRow(c.t.prisma, { studioId: c.f.studioId, sessionId: session.id }, { assigneeId: c.f.members.assistantIn });
  if (status !== 'PLANNED') await c.t.prisma.session.update({ where: { id: session.id }, data: { status } });
  return session;
}

const TABLE: Entry[] = [
  { key: 'GET /api/health', request: async () => ({ path: '/api/health' }), ok: 200, allow: 'public' },
  { key: 'GET /api/openapi.json', request: async () => ({ path: '/api/openapi.json' }), ok: 200, allow: 'public' },
  { key: 'GET /api/setup', request: async () => ({ path: '/api/setup' }), ok: 200, allow: 'public' },
  { key: 'POST /api/setup', request: async () => ({ path: '/api/setup', body: { studioName: 'X', timezone: 'UTC', name: 'X', email: `x${unique()}@x.test`, password: 'long enough password' } }), ok: 409, allow: 'public' },
  { key: 'POST /api/auth/sign-in', request: async () => ({ path: '/api/auth/sign-in', body: { email: 'nobody@x.test', password: 'wrong wrong' } }), ok: 401, allow: 'public' },
  { key: 'GET /api/auth/me', request: async () => ({ path: '/api/auth/me' }), ok: 200, allow: SIGNED_IN },
  { key: 'POST /api/auth/sign-out', request: async () => ({ path: '/api/auth/sign-out' }), ok: 204, allow: SIGNED_IN },
  // Accounts made by the harness have no usable password: the answer proves the gate, not the change.
  { key: 'POST /api/auth/password', request: async () => ({ path: '/api/auth/password', body: { currentPassword: 'not it', newPassword: 'a new long password' } }), ok: 400, allow: SIGNED_IN },
  { key: 'GET /api/auth/sessions', request: async () => ({ path: '/api/auth/sessions' }), ok: 200, allow: SIGNED_IN },
  { key: 'DELETE /api/auth/sessions/{authSessionId}', request: async (c) => ({ path: `/api/auth/sessions/${c.session?.id ?? randomUUID()}` }), ok: 204, allow: SIGNED_IN, foreign: 204 },
  { key: 'GET /api/invitations', request: async () => ({ path: '/api/invitations' }), ok: 200, allow: ADMINS },
  { key: 'POST /api/invitations', request: async () => ({ path: '/api/invitations', body: { email: `inv${unique()}@x.test`, accessRole: 'ENGINEER', roles: ['ENGINEER'] } }), ok: 201, allow: ADMINS },
  {
    key: 'DELETE /api/invitations/{invitationId}',
    request: async (c) => {
      const inv = await c.t.prisma.invitation.create({ data: { studioId: c.f.studioId, email: `d${unique()}@x.test`, accessRole: 'ENGINEER', tokenHash: randomUUID(), expiresAt: new Date(Date.now() + 3_600_000) } });
      return { path: `/api/invitations/${inv.id}` };
    },
    ok: 204, allow: ADMINS,
  },
  { key: 'GET /api/invitations/by-token/{token}', request: async () => ({ path: `/api/invitations/by-token/${'t'.repeat(43)}` }), ok: 404, allow: 'public' },
  { key: 'POST /api/invitations/by-token/{token}/accept', request: async () => ({ path: `/api/invitations/by-token/${'t'.repeat(43)}/accept`, body: { name: 'X', password: 'long enough password' } }), ok: 404, allow: 'public' },
  {
    key: 'PUT /api/members/{memberId}/access',
    request: async (c) => ({ path: `/api/members/${(await createMember(c.t.prisma, c.f.studioId)).id}/access`, body: { accessRole: 'ASSISTANT_ENGINEER' } }),
    ok: 200, allow: ADMINS,
  },
  { key: 'DELETE /api/members/{memberId}/sessions', request: async (c) => ({ path: `/api/members/${(await createMember(c.t.prisma, c.f.studioId)).id}/sessions` }), ok: 204, allow: ADMINS },
  { key: 'GET /api/audit', request: async () => ({ path: '/api/audit' }), ok: 200, allow: ADMINS },
  { key: 'GET /api/studio', request: async () => ({ path: '/api/studio' }), ok: 200, allow: [...STAFF, 'foreign'] },
  { key: 'GET /api/task-kinds', request: async () => ({ path: '/api/task-kinds' }), ok: 200, allow: SIGNED_IN },
  { key: 'GET /api/workload', request: async () => ({ path: '/api/workload' }), ok: 200, allow: [...STAFF, 'foreign'] },
  { key: 'GET /api/workload.csv', request: async () => ({ path: '/api/workload.csv' }), ok: 200, allow: [...STAFF, 'foreign'] },
  // A colleague's items need workload.viewTeam; the engineer asked about may see their own.
  { key: 'GET /api/workload/members/{memberId}/items', request: async (c) => ({ path: `/api/workload/members/${c.f.members.engineerIn}/items` }), ok: 200, allow: [...WORKLOAD_TEAM, 'engineerIn'] },
  { key: 'GET /api/workload/members/{memberId}/items (own)', request: async (c) => ({ path: `/api/workload/members/${c.actor === 'anon' || c.actor === 'foreign' ? c.f.members.engineerOut : c.f.members[c.actor]}/items` }), ok: 200, allow: STAFF },
  { key: 'POST /api/bookings/check', request: async () => ({ path: '/api/bookings/check', body: { startsAt: '2027-02-01T10:00:00Z', endsAt: '2027-02-01T14:00:00Z' } }), ok: 200, allow: [...WORKLOAD_TEAM, 'foreign'] },
  {
    key: 'POST /api/bookings/check (changing a session)',
    request: async (c) => ({ path: '/api/bookings/check', body: { startsAt: '2027-02-01T10:00:00Z', endsAt: '2027-02-01T14:00:00Z', sessionId: c.f.sessionId } }),
    ok: 200, allow: SESSION_EDITORS, foreign: 404,
  },
  { key: 'POST /api/rooms', request: async () => ({ path: '/api/rooms', body: { name: `Room ${unique()}`, kind: 'BOOTH' } }), ok: 201, allow: [...ADMINS, 'foreign'] },
  { key: 'PATCH /api/rooms/{roomId}', request: async (c) => ({ path: `/api/rooms/${c.f.roomId}`, body: { notes: `n${unique()}` } }), ok: 200, allow: ADMINS },
  { key: 'DELETE /api/rooms/{roomId}', request: async (c) => ({ path: `/api/rooms/${(await createRoom(c.t.prisma, c.f.studioId)).id}` }), ok: 204, allow: ADMINS },
  { key: 'POST /api/members', request: async () => ({ path: '/api/members', body: { name: 'New', email: `m${unique()}@x.test`, roles: ['ENGINEER'] } }), ok: 201, allow: [...ADMINS, 'foreign'] },
  { key: 'PATCH /api/members/{memberId}', request: async (c) => ({ path: `/api/members/${(await createMember(c.t.prisma, c.f.studioId)).id}`, body: { weeklyCapacityHours: 20 } }), ok: 200, allow: ADMINS },
  { key: 'DELETE /api/members/{memberId}', request: async (c) => ({ path: `/api/members/${(await createMember(c.t.prisma, c.f.studioId)).id}` }), ok: 204, allow: ADMINS },
  { key: 'POST /api/projects', request: async () => ({ path: '/api/projects', body: { artist: 'A', title: `T${unique()}` } }), ok: 201, allow: [...ADMINS, 'producerLead', 'producerOther', 'foreign'] },
  { key: 'PATCH /api/projects/{projectId}', request: async (c) => ({ path: `/api/projects/${c.f.projectId}`, body: { kind: 'ALBUM' } }), ok: 200, allow: SESSION_EDITORS },
  {
    key: 'DELETE /api/projects/{projectId}',
    request: async (c) => ({ path: `/api/projects/${(await createProject(c.t.prisma, c.f.studioId, { leadProducerId: c.f.members.producerLead })).id}` }),
    ok: 204, allow: SESSION_EDITORS,
  },
  { key: 'POST /api/task-kinds', request: async () => ({ path: '/api/task-kinds', body: { key: `kind_${unique()}`, label: 'K', defaultRole: 'ENGINEER' } }), ok: 201, allow: [...ADMINS, 'foreign'] },
  {
    key: 'PATCH /api/task-kinds/{key}',
    request: async (c) => {
      const key = `kind_${unique()}`;
      await c.t.prisma.taskKind.create({ data: { studioId: c.f.studioId, key, label: 'K', category: 'technical', defaultRole: 'ENGINEER' } });
      return { path: `/api/task-kinds/${key}`, body: { label: 'Renamed' } };
    },
    ok: 200, allow: ADMINS,
  },
  {
    key: 'DELETE /api/task-kinds/{key}',
    request: async (c) => {
      const key = `kind_${unique()}`;
      await c.t.prisma.taskKind.create({ data: { studioId: c.f.studioId, key, label: 'K', category: 'technical', defaultRole: 'ENGINEER' } });
      return { path: `/api/task-kinds/${key}` };
    },
    ok: 204, allow: ADMINS,
  },
  { key: 'GET /api/sessions', request: async () => ({ path: '/api/sessions' }), ok: 200, allow: SIGNED_IN },
  { key: 'GET /api/sessions/{sessionId}', request: async (c) => ({ path: `/api/sessions/${c.f.sessionId}` }), ok: 200, allow: BOARD_VIEWERS },
  { key: 'GET /api/sessions/{sessionId}/board', request: async (c) => ({ path: `/api/sessions/${c.f.sessionId}/board` }), ok: 200, allow: BOARD_VIEWERS },
  { key: 'GET /api/sessions/{sessionId}/events', request: async (c) => ({ path: `/api/sessions/${c.f.sessionId}/events?after=0` }), ok: 200, allow: BOARD_VIEWERS },
  {
    key: 'POST /api/sessions',
    request: async (c) => {
      const startsAt = day(unique());
      return { path: '/api/sessions', body: { title: 'S', projectId: c.f.projectId, roomId: c.f.roomId, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString() } };
    },
    // Another studio's project id in the body is an invalid reference.
    ok: 201, allow: SESSION_EDITORS, foreign: 400,
  },
  { key: 'PATCH /api/sessions/{sessionId}', request: async (c) => ({ path: `/api/sessions/${(await freshSession(c)).id}`, body: { title: 'Renamed' } }), ok: 200, allow: SESSION_EDITORS },
  { key: 'DELETE /api/sessions/{sessionId}', request: async (c) => ({ path: `/api/sessions/${(await freshSession(c)).id}` }), ok: 204, allow: SESSION_EDITORS },
  { key: 'POST /api/sessions/{sessionId}/start', request: async (c) => ({ path: `/api/sessions/${(await freshRunSession(c)).id}/start` }), ok: 200, allow: SESSION_RUNNERS },
  { key: 'POST /api/sessions/{sessionId}/confirm', request: async (c) => ({ path: `/api/sessions/${(await freshHold(c)).id}/confirm` }), ok: 200, allow: SESSION_EDITORS },
  { key: 'POST /api/sessions/{sessionId}/release', request: async (c) => ({ path: `/api/sessions/${(await freshHold(c)).id}/release` }), ok: 200, allow: SESSION_EDITORS },
  { key: 'POST /api/sessions/{sessionId}/wrap', request: async (c) => ({ path: `/api/sessions/${(await freshRunSession(c)).id}/wrap` }), ok: 200, allow: SESSION_RUNNERS },
  { key: 'POST /api/sessions/{sessionId}/reopen', request: async (c) => ({ path: `/api/sessions/${(await freshRunSession(c, 'WRAPPED')).id}/reopen` }), ok: 200, allow: SESSION_RUNNERS },
  { key: 'POST /api/sessions/{sessionId}/routing-preview', request: async (c) => ({ path: `/api/sessions/${c.f.sessionId}/routing-preview`, body: { kind: 'mic_setup' } }), ok: 200, allow: SESSION_EDITORS },
  { key: 'POST /api/sessions/{sessionId}/tasks', request: async (c) => ({ path: `/api/sessions/${c.f.sessionId}/tasks`, body: { kind: 'editing', title: 'T' } }), ok: 201, allow: SESSION_EDITORS },
  {
    key: 'PATCH /api/tasks/{taskId} (status of a task assigned to the assistant)',
    request: async (c) => ({ path: `/api/tasks/${(await freshTask(c, c.f.members.assistantIn)).id}`, body: { version: 1, status: 'IN_PROGRESS' } }),
    ok: 200, allow: [...SESSION_EDITORS, 'assistantIn'],
  },
  {
    key: 'PATCH /api/tasks/{taskId} (title)',
    request: async (c) => ({ path: `/api/tasks/${(await freshTask(c, c.f.members.assistantIn)).id}`, body: { version: 1, title: 'New title' } }),
    ok: 200, allow: SESSION_EDITORS,
  },
  {
    key: 'PATCH /api/tasks/{taskId} (assignee)',
    request: async (c) => ({ path: `/api/tasks/${(await freshTask(c, null)).id}`, body: { version: 1, assigneeId: c.f.members.engineerIn } }),
    ok: 200, allow: ASSIGNERS,
  },
  {
    key: 'POST /api/tasks/{taskId}/move',
    request: async (c) => ({ path: `/api/tasks/${(await freshTask(c, c.f.members.assistantIn)).id}/move`, body: { version: 1, status: 'IN_PROGRESS', index: 0 } }),
    ok: 200, allow: [...SESSION_EDITORS, 'assistantIn'],
  },
  { key: 'DELETE /api/tasks/{taskId}', request: async (c) => ({ path: `/api/tasks/${(await freshTask(c, null)).id}` }), ok: 204, allow: SESSION_EDITORS },
  { key: 'POST /api/tasks/{taskId}/reroute', request: async (c) => ({ path: `/api/tasks/${(await freshTask(c, null)).id}/reroute`, body: { version: 1 } }), ok: 200, allow: ASSIGNERS },
  { key: 'GET /api/tasks/{taskId}/candidates', request: async (c) => ({ path: `/api/tasks/${(await freshTask(c, c.f.members.assistantIn)).id}/candidates` }), ok: 200, allow: ASSIGNERS },
  {
    key: 'POST /api/tasks/{taskId}/assignment-check',
    request: async (c) => ({ path: `/api/tasks/${(await freshTask(c, null)).id}/assignment-check`, body: { memberId: c.f.members.engineerIn } }),
    ok: 200, allow: ASSIGNERS,
  },
  // Assignment history (routing reasons, broken rules) is the team's: not for guests.
  { key: 'GET /api/tasks/{taskId}/assignments', request: async (c) => ({ path: `/api/tasks/${(await freshTask(c, null)).id}/assignments` }), ok: 200, allow: BOARD_VIEWERS.filter((a) => a !== 'guestIn') },
  { key: 'GET /api/me/agenda', request: async () => ({ path: '/api/me/agenda' }), ok: 200, allow: SIGNED_IN },
  // Comments: staff who see the board; the author (here the lead producer) or a task editor takes one back.
  { key: 'POST /api/tasks/{taskId}/comments', request: async (c) => ({ path: `/api/tasks/${(await freshTask(c, null)).id}/comments`, body: { body: 'Noted' } }), ok: 201, allow: COMMENTERS },
  { key: 'DELETE /api/comments/{commentId}', request: async (c) => ({ path: `/api/comments/${(await freshComment(c)).id}` }), ok: 204, allow: SESSION_EDITORS },
  { key: 'GET /api/me/mentions', request: async () => ({ path: '/api/me/mentions' }), ok: 200, allow: STAFF },
  { key: 'POST /api/me/mentions/read', request: async () => ({ path: '/api/me/mentions/read', body: {} }), ok: 200, allow: STAFF },
  // Scoped to the projects one is a guest of: everyone may ask, each hears only of their own.
  { key: 'GET /api/artist/sessions', request: async () => ({ path: '/api/artist/sessions' }), ok: 200, allow: SIGNED_IN },
  // Gear inventory
  { key: 'GET /api/gear', request: async () => ({ path: '/api/gear' }), ok: 200, allow: [...STAFF, 'foreign'] },
  { key: 'POST /api/gear', request: async () => ({ path: '/api/gear', body: { category: 'MICROPHONE', label: `Mic ${unique()}` } }), ok: 201, allow: [...ADMINS, 'foreign'] },
  { key: 'PATCH /api/gear/{gearId}', request: async (c) => ({ path: `/api/gear/${(await createGear(c.t.prisma, c.f.studioId)).id}`, body: { status: 'IN_REPAIR' } }), ok: 200, allow: ADMINS },
  { key: 'DELETE /api/gear/{gearId}', request: async (c) => ({ path: `/api/gear/${(await createGear(c.t.prisma, c.f.studioId)).id}` }), ok: 204, allow: ADMINS },
  // Templates
  { key: 'GET /api/templates', request: async () => ({ path: '/api/templates' }), ok: 200, allow: [...STAFF, 'foreign'] },
  { key: 'GET /api/templates/{templateId}', request: async (c) => ({ path: `/api/templates/${(await freshTemplate(c)).id}` }), ok: 200, allow: STAFF },
  { key: 'POST /api/templates', request: async () => ({ path: '/api/templates', body: { name: `T ${unique()}` } }), ok: 201, allow: [...TEMPLATE_MANAGERS, 'foreign'] },
  { key: 'PUT /api/templates/{templateId}', request: async (c) => ({ path: `/api/templates/${(await freshTemplate(c)).id}`, body: { name: `T ${unique()}` } }), ok: 200, allow: TEMPLATE_MANAGERS },
  { key: 'POST /api/templates/{templateId}/duplicate', request: async (c) => ({ path: `/api/templates/${(await freshTemplate(c)).id}/duplicate`, body: {} }), ok: 201, allow: TEMPLATE_MANAGERS },
  { key: 'DELETE /api/templates/{templateId}', request: async (c) => ({ path: `/api/templates/${(await freshTemplate(c)).id}` }), ok: 204, allow: TEMPLATE_MANAGERS },
  // Saving a session as a template needs its setup list too.
  { key: 'POST /api/sessions/{sessionId}/template', request: async (c) => ({ path: `/api/sessions/${c.f.sessionId}/template`, body: { name: `Saved ${unique()}` } }), ok: 201, allow: ['admin', 'manager', 'producerLead', 'producerOther', 'engineerIn'] },
  // Setup lists
  { key: 'POST /api/sessions/{sessionId}/setup-items', request: async (c) => ({ path: `/api/sessions/${c.f.sessionId}/setup-items`, body: { part: 'CHECK', text: `Step ${unique()}` } }), ok: 201, allow: SETUP_EDITORS },
  {
    key: 'PATCH /api/setup-items/{itemId} (check off)',
    request: async (c) => ({ path: `/api/setup-items/${(await freshLine(c)).id}`, body: { version: 1, checked: true } }),
    ok: 200, allow: SETUP_CHECKERS,
  },
  {
    key: 'PATCH /api/setup-items/{itemId} (notes)',
    request: async (c) => ({ path: `/api/setup-items/${(await freshLine(c)).id}`, body: { version: 1, notes: 'Red cable' } }),
    ok: 200, allow: SETUP_CHECKERS,
  },
  {
    key: 'PATCH /api/setup-items/{itemId} (source)',
    request: async (c) => ({ path: `/api/setup-items/${(await freshLine(c)).id}`, body: { version: 1, source: 'Kick Sub' } }),
    ok: 200, allow: SETUP_EDITORS,
  },
  { key: 'POST /api/setup-items/{itemId}/move', request: async (c) => ({ path: `/api/setup-items/${(await freshLine(c, 'CHECK')).id}/move`, body: { version: 1, index: 0 } }), ok: 200, allow: SETUP_EDITORS },
  { key: 'DELETE /api/setup-items/{itemId}', request: async (c) => ({ path: `/api/setup-items/${(await freshLine(c)).id}` }), ok: 204, allow: SETUP_EDITORS },
  { key: 'POST /api/sessions/{sessionId}/setup/checklist', request: async (c) => ({ path: `/api/sessions/${c.f.sessionId}/setup/checklist` }), ok: 201, allow: SETUP_EDITORS },
  {
    key: 'POST /api/sessions/{sessionId}/setup/inputs/import',
    request: async (c) => ({ path: `/api/sessions/${c.f.sessionId}/setup/inputs/import`, body: { csv: `Source\nLine ${unique()}\n`, mode: 'append' } }),
    ok: 201, allow: SETUP_EDITORS,
  },
  { key: 'GET /api/sessions/{sessionId}/setup/inputs.csv', request: async (c) => ({ path: `/api/sessions/${c.f.sessionId}/setup/inputs.csv` }), ok: 200, allow: SETUP_VIEWERS },
  { key: 'GET /api/sessions/{sessionId}/setup/context', request: async (c) => ({ path: `/api/sessions/${c.f.sessionId}/setup/context` }), ok: 200, allow: SETUP_VIEWERS },
  // Calendar feeds: one's own (staff), a room's (admins and managers).
  { key: 'GET /api/feeds/me', request: async () => ({ path: '/api/feeds/me' }), ok: 200, allow: [...STAFF, 'foreign'] },
  { key: 'POST /api/feeds/me', request: async () => ({ path: '/api/feeds/me' }), ok: 200, allow: [...STAFF, 'foreign'] },
  { key: 'DELETE /api/feeds/me', request: async () => ({ path: '/api/feeds/me' }), ok: 204, allow: [...STAFF, 'foreign'] },
  { key: 'GET /api/rooms/{roomId}/feed', request: async (c) => ({ path: `/api/rooms/${c.f.roomId}/feed` }), ok: 200, allow: ADMINS },
  { key: 'POST /api/rooms/{roomId}/feed', request: async (c) => ({ path: `/api/rooms/${c.f.roomId}/feed` }), ok: 200, allow: ADMINS },
  { key: 'DELETE /api/rooms/{roomId}/feed', request: async (c) => ({ path: `/api/rooms/${c.f.roomId}/feed` }), ok: 204, allow: ADMINS },
];

function expected(entry: Entry, actor: Actor): number {
  if (entry.allow === 'public') return entry.ok;
  if (actor === 'anon') return 401;
  if (actor === 'foreign') return entry.foreign ?? (entry.allow.includes('foreign') ? entry.ok : /\{/.test(entry.key) ? 404 : entry.ok);
  return entry.allow.includes(actor) ? entry.ok : (entry.denied ?? 403);
}

describe('authorization matrix', () => {
  let t: TestServer;
  let f: Fixture;

  beforeAll(async () => {
    t = await startTestServer({ authRateLimit: 100_000, authAccountFreeFailures: 100_000 });
    const p = t.prisma;
    const studio = await createStudio(p, { name: 'Matrix Studio' });
    const room = await createRoom(p, studio.id, { name: 'Studio A' });
    const m = async (name: string, accessRole: string, roles: ('PRODUCER' | 'ENGINEER' | 'ASSISTANT_ENGINEER')[]) => {
      const member = await createMember(p, studio.id, { name, roles });
      await p.member.update({ where: { id: member.id }, data: { accessRole: accessRole as never } });
      return member.id;
    };
    const members = {
      admin: await m('Admin', 'ADMIN', []),
      manager: await m('Manager', 'MANAGER', []),
      producerLead: await m('Lead Producer', 'PRODUCER', ['PRODUCER']),
      producerOther: await m('Other Producer', 'PRODUCER', ['PRODUCER']),
      engineerIn: await m('Engineer In', 'ENGINEER', ['ENGINEER']),
      engineerOut: await m('Engineer Out', 'ENGINEER', ['ENGINEER']),
      assistantIn: await m('Assistant In', 'ASSISTANT_ENGINEER', ['ASSISTANT_ENGINEER']),
      guestIn: await m('Guest In', 'GUEST', []),
      guestOut: await m('Guest Out', 'GUEST', []),
    };
    const project = await createProject(p, studio.id, { leadProducerId: members.producerLead });
    const otherProject = await createProject(p, studio.id, { leadProducerId: members.producerOther });
    await p.member.update({ where: { id: members.guestIn }, data: { guestProjects: { connect: [{ id: project.id }] } } });
    await p.member.update({ where: { id: members.guestOut }, data: { guestProjects: { connect: [{ id: otherProject.id }] } } });
    const session = await createSession(p, { studioId: studio.id, projectId: project.id, roomId: room.id }, { producerId: members.producerLead, engineerId: members.engineerIn });
    await createTaskRow(p, { studioId: studio.id, sessionId: session.id }, { assigneeId: members.assistantIn });
    const foreignStudio = await createStudio(p, { name: 'Elsewhere' });
    const foreign = (await createMember(p, foreignStudio.id, { name: 'Foreign Admin', roles: [] })).id;
    await p.member.update({ where: { id: foreign }, data: { accessRole: 'ADMIN' } });
    f = { studioId: studio.id, roomId: room.id, projectId: project.id, otherProjectId: otherProject.id, sessionId: session.id, members: { ...members, foreign } };
  });
  afterAll(() => t.close());

  async function signInFresh(actor: Actor): Promise<Ctx['session']> {
    if (actor === 'anon') return null;
    const memberId = f.members[actor];
    const member = await t.prisma.member.findUniqueOrThrow({ where: { id: memberId } });
    let userId = member.userId;
    if (!userId) {
      userId = (await t.prisma.user.create({ data: { email: `${memberId}@matrix.test`, name: member.name, passwordHash: 'none' } })).id;
      await t.prisma.member.update({ where: { id: memberId }, data: { userId } });
    }
    const s = await createAuthSession(t.prisma, { userId, memberId, ttlMs: 600_000 });
    return { id: s.id, cookie: `${SESSION_COOKIE}=${s.token}` };
  }

  it('has an entry for every endpoint of the OpenAPI document', async () => {
    const doc = (await t.anon('GET', '/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)).sort();
    const covered = [...new Set(TABLE.map((e) => e.key.replace(/ \(.*\)$/, '')))].sort();
    expect(covered).toEqual(documented);
  });

  for (const entry of TABLE) {
    it(`${entry.key}`, async () => {
      const [method, ...rest] = entry.key.split(' ');
      void rest;
      const results: Record<string, number> = {};
      const wanted: Record<string, number> = {};
      const notJsonErrors: string[] = [];
      for (const actor of ACTORS) {
        const session = await signInFresh(actor);
        const { path, body } = await entry.request({ f, t, actor, session, n: unique() });
        const res = await t.anon(method!, path, body, session ? { cookie: session.cookie } : {});
        results[actor] = res.status;
        wanted[actor] = expected(entry, actor);
        if (res.status >= 400 && typeof res.body?.error?.code !== 'string') notJsonErrors.push(actor);
      }
      expect(results).toEqual(wanted);
      expect(notJsonErrors, 'every refusal is a JSON error body').toEqual([]);
    });
  }

  it('board.join and board.leave over socket.io, for every role', async () => {
    const results: Record<string, string> = {};
    const wanted: Record<string, string> = {};
    for (const actor of ACTORS) {
      const session = await signInFresh(actor);
      wanted[actor] = actor === 'anon' ? 'refused' : actor === 'foreign' ? 'NOT_FOUND' : BOARD_VIEWERS.includes(actor) ? 'joined' : 'FORBIDDEN';
      try {
        const socket = await connectSocket(t.baseUrl, session?.cookie);
        const ack = await joinBoard(socket, f.sessionId, 0);
        results[actor] = ack.ok ? 'joined' : ack.error.code;
        const leave = await socket.timeout(2000).emitWithAck('board.leave', { sessionId: f.sessionId });
        expect(leave).toEqual({ ok: true });
        socket.disconnect();
      } catch (err) {
        results[actor] = /UNAUTHENTICATED/.test(String(err)) ? 'refused' : String(err);
      }
    }
    expect(results).toEqual(wanted);
  });

  it('workload.watch over socket.io, for every role: the team, one\'s own figures, or nothing', async () => {
    const results: Record<string, string> = {};
    const wanted: Record<string, string> = {};
    for (const actor of ACTORS) {
      const session = await signInFresh(actor);
      wanted[actor] = actor === 'anon' ? 'refused' : [...WORKLOAD_TEAM, 'foreign'].includes(actor) ? 'team' : STAFF.includes(actor) ? 'own' : 'FORBIDDEN';
      try {
        const socket = await connectSocket(t.baseUrl, session?.cookie);
        const ack = await socket.timeout(5000).emitWithAck('workload.watch', { v: PROTOCOL_VERSION });
        results[actor] = ack.ok ? ack.scope : ack.error.code;
        socket.disconnect();
      } catch (err) {
        results[actor] = /UNAUTHENTICATED/.test(String(err)) ? 'refused' : String(err);
      }
    }
    expect(results).toEqual(wanted);
  });

  it('workload changes reach watchers as the matrix says: whose figures for the team, a bare notice for one\'s own, nothing for another studio', async () => {
    // Let notices of earlier changes (gathered for a moment) go out first.
    await new Promise((r) => setTimeout(r, 400));
    const watchers = ['producerOther', 'engineerOut', 'foreign'] as const;
    const heard: Record<string, unknown[]> = {};
    const sockets = [];
    for (const actor of watchers) {
      const socket = await connectSocket(t.baseUrl, (await signInFresh(actor))!.cookie);
      heard[actor] = [];
      socket.on('workload.changed', (change) => heard[actor]!.push(change));
      expect((await socket.timeout(5000).emitWithAck('workload.watch', { v: PROTOCOL_VERSION })).ok).toBe(true);
      sockets.push(socket);
    }
    const created = await t.api('POST', `/api/sessions/${f.sessionId}/tasks`, { kind: 'editing', title: 'Comp takes', assigneeId: f.members.engineerOut });
    expect(created.status).toBe(201);
    const started = Date.now();
    while ((heard.producerOther!.length === 0 || heard.engineerOut!.length === 0) && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 300));
    expect(heard).toEqual({
      producerOther: [{ v: PROTOCOL_VERSION, memberIds: [f.members.engineerOut], sessionIds: [f.sessionId] }],
      engineerOut: [{ v: PROTOCOL_VERSION, memberIds: null, sessionIds: null }],
      foreign: [],
    });
    for (const socket of sockets) socket.disconnect();
  });

  it('setup events reach every board viewer as the matrix says: in full, or redacted for those who may not see setup lists', async () => {
    const sockets: Record<string, Awaited<ReturnType<typeof connectSocket>>> = {};
    const { seq } = (await t.api('GET', `/api/sessions/${f.sessionId}/board`)).body as { seq: number };
    for (const actor of BOARD_VIEWERS) {
      const session = await signInFresh(actor);
      const socket = await connectSocket(t.baseUrl, session!.cookie);
      expect((await joinBoard(socket, f.sessionId, seq)).ok).toBe(true);
      sockets[actor] = socket;
    }
    const created = await t.api('POST', `/api/sessions/${f.sessionId}/setup-items`, { part: 'CHECK', text: 'Secret step' });
    expect(created.status).toBe(201);
    const results: Record<string, string> = {};
    const wanted: Record<string, string> = {};
    for (const actor of BOARD_VIEWERS) {
      const socket = sockets[actor]!;
      const started = Date.now();
      while (socket.received.filter((e) => e.seq > seq).length === 0 && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 10));
      const event = socket.received.find((e) => e.seq === seq + 1);
      results[actor] = event?.type ?? 'nothing';
      wanted[actor] = SETUP_VIEWERS.includes(actor) ? 'setup.created' : 'redacted';
      socket.disconnect();
    }
    expect(results).toEqual(wanted);
  });

  it('a comment reaches every board viewer as the matrix says (in full, or redacted for a guest); only the people it names hear their mentions changed', async () => {
    const sockets: Record<string, Awaited<ReturnType<typeof connectSocket>>> = {};
    const heard: Record<string, number> = {};
    const { seq } = (await t.api('GET', `/api/sessions/${f.sessionId}/board`)).body as { seq: number };
    // Every studio member on the board (or off it), and another studio's admin, listen for mentions.
    for (const actor of ACTORS.filter((a) => a !== 'anon')) {
      const socket = await connectSocket(t.baseUrl, (await signInFresh(actor))!.cookie);
      heard[actor] = 0;
      socket.on('mentions.changed', () => (heard[actor] = heard[actor]! + 1));
      sockets[actor] = socket;
    }
    const joined = await Promise.all(BOARD_VIEWERS.map(async (actor) => (await joinBoard(sockets[actor]!, f.sessionId, seq)).ok));
    expect(joined.every(Boolean)).toBe(true);
    const task = (await t.api('POST', `/api/sessions/${f.sessionId}/tasks`, { kind: 'editing', title: 'Comp the verses' })).body as { id: string };
    // Named: the session's engineer and assistant (who may open the board); never a guest (of
    // this project or another), another studio's admin, or the author (the admin).
    const said = await t.api('POST', `/api/tasks/${task.id}/comments`, { body: '@Engineer In @Assistant In @Guest In @Guest Out @Foreign Admin @Admin the verse comp is ready' });
    expect(said.status).toBe(201);
    const results: Record<string, string> = {};
    const wanted: Record<string, string> = {};
    for (const actor of BOARD_VIEWERS) {
      const socket = sockets[actor]!;
      const started = Date.now();
      while (!socket.received.some((e) => e.seq === seq + 2) && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 10));
      results[actor] = socket.received.find((e) => e.seq === seq + 2)?.type ?? 'nothing';
      wanted[actor] = COMMENTERS.includes(actor) ? 'comment.added' : 'redacted';
    }
    expect(results).toEqual(wanted);
    await new Promise((r) => setTimeout(r, 300));
    expect(Object.entries(heard).filter(([, n]) => n > 0).map(([a, n]) => `${a}:${n}`).sort()).toEqual(['assistantIn:1', 'engineerIn:1']);
    for (const socket of Object.values(sockets)) socket.disconnect();
  });
});
