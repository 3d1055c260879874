// Hostile input (issue 11, fault suite): every operation of /api/openapi.json and every socket
// event, signed out and signed in as each role with real ids, with fuzzed values — never a 5xx,
// never a crash, never a change from a rejected request. Fixed seed; FUZZ_RUNS (samples per
// operation per actor, default 2) and FUZZ_SEED make it longer or different (`npm run fuzz`).
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { PROTOCOL_VERSION } from '@patchbay/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthSession } from '../../server/src/auth/auth-sessions';
import { SESSION_COOKIE } from '../../server/src/auth/http';
import { createCommentRow, createGear, createMember, createSetupRow, createStaffedSession, createTaskRow } from '../helpers/factories';
import { connectSocket } from '../helpers/sockets';
import { startTestServer, type TestServer } from '../helpers/test-server';

const RUNS = Number(process.env.FUZZ_RUNS ?? 2);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);

type Json = Record<string, any>;
interface Operation {
  method: string;
  path: string;
  params: { name: string; in: string; schema: Json }[];
  body: Json | null;
}
interface Actor {
  name: string;
  memberId: string | null;
  cookie: string | null;
}

// ---- hostile values -------------------------------------------------------------------------

const LONE_SURROGATES = ['\ud800', '\udfff', 'a\ud83db', '\udc00\ud800'];
const CONTROL = ['\u0000', 'a\u0000b', '\u0001\u001f', '\u007f', 'line\u000bbreak', 'a\u0085b', 'a\u009b31mb'];
const UNICODE = ['\u202eevil', '\ufeffbom', 'e\u0301\u0301\u0301', '🎛️🎚️', '\u2028\u2029', 'ǅ', '\uffff', '𝕏'.repeat(50), ' '.repeat(30)];
const INJECTION = [
  "' OR 1=1 --",
  '"; DROP TABLE "Task"; --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '${7*7}{{7*7}}',
  '../../../etc/passwd',
  '=HYPERLINK("http://x")',
  '%00%ED%A0%80',
  'null',
  'undefined',
  '[object Object]',
];
const PROTO_JSON = ['{"__proto__":{"isAdmin":true}}', '{"constructor":{"prototype":{"polluted":1}}}', '{"__proto__":null,"prototype":[]}'];

/** Ids a hostile client might send: its studio's real ids, another studio's, and made-up ones. */
let ownIds: string[] = [];
let otherIds: string[] = [];

const hugeString = fc.constantFrom('x'.repeat(1_000_000), 'y'.repeat(90_000), '\ud800'.repeat(10_000), 'é'.repeat(5_000));
const deepNesting = fc.integer({ min: 40, max: 3_000 }).chain((depth) =>
  fc.constantFrom(JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`), JSON.parse(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`)),
);
const hostileString = fc.oneof(
  fc.constantFrom(...LONE_SURROGATES, ...CONTROL, ...UNICODE, ...INJECTION),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('\ud800', '\u0000', 'a', '\u202e', '\udfff'), maxLength: 10 }),
  // Real ids are known only once the server has started: chosen when a value is drawn.
  fc.constant(null).chain(() => fc.constantFrom(...ownIds, ...otherIds)),
  fc.uuid(),
  fc.constantFrom('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '9999-12-31T23:59:59Z', '0000-01-01T00:00:00Z', '2026-13-45T25:61:61Z', '1e309', '-0', 'NaN'),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 1, arbitrary: hugeString },
  { weight: 1, arbitrary: deepNesting },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308, [], {}, [null], [[[]]]) },
  { weight: 1, arbitrary: fc.constantFrom(...PROTO_JSON).map((s) => JSON.parse(s) as unknown) },
  { weight: 1, arbitrary: fc.dictionary(hostileString, fc.constantFrom<unknown>(1, 'x', null), { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 5 }) },
);

// ---- schema-aware values: plausible shapes with hostile leaves, so requests get past the first check

