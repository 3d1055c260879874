// Load: a mixed workload from many signed-in clients against the real server in its own process
// (server/src/main.ts, NODE_ENV=production), with live viewers joined to the boards.
// Operations: board reads, task creates, updates (title) and moves (column and place), setup
// check-offs, workload queries — each writer a closed loop (next request when the last answered).
// Prints throughput and p50/p99 per operation, errors (5xx, network, unexpected 4xx; a 409
// version conflict between writers is counted apart), the server's peak memory (VmRSS sampled,
// and VmHWM) and what the viewers received. Never asserts on time.
//
//   npm run bench -- load                       60 s, 200 viewers, 12 writers, PostgreSQL
//   LOAD_SECONDS=10 LOAD_VIEWERS=20 LOAD_WRITERS=4 npm run bench -- load
// PostgreSQL: a fresh database on the server of DATABASE_URL (else 127.0.0.1:5432), dropped after.
import { pathToFileURL } from 'node:url';
import { BOARD_EVENTS_FRAME, PROTOCOL_VERSION, type BoardJoinAck, type TaskStatus } from '@patchbay/shared';
import { io, type Socket } from 'socket.io-client';
import { openDatabase } from '../../server/src/db/database';
import { apiFor, freePort, memoryMb, seedStudio, startServerProcess } from '../fault/spawned-server';
import { createBenchDatabase, defaultBenchDatabase } from './bench-database';
import { prng, round, SMOKE, summarize } from './stats';

const OPS = ['board', 'create', 'update', 'move', 'check', 'workload'] as const;
type Op = (typeof OPS)[number];
const WRITES: readonly Op[] = ['create', 'update', 'move', 'check'];
/** Cumulative weights: 30 % board reads, 15 % creates, 20 % updates, 15 % moves, 10 % check-offs, 10 % workload. */
const MIX: Array<[number, Op]> = [[0.3, 'board'], [0.45, 'create'], [0.65, 'update'], [0.8, 'move'], [0.9, 'check'], [1, 'workload']];
const STATUSES: TaskStatus[] = ['TODO', 'IN_PROGRESS', 'BLOCKED', 'DONE'];
const SESSIONS = 10;
const CHECK_LINES = 24;
/** Viewers signed in as one member (each a studio manager; joins are rate-limited per member). */
const VIEWERS_PER_ACCOUNT = 10;
const WEEK = `from=${encodeURIComponent('2026-11-23T00:00:00.000Z')}&to=${encodeURIComponent('2026-11-30T00:00:00.000Z')}`;

export interface LoadOptions {
  seconds: number;
  viewers: number;
  writers: number;
  database: 'postgresql' | 'pglite';
  seed?: number;
}

export interface LoadResult {
  line: string;
  writesPerS: number;
  p99: number;
  errors: number;
  conflicts: number;
  counts: Record<Op, number>;
}


async function connectViewers(baseUrl: string, cookies: string[], sessionIds: string[], n: number): Promise<{ sockets: Socket[]; perBoard: Map<string, number>; received: () => number }> {
  let received = 0;
  const sockets: Socket[] = [];
  const perBoard = new Map<string, number>();
  for (let i = 0; i < n; i += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, n - i) }, async (_, j) => {
        const sessionId = sessionIds[(i + j) % sessionIds.length]!;
        const cookie = cookies[(i + j) % cookies.length]!;
        const s = io(baseUrl, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { cookie } });
        s.on(BOARD_EVENTS_FRAME, (frame: { events: unknown[] }) => (received += frame.events.length));
        await new Promise<void>((resolve, reject) => {
          s.once('connect', () => resolve());
          s.once('connect_error', reject);
        });
        const ack = (await s.timeout(10_000).emitWithAck('board.join', { v: PROTOCOL_VERSION, sessionId, afterSeq: 0 })) as BoardJoinAck;
        if (!ack.ok) throw new Error(`viewer could not join: ${ack.error.message}`);
        perBoard.set(sessionId, (perBoard.get(sessionId) ?? 0) + 1);
        return s;
      }),
    );
    sockets.push(...batch);
  }
  return { sockets, perBoard, received: () => received };
}

