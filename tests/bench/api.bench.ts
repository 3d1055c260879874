// GET of a session board snapshot with 300 tasks, against the health endpoint as baseline, in
// the same run on the same server. PostgreSQL when DATABASE_URL is set, else in-memory PGlite.
import { pathToFileURL } from 'node:url';
import { createStaffedSession, createTaskRow } from '../helpers/factories';
import { startTestServer } from '../helpers/test-server';
import { round, summarize } from './stats';

const TASKS = 300;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const WARMUP = 100;

async function load(url: string, requests: number, concurrency: number): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  let issued = 0;
  const started = performance.now();
  const worker = async () => {
    while (issued < requests) {
      issued += 1;
      const t0 = performance.now();
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

export default async function run(): Promise<void> {
  // Production settings: no response self-checks, as a deployment runs.
  const t = await startTestServer({ env: 'production' });
  try {
    const { studio, session, engineer } = await createStaffedSession(t.prisma);
    const statuses = ['TODO', 'IN_PROGRESS', 'BLOCKED', 'DONE'] as const;
    for (let i = 0; i < TASKS; i += 1) {
      await createTaskRow(t.prisma, { studioId: studio.id, sessionId: session.id }, {
        title: `Task ${i}`, status: statuses[i % 4]!, position: Math.floor(i / 4), assigneeId: i % 3 ? engineer.id : null,
      });
    }
    const boardUrl = `${t.baseUrl}/api/sessions/${session.id}/board`;
    const healthUrl = `${t.baseUrl}/api/health`;
    const size = (await (await fetch(boardUrl)).arrayBuffer()).byteLength;
    await load(boardUrl, WARMUP, CONCURRENCY);
    await load(healthUrl, WARMUP, CONCURRENCY);

    const health = await load(healthUrl, REQUESTS, CONCURRENCY);
    const board = await load(boardUrl, REQUESTS, CONCURRENCY);
    const h = summarize(health.latencies);
    const b = summarize(board.latencies);
    const db = t.server.ctx.db.kind;
    console.log(`database=${db} requests=${REQUESTS} concurrency=${CONCURRENCY} board_tasks=${TASKS} board_bytes=${size}`);
    console.log(`GET /api/health        p50 ${round(h.p50)} ms  p99 ${round(h.p99)} ms  ${round(REQUESTS / health.seconds, 0)} req/s`);
    console.log(`GET board (300 tasks)  p50 ${round(b.p50)} ms  p99 ${round(b.p99)} ms  ${round(REQUESTS / board.seconds, 0)} req/s`);
    console.log(
      `BENCH api db=${db} p50_ms=${round(b.p50)} p99_ms=${round(b.p99)} rps=${round(REQUESTS / board.seconds, 0)} ` +
        `baseline_p50_ms=${round(h.p50)} baseline_p99_ms=${round(h.p99)} baseline_rps=${round(REQUESTS / health.seconds, 0)} ratio=${round(b.p99 / h.p99)}`,
    );
  } finally {
    await t.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