function deref(doc: Json, schema: Json | undefined): Json {
  let s = schema ?? {};
  for (let i = 0; i < 10 && typeof s.$ref === 'string'; i++) s = doc.components.schemas[s.$ref.split('/').pop()!] ?? {};
  return s;
}

function plausible(doc: Json, raw: Json | undefined, depth = 0): fc.Arbitrary<unknown> {
  const schema = deref(doc, raw);
  const variants = (schema.anyOf ?? schema.oneOf) as Json[] | undefined;
  if (variants?.length) return fc.oneof(...variants.map((v) => plausible(doc, v, depth + 1)));
  if (schema.allOf?.length) return plausible(doc, schema.allOf[0], depth + 1);
  if (schema.enum) return fc.constantFrom(...(schema.enum as unknown[]));
  if ('const' in schema) return fc.constant(schema.const as unknown);
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type;
  const leaf = (good: fc.Arbitrary<unknown>) => fc.oneof({ weight: 3, arbitrary: good }, { weight: 1, arbitrary: hostileValue });
  if (depth > 4) return hostileValue;
  switch (type) {
    case 'object': {
      const props = (schema.properties ?? {}) as Record<string, Json>;
      const keys = Object.keys(props);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const key of keys) record[key] = plausible(doc, props[key], depth + 1);
      const base = keys.length > 0 ? fc.record(record, { requiredKeys: [] }) : fc.constant({});
      // Sometimes a prototype-pollution or unknown key rides along.
      return fc.tuple(base, fc.option(fc.constantFrom(...PROTO_JSON, '{"unknownField":1}'), { nil: undefined })).map(([value, extra]) =>
        extra ? { ...(value as object), ...JSON.parse(extra) } : value,
      );
    }
    case 'array':
      return leaf(fc.array(plausible(doc, schema.items, depth + 1), { maxLength: 4 }));
    case 'integer':
    case 'number':
      return leaf(fc.oneof(fc.integer({ min: -5, max: 200 }), fc.constantFrom(0, -1, 2 ** 31, 2 ** 53, 1.5, -1e9)));
    case 'boolean':
      return leaf(fc.boolean());
    case 'string': {
      if (schema.format === 'uuid') return leaf(fc.oneof(fc.constantFrom(...ownIds, ...otherIds), fc.uuid()));
      if (schema.format === 'date-time') {
        return leaf(fc.constantFrom('2026-11-24T10:00:00Z', '2026-11-24T10:00:00+14:00', '1900-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2026-02-30T10:00:00Z'));
      }
      if (schema.format === 'email') return leaf(fc.constantFrom('a@b.test', `${'a'.repeat(300)}@x.test`, 'a\u0000@b.test'));
      return leaf(fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('mic_setup', 'Vocal overdubs')));
    }
    default:
      return hostileValue;
  }
}

// ---- requests --------------------------------------------------------------------------------

/** Percent-encodes, emitting a lone surrogate's (malformed) UTF-8 bytes rather than refusing it. */
function enc(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return value.replace(/[\s\S]/g, (ch) => {
      try {
        return encodeURIComponent(ch);
      } catch {
        return '%ED%A0%80';
      }
    });
  }
}

const rawSegment = fc.constantFrom('%ED%A0%80', '%E0%A4%A', '%', '%zz', '%00', '%C0%AF', '..', '%2F', 'x'.repeat(5_000));

function idsFor(name: string, ids: Map<string, string[]>): string[] {
  const known = ids.get(name) ?? ownIds.slice(0, 3);
  return known.length > 0 ? known : ['00000000-0000-4000-8000-000000000000'];
}

function pathArb(op: Operation, ids: Map<string, string[]>): fc.Arbitrary<string> {
  const names = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const segment = (name: string) =>
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...idsFor(name, ids)).map(enc) },
      { weight: 1, arbitrary: fc.constantFrom(...otherIds).map(enc) },
      { weight: 1, arbitrary: hostileString.map((s) => enc(String(s).slice(0, 2_000))) },
      { weight: 1, arbitrary: rawSegment },
    );
  return fc.tuple(...names.map(segment)).map((values) => {
    let i = 0;
    return `/api${op.path.replace(/\{(\w+)\}/g, () => values[i++]!)}`;
  });
}

