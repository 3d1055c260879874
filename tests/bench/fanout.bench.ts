// Latency from an HTTP task update until N viewers of that board have the event (N = 1, 100,
// 1000), against the same payload broadcast by a bare socket.io server to the same N clients.
// Patchbay runs as its own process (PostgreSQL when DATABASE_URL is set, else PGlite), as does
// the baseline, so the clients in this process do not share their CPU time with the servers.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import { createTestDatabase } from '../helpers/test-database';
import { round, summarize } from './stats';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SIZES = (process.env.BENCH_FANOUT_SIZES ?? '1,100,1000').split(',').map(Number);
const ROUNDS = (n: number) => (n >= 1000 ? 40 : n >= 100 ? 80 : 150);

function startProcess(args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<{ child: ChildProcess; line: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let buffer = '';
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n').find((l) => ready.test(l));
      if (line) {
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        resolve({ child, line });
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}: ${buffer}`)));
  });
}

function memoryMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: round(kb('VmRSS') / 1024, 1), peak: round(kb('VmHWM') / 1024, 1) };
}

async function connectMany(url: string, n: number, cookie: string | undefined, join: (s: Socket) => Promise<void>): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let i = 0; i < n; i += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, n - i) }, async () => {
        const s = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, ...(cookie ? { extraHeaders: { cookie } } : {}) });
        await new Promise<void>((resolve, reject) => {
          s.once('connect', () => resolve());
          s.once('connect_error', reject);
        });
        await join(s);
        return s;
      }),
    );
    sockets.push(...batch);
  }
  return sockets;
}

/** Times `trigger` until every socket has seen an event for which `isIt` holds. */
async function measure(
  sockets: Socket[],
  rounds: number,
  trigger: (i: number) => Promise<void>,
  isIt: (payload: any, i: number) => boolean,
): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    let remaining = sockets.length;
    let done!: () => void;
    const all = new Promise<void>((r) => (done = r));
    const handlers = sockets.map((s) => {
      const h = (payload: unknown) => {
        if (isIt(payload, i) && --remaining === 0) done();
      };
      s.on('task.updated', h);
      return h;
    });
    const t0 = performance.now();
    await trigger(i);
    await all;
    latencies.push(performance.now() - t0);
    sockets.forEach((s, k) => s.off('task.updated', handlers[k]));
  }
  return latencies;
}

export default async function run(): Promise<void> {
  const db = await createTestDatabase();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'patchbay-fanout-'));
  const env: NodeJS.ProcessEnv = { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', NODE_ENV: 'production', DEMO_DATA: 'false', AUTH_RATE_LIMIT: '1000' };
  if (db.config.kind === 'postgresql') env.DATABASE_URL = db.config.url;
  else env.DATA_DIR = dataDir;
  const app = await startProcess(['server/src/main.ts'], env, /Patchbay is listening/);
  const base = `http://127.0.0.1:${(JSON.parse(app.line) as { port: number }).port}`;
  const bare = await startProcess(['tests/bench/bare-broadcast-server.ts'], {}, /"port"/);
  const bareUrl = `http://127.0.0.1:${(JSON.parse(bare.line) as { port: number }).port}`;
  try {
    // A studio, its admin, a room, a project, a session and one task, all through the API.
    const setup = await fetch(`${base}/api/setup`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ studioName: 'Fanout Studio', timezone: 'UTC', name: 'Bench Admin', email: 'bench@fanout.test', password: 'benchmark password' }),
    });
    const cookie = setup.headers.get('set-cookie')!.split(';')[0]!;
    const call = async (method: string, p: string, body?: unknown) => {
      const res = await fetch(`${base}${p}`, { method, headers: { cookie, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
      if (!res.ok) throw new Error(`${method} ${p} → ${res.status} ${await res.text()}`);
      return res.json() as Promise<any>;
    };
    const room = await call('POST', '/api/rooms', { name: 'Studio A', kind: 'CONTROL_ROOM' });
    const project = await call('POST', '/api/projects', { artist: 'Bench', title: 'Fanout' });
    const session = await call('POST', '/api/sessions', { title: 'Fanout', projectId: project.id, roomId: room.id, startsAt: '2027-01-04T10:00:00Z', endsAt: '2027-01-04T14:00:00Z' });
    let task = await call('POST', `/api/sessions/${session.id}/tasks`, { kind: 'editing', title: 'Fanout task', assigneeId: null });
    const eventBytes = JSON.stringify({ v: 1, type: 'task.updated', sessionId: session.id, seq: 1, at: new Date().toISOString(), actor: null, task, changed: ['title'] }).length;

    console.log(`database=${db.config.kind} event_bytes≈${eventBytes} rounds=${SIZES.map((n) => `${n}:${ROUNDS(n)}`).join(',')}`);
    const lines: string[] = [];
    for (const n of SIZES) {
      const viewers = await connectMany(base, n, cookie, async (s) => {
        const ack = await s.timeout(20_000).emitWithAck('board.join', { v: 1, sessionId: session.id });
        if (!ack.ok) throw new Error(`join refused: ${JSON.stringify(ack)}`);
      });
      await new Promise((r) => setTimeout(r, 500));
      const patchbay = await measure(
        viewers,
        ROUNDS(n),
        async (i) => {
          task = await call('PATCH', `/api/tasks/${task.id}`, { version: task.version, title: `Fanout ${n}-${i}` });
        },
        (e, i) => e?.task?.title === `Fanout ${n}-${i}`,
      );
      const mem = memoryMb(app.child.pid!);
      for (const s of viewers) s.disconnect();

      const bareClients = await connectMany(bareUrl, n, undefined, async (s) => {
        await s.timeout(20_000).emitWithAck('board.join', {});
      });
      const baseline = await measure(
        bareClients,
        ROUNDS(n),
        async (i) => {
          const res = await fetch(`${bareUrl}/emit`, { method: 'POST', body: JSON.stringify({ ...task, title: `Bare ${n}-${i}` }) });
          await res.arrayBuffer();
        },
        (e, i) => e?.title === `Bare ${n}-${i}`,
      );
      for (const s of bareClients) s.disconnect();
      await new Promise((r) => setTimeout(r, 300));

      const p = summarize(patchbay);
      const b = summarize(baseline);
      console.log(
        `n=${n}: patchbay p50 ${round(p.p50)} ms p99 ${round(p.p99)} ms | ` +
          `bare socket.io p50 ${round(b.p50)} ms p99 ${round(b.p99)} ms | server rss ${mem.rss} MB (peak ${mem.peak} MB)`,
      );
      lines.push(
        `BENCH fanout n=${n} db=${db.config.kind} p50_ms=${round(p.p50)} p99_ms=${round(p.p99)} baseline_p50_ms=${round(b.p50)} ` +
          `baseline_p99_ms=${round(b.p99)} ratio=${round(p.p99 / b.p99)} server_rss_mb=${mem.rss} server_peak_rss_mb=${mem.peak}`,
      );
    }
    // The summary line for the largest N comes last.
    for (const line of lines) console.log(line);
  } finally {
    app.child.kill('SIGTERM');
    bare.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
