// GET of a signed-in board snapshot with 500 tasks, sequential and 8 concurrent, against
// /api/health as baseline, in the same run on the same server. The server runs in its own process
// (the production build when built), PostgreSQL when DATABASE_URL is set, else PGlite. Also a
// conditional GET (If-None-Match with the snapshot's ETag: 304 while nothing changed).
//
//   npm run bench -- api
//   BENCH_SMOKE=1 npm run bench -- api      tiny sizes (what npm test runs)
import { pathToFileURL } from 'node:url';
import { openDatabase } from '../../server/src/db/database';
import { createTaskRow } from '../helpers/factories';
import { apiFor, freePort, memoryMb, seedStudio, startServerProcess } from '../fault/spawned-server';
import { createBenchDatabase, defaultBenchDatabase } from './bench-database';
import { round, SMOKE, summarize } from './stats';

const TASKS = SMOKE ? 20 : 500;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? (SMOKE ? 20 : 1000));
const CONCURRENCY = 8;
const WARMUP = SMOKE ? 5 : 100;
const CHANGED_ROUNDS = SMOKE ? 5 : 200;

async function load(url: string, cookie: string, requests: number, concurrency: number, expect = 200, headers: Record<string, string> = {}): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  let issued = 0;
  const started = performance.now();
  const worker = async () => {
    while (issued < requests) {
      issued += 1;
      const t0 = performance.now();
      const res = await fetch(url, { headers: { cookie, ...headers } });
      await res.arrayBuffer();
      if (res.status !== expect) throw new Error(`${url} answered ${res.status}, not ${expect}`);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

export default async function run(): Promise<void> {
  const db = await createBenchDatabase(defaultBenchDatabase());
  let server: Awaited<ReturnType<typeof startServerProcess>> | undefined;
  try {
    const seeding = await openDatabase({ database: db.config });
    const studio = await seedStudio(seeding.prisma, { sessions: 1, checkLines: SMOKE ? 4 : 24, writers: 1 });
    const sessionId = studio.sessionIds[0]!;
    const statuses = ['TODO', 'IN_PROGRESS', 'BLOCKED', 'DONE'] as const;
    for (let i = 0; i < TASKS; i += 1) {
      await createTaskRow(seeding.prisma, { studioId: studio.studioId, sessionId }, { title: `Task ${i}`, kind: 'editing', status: statuses[i % 4]!, position: Math.floor(i / 4) });
    }
    await seeding.close();
    server = await startServerProcess({ url: db.url, dataDir: db.dataDir }, await freePort());
    const cookie = studio.writerCookies[0]!;
    const boardUrl = `${server.baseUrl}/api/sessions/${sessionId}/board`;
    const healthUrl = `${server.baseUrl}/api/health`;
    const first = await fetch(boardUrl, { headers: { cookie } });
    if (first.status !== 200) throw new Error(`board answered ${first.status}: ${await first.text()}`);
    const size = (await first.arrayBuffer()).byteLength;
    const etag = first.headers.get('etag');
    await load(boardUrl, cookie, WARMUP, CONCURRENCY);
    await load(healthUrl, cookie, WARMUP, CONCURRENCY);

    const health = summarize((await load(healthUrl, cookie, REQUESTS, 1)).latencies);
    const healthConc = await load(healthUrl, cookie, REQUESTS, CONCURRENCY);
    const seq = summarize((await load(boardUrl, cookie, REQUESTS, 1)).latencies);
    const conc = await load(boardUrl, cookie, REQUESTS, CONCURRENCY);
    const notModified = etag ? summarize((await load(boardUrl, cookie, REQUESTS, 1, 304, { 'if-none-match': etag })).latencies) : undefined;
    // A board that changed since the last read: each GET follows a task update, so it is read and serialized again.
    const api = apiFor(() => server!.baseUrl, cookie);
    const task = (await api('GET', `/api/sessions/${sessionId}/board`)).body.tasks[0] as { id: string; version: number };
    const changedSamples: number[] = [];
    for (let i = 0; i < CHANGED_ROUNDS; i += 1) {
      const res = await api('PATCH', `/api/tasks/${task.id}`, { version: task.version, title: `Changed ${i}` });
      if (res.status !== 200) throw new Error(`update answered ${res.status}: ${res.text}`);
      task.version = res.body.version;
      const t0 = performance.now();
      const read = await fetch(boardUrl, { headers: { cookie } });
      await read.arrayBuffer();
      changedSamples.push(performance.now() - t0);
    }
    const changed = summarize(changedSamples);
    const mem = memoryMb(server.pid);
    const hc = summarize(healthConc.latencies);
    const c = summarize(conc.latencies);
    console.log(`database=${db.kind} requests=${REQUESTS} board_tasks=${TASKS} board_bytes=${size} etag=${etag ?? 'none'}`);
    console.log(`GET /api/health   sequential p50 ${round(health.p50)} ms p99 ${round(health.p99)} ms | ${CONCURRENCY} concurrent p50 ${round(hc.p50)} ms p99 ${round(hc.p99)} ms ${round(REQUESTS / healthConc.seconds, 0)} req/s`);
    console.log(`GET board         sequential p50 ${round(seq.p50)} ms p99 ${round(seq.p99)} ms | ${CONCURRENCY} concurrent p50 ${round(c.p50)} ms p99 ${round(c.p99)} ms ${round(REQUESTS / conc.seconds, 0)} req/s`);
    console.log(`GET board, changed since the last read: p50 ${round(changed.p50)} ms p99 ${round(changed.p99)} ms`);
    if (notModified) console.log(`GET board, 304    sequential p50 ${round(notModified.p50)} ms p99 ${round(notModified.p99)} ms`);
    console.log(`server memory: RSS ${round(mem.rss, 1)} MB, peak ${round(mem.peak, 1)} MB`);
    console.log(
      `BENCH api db=${db.kind} tasks=${TASKS} seq_p50_ms=${round(seq.p50)} seq_p99_ms=${round(seq.p99)} conc8_p50_ms=${round(c.p50)} conc8_p99_ms=${round(c.p99)} ` +
        `conc8_rps=${round(REQUESTS / conc.seconds, 0)} changed_p50_ms=${round(changed.p50)} changed_p99_ms=${round(changed.p99)} not_modified_p50_ms=${notModified ? round(notModified.p50) : 'none'} baseline_p50_ms=${round(health.p50)} ` +
        `baseline_conc8_p99_ms=${round(hc.p99)} ratio=${round(seq.p50 / health.p50)} server_rss_mb=${round(mem.rss, 1)} server_peak_rss_mb=${round(mem.peak, 1)}`,
    );
  } finally {
    await server?.stop();
    await db.drop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
