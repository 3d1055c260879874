// Disconnects: seeded trials of cutting a viewer's connection during a burst of changes by
// another client (task creates, edits, moves, deletes, setup check-offs). The viewer runs the
// web client's reducer (tests/helpers/board-client.ts); its connection is cut either by the
// client (socket.disconnect) or by killing the transport under it (the WebSocket closes, as when
// the network drops), at a random point of the burst, and it reconnects — during the burst or
// after it — joining with its last seq (afterSeq). After each trial its board must equal the
// database's, from the replay and the live events alone (no explicit catch-up fetch).
// `npm test` runs 50 trials; `DISCONNECT_TRIALS=1000 npm run fault:disconnects` runs 1,000.
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SetupItem, Task, TaskStatus } from '@patchbay/shared';
import { BoardClient } from '../helpers/board-client';
import { createMember, createSetupRow, createStaffedSession } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { prng } from '../bench/stats';

const TRIALS = Number(process.env.DISCONNECT_TRIALS ?? 50);
const SEED = Number(process.env.DISCONNECT_SEED ?? 20_261_201);
/** Viewers take turns being cut (joins are rate-limited per member); the others watch live. */
const VIEWERS = 10;
const STATUSES: TaskStatus[] = ['TODO', 'IN_PROGRESS', 'BLOCKED', 'DONE'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));

