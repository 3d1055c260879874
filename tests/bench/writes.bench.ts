// Task updates (title edits through PATCH /api/tasks/:id) on one 500-task board, each writer on
// its own tasks so writers never conflict: sequential, 20 concurrent writers with no viewers, and
// 20 concurrent with 500 viewers joined to the board. The server runs in its own process (the
// production build when built), PostgreSQL when DATABASE_URL is set, else PGlite.
// Baseline in the same run on the same database: as many plain single-row UPDATE transactions
// (BEGIN; UPDATE "Task" ...; COMMIT) through `pg` (PGlite: through PGlite itself, after the
// server stopped), 20 at a time. CPU per update is the server process's user+system time over
// the concurrent phase divided by its updates. Never asserts on time.
//
//   npm run bench -- writes
//   BENCH_SMOKE=1 npm run bench -- writes      tiny sizes (what npm test runs)
import { pathToFileURL } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { BOARD_EVENTS_FRAME, PROTOCOL_VERSION, type BoardJoinAck } from '@patchbay/shared';
import { io, type Socket } from 'socket.io-client';
import { openDatabase } from '../../server/src/db/database';
import { createTaskRow } from '../helpers/factories';
import { apiFor, freePort, memoryMb, seedStudio, startServerProcess } from '../fault/spawned-server';
import { cpuMs, createBenchDatabase, defaultBenchDatabase } from './bench-database';
import { round, SMOKE, summarize } from './stats';

const TASKS = SMOKE ? 40 : 500;
const WRITERS = SMOKE ? 4 : 20;
const VIEWERS = Number(process.env.BENCH_VIEWERS ?? (SMOKE ? 10 : 500));
const VIEWERS_PER_ACCOUNT = 10;
const SEQUENTIAL = SMOKE ? 20 : 500;
/** Updates per writer in each concurrent phase. */
const PER_WRITER = SMOKE ? 10 : 200;

interface Phase {
  perS: number;
  p50: number;
  p99: number;
  errors: number;
  cpuPerUpdate: number;
}