function queryArb(doc: Json, op: Operation): fc.Arbitrary<string> {
  const params = op.params.filter((p) => p.in === 'query');
  const pair = fc.oneof(
    ...(params.length ? [fc.constantFrom(...params).chain((p) => plausible(doc, p.schema).map((v) => `${enc(p.name)}=${enc(typeof v === 'string' ? v : JSON.stringify(v) ?? '')}`))] : []),
    fc.tuple(fc.constantFrom('__proto__', 'constructor', 'x', 'from[]', 'a[b]'), hostileString).map(([k, v]) => `${enc(k)}=${enc(String(v))}`),
    rawSegment.map((raw) => `${params[0]?.name ?? 'q'}=${raw}`),
  );
  return fc.array(pair, { maxLength: 3 }).map((pairs) => (pairs.length ? `?${pairs.join('&')}` : ''));
}

function bodyArb(doc: Json, op: Operation): fc.Arbitrary<string | undefined> {
  if (!op.body) return fc.option(hostileValue.map((v) => JSON.stringify(v)), { nil: undefined, freq: 2 });
  return fc.oneof(
    { weight: 4, arbitrary: plausible(doc, op.body).map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: hostileValue.map((v) => JSON.stringify(v) ?? 'null') },
    { weight: 1, arbitrary: fc.constantFrom('{"title":"\\ud800"}', '{"a":', '\u0000', '{"__proto__":{"x":1},"name":"\\u0000"}', '[]'.repeat(10)) },
  );
}

