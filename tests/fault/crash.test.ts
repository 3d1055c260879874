// Crash: the real server (server/src/main.ts in its own process, PostgreSQL) is killed with
// SIGKILL while a few clients write (task creates, updates and moves, setup check-offs), then
// started again on the same database and port. Every write that got a 2xx must be in the
// database and none half-applied: each task has its assignment row and its task.created event,
// each row's version is the last one its events carry, each board's seq is its highest event's
// and its log is gap-free. A viewer connected before the crash catches up by replay (board.join
// with afterSeq) to the database's board, without reloading the snapshot.
// PostgreSQL only (CI runs the suite once with DATABASE_URL set); PGlite is one process's file.
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { TaskStatus } from '@patchbay/shared';
import { openDatabase, type Database } from '../../server/src/db/database';
import { BoardClient } from '../helpers/board-client';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import type { Api } from '../helpers/test-server';
import { prng } from '../bench/stats';
import { apiFor, freePort, seedStudio, startServerProcess, type ServerProcess } from './spawned-server';

type Ack =
  | { op: 'create'; taskId: string; sessionId: string }
  | { op: 'update'; taskId: string; version: number }
  /** seq null: the task already was at that place (nothing changed, no event). */
  | { op: 'move'; taskId: string; version: number; seq: number | null; sessionId: string }
  | { op: 'check'; itemId: string; version: number };

const STATUSES: TaskStatus[] = ['TODO', 'IN_PROGRESS', 'BLOCKED', 'DONE'];
const WRITERS = 3;