export default async function run(): Promise<void> {
  const db = await createBenchDatabase(defaultBenchDatabase());
  let server: Awaited<ReturnType<typeof startServerProcess>> | undefined;
  const sockets: Socket[] = [];
  try {
    const seeding = await openDatabase({ database: db.config });
    const studio = await seedStudio(seeding.prisma, { sessions: 1, checkLines: 0, writers: WRITERS, viewerAccounts: Math.ceil(VIEWERS / VIEWERS_PER_ACCOUNT) });
    const sessionId = studio.sessionIds[0]!;
    const statuses = ['TODO', 'IN_PROGRESS', 'BLOCKED', 'DONE'] as const;
    const tasks: Array<{ id: string; version: number }> = [];
    for (let i = 0; i < TASKS; i += 1) {
      const row = await createTaskRow(seeding.prisma, { studioId: studio.studioId, sessionId }, { title: `Task ${i}`, kind: 'editing', status: statuses[i % 4]!, position: Math.floor(i / 4) });
      tasks.push({ id: row.id, version: row.version });
    }
    await seeding.close();

    server = await startServerProcess({ url: db.url, dataDir: db.dataDir }, await freePort());
    const pid = server.pid;
    const baseUrl = server.baseUrl;
    let errors = 0;
    let edit = 0;
    const update = async (w: number, api: ReturnType<typeof apiFor>, samples: number[]) => {
      // Writer w owns every task whose index is w modulo WRITERS.
      const own = tasks.filter((_, i) => i % WRITERS === w);
      const task = own[edit % own.length]!;
      edit += 1;
      const t0 = performance.now();
      try {
        const res = await api('PATCH', `/api/tasks/${task.id}`, { version: task.version, title: `Edit ${edit}` });
        if (res.status !== 200) {
          errors += 1;
          if (errors <= 5) console.log(`  error: ${res.status} ${res.text.slice(0, 200)}`);
        } else task.version = (res.body as { version: number }).version;
      } catch (err) {
        errors += 1;
        if (errors <= 5) console.log(`  error: ${(err as Error).message}`);
      }
      samples.push(performance.now() - t0);
    };
    const apis = studio.writerCookies.map((cookie) => apiFor(() => baseUrl, cookie));
    const phase = async (writers: number, perWriter: number): Promise<Phase> => {
      const samples: number[] = [];
      const errorsBefore = errors;
      const cpu0 = cpuMs(pid);
      const t0 = performance.now();
      await Promise.all(Array.from({ length: writers }, async (_, w) => {
        for (let i = 0; i < perWriter; i += 1) await update(w, apis[w]!, samples);
      }));
      const seconds = (performance.now() - t0) / 1000;
      const s = summarize(samples);
      return { perS: samples.length / seconds, p50: s.p50, p99: s.p99, errors: errors - errorsBefore, cpuPerUpdate: (cpuMs(pid) - cpu0) / samples.length };
    };

    await phase(WRITERS, SMOKE ? 2 : 20); // warm-up
    const sequential = await phase(1, SEQUENTIAL);
    const conc20 = await phase(WRITERS, PER_WRITER);
    const idle = memoryMb(pid);

    // Viewers: each loads the board and joins it, then counts the events it receives.
    let received = 0;
    let frames = 0;
    const connectStarted = performance.now();
    for (let i = 0; i < VIEWERS; i += 50) {
      const batch = await Promise.all(Array.from({ length: Math.min(50, VIEWERS - i) }, async (_, j) => {
        const cookie = studio.viewerCookies[Math.floor((i + j) / VIEWERS_PER_ACCOUNT)]!;
        const s = io(baseUrl, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { cookie } });
        s.on(BOARD_EVENTS_FRAME, (frame: { events: unknown[] }) => ((received += frame.events.length), (frames += 1)));
        await new Promise<void>((resolve, reject) => {
          s.once('connect', () => resolve());
          s.once('connect_error', reject);
        });
        const ack = (await s.timeout(20_000).emitWithAck('board.join', { v: PROTOCOL_VERSION, sessionId })) as BoardJoinAck;
        if (!ack.ok) throw new Error(`viewer could not join: ${ack.error.message}`);
        return s;
      }));
      sockets.push(...batch);
    }
    const connectSeconds = (performance.now() - connectStarted) / 1000;
    await new Promise((r) => setTimeout(r, 300));
    received = 0;
    frames = 0;
    const withViewers = await phase(WRITERS, PER_WRITER);
    const expected = WRITERS * PER_WRITER * VIEWERS;
    const allArrived = () => received >= expected;
    for (let waited = 0; !allArrived() && waited < 10_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    const mem = memoryMb(pid);
    for (const s of sockets.splice(0)) s.disconnect();
    await server.stop();
    server = undefined;

    // Baseline: the same number of single-row UPDATE transactions, 20 at a time, straight to the database.
    const count = WRITERS * PER_WRITER;
    const bare = await bareUpdates(db, tasks.map((t) => t.id), count, WRITERS);

    const f = (x: number) => round(x, 1);
    console.log(`database=${db.kind} tasks=${TASKS} writers=${WRITERS} updates_per_writer=${PER_WRITER} viewers=${VIEWERS} (joined in ${round(connectSeconds, 2)} s)`);
    console.log(`sequential        ${f(sequential.perS)} updates/s  p50 ${round(sequential.p50)} ms  p99 ${round(sequential.p99)} ms  cpu ${round(sequential.cpuPerUpdate)} ms/update`);
    console.log(`20 concurrent     ${f(conc20.perS)} updates/s  p50 ${round(conc20.p50)} ms  p99 ${round(conc20.p99)} ms  cpu ${round(conc20.cpuPerUpdate)} ms/update`);
    console.log(`20 conc + ${VIEWERS} viewers ${f(withViewers.perS)} updates/s  p50 ${round(withViewers.p50)} ms  p99 ${round(withViewers.p99)} ms  cpu ${round(withViewers.cpuPerUpdate)} ms/update  events received ${received} of ${expected} in ${frames} frames`);
    console.log(`bare UPDATE via ${db.kind === 'postgresql' ? 'pg' : 'PGlite'}  ${f(bare.perS)} transactions/s  p99 ${round(bare.p99)} ms`);
    console.log(`server memory: RSS ${f(idle.rss)} MB before viewers, ${f(mem.rss)} MB after the viewer phase, peak ${f(mem.peak)} MB`);
    console.log(
      `BENCH writes db=${db.kind} seq_per_s=${f(sequential.perS)} conc20_per_s=${f(conc20.perS)} conc20_p99_ms=${round(conc20.p99)} ` +
        `viewers${VIEWERS}_per_s=${f(withViewers.perS)} viewers${VIEWERS}_p99_ms=${round(withViewers.p99)} cpu_ms_per_update=${round(conc20.cpuPerUpdate)} ` +
        `viewers_cpu_ms_per_update=${round(withViewers.cpuPerUpdate)} errors=${errors} events=${received}/${expected} frames=${frames} baseline_per_s=${f(bare.perS)} ` +
        `ratio=${round(bare.perS / conc20.perS)} server_rss_mb=${f(idle.rss)} server_peak_rss_mb=${f(mem.peak)}`,
    );
  } finally {
    for (const s of sockets) s.disconnect();
    await server?.stop();
    await db.drop();
  }
}

/** `count` single-row UPDATE transactions, `concurrency` at a time, bypassing Patchbay. */
async function bareUpdates(db: Awaited<ReturnType<typeof createBenchDatabase>>, ids: string[], count: number, concurrency: number): Promise<{ perS: number; p99: number }> {
  const samples: number[] = [];
  let next = 0;
  const sql = 'UPDATE "Task" SET "title" = $1, "version" = "version" + 1 WHERE "id" = $2::uuid';
  if (db.kind === 'postgresql') {
    // One client per writer, each closed (its socket shut) before the database is dropped: a
    // pool's end() resolves before its connections are gone, and DROP DATABASE ... WITH (FORCE)
    // then terminates them, an error on a client nobody listens to (it crashed the benchmark).
    const clients = await Promise.all(Array.from({ length: concurrency }, async () => {
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      return client;
    }));
    try {
      const t0 = performance.now();
      await Promise.all(clients.map(async (client) => {
        while (next < count) {
          const i = next++;
          const s0 = performance.now();
          await client.query('BEGIN');
          await client.query(sql, [`Bare ${i}`, ids[i % ids.length]]);
          await client.query('COMMIT');
          samples.push(performance.now() - s0);
        }
      }));
      return { perS: count / ((performance.now() - t0) / 1000), p99: summarize(samples).p99 };
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
  }
  const lite = await PGlite.create(db.dataDir!);
  try {
    const t0 = performance.now();
    for (let i = 0; i < count; i += 1) {
      const s0 = performance.now();
      await lite.transaction(async (tx) => {
        await tx.query(sql, [`Bare ${i}`, ids[i % ids.length]]);
      });
      samples.push(performance.now() - s0);
    }
    return { perS: count / ((performance.now() - t0) / 1000), p99: summarize(samples).p99 };
  } finally {
    await lite.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
