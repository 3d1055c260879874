// Workload benchmark: GET /api/workload for one week of a studio with 200 members and 50,000
// tasks (2,500 sessions over 20 weeks, so ~2,500 tasks and ~125 sessions fall in the week asked
// about), on PostgreSQL when DATABASE_URL is set (the figure the issue asks for), else PGlite.
// Baseline, in the same run on the same database: one plain SQL aggregate over the same rows
// (booked minutes per member for the week: staffed session lengths plus task estimates outside
// staffed sessions), timed from the server process through the same pool. Never asserts on time.
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { createAuthSession } from '../../server/src/auth/auth-sessions';
import { SESSION_COOKIE } from '../../server/src/auth/http';
import { createProject, createRoom, createStudio } from '../helpers/factories';
import { startTestServer } from '../helpers/test-server';
import { prng, round, SMOKE, summarize } from './stats';

const MEMBERS = SMOKE ? 20 : 200;
const TASKS = SMOKE ? 500 : 50_000;
const SESSIONS = SMOKE ? 50 : 2_500;
const WEEKS = 20;
const ROOMS = 8;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? (SMOKE ? 5 : 300));
const WARMUP = SMOKE ? 2 : 30;
const START = Date.parse('2026-01-05T00:00:00Z'); // a Monday
const HOUR = 3_600_000;
const MEASURED_WEEK = 10;

async function time(fn: () => Promise<unknown>, n: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return samples;
}

