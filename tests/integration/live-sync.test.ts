import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Presence, Task, TaskStatus } from '@patchbay/shared';
import { BoardClient } from '../helpers/board-client';
import { createMember, createStaffedSession } from '../helpers/factories';
import { connectSocket, joinBoard } from '../helpers/sockets';
import { startTestServer, type TestServer } from '../helpers/test-server';

const STATUSES: TaskStatus[] = ['TODO', 'IN_PROGRESS', 'BLOCKED', 'DONE'];
const settle = (ms = 150) => new Promise((r) => setTimeout(r, ms));

async function dbBoard(t: TestServer, sessionId: string): Promise<{ tasks: Task[]; seq: number }> {
  const snap = (await t.api('GET', `/api/sessions/${sessionId}/board`)).body as { tasks: Task[]; seq: number };
  return { tasks: [...snap.tasks].sort((a, b) => a.id.localeCompare(b.id)), seq: snap.seq };
}

describe('live board sync', () => {
  let t: TestServer;
  let ids: Awaited<ReturnType<typeof createStaffedSession>>;
  const clients: BoardClient[] = [];
  const viewer = async (name: string, memberId?: string) => {
    const c = new BoardClient(name, t.baseUrl, await t.cookieFor(memberId), memberId ? await t.as(memberId) : t.api, ids.session.id);
    await c.open();
    clients.push(c);
    return c;
  };
  beforeAll(async () => {
    t = await startTestServer();
    ids = await createStaffedSession(t.prisma);
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await t.close();
  });

  it('shows each change by one viewer to the other, in order, with matching state', async () => {
    const a = await viewer('A');
    const b = await viewer('B', ids.producer.id);
    const start = b.received.length;
    const c1 = await a.write('POST', `/api/sessions/${ids.session.id}/tasks`, { kind: 'mic_setup', title: 'Mic the kit' });
    const c2 = await b.write('POST', `/api/sessions/${ids.session.id}/tasks`, { kind: 'editing', title: 'Comp takes' });
    expect([c1.status, c2.status]).toEqual([201, 201]);
    const [t1, t2] = [c1.body, c2.body];
    const statuses = [
      (await a.write('PATCH', `/api/tasks/${t1.id}`, { version: 1, title: 'Mic the kit (12 inputs)' })).status,
      (await b.write('POST', `/api/tasks/${t2.id}/move`, { version: 1, status: 'TODO', index: 0 })).status,
      (await a.write('POST', `/api/tasks/${t1.id}/move`, { version: 2, status: 'IN_PROGRESS', index: 0 })).status,
    ];
    expect(statuses).toEqual([200, 200, 200]);
    await settle();
    const { tasks, seq } = await dbBoard(t, ids.session.id);
    await a.catchUp(seq);
    await b.catchUp(seq);
    expect(a.tasks()).toEqual(tasks);
    expect(b.tasks()).toEqual(tasks);
    // B saw A's three changes over its socket, in order, and none of its own.
    const seenByB = b.received.slice(start);
    expect(seenByB).toEqual([...seenByB].sort((x, y) => x - y));
    expect(new Set(seenByB).size).toBe(seenByB.length);
  });

  it('ends concurrent reorders of one column in one order on every screen', async () => {
    const a = await viewer('A2');
    const b = await viewer('B2', ids.producer.id);
    const made: Task[] = [];
    for (let i = 0; i < 6; i += 1) made.push((await a.write('POST', `/api/sessions/${ids.session.id}/tasks`, { kind: 'editing', title: `Edit ${i}`, status: 'BLOCKED' })).body);
    await settle();
    const moves = await Promise.all([
      a.write('POST', `/api/tasks/${made[5]!.id}/move`, { version: 1, status: 'BLOCKED', index: 0 }),
      b.write('POST', `/api/tasks/${made[4]!.id}/move`, { version: 1, status: 'BLOCKED', index: 0 }),
      a.write('POST', `/api/tasks/${made[0]!.id}/move`, { version: 1, status: 'BLOCKED', index: 3 }),
      b.write('POST', `/api/tasks/${made[2]!.id}/move`, { version: 1, status: 'DONE', index: 0 }),
    ]);
    expect(moves.map((m) => m.status)).toEqual([200, 200, 200, 200]);
    await settle();
    const { tasks, seq } = await dbBoard(t, ids.session.id);
    await a.catchUp(seq);
    await b.catchUp(seq);
    const order = (c: BoardClient) => c.tasks().filter((x) => x.status === 'BLOCKED').sort((x, y) => x.position - y.position).map((x) => x.id);
    const dbOrder = tasks.filter((x) => x.status === 'BLOCKED').sort((x, y) => x.position - y.position).map((x) => x.id);
    expect(order(a)).toEqual(dbOrder);
    expect(order(b)).toEqual(dbOrder);
    expect(new Set(tasks.filter((x) => x.status === 'BLOCKED').map((x) => x.position)).size).toBe(dbOrder.length);
  });

  it('tells viewers who else is on the board', async () => {
    const sam = await createMember(t.prisma, ids.studio.id, { name: 'Sam Viewer', roles: ['ENGINEER'] });
    await t.prisma.session.update({ where: { id: ids.session.id }, data: { engineerId: sam.id } });
    const admin = await connectSocket(t.baseUrl, await t.cookieFor());
    const seen: Presence[] = [];
    admin.on('presence.changed', (p) => seen.push(p));
    await joinBoard(admin, ids.session.id);
    const other = await connectSocket(t.baseUrl, await t.cookieFor(sam.id));
    await joinBoard(other, ids.session.id);
    await settle(400);
    const last = seen.at(-1)!;
    expect(last.sessionId).toBe(ids.session.id);
    expect(last.viewers.map((v) => v.name)).toEqual(expect.arrayContaining(['Sam Viewer']));
    other.disconnect();
    await settle(400);
    expect(seen.at(-1)!.viewers.map((v) => v.name)).not.toContain('Sam Viewer');
    admin.disconnect();
    await t.prisma.session.update({ where: { id: ids.session.id }, data: { engineerId: ids.engineer.id } });
  });

  it('gives a viewer cut off while changes happen every event exactly once after reconnecting', async () => {
    const watcher = await viewer('Watcher', ids.producer.id);
    const writer = await viewer('Writer');
    const from = watcher.state!.seq;
    const task = (await writer.write('POST', `/api/sessions/${ids.session.id}/tasks`, { kind: 'tracking', title: 'Take 1' })).body;
    await settle();
    watcher.cut();
    let version = task.version;
    for (let i = 0; i < 5; i += 1) {
      const res = await writer.write('PATCH', `/api/tasks/${task.id}`, { version, title: `Take ${i + 2}` });
      version = res.body.version;
    }
    await writer.write('POST', `/api/sessions/${ids.session.id}/tasks`, { kind: 'tracking', title: 'Take B' });
    await watcher.reconnect();
    await settle();
    const { tasks, seq } = await dbBoard(t, ids.session.id);
    const got = watcher.received.filter((s) => s > from);
    expect(got).toEqual(Array.from({ length: seq - from }, (_, i) => from + 1 + i));
    expect(watcher.tasks()).toEqual(tasks);
  });

  it('converges: random concurrent changes by several viewers end with every board equal to the database, no acknowledged write lost', async () => {
    await t.prisma.project.update({ where: { id: ids.project.id }, data: { leadProducerId: ids.producer.id } });
    await t.prisma.session.update({ where: { id: ids.session.id }, data: { engineerId: null } });
    await t.prisma.session.update({ where: { id: ids.session.id }, data: { producerId: ids.producer.id } });

    type Op = { kind: 'create' | 'title' | 'status' | 'move' | 'delete'; pick: number; status: number; index: number };
    const opArb = fc.record({
      kind: fc.constantFrom<Op['kind']>('create', 'create', 'title', 'status', 'move', 'move', 'delete'),
      pick: fc.nat(50),
      status: fc.integer({ min: 0, max: 3 }),
      index: fc.nat(6),
    });

    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(opArb, { minLength: 4, maxLength: 10 }), { minLength: 3, maxLength: 3 }), async (scripts) => {
        const viewers = [await viewer('C0'), await viewer('C1', ids.producer.id), await viewer('C2', ids.producer.id)];
        const created = new Set<string>();
        const deleted = new Set<string>();
        const acked = new Map<string, number>();
        const known = async () => (await dbBoard(t, ids.session.id)).tasks;
        await Promise.all(
          scripts.map(async (script, who) => {
            const me = viewers[who]!;
            for (const op of script) {
              const pool = me.tasks();
              const target = pool.length ? pool[op.pick % pool.length]! : undefined;
              let res;
              if (op.kind === 'create' || !target) {
                res = await me.write('POST', `/api/sessions/${ids.session.id}/tasks`, { kind: 'editing', title: `T${who}-${op.pick}`, status: STATUSES[op.status] });
                if (res.status === 201) created.add(res.body.id);
              } else if (op.kind === 'title') {
                res = await me.write('PATCH', `/api/tasks/${target.id}`, { version: target.version, title: `Retitled ${op.pick}` });
              } else if (op.kind === 'status') {
                res = await me.write('PATCH', `/api/tasks/${target.id}`, { version: target.version, status: STATUSES[op.status] });
              } else if (op.kind === 'move') {
                res = await me.write('POST', `/api/tasks/${target.id}/move`, { version: target.version, status: STATUSES[op.status], index: op.index });
              } else {
                res = await me.write('DELETE', `/api/tasks/${target.id}?version=${target.version}`);
                if (res.status === 204) deleted.add(target.id);
              }
              // Only refusals a race can cause: the task changed (409) or is gone (404).
              expect([200, 201, 204, 404, 409]).toContain(res.status);
              const ackedTask = (res.body?.task ?? res.body) as Task | undefined;
              if ((res.status === 200 || res.status === 201) && ackedTask?.id) acked.set(ackedTask.id, Math.max(acked.get(ackedTask.id) ?? 0, ackedTask.version));
            }
          }),
        );
        await settle(200);
        const { seq } = await dbBoard(t, ids.session.id);
        for (const v of viewers) await v.catchUp(seq);
        const final = await known();
        for (const v of viewers) expect(v.tasks()).toEqual(final);
        const finalById = new Map(final.map((x) => [x.id, x]));
        for (const id of created) expect(finalById.has(id) || deleted.has(id)).toBe(true);
        for (const id of deleted) expect(finalById.has(id)).toBe(false);
        const regressed = [...acked].filter(([id, version]) => finalById.has(id) && finalById.get(id)!.version < version);
        expect(regressed).toEqual([]);
        for (const v of viewers) v.close();
      }),
      { numRuns: 4, seed: 20261124 },
    );
  }, 120_000);
});
