// Fan-out: latency from an HTTP task update until N viewers of that board have the event (N = 1,
// 100, 500), against the same payload broadcast by a bare socket.io server to the same N clients;
// then how long 1,000 viewers take to load the board (GET snapshot) and join it (connect_s).
// Patchbay runs as its own process (the production build when built; PostgreSQL when
// DATABASE_URL is set, else PGlite), as does the baseline, so the clients in this process do not
// share their CPU time with the servers. Never asserts on time.
//
//   npm run bench -- fanout
//   BENCH_SMOKE=1 npm run bench -- fanout      tiny sizes (what npm test runs)
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BOARD_EVENTS_FRAME, PROTOCOL_VERSION, type BoardJoinAck } from '@patchbay/shared';
import { io, type Socket } from 'socket.io-client';
import { openDatabase } from '../../server/src/db/database';
import { createTaskRow } from '../helpers/factories';
import { apiFor, freePort, memoryMb, seedStudio, startServerProcess } from '../fault/spawned-server';
import { createBenchDatabase, defaultBenchDatabase } from './bench-database';
import { round, SMOKE, summarize } from './stats';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SIZES = (process.env.BENCH_FANOUT_SIZES ?? (SMOKE ? '1,5' : '1,100,500')).split(',').map(Number);
const CONNECT = Number(process.env.BENCH_CONNECT ?? (SMOKE ? 10 : 1000));
const ROUNDS = (n: number) => (SMOKE ? 3 : n >= 500 ? 60 : n >= 100 ? 80 : 150);
const VIEWERS_PER_ACCOUNT = 10;

function startBare(): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/bench/bare-broadcast-server.ts'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let buffer = '';
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n').find((l) => /"port"/.test(l));
      if (!line) return;
      child.stdout?.off('data', onData);
      child.stdout?.resume();
      resolve({ child, url: `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}` });
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`bare server exited with ${code}: ${buffer}`)));
  });
}

async function connectMany(url: string, n: number, cookieOf: (i: number) => string | undefined, join: (s: Socket, i: number) => Promise<void>): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let i = 0; i < n; i += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, n - i) }, async (_, j) => {
        const cookie = cookieOf(i + j);
        const s = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, ...(cookie ? { extraHeaders: { cookie } } : {}) });
        await new Promise<void>((resolve, reject) => {
          s.once('connect', () => resolve());
          s.once('connect_error', reject);
        });
        await join(s, i + j);
        return s;
      }),
    );
    sockets.push(...batch);
  }
  return sockets;
}

/** Times `trigger` until every socket has seen a payload for which `isIt` holds. */
async function measure(sockets: Socket[], rounds: number, event: string, trigger: (i: number) => Promise<void>, isIt: (payload: any, i: number) => boolean): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    let remaining = sockets.length;
    let done!: () => void;
    const all = new Promise<void>((r) => (done = r));
    const handler = (payload: unknown) => {
      if (isIt(payload, i) && --remaining === 0) done();
    };
    for (const s of sockets) s.on(event, handler);
    const t0 = performance.now();
    await trigger(i);
    await all;
    latencies.push(performance.now() - t0);
    for (const s of sockets) s.off(event, handler);
  }
  return latencies;
}

