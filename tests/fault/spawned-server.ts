// The real server entry (server/src/main.ts) in its own process, for the crash test and the load
// benchmark: started on a given database and port, stopped with SIGTERM or killed with SIGKILL.
// Also a small JSON fetch for a signed-in client and a studio seeded straight into the database.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { createAuthSession } from '../../server/src/auth/auth-sessions';
import { SESSION_COOKIE } from '../../server/src/auth/http';
import type { PrismaClient } from '../../server/src/generated/prisma/client';
import { createMember, createProject, createRoom, createSession, createSetupRow, createStudio } from '../helpers/factories';
import { jsonApi, type Api } from '../helpers/test-server';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  port: number;
  baseUrl: string;
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<number | string | null>;
  kill9: () => Promise<void>;
  stop: () => Promise<void>;
}

/** A port that was free a moment ago (the restarted server must come back on the same one). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * How the server process is started: the production build (server/dist/main.js, what `npm start`
 * runs; `npm test` builds it first) when it is there, else the TypeScript source through tsx.
 */
export function serverEntry(): string[] {
  return existsSync(path.join(ROOT, 'server/dist/main.js')) ? ['--enable-source-maps', 'server/dist/main.js'] : ['--import', 'tsx', 'server/src/main.ts'];
}

/** Starts the server (serverEntry) with the database given and waits for its "listening" line. */
export function startServerProcess(database: { url?: string; dataDir?: string }, port: number, env: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', NODE_ENV: 'production', DEMO_DATA: 'false', HOLD_SWEEP_MS: '600000', ...env,
  };
  if (database.url) childEnv.DATABASE_URL = database.url;
  else {
    delete childEnv.DATABASE_URL;
    childEnv.DATA_DIR = database.dataDir;
  }
  // CPU_PROF_DIR: the server writes a V8 CPU profile there when it stops (node --cpu-prof).
  const profile = process.env.CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.CPU_PROF_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, ...serverEntry()], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  let output = '';
  const keep = (chunk: Buffer) => {
    // Keep the tail only: a long load run logs a lot.
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stderr?.on('data', keep);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      keep(chunk);
      if (!/"msg":"Patchbay is listening/.test(output)) return;
      clearTimeout(timer);
      const proc: ServerProcess = {
        child, pid: child.pid!, port, baseUrl: `http://127.0.0.1:${port}`, exited,
        kill9: async () => {
          child.kill('SIGKILL');
          await exited;
        },
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited;
        },
      };
      resolve(proc);
    };
    child.stdout?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${String(code)} before listening:\n${output}`));
    });
  });
}

/** Resident set size now and its peak (VmHWM) of a process, in MB. */
export function memoryMb(pid: number): { rss: number; peak: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return { rss: 0, peak: 0 };
  }
}

/** JSON fetch with a cookie against a base URL that may change (a restarted server). */
export function apiFor(baseUrl: () => string, cookie: string, timeoutMs = 20_000): Api {
  return jsonApi(baseUrl, cookie, timeoutMs);
}

export interface SeededStudio {
  studioId: string;
  sessionIds: string[];
  /** Checklist lines per session, to check off. */
  checkItems: Map<string, string[]>;
  /** Session cookies of signed-in members (admins), one per writer. */
  writerCookies: string[];
  /** Session cookie of a member who only watches (the studio's producer). */
  viewerCookie: string;
  /** Session cookies of `viewerAccounts` more watchers (managers), for many viewers: joins are limited per member. */
  viewerCookies: string[];
}

/** A studio with staff, `sessions` sessions each with `checkLines` checklist lines, and signed-in writers. */
export async function seedStudio(prisma: PrismaClient, opts: { sessions: number; checkLines: number; writers: number; viewerAccounts?: number }): Promise<SeededStudio> {
  const studio = await createStudio(prisma, { name: 'Fault Studio' });
  const room = await createRoom(prisma, studio.id, { name: 'Room A' });
  const producer = await createMember(prisma, studio.id, { name: 'Pat Producer', roles: ['PRODUCER'] });
  const engineers = [];
  for (let i = 0; i < 4; i += 1) engineers.push(await createMember(prisma, studio.id, { name: `Engineer ${i}`, roles: ['ENGINEER'], knownRoomIds: [room.id] }));
  await createMember(prisma, studio.id, { name: 'Ash Assistant', roles: ['ASSISTANT_ENGINEER'], knownRoomIds: [room.id] });
  const project = await createProject(prisma, studio.id, { leadProducerId: producer.id });
  const sessionIds: string[] = [];
  const checkItems = new Map<string, string[]>();
  for (let i = 0; i < opts.sessions; i += 1) {
    // One session a day in the week the workload query asks about, so none overlap.
    const session = await createSession(prisma, { studioId: studio.id, projectId: project.id, roomId: room.id }, {
      title: `Session ${i}`, startsAt: new Date(Date.parse('2026-11-23T10:00:00Z') + i * 86_400_000), hours: 4, producerId: producer.id, engineerId: engineers[i % engineers.length]!.id,
    });
    sessionIds.push(session.id);
    const items: string[] = [];
    for (let j = 0; j < opts.checkLines; j += 1) items.push((await createSetupRow(prisma, { studioId: studio.id, sessionId: session.id }, { part: 'CHECK', text: `Step ${j}`, position: j })).id);
    checkItems.set(session.id, items);
  }
  const cookieOf = async (memberId: string, name: string) => {
    const user = await prisma.user.create({ data: { email: `${memberId}@fault.test`, name, passwordHash: 'not-a-password' } });
    await prisma.member.update({ where: { id: memberId }, data: { userId: user.id } });
    const { token } = await createAuthSession(prisma, { userId: user.id, memberId, ttlMs: 3_600_000 });
    return `${SESSION_COOKIE}=${token}`;
  };
  const writerCookies: string[] = [];
  for (let i = 0; i < opts.writers; i += 1) {
    const admin = await createMember(prisma, studio.id, { name: `Writer ${i}`, roles: [], accessRole: 'ADMIN', weeklyCapacityHours: 0 });
    writerCookies.push(await cookieOf(admin.id, admin.name));
  }
  const viewerCookies: string[] = [];
  for (let i = 0; i < (opts.viewerAccounts ?? 0); i += 1) {
    const manager = await createMember(prisma, studio.id, { name: `Viewer ${i}`, roles: ['PRODUCER'], accessRole: 'MANAGER', weeklyCapacityHours: 0 });
    viewerCookies.push(await cookieOf(manager.id, manager.name));
  }
  return { studioId: studio.id, sessionIds, checkItems, writerCookies, viewerCookie: await cookieOf(producer.id, producer.name), viewerCookies };
}