describe.skipIf(!process.env.DATABASE_URL)('crash: kill -9 under write load (PostgreSQL)', () => {
  let db: TestDatabase | undefined;
  let database: Database | undefined;
  let server: ServerProcess | undefined;
  let viewer: BoardClient | undefined;
  afterAll(async () => {
    viewer?.close();
    await server?.stop();
    await database?.close();
    await db?.drop();
  });

  it('keeps every acknowledged write, applies none by half, and the viewer catches up by replay', async () => {
    db = await createTestDatabase();
    if (db.config.kind !== 'postgresql') throw new Error('needs PostgreSQL');
    const url = db.config.url;
    database = await openDatabase({ database: db.config });
    const studio = await seedStudio(database.prisma, { sessions: WRITERS, checkLines: 12, writers: WRITERS });
    const port = await freePort();
    server = await startServerProcess({ url }, port);
    const baseUrl = server.baseUrl;

    // The viewer: the client's reducer on the first board; counts its snapshot loads.
    let snapshotLoads = 0;
    const viewerFetch = apiFor(() => baseUrl, studio.viewerCookie);
    const viewerApi: Api = (method, path, ...rest) => {
      if (path.endsWith('/board')) snapshotLoads += 1;
      return viewerFetch(method, path, ...rest);
    };
    const watched = studio.sessionIds[0]!;
    viewer = new BoardClient('viewer', baseUrl, studio.viewerCookie, viewerApi, watched);
    await viewer.open();

    const acks: Ack[] = [];
    let crashed = false;
    const unexpected: string[] = [];
    const writer = async (w: number) => {
      const random = prng(500 + w);
      const api = apiFor(() => baseUrl, studio.writerCookies[w]!, 10_000);
      const sessionId = studio.sessionIds[w]!;
      const tasks: Array<{ id: string; version: number }> = [];
      const items = studio.checkItems.get(sessionId)!.map((id) => ({ id, version: 1, checked: false }));
      for (let i = 0; ; i += 1) {
        const r = random();
        const op = tasks.length === 0 || r < 0.35 ? 'create' : r < 0.6 ? 'update' : r < 0.85 ? 'move' : 'check';
        const task = tasks[Math.floor(random() * tasks.length)]!;
        const item = items[Math.floor(random() * items.length)]!;
        try {
          if (op === 'create') {
            const res = await api('POST', `/api/sessions/${sessionId}/tasks`, { kind: 'editing', title: `Crash ${w}-${i}`, estimateMinutes: 15 });
            if (res.status !== 201) throw new Error(`create answered ${res.status} ${res.text}`);
            tasks.push({ id: res.body.id, version: res.body.version });
            acks.push({ op, taskId: res.body.id, sessionId });
          } else if (op === 'update') {
            const res = await api('PATCH', `/api/tasks/${task.id}`, { version: task.version, title: `Crash ${w}-${i} edited` });
            if (res.status !== 200) throw new Error(`update answered ${res.status} ${res.text}`);
            task.version = res.body.version;
            acks.push({ op, taskId: task.id, version: res.body.version });
          } else if (op === 'move') {
            const res = await api('POST', `/api/tasks/${task.id}/move`, { version: task.version, status: STATUSES[Math.floor(random() * 4)]!, index: Math.floor(random() * 3) });
            if (res.status !== 200) throw new Error(`move answered ${res.status} ${res.text}`);
            task.version = res.body.task.version;
            for (const column of Object.values(res.body.columns as Record<string, Array<{ id: string; version: number }>>)) {
              for (const c of column) {
                const mine = tasks.find((x) => x.id === c.id);
                if (mine && c.version > mine.version) mine.version = c.version;
              }
            }
            acks.push({ op, taskId: task.id, version: res.body.task.version, seq: res.body.seq, sessionId });
          } else {
            const res = await api('PATCH', `/api/setup-items/${item.id}`, { version: item.version, checked: !item.checked });
            if (res.status !== 200) throw new Error(`check-off answered ${res.status} ${res.text}`);
            Object.assign(item, { version: res.body.version, checked: Boolean(res.body.checked) });
            acks.push({ op, itemId: item.id, version: res.body.version });
          }
        } catch (err) {
          // After the kill a request fails (connection reset or refused): it was not acknowledged.
          if (crashed) return;
          unexpected.push((err as Error).message);
          return;
        }
      }
    };
    const writing = Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    const started = Date.now();
    const waitFor = async (n: number, ms: number) => {
      while ((acks.length < n || Date.now() - started < ms) && Date.now() - started < 15_000 && unexpected.length === 0) await new Promise((r) => setTimeout(r, 20));
    };
    // Half way the viewer loses its connection, so what it misses until the crash comes by replay.
    await waitFor(30, 700);
    viewer.cut();
    const cutAt = viewer.state!.seq;
    await waitFor(60, 1500);
    crashed = true;
    await server.kill9();
    await writing;
    expect(unexpected).toEqual([]);
    const acknowledged = acks.length;

    server = await startServerProcess({ url }, port);

    // What the database holds, read straight from it.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    let rows;
    try {
      const q = async <T,>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[];
      rows = {
        tasks: await q<{ id: string; sessionId: string; version: number }>(`SELECT id, "sessionId", version FROM "Task" WHERE "studioId" = $1`, [studio.studioId]),
        assignments: await q<{ taskId: string; n: number }>(`SELECT "taskId", count(*)::int AS n FROM "TaskAssignment" GROUP BY "taskId"`),
        items: await q<{ id: string; version: number }>(`SELECT id, version FROM "SetupItem" WHERE "studioId" = $1`, [studio.studioId]),
        events: await q<{ sessionId: string; seq: number; type: string; payload: any }>(`SELECT "sessionId", seq, type, payload FROM "BoardEvent" ORDER BY "sessionId", seq`),
        sessions: await q<{ id: string; boardSeq: number }>(`SELECT id, "boardSeq" FROM "Session" WHERE "studioId" = $1`, [studio.studioId]),
      };
    } finally {
      await client.end();
    }
    const taskRow = new Map(rows.tasks.map((t) => [t.id, t]));
    const assignmentCount = new Map(rows.assignments.map((a) => [a.taskId, a.n]));
    const itemRow = new Map(rows.items.map((i) => [i.id, i]));
    const eventAt = new Map(rows.events.map((e) => [`${e.sessionId}:${e.seq}`, e]));
    const created = new Set(rows.events.filter((e) => e.type === 'task.created').map((e) => e.payload.task.id as string));
    const taskVersionsInLog = new Set<string>();
    const lastTaskVersion = new Map<string, number>();
    const lastItemVersion = new Map<string, number>();
    const seen = (map: Map<string, number>, id: string, v: number) => map.set(id, Math.max(v, map.get(id) ?? 0));
    for (const e of rows.events) {
      if (e.payload.task) {
        taskVersionsInLog.add(`${e.payload.task.id}@${e.payload.task.version}`);
        seen(lastTaskVersion, e.payload.task.id, e.payload.task.version);
      }
      for (const column of Object.values((e.payload.columns ?? {}) as Record<string, Array<{ id: string; version: number }>>)) for (const c of column) seen(lastTaskVersion, c.id, c.version);
      if (e.payload.item) {
        taskVersionsInLog.add(`${e.payload.item.id}@${e.payload.item.version}`);
        seen(lastItemVersion, e.payload.item.id, e.payload.item.version);
      }
    }

    // Every acknowledged write is there.
    const missing: Ack[] = [];
    for (const ack of acks) {
      const ok =
        ack.op === 'create' ? taskRow.has(ack.taskId) && (assignmentCount.get(ack.taskId) ?? 0) >= 1 && created.has(ack.taskId)
        : ack.op === 'update' ? (taskRow.get(ack.taskId)?.version ?? 0) >= ack.version && taskVersionsInLog.has(`${ack.taskId}@${ack.version}`)
        : ack.op === 'move' ? (taskRow.get(ack.taskId)?.version ?? 0) >= ack.version && (ack.seq === null || eventAt.get(`${ack.sessionId}:${ack.seq}`)?.payload.task?.id === ack.taskId)
        : (itemRow.get(ack.itemId)?.version ?? 0) >= ack.version && taskVersionsInLog.has(`${ack.itemId}@${ack.version}`);
      if (!ok) missing.push(ack);
    }
    const found = acknowledged - missing.length;

    // Nothing is there by half.
    const halfApplied: string[] = [];
    for (const t of rows.tasks) {
      if (!created.has(t.id)) halfApplied.push(`task ${t.id} has no task.created event`);
      if (!assignmentCount.get(t.id)) halfApplied.push(`task ${t.id} has no assignment row`);
      if (lastTaskVersion.get(t.id) !== t.version) halfApplied.push(`task ${t.id} is at version ${t.version}, its events at ${lastTaskVersion.get(t.id)}`);
    }
    for (const id of created) if (!taskRow.has(id)) halfApplied.push(`task.created ${id} without a task row`);
    for (const i of rows.items) if ((lastItemVersion.get(i.id) ?? 1) !== i.version) halfApplied.push(`setup line ${i.id} at version ${i.version}, its events at ${lastItemVersion.get(i.id)}`);
    for (const s of rows.sessions) {
      const seqs = rows.events.filter((e) => e.sessionId === s.id).map((e) => e.seq);
      const max = seqs.length ? Math.max(...seqs) : 0;
      if (s.boardSeq !== max) halfApplied.push(`board ${s.id}: seq ${s.boardSeq}, highest event ${max}`);
      if (seqs.length !== max) halfApplied.push(`board ${s.id}: ${seqs.length} events up to seq ${max} (gaps)`);
    }

    // The viewer that was connected catches up by replay, without reloading.
    const before = viewer.state!.seq;
    await viewer.reconnect();
    const dbSeq = rows.sessions.find((s) => s.id === watched)!.boardSeq;
    for (let waited = 0; viewer.state!.seq < dbSeq && waited < 5000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    const board = (await viewerFetch('GET', `/api/sessions/${watched}/board`)).body;

    console.log(`CRASH acknowledged=${acknowledged} found=${found} half_applied=${halfApplied.length} (creates ${acks.filter((a) => a.op === 'create').length}, updates ${acks.filter((a) => a.op === 'update').length}, moves ${acks.filter((a) => a.op === 'move').length}, check-offs ${acks.filter((a) => a.op === 'check').length}; viewer cut at seq ${cutAt}, at ${before} when the server died, ${viewer.state!.seq} after replay, board seq ${board.seq})`);
    expect(missing).toEqual([]);
    expect(halfApplied).toEqual([]);
    expect(acknowledged).toBeGreaterThan(0);
    expect(viewer.state!.seq).toBe(board.seq);
    expect(viewer.tasks()).toEqual([...board.tasks].sort((a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id)));
    expect(viewer.setup()).toEqual([...board.setup].sort((a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id)));
    expect(snapshotLoads).toBe(1);

    // And the restarted server takes writes again, continuing the log.
    const res = await apiFor(() => baseUrl, studio.writerCookies[0]!)('POST', `/api/sessions/${watched}/tasks`, { kind: 'editing', title: 'After the crash' });
    expect(res.status).toBe(201);
  }, 90_000);
});