export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const db = await createBenchDatabase(opts.database);
  let server: Awaited<ReturnType<typeof startServerProcess>> | undefined;
  let sockets: Socket[] = [];
  try {
    // Seed straight into the database (this also applies the migrations), then hand it over.
    const seeding = await openDatabase({ database: db.config });
    const studio = await seedStudio(seeding.prisma, { sessions: SESSIONS, checkLines: CHECK_LINES, writers: opts.writers, viewerAccounts: Math.ceil(opts.viewers / VIEWERS_PER_ACCOUNT) });
    await seeding.close();

    server = await startServerProcess({ url: db.url, dataDir: db.dataDir }, await freePort());
    const baseUrl = server.baseUrl;
    const viewers = await connectViewers(baseUrl, studio.viewerCookies, studio.sessionIds, opts.viewers);
    sockets = viewers.sockets;

    const samples = Object.fromEntries(OPS.map((op) => [op, [] as number[]])) as Record<Op, number[]>;
    const errors: string[] = [];
    let conflicts = 0;
    let peakRss = memoryMb(server.pid).rss;
    const pid = server.pid;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, memoryMb(pid).rss)), 200);

    const deadline = performance.now() + opts.seconds * 1000;
    const writer = async (w: number) => {
      const random = prng((opts.seed ?? 11) * 1000 + w);
      const api = apiFor(() => baseUrl, studio.writerCookies[w]!);
      const sessionId = studio.sessionIds[w % SESSIONS]!;
      // Writers sharing a board split its checklist, so check-offs do not race each other.
      const sharing = Math.ceil(opts.writers / SESSIONS);
      const slot = Math.floor(w / SESSIONS);
      const items = studio.checkItems.get(sessionId)!.filter((_, i) => i % sharing === slot).map((id) => ({ id, version: 1, checked: false }));
      const tasks: Array<{ id: string; version: number }> = [];
      const versions = new Map<string, { id: string; version: number }>();
      const note = (id: string, version: number) => {
        const t = versions.get(id);
        if (t && version > t.version) t.version = version;
      };
      while (performance.now() < deadline) {
        const r = random();
        let op = MIX.find(([limit]) => r < limit)![1];
        if ((op === 'update' || op === 'move') && tasks.length === 0) op = 'create';
        if (op === 'check' && items.length === 0) op = 'board';
        const task = tasks[Math.floor(random() * tasks.length)];
        const item = items[Math.floor(random() * items.length)];
        const started = performance.now();
        try {
          let res;
          if (op === 'board') res = await api('GET', `/api/sessions/${sessionId}/board`);
          else if (op === 'workload') res = await api('GET', `/api/workload?${WEEK}`);
          else if (op === 'create') res = await api('POST', `/api/sessions/${sessionId}/tasks`, { kind: 'editing', title: `Load ${w}-${tasks.length}`, estimateMinutes: 15 });
          else if (op === 'update') res = await api('PATCH', `/api/tasks/${task!.id}`, { version: task!.version, title: `Load ${w} edit ${Math.floor(random() * 1e6)}` });
          else if (op === 'move') res = await api('POST', `/api/tasks/${task!.id}/move`, { version: task!.version, status: STATUSES[Math.floor(random() * 4)]!, index: Math.floor(random() * 4) });
          else res = await api('PATCH', `/api/setup-items/${item!.id}`, { version: item!.version, checked: !item!.checked });
          samples[op].push(performance.now() - started);
          if (res.status === 409 && res.body?.error?.details?.current) {
            conflicts += 1;
            const current = res.body.error.details.current as { id: string; version: number; checked?: unknown };
            if (op === 'check') Object.assign(item!, { version: current.version, checked: Boolean(current.checked) });
            else note(current.id, current.version);
          } else if (res.status >= 300) errors.push(`${op} ${res.status} ${res.text.slice(0, 200)}`);
          else if (op === 'create') {
            const made = { id: res.body.id as string, version: res.body.version as number };
            tasks.push(made);
            versions.set(made.id, made);
          } else if (op === 'update') note(res.body.id, res.body.version);
          else if (op === 'move') {
            note(res.body.task.id, res.body.task.version);
            for (const column of Object.values(res.body.columns as Record<string, Array<{ id: string; version: number }>>)) for (const c of column) note(c.id, c.version);
          } else if (op === 'check') Object.assign(item!, { version: res.body.version, checked: Boolean(res.body.checked) });
        } catch (err) {
          samples[op].push(performance.now() - started);
          errors.push(`${op} ${(err as Error).message}`);
        }
      }
    };
    const began = performance.now();
    await Promise.all(Array.from({ length: opts.writers }, (_, w) => writer(w)));
    const elapsed = (performance.now() - began) / 1000;
    clearInterval(sampler);
    const mem = memoryMb(pid);
    peakRss = Math.max(peakRss, mem.rss);

    // What the viewers should have received: every event of their board (no writer sends x-socket-id).
    const seqs = new Map<string, number>();
    const reader = apiFor(() => baseUrl, studio.viewerCookie);
    for (const id of studio.sessionIds) seqs.set(id, (await reader('GET', `/api/sessions/${id}/board`)).body.seq as number);
    const expected = [...viewers.perBoard].reduce((sum, [id, n]) => sum + n * (seqs.get(id) ?? 0), 0);
    for (let waited = 0; viewers.received() < expected && waited < 10_000; waited += 100) await new Promise((r) => setTimeout(r, 100));

    const all = OPS.flatMap((op) => samples[op]);
    const total = summarize(all);
    const writes = WRITES.reduce((n, op) => n + samples[op].length, 0);
    console.log(`database=${opts.database} seconds=${round(elapsed, 1)} writers=${opts.writers} (closed loops) viewers=${opts.viewers} (${Math.ceil(opts.viewers / VIEWERS_PER_ACCOUNT)} accounts) boards=${SESSIONS}`);
    console.log('operation   count   per_s    p50_ms   p99_ms');
    for (const op of OPS) {
      const s = summarize(samples[op]);
      console.log(`${op.padEnd(10)} ${String(s.count).padStart(6)} ${String(round(s.count / elapsed, 1)).padStart(7)} ${String(round(s.p50)).padStart(9)} ${String(round(s.p99)).padStart(8)}`);
    }
    console.log(`all        ${String(total.count).padStart(6)} ${String(round(total.count / elapsed, 1)).padStart(7)} ${String(round(total.p50)).padStart(9)} ${String(round(total.p99)).padStart(8)}`);
    console.log(`errors=${errors.length} version_conflicts=${conflicts} (409 between writers, expected)`);
    for (const e of errors.slice(0, 10)) console.log(`  error: ${e}`);
    console.log(`server memory: peak VmRSS sampled ${round(peakRss, 1)} MB, VmHWM ${round(mem.peak, 1)} MB, at end ${round(mem.rss, 1)} MB`);
    console.log(`viewer events: received ${viewers.received()} of ${expected} (board events × viewers of that board)`);
    const writesPerS = round(writes / elapsed, 1);
    const line =
      `BENCH load writes_per_s=${writesPerS} p99_ms=${round(total.p99)} errors=${errors.length} ops_per_s=${round(total.count / elapsed, 1)} p50_ms=${round(total.p50)} ` +
      `conflicts=${conflicts} peak_rss_mb=${round(Math.max(peakRss, mem.peak), 1)} viewer_events=${viewers.received()}/${expected} db=${opts.database} seconds=${round(elapsed, 1)} viewers=${opts.viewers} writers=${opts.writers}`;
    console.log(line);
    return { line, writesPerS, p99: total.p99, errors: errors.length, conflicts, counts: Object.fromEntries(OPS.map((op) => [op, samples[op].length])) as Record<Op, number> };
  } finally {
    for (const s of sockets) s.disconnect();
    sockets = [];
    await server?.stop();
    await db.drop();
  }
}

export default async function run(): Promise<void> {
  await runLoad({
    seconds: Number(process.env.LOAD_SECONDS ?? (SMOKE ? 4 : 60)),
    viewers: Number(process.env.LOAD_VIEWERS ?? (SMOKE ? 5 : 200)),
    writers: Number(process.env.LOAD_WRITERS ?? (SMOKE ? 3 : 12)),
    // The full run is the PostgreSQL figure; the smoke run takes the suite's database.
    database: SMOKE ? defaultBenchDatabase() : 'postgresql',
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