export default async function run(): Promise<void> {
  const db = await createBenchDatabase(defaultBenchDatabase());
  const viewersNeeded = Math.max(CONNECT, ...SIZES);
  let server: Awaited<ReturnType<typeof startServerProcess>> | undefined;
  let bare: Awaited<ReturnType<typeof startBare>> | undefined;
  try {
    const seeding = await openDatabase({ database: db.config });
    const studio = await seedStudio(seeding.prisma, { sessions: 1, checkLines: SMOKE ? 4 : 24, writers: 1, viewerAccounts: Math.ceil(viewersNeeded / VIEWERS_PER_ACCOUNT) });
    const sessionId = studio.sessionIds[0]!;
    for (let i = 0; i < (SMOKE ? 10 : 100); i += 1) await createTaskRow(seeding.prisma, { studioId: studio.studioId, sessionId }, { title: `Task ${i}`, kind: 'editing', position: i });
    const row = await createTaskRow(seeding.prisma, { studioId: studio.studioId, sessionId }, { title: 'Fanout task', kind: 'editing', position: 1000 });
    await seeding.close();
    server = await startServerProcess({ url: db.url, dataDir: db.dataDir }, await freePort());
    bare = await startBare();
    const base = server.baseUrl;
    const api = apiFor(() => base, studio.writerCookies[0]!);
    const viewerCookie = (i: number) => studio.viewerCookies[Math.floor(i / VIEWERS_PER_ACCOUNT)];
    const joinBoard = async (s: Socket) => {
      const ack = (await s.timeout(20_000).emitWithAck('board.join', { v: PROTOCOL_VERSION, sessionId })) as BoardJoinAck;
      if (!ack.ok) throw new Error(`join refused: ${JSON.stringify(ack)}`);
    };
    let task = { id: row.id, version: row.version };

    console.log(`database=${db.kind} rounds=${SIZES.map((n) => `${n}:${ROUNDS(n)}`).join(',')}`);
    const lines: string[] = [];
    for (const n of SIZES) {
      const viewers = await connectMany(base, n, viewerCookie, joinBoard);
      await new Promise((r) => setTimeout(r, 500));
      const patchbay = await measure(viewers, ROUNDS(n), BOARD_EVENTS_FRAME, async (i) => {
        const res = await api('PATCH', `/api/tasks/${task.id}`, { version: task.version, title: `Fanout ${n}-${i}` });
        if (res.status !== 200) throw new Error(`update answered ${res.status}: ${res.text}`);
        task = { id: res.body.id, version: res.body.version };
      }, (frame, i) => frame?.events?.some((e: any) => e?.task?.title === `Fanout ${n}-${i}`));
      const mem = memoryMb(server.pid);
      for (const s of viewers) s.disconnect();

      const bareClients = await connectMany(bare.url, n, () => undefined, async (s) => {
        await s.timeout(20_000).emitWithAck('board.join', {});
      });
      const baseline = await measure(bareClients, ROUNDS(n), 'task.updated', async (i) => {
        const res = await fetch(`${bare!.url}/emit`, { method: 'POST', body: JSON.stringify({ id: task.id, title: `Bare ${n}-${i}` }) });
        await res.arrayBuffer();
      }, (e, i) => e?.title === `Bare ${n}-${i}`);
      for (const s of bareClients) s.disconnect();
      await new Promise((r) => setTimeout(r, 300));

      const p = summarize(patchbay);
      const b = summarize(baseline);
      console.log(`n=${n}: patchbay p50 ${round(p.p50)} ms p99 ${round(p.p99)} ms | bare socket.io p50 ${round(b.p50)} ms p99 ${round(b.p99)} ms | server rss ${round(mem.rss, 1)} MB (peak ${round(mem.peak, 1)} MB)`);
      lines.push(
        `n=${n} p50_ms=${round(p.p50)} p99_ms=${round(p.p99)} baseline_p50_ms=${round(b.p50)} baseline_p99_ms=${round(b.p99)} ratio=${round(p.p99 / b.p99)}`,
      );
    }

    // 1,000 viewers arrive: each loads the board snapshot and joins its live channel, 50 at a time.
    const t0 = performance.now();
    const crowd = await connectMany(base, CONNECT, viewerCookie, async (s, i) => {
      const res = await fetch(`${base}/api/sessions/${sessionId}/board`, { headers: { cookie: viewerCookie(i)! } });
      if (res.status !== 200) throw new Error(`snapshot answered ${res.status}`);
      await res.arrayBuffer();
      await joinBoard(s);
    });
    const connectS = (performance.now() - t0) / 1000;
    const mem = memoryMb(server.pid);
    for (const s of crowd) s.disconnect();
    console.log(`${CONNECT} viewers loaded the board and joined in ${round(connectS, 2)} s; server rss ${round(mem.rss, 1)} MB (peak ${round(mem.peak, 1)} MB)`);
    for (const line of lines.slice(0, -1)) console.log(`  ${line}`);
    console.log(`BENCH fanout db=${db.kind} ${lines.at(-1)} connect_n=${CONNECT} connect_s=${round(connectS, 2)} server_rss_mb=${round(mem.rss, 1)} server_peak_rss_mb=${round(mem.peak, 1)}`);
  } finally {
    await server?.stop();
    bare?.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    await db.drop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
