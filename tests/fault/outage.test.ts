// Database outages: Patchbay on its own throw-away PostgreSQL cluster (never the shared server),
// under a little load, while the database is frozen (SIGSTOP: connections open, nothing answers)
// and while it is down (stopped hard). Health must say 503 within about a second, API calls must
// fail fast with 503 DATABASE_UNAVAILABLE (never a 500, never a hang), a board.join must answer an
// error ack, and Patchbay must recover by itself once the database is back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffedSession } from '../helpers/factories';
import { connectSocket, joinBoard, type TestSocket } from '../helpers/sockets';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { hasPostgresBinaries, startPgCluster, type PgCluster } from './pg-cluster';

const enabled = hasPostgresBinaries() || process.env.CI === 'true';

interface Timed {
  status: number;
  code: string | undefined;
  ms: number;
}

describe.skipIf(!enabled)('database outage (own PostgreSQL cluster)', () => {
  let cluster: PgCluster | undefined;
  let t: TestServer;
  let sessionId: string;
  let cookie: string;
  let socket: TestSocket | undefined;

  const call = async (method: string, path: string, body?: unknown): Promise<Timed> => {
    const started = performance.now();
    try {
      const res = await fetch(`${t.baseUrl}${path}`, {
        method,
        signal: AbortSignal.timeout(15_000),
        headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      let code: string | undefined;
      try {
        code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
      } catch {
        code = undefined;
      }
      return { status: res.status, code, ms: performance.now() - started };
    } catch {
      // Aborted after 15 s: a hang.
      return { status: 0, code: 'HUNG', ms: performance.now() - started };
    }
  };
  const health = () => call('GET', '/api/health');
  const read = () => call('GET', `/api/sessions/${sessionId}/board`);
  let writes = 0;
  const write = () => call('POST', `/api/sessions/${sessionId}/tasks`, { kind: 'editing', title: `Load ${++writes}` });

  /** A few clients reading and writing in a loop; every answer is kept. */
  const startLoad = () => {
    const answers: Timed[] = [];
    const state = { running: true };
    const worker = async (i: number) => {
      while (state.running) {
        answers.push(await (i % 2 === 0 ? read() : write()));
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const workers = [0, 1, 2, 3].map(worker);
    return {
      answers,
      stop: async () => {
        state.running = false;
        await Promise.all(workers);
        return answers;
      },
    };
  };

  /** Polls until `probe` returns true; resolves with the elapsed milliseconds. */
  const until = async (probe: () => Promise<boolean>, limitMs: number): Promise<number> => {
    const started = performance.now();
    while (performance.now() - started < limitMs) {
      if (await probe()) return Math.round(performance.now() - started);
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`not reached within ${limitMs} ms`);
  };

  const expectUnavailable = (answer: Timed, what: string) => {
    expect({ what, status: answer.status, code: answer.code }).toEqual({ what, status: 503, code: 'DATABASE_UNAVAILABLE' });
    expect(answer.ms, `${what} answered in ${Math.round(answer.ms)} ms`).toBeLessThan(3_000);
  };

  /** While the database is out: nothing hung, nothing but success or 503 DATABASE_UNAVAILABLE. */
  const expectNoFaults = (answers: Timed[]) => {
    const bad = answers.filter((a) => !(a.status >= 200 && a.status < 300) && !(a.status === 503 && a.code === 'DATABASE_UNAVAILABLE'));
    expect(bad).toEqual([]);
    const slowest = Math.max(0, ...answers.map((a) => a.ms));
    expect(slowest, 'slowest answer under load (ms)').toBeLessThan(5_000);
    return Math.round(slowest);
  };

  const recover = async (label: string) => {
    const healthMs = await until(async () => (await health()).status === 200, 20_000);
    const writeMs = await until(async () => (await write()).status === 201, 20_000);
    const join = await joinBoard(socket!, sessionId, 0);
    expect(join.ok).toBe(true);
    console.log(`OUTAGE ${label}: recovered (health 200) after ${healthMs} ms, a write succeeded ${writeMs} ms later`);
  };

  beforeAll(async () => {
    cluster = await startPgCluster();
    t = await startTestServer({ database: { kind: 'postgresql', url: cluster.url } }, { config: { kind: 'postgresql', url: cluster.url }, drop: async () => {} });
    const f = await createStaffedSession(t.prisma);
    const admin = await t.prisma.member.create({ data: { studioId: f.studio.id, name: 'Outage Admin', email: 'outage-admin@studio.test', roles: [], accessRole: 'ADMIN', weeklyCapacityHours: 0 } });
    sessionId = f.session.id;
    cookie = await t.cookieFor(admin.id);
    socket = await connectSocket(t.baseUrl, cookie);
    const [ready, written] = [await health(), await write()];
    if (ready.status !== 200 || written.status !== 201) throw new Error(`the server is not ready: health ${ready.status}, write ${written.status}`);
  }, 90_000);

  afterAll(async () => {
    socket?.disconnect();
    cluster?.thaw();
    try {
      await t?.close();
    } finally {
      cluster?.destroy();
    }
  }, 60_000);

  it('frozen database: health 503 within a second, requests fail fast with 503, recovery without restart', async () => {
    const load = startLoad();
    await new Promise((r) => setTimeout(r, 300));
    cluster!.freeze();
    let frozenFor = performance.now();
    try {
      const healthMs = await until(async () => (await health()).status === 503, 5_000);
      expect(healthMs, 'health 503 after (ms)').toBeLessThan(3_000);
      const apiRead = await read();
      const apiWrite = await write();
      expectUnavailable(apiRead, 'GET board');
      expectUnavailable(apiWrite, 'POST task');
      const started = performance.now();
      const join = await joinBoard(socket!, sessionId, 0);
      const joinMs = Math.round(performance.now() - started);
      expect(join).toMatchObject({ ok: false, error: { code: 'DATABASE_UNAVAILABLE' } });
      expect(joinMs).toBeLessThan(3_000);
      // Let the load run into the frozen database for a while.
      await new Promise((r) => setTimeout(r, 1_500));
      const slowest = expectNoFaults(await load.stop());
      frozenFor = Math.round(performance.now() - frozenFor);
      console.log(
        `OUTAGE frozen: health 503 after ${healthMs} ms, api 503 after ${Math.round(apiRead.ms)} ms (read) / ${Math.round(apiWrite.ms)} ms (write), board.join error ack after ${joinMs} ms, slowest answer under load ${slowest} ms (${load.answers.length} requests in ${frozenFor} ms)`,
      );
    } finally {
      await load.stop();
      cluster!.thaw();
    }
    await recover('frozen');
  }, 60_000);

  it('database down: API calls answer 503 DATABASE_UNAVAILABLE (never 500), recovery without restart', async () => {
    const load = startLoad();
    await new Promise((r) => setTimeout(r, 300));
    cluster!.stop();
    try {
      const healthMs = await until(async () => (await health()).status === 503, 5_000);
      const apiRead = await read();
      const apiWrite = await write();
      expectUnavailable(apiRead, 'GET board');
      expectUnavailable(apiWrite, 'POST task');
      const join = await joinBoard(socket!, sessionId, 0);
      expect(join).toMatchObject({ ok: false, error: { code: 'DATABASE_UNAVAILABLE' } });
      await new Promise((r) => setTimeout(r, 1_000));
      const slowest = expectNoFaults(await load.stop());
      console.log(`OUTAGE down: health 503 after ${healthMs} ms, api 503 after ${Math.round(apiRead.ms)} ms (read) / ${Math.round(apiWrite.ms)} ms (write), slowest answer under load ${slowest} ms`);
    } finally {
      await load.stop();
      cluster!.start();
    }
    await recover('down');
  }, 60_000);
});