describe('disconnects: a viewer cut during a burst of changes catches up', () => {
  let t: TestServer;
  let ids: Awaited<ReturnType<typeof createStaffedSession>>;
  const viewers: BoardClient[] = [];
  beforeAll(async () => {
    t = await startTestServer();
    ids = await createStaffedSession(t.prisma);
    for (let i = 0; i < 8; i += 1) await createSetupRow(t.prisma, { studioId: ids.studio.id, sessionId: ids.session.id }, { part: 'CHECK', text: `Step ${i}`, position: i });
    for (let i = 0; i < VIEWERS; i += 1) {
      const manager = await createMember(t.prisma, ids.studio.id, { name: `Viewer ${i}`, roles: ['PRODUCER'], accessRole: 'MANAGER' });
      const viewer = new BoardClient(`viewer ${i}`, t.baseUrl, await t.cookieFor(manager.id), await t.as(manager.id), ids.session.id);
      await viewer.open();
      viewers.push(viewer);
    }
  });
  afterAll(async () => {
    for (const v of viewers) v.close();
    await t?.close();
  });

  it(`ends ${TRIALS} seeded trials with the viewer's board equal to the database`, async () => {
    const sid = ids.session.id;
    const tasks = new Map<string, number>(); // id -> version, as the writer last heard
    const items = new Map<string, { version: number; checked: boolean }>();
    for (const item of (await t.api('GET', `/api/sessions/${sid}/board`)).body.setup as SetupItem[]) items.set(item.id, { version: item.version, checked: item.checked !== null });
    const heard = (task: { id: string; version: number }) => tasks.set(task.id, Math.max(task.version, tasks.get(task.id) ?? 0));

    /** One change by the writer (the admin; its requests carry no socket id, so the viewer hears all). */
    const change = async (random: () => number, n: number) => {
      const r = random();
      const list = [...tasks.keys()];
      const id = list[Math.floor(random() * list.length)];
      if (!id || (r < 0.3 && list.length < 30)) {
        const res = await t.api('POST', `/api/sessions/${sid}/tasks`, { kind: 'editing', title: `Burst ${n}`, status: STATUSES[Math.floor(random() * 4)]! });
        if (res.status !== 201) throw new Error(`create answered ${res.status} ${res.text}`);
        heard(res.body);
      } else if (r < 0.5) {
        const res = await t.api('PATCH', `/api/tasks/${id}`, { version: tasks.get(id)!, title: `Edit ${n}` });
        if (res.status !== 200) throw new Error(`edit answered ${res.status} ${res.text}`);
        heard(res.body);
      } else if (r < 0.75) {
        const res = await t.api('POST', `/api/tasks/${id}/move`, { version: tasks.get(id)!, status: STATUSES[Math.floor(random() * 4)]!, index: Math.floor(random() * 5) });
        if (res.status !== 200) throw new Error(`move answered ${res.status} ${res.text}`);
        heard(res.body.task);
        for (const column of Object.values(res.body.columns as Record<string, Array<{ id: string; version: number }>>)) for (const c of column) heard(c);
      } else if (r < 0.85) {
        const res = await t.api('DELETE', `/api/tasks/${id}`);
        if (res.status !== 204) throw new Error(`delete answered ${res.status} ${res.text}`);
        tasks.delete(id);
      } else {
        const itemIds = [...items.keys()];
        const itemId = itemIds[Math.floor(random() * itemIds.length)]!;
        const item = items.get(itemId)!;
        const res = await t.api('PATCH', `/api/setup-items/${itemId}`, { version: item.version, checked: !item.checked });
        if (res.status !== 200) throw new Error(`check-off answered ${res.status} ${res.text}`);
        items.set(itemId, { version: res.body.version, checked: res.body.checked !== null });
      }
    };

    let mismatches = 0;
    let transportKills = 0;
    let reconnectsDuringBurst = 0;
    const firstMismatch: string[] = [];
    for (let trial = 0; trial < TRIALS; trial += 1) {
      const random = prng(SEED + trial);
      const viewer = viewers[trial % VIEWERS]!;
      const burst = 3 + Math.floor(random() * 8);
      const cutAfter = Math.floor(random() * burst); // writes answered before the cut
      const backAfter = cutAfter + Math.floor(random() * (burst - cutAfter + 1)); // ... before the reconnect
      const killTransport = random() < 0.5;
      const jitter = Math.floor(random() * 4);
      let done = 0;
      let reconnected: Promise<void> | undefined;
      const cut = async () => {
        await sleep(jitter);
        if (killTransport) {
          // Close the WebSocket under socket.io, as a network drop does.
          (viewer as unknown as { socket: Socket }).socket.io.engine.close();
          transportKills += 1;
        } else viewer.cut();
      };
      if (cutAfter === 0) await cut();
      for (let i = 0; i < burst; i += 1) {
        const writing = change(random, trial * 100 + i);
        if (i === backAfter && !reconnected) {
          // Reconnect while this write is in flight.
          reconnected = viewer.reconnect();
          reconnectsDuringBurst += 1;
        }
        await writing;
        done += 1;
        if (done === cutAfter) await cut();
      }
      await (reconnected ?? viewer.reconnect());
      const db = (await t.api('GET', `/api/sessions/${sid}/board`)).body as { tasks: Task[]; setup: SetupItem[]; seq: number };
      for (let waited = 0; viewer.state!.seq < db.seq && waited < 5000; waited += 10) await sleep(10);
      const same = viewer.state!.seq === db.seq && JSON.stringify(viewer.tasks()) === JSON.stringify(byId(db.tasks)) && JSON.stringify(viewer.setup()) === JSON.stringify(byId(db.setup));
      if (!same) {
        mismatches += 1;
        if (!firstMismatch.length) {
          firstMismatch.push(`trial ${trial} (seed ${SEED + trial}): burst ${burst}, cut after ${cutAfter}, back after ${backAfter}, ${killTransport ? 'transport killed' : 'client disconnect'}; ${viewer.name} at seq ${viewer.state!.seq}, database seq ${db.seq}`);
          const mine = new Map(viewer.tasks().map((x) => [x.id, JSON.stringify(x)]));
          const differing = db.tasks.filter((x) => mine.get(x.id) !== JSON.stringify(x)).map((x) => x.id);
          firstMismatch.push(`tasks differing: ${differing.join(', ') || 'none'}; viewer has ${mine.size}, database ${db.tasks.length}`);
        }
      }
    }
    // The viewers that were not cut in the last trials heard it all live: they agree too.
    const final = (await t.api('GET', `/api/sessions/${sid}/board`)).body as { tasks: Task[]; setup: SetupItem[]; seq: number };
    for (let waited = 0; viewers.some((v) => v.state!.seq < final.seq) && waited < 5000; waited += 10) await sleep(10);
    const disagreeing = viewers.filter((v) => JSON.stringify(v.tasks()) !== JSON.stringify(byId(final.tasks)) || JSON.stringify(v.setup()) !== JSON.stringify(byId(final.setup))).map((v) => v.name);
    console.log(`DISCONNECTS trials=${TRIALS} mismatches=${mismatches} (seed ${SEED}; ${transportKills} transport kills, ${TRIALS - transportKills} client disconnects, ${reconnectsDuringBurst} reconnects during the burst; ${VIEWERS} viewers taking turns)`);
    expect(firstMismatch).toEqual([]);
    expect(mismatches).toBe(0);
    expect(disagreeing).toEqual([]);
  }, 30_000 + TRIALS * 2_000);
});