export default async function run(): Promise<void> {
  const t = await startTestServer({ env: 'production' });
  try {
    const p = t.prisma;
    const random = prng(9);
    const studio = await createStudio(p, { name: 'Bench Studio', timezone: 'UTC' });
    const rooms = await Promise.all(Array.from({ length: ROOMS }, (_, i) => createRoom(p, studio.id, { name: `Room ${i + 1}` })));
    const project = await createProject(p, studio.id);
    const roles = ['PRODUCER', 'ENGINEER', 'ENGINEER', 'ASSISTANT_ENGINEER'] as const;
    const members = Array.from({ length: MEMBERS }, (_, i) => ({
      id: randomUUID(), studioId: studio.id, name: `Member ${String(i).padStart(3, '0')}`, email: `m${i}@bench.test`,
      roles: [roles[i % roles.length]!], accessRole: roles[i % roles.length]!, weeklyCapacityHours: 30 + (i % 3) * 5,
    }));
    await p.member.createMany({ data: members });
    const admin = await p.member.create({ data: { studioId: studio.id, name: 'Bench Admin', email: 'admin@bench.test', roles: [], accessRole: 'ADMIN', weeklyCapacityHours: 0 } });
    const pick = () => members[Math.floor(random() * MEMBERS)]!.id;
    const sessions = Array.from({ length: SESSIONS }, (_, i) => {
      const week = i % WEEKS;
      const startsAt = new Date(START + week * 7 * 24 * HOUR + Math.floor(random() * 5) * 24 * HOUR + (8 + Math.floor(random() * 6)) * HOUR);
      return {
        id: randomUUID(), studioId: studio.id, projectId: project.id, roomId: rooms[i % ROOMS]!.id, title: `Session ${i}`,
        startsAt, endsAt: new Date(startsAt.getTime() + (3 + Math.floor(random() * 8)) * HOUR), producerId: pick(), engineerId: pick(),
      };
    });
    await p.session.createMany({ data: sessions });
    const statuses = ['TODO', 'IN_PROGRESS', 'BLOCKED', 'DONE'] as const;
    for (let from = 0; from < TASKS; from += 5000) {
      await p.task.createMany({
        data: Array.from({ length: Math.min(5000, TASKS - from) }, (_, j) => {
          const i = from + j;
          const session = sessions[i % SESSIONS]!;
          return { studioId: studio.id, sessionId: session.id, kind: 'editing', title: `Task ${i}`, role: 'ENGINEER' as const, status: statuses[i % 4]!, estimateMinutes: 30 + (i % 8) * 30, assigneeId: random() < 0.9 ? pick() : null, position: i };
        }),
      });
    }
    await p.$executeRawUnsafe('ANALYZE');

    const user = await p.user.create({ data: { email: 'admin@bench.test', name: 'Bench Admin', passwordHash: 'none' } });
    await p.member.update({ where: { id: admin.id }, data: { userId: user.id } });
    const { token } = await createAuthSession(p, { userId: user.id, memberId: admin.id, ttlMs: 3_600_000 });
    const from = new Date(START + MEASURED_WEEK * 7 * 24 * HOUR);
    const to = new Date(from.getTime() + 7 * 24 * HOUR);
    const url = `${t.baseUrl}/api/workload?from=${from.toISOString()}&to=${to.toISOString()}`;
    const get = async () => {
      const res = await fetch(url, { headers: { cookie: `${SESSION_COOKIE}=${token}` } });
      const body = await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`workload answered ${res.status}`);
      return body.byteLength;
    };
    // The baseline: the same week's booked minutes per member in one SQL statement.
    const aggregate = () => p.$queryRaw`
      SELECT member_id, SUM(minutes) AS minutes FROM (
        SELECT s."producerId" AS member_id, EXTRACT(EPOCH FROM (s."endsAt" - s."startsAt")) / 60 AS minutes
          FROM "Session" s WHERE s."studioId" = ${studio.id}::uuid AND s.status <> 'CANCELLED' AND s."startsAt" < ${to} AND s."endsAt" > ${from} AND s."producerId" IS NOT NULL
        UNION ALL
        SELECT s."engineerId", EXTRACT(EPOCH FROM (s."endsAt" - s."startsAt")) / 60
          FROM "Session" s WHERE s."studioId" = ${studio.id}::uuid AND s.status <> 'CANCELLED' AND s."startsAt" < ${to} AND s."endsAt" > ${from} AND s."engineerId" IS NOT NULL AND s."engineerId" IS DISTINCT FROM s."producerId"
        UNION ALL
        SELECT t."assigneeId", COALESCE(t."estimateMinutes", 0)
          FROM "Task" t JOIN "Session" s ON s.id = t."sessionId"
          WHERE s."studioId" = ${studio.id}::uuid AND s.status <> 'CANCELLED' AND s."startsAt" < ${to} AND s."endsAt" > ${from}
            AND t."assigneeId" IS NOT NULL AND t."assigneeId" IS DISTINCT FROM s."producerId" AND t."assigneeId" IS DISTINCT FROM s."engineerId"
      ) booked GROUP BY member_id`;

    const inWeek = await p.task.count({ where: { session: { startsAt: { lt: to }, endsAt: { gt: from } } } });
    const sessionsInWeek = await p.session.count({ where: { startsAt: { lt: to }, endsAt: { gt: from } } });
    const bytes = await get();
    await time(get, WARMUP);
    await time(aggregate, WARMUP);
    const baseline = summarize(await time(aggregate, REQUESTS));
    const workload = summarize(await time(get, REQUESTS));
    const db = t.server.ctx.db.kind;
    console.log(`database=${db} members=${MEMBERS} tasks=${TASKS} sessions=${SESSIONS} week: sessions=${sessionsInWeek} tasks=${inWeek} response_bytes=${bytes} requests=${REQUESTS} (sequential)`);
    console.log(`GET /api/workload (one week)  p50 ${round(workload.p50)} ms  p99 ${round(workload.p99)} ms`);
    console.log(`plain SQL aggregate (baseline) p50 ${round(baseline.p50)} ms  p99 ${round(baseline.p99)} ms`);
    console.log(
      `BENCH workload db=${db} p50_ms=${round(workload.p50)} p99_ms=${round(workload.p99)} baseline_p50_ms=${round(baseline.p50)} baseline_p99_ms=${round(baseline.p99)} ratio=${round(workload.p50 / baseline.p50)}`,
    );
  } finally {
    await t.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