describe('hostile input', () => {
  let t: TestServer;
  let doc: Json;
  let ops: Operation[];
  const actors: Actor[] = [];
  const ids = new Map<string, string[]>();
  const statuses = new Map<number, number>();
  let sent = 0;

  async function mint(memberId: string): Promise<string> {
    const member = await t.prisma.member.findUniqueOrThrow({ where: { id: memberId } });
    let userId = member.userId;
    if (!userId) {
      const user = await t.prisma.user.create({ data: { email: `${member.id}@fuzz.test`, name: member.name, passwordHash: 'not-a-password' } });
      await t.prisma.member.update({ where: { id: member.id }, data: { userId: user.id } });
      userId = user.id;
    }
    const { token } = await createAuthSession(t.prisma, { userId, memberId, ttlMs: 3_600_000 });
    return `${SESSION_COOKIE}=${token}`;
  }

  /** A cheap fingerprint of what a request could change (not sign-ins or the audit log). */
  async function fingerprint(): Promise<string> {
    const tables = ['Studio', 'Room', 'Member', 'Project', 'Session', 'Task', 'BoardEvent', 'TaskKind', 'TaskAssignment', 'Invitation', 'GearItem', 'SetupItem', 'SessionTemplate', 'CalendarFeed', 'TaskComment', 'Mention'];
    // The event log grows (its length and last id say whether anything was appended); the one
    // change ever made to a written event takes back a comment's words, so those are compared whole.
    const eventLog = `(SELECT count(*) || ':' || coalesce(max(id), 0) || ':' || md5(coalesce(string_agg(payload::text, '|' ORDER BY id) FILTER (WHERE type = 'comment.added'), '')) FROM "BoardEvent")`;
    const sql = `SELECT ${tables
      .map((name) => (name === 'BoardEvent' ? eventLog : `(SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM "${name}" t)`))
      .join(" || ',' || ")} AS f`;
    const rows = await t.prisma.$queryRawUnsafe<{ f: string }[]>(sql);
    return rows[0]!.f;
  }

  beforeAll(async () => {
    t = await startTestServer({ demoData: true, holdSweepMs: 2 ** 31 - 1 });
    const studio = await t.prisma.studio.findFirstOrThrow({ where: { slug: 'blackbird-lane' } });
    // Another studio, with ids of every kind a hostile member might borrow.
    const other = await createStaffedSession(t.prisma);
    const otherTask = await createTaskRow(t.prisma, { studioId: other.studio.id, sessionId: other.session.id });
    const otherGear = await createGear(t.prisma, other.studio.id);
    const otherItem = await createSetupRow(t.prisma, { studioId: other.studio.id, sessionId: other.session.id });
    const otherComment = await createCommentRow(t.prisma, otherTask, other.producer.id, 'theirs');
    otherIds = [other.studio.id, other.room.id, other.producer.id, other.project.id, other.session.id, otherTask.id, otherGear.id, otherItem.id, otherComment.id];

    const where = { studioId: studio.id };
    const pick = async <T extends { id: string }>(rows: Promise<T[]>) => (await rows).map((r) => r.id);
    ids.set('sessionId', await pick(t.prisma.session.findMany({ where, take: 6 })));
    ids.set('taskId', await pick(t.prisma.task.findMany({ where, take: 6 })));
    ids.set('roomId', await pick(t.prisma.room.findMany({ where, take: 4 })));
    ids.set('memberId', await pick(t.prisma.member.findMany({ where, take: 6 })));
    ids.set('projectId', await pick(t.prisma.project.findMany({ where })));
    ids.set('gearId', await pick(t.prisma.gearItem.findMany({ where, take: 6 })));
    ids.set('itemId', await pick(t.prisma.setupItem.findMany({ where, take: 6 })));
    ids.set('templateId', await pick(t.prisma.sessionTemplate.findMany({ where })));
    ids.set('key', (await t.prisma.taskKind.findMany({ where, take: 4 })).map((k) => k.key));
    // Comments (the demo has none): two by the sessions' producers on the demo's tasks.
    const [firstTask, secondTask] = await t.prisma.task.findMany({ where, take: 2, include: { session: true } });
    const comments = [];
    for (const task of [firstTask!, secondTask!]) {
      comments.push(await createCommentRow(t.prisma, task, task.session.producerId!, 'Fuzz me'));
    }
    ids.set('commentId', comments.map((c) => c.id));
    ownIds = [...ids.entries()].filter(([k]) => k !== 'key').flatMap(([, v]) => v);

    const byAccess = async (accessRole: 'GUEST' | 'ENGINEER' | 'PRODUCER' | 'ADMIN') =>
      (await t.prisma.member.findFirstOrThrow({ where: { ...where, accessRole }, orderBy: { createdAt: 'asc' } })).id;
    // The engineer and the admin are named in the first comment: marking mentions read has real ids to try.
    for (const role of ['ENGINEER', 'ADMIN'] as const) {
      ownIds.push((await t.prisma.mention.create({ data: { studioId: studio.id, commentId: comments[0]!.id, memberId: await byAccess(role) } })).id);
    }
    actors.push({ name: 'signed out', memberId: null, cookie: null });
    for (const role of ['GUEST', 'ENGINEER', 'PRODUCER', 'ADMIN'] as const) {
      const memberId = await byAccess(role);
      actors.push({ name: role.toLowerCase(), memberId, cookie: await mint(memberId) });
    }
    const admin = actors.at(-1)!;
    const invited = await t.api('POST', '/api/invitations', { email: 'fuzz-invite@example.test', accessRole: 'ENGINEER', roles: ['ENGINEER'] }, { cookie: admin.cookie! });
    ids.set('invitationId', invited.status === 201 ? [invited.body.invitation.id] : [randomUUID()]);
    ids.set('token', invited.status === 201 ? [invited.body.token] : ['x'.repeat(30)]);
    const signIns = await t.prisma.authSession.findMany({ take: 3 });
    ids.set('authSessionId', signIns.map((s) => s.id));
    await createMember(t.prisma, studio.id, { name: 'Spare Member' });

    doc = (await t.anon('GET', '/api/openapi.json')).body;
    ops = [];
    for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
      for (const [method, operation] of Object.entries(item)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        const body = operation.requestBody?.content?.['application/json']?.schema ?? null;
        ops.push({ method: method.toUpperCase(), path: path.replace(/^\/api/, ''), params: operation.parameters ?? [], body });
      }
    }
    // Writes that end sign-ins or remove things run last, so the rest still reach real records.
    const late = (op: Operation) => (op.path.startsWith('/auth') || op.path.includes('/access') || op.path.endsWith('/sessions') && op.method === 'DELETE' ? 2 : op.method === 'DELETE' ? 1 : 0);
    ops.sort((a, b) => late(a) - late(b));
  }, 120_000);
  afterAll(() => t?.close());

  it('answers every operation, for every actor, with hostile values: no 5xx, and a rejected write changes nothing', async () => {
    expect(ops.length).toBeGreaterThan(60);
    const failures: string[] = [];
    const started = Date.now();
    let seed = SEED;
    let known: string | undefined;
    for (const actor of actors) {
      for (const op of ops) {
        const requests = fc.sample(fc.tuple(pathArb(op, ids), queryArb(doc, op), bodyArb(doc, op), fc.integer({ min: 0, max: 9 })), { seed: seed++, numRuns: RUNS });
        for (const [path, query, drawnBody, variant] of requests) {
          const body = op.method === 'GET' ? undefined : drawnBody;
          const write = op.method !== 'GET';
          // The fingerprint after a rejected request is the one before the next.
          const before = write ? (known ??= await fingerprint()) : '';
          const contentType = variant === 0 ? 'text/plain' : 'application/json';
          let status: number;
          try {
            const res = await fetch(`${t.baseUrl}${path}${query}`, {
              method: op.method,
              signal: AbortSignal.timeout(20_000),
              headers: { ...(actor.cookie ? { cookie: actor.cookie } : {}), ...(body === undefined ? {} : { 'content-type': contentType }) },
              ...(body === undefined ? {} : { body }),
            });
            status = res.status;
            const text = await res.text();
            if (status >= 500) failures.push(`${actor.name} ${op.method} ${path}${query} ${body?.slice(0, 300) ?? ''} → ${status} ${text.slice(0, 200)}`);
          } catch (err) {
            status = 0;
            failures.push(`${actor.name} ${op.method} ${path}${query} → no answer (${String(err)})`);
          }
          sent++;
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (write && status >= 400 && status < 500) {
            known = await fingerprint();
            if (known !== before) failures.push(`${actor.name} ${op.method} ${path}${query} ${body?.slice(0, 300) ?? ''} → ${status} but changed the database`);
          } else if (status < 400 || status >= 500) known = undefined;
          // A write may have ended this actor's sign-in (sign-out, revoked sessions): sign in again.
          if (actor.memberId && status === 401) actor.cookie = await mint(actor.memberId);
        }
      }
    }
    const figures = [...statuses.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ');
    console.log(`FUZZ http: ${sent} requests (${ops.length} operations × ${actors.length} actors × ${RUNS}) in ${((Date.now() - started) / 1000).toFixed(1)} s; statuses ${figures}`);
    expect({ count: failures.length, first: failures.slice(0, 20) }).toEqual({ count: 0, first: [] });
    expect((await t.anon('GET', '/api/health')).status).toBe(200);
  }, Math.max(300_000, RUNS * 60_000));

  it('answers every socket event with hostile payloads with an error ack, and keeps serving', async () => {
    const known = ['board.join', 'board.leave', 'workload.watch', 'workload.unwatch'];
    const unknown = ['presence', 'presence.changed', '__proto__', 'constructor', 'hasOwnProperty'];
    const payload = fc.oneof(
      hostileValue,
      fc.record(
        {
          v: fc.oneof(fc.constant(PROTOCOL_VERSION), hostileValue),
          sessionId: fc.oneof(fc.constantFrom(...ids.get('sessionId')!, ...otherIds), hostileValue),
          afterSeq: fc.oneof(fc.integer({ min: -5, max: 1_000_000 }), hostileValue),
        },
        { requiredKeys: [] },
      ),
    );
    type Ack = { ok: boolean; error?: { code: string } };
    const emitWithAck = (socket: Awaited<ReturnType<typeof connectSocket>>, ms: number, event: string, value: unknown): Promise<Ack | null> =>
      (socket.timeout(ms) as unknown as { emitWithAck: (ev: string, p: unknown) => Promise<Ack> }).emitWithAck(event, value).catch(() => null);
    let acks = 0;
    let emitted = 0;
    let okAcks = 0;
    // Signed out, the handshake is refused, whatever the cookie says.
    for (const cookie of [undefined, `${SESSION_COOKIE}=${'x'.repeat(40)}`, `${SESSION_COOKIE}=' OR 1=1 --`, `${SESSION_COOKIE}=${ownIds[0]}`]) {
      await expect(connectSocket(t.baseUrl, cookie)).rejects.toBeTruthy();
    }
    // A message over the transport limit (maxHttpBufferSize, 64 KiB) closes that connection only.
    const studioId = (await t.prisma.studio.findFirstOrThrow({ where: { slug: 'blackbird-lane' } })).id;
    const big = await connectSocket(t.baseUrl, await mint((await createMember(t.prisma, studioId)).id));
    const closed = new Promise<string>((resolve) => big.once('disconnect', resolve));
    (big.emit as unknown as (ev: string, p: unknown) => void)('board.join', { v: PROTOCOL_VERSION, sessionId: 'x'.repeat(100_000) });
    expect(await closed).toBe('transport close');
    // Payloads within the limit are the ones that reach the handlers.
    const withinLimit = payload.filter((value) => (JSON.stringify(value)?.length ?? 0) < 60_000);
    // Fresh members of each role: the HTTP fuzz may have removed or re-roled the ones it used.
    const socketActors: Actor[] = [];
    for (const accessRole of ['GUEST', 'ENGINEER', 'PRODUCER', 'ADMIN'] as const) {
      const member = await createMember(t.prisma, studioId, { accessRole, roles: accessRole === 'PRODUCER' ? ['PRODUCER'] : accessRole === 'ENGINEER' ? ['ENGINEER'] : [] });
      socketActors.push({ name: accessRole.toLowerCase(), memberId: member.id, cookie: await mint(member.id) });
    }
    for (const actor of socketActors) {
      const socket = await connectSocket(t.baseUrl, actor.cookie!);
      try {
        for (const event of known) {
          for (const value of fc.sample(withinLimit, { seed: SEED + emitted, numRuns: Math.max(RUNS, 4) })) {
            emitted++;
            const before = await fingerprint();
            const ack = await emitWithAck(socket, 5_000, event, value);
            expect({ event, actor: actor.name, payload: JSON.stringify(value)?.slice(0, 200), answered: ack !== null }).toMatchObject({ answered: true });
            acks++;
            if (ack!.ok) okAcks++;
            // Either accepted, or refused with an error code.
            expect(ack!.ok || typeof ack!.error?.code === 'string').toBe(true);
            expect(await fingerprint()).toBe(before);
            expect(socket.connected).toBe(true);
          }
          // The same event without an ack callback must not throw on the server either.
          (socket.emit as unknown as (ev: string, p: unknown) => void)(event, { v: PROTOCOL_VERSION, sessionId: '\ud800' });
        }
        // Events the server does not handle go unanswered, and the socket keeps working.
        for (const event of unknown) {
          emitted++;
          expect(await emitWithAck(socket, 200, event, { v: PROTOCOL_VERSION, __proto__: { x: 1 } })).toBeNull();
        }
        expect(await emitWithAck(socket, 5_000, 'workload.unwatch', {})).toMatchObject({ ok: true });
      } finally {
        socket.disconnect();
      }
    }
    console.log(`FUZZ sockets: ${emitted} events, ${acks} acknowledged (${okAcks} ok)`);
    expect((await t.anon('GET', '/api/health')).status).toBe(200);
  }, 300_000);
});
