// A throw-away PostgreSQL cluster for fault tests: its own data directory in a temp folder, its own
// port and socket directory. Never the machine's shared server. It can be frozen (SIGSTOP on the
// postmaster and every backend), thawed, stopped hard and started again on the same port.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
export const hasPostgresBinaries = (): boolean => existsSync(path.join(PG_BIN, 'initdb')) && existsSync(path.join(PG_BIN, 'pg_ctl'));

export interface PgCluster {
  url: string;
  port: number;
  freeze: () => void;
  thaw: () => void;
  stop: () => void;
  start: () => void;
  /** Thaws, stops and removes the cluster; safe to call more than once and after a failure. */
  destroy: () => void;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** PostgreSQL refuses to run as root: as root, the cluster belongs to the `postgres` user. */
function runner(): { run: (bin: string, args: string[]) => string; owner: { uid: number; gid: number } | null } {
  const root = process.getuid?.() === 0;
  let owner: { uid: number; gid: number } | null = null;
  if (root) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    owner = { uid, gid };
  }
  const run = (bin: string, args: string[]) => {
    const file = path.join(PG_BIN, bin);
    const [cmd, argv] = root ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
    return execFileSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
  };
  return { run, owner };
}

export async function startPgCluster(database = 'patchbay'): Promise<PgCluster> {
  const dir = mkdtempSync(path.join(tmpdir(), 'patchbay-pg-'));
  const data = path.join(dir, 'data');
  const { run, owner } = runner();
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const port = await freePort();
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  const start = () => {
    run('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-w', '-t', '30', '-o', options, 'start']);
  };
  start();
  run('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-qc', `CREATE DATABASE "${database}"`]);

  const postmasterPid = (): number | null => {
    try {
      return Number(readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    } catch {
      return null;
    }
  };
  const childrenOf = (pid: number): number[] => {
    try {
      return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  const signal = (pids: number[], sig: NodeJS.Signals) => {
    for (const pid of pids) {
      try {
        process.kill(pid, sig);
      } catch {
        // gone already
      }
    }
  };
  let frozen: number[] = [];
  const freeze = () => {
    const pid = postmasterPid();
    if (!pid) throw new Error('the test cluster is not running');
    // The postmaster first, so it forks no new backend while the children are stopped.
    signal([pid], 'SIGSTOP');
    frozen = [pid, ...childrenOf(pid)];
    signal(frozen.slice(1), 'SIGSTOP');
  };
  const thaw = () => {
    const pid = postmasterPid();
    const all = new Set([...frozen, ...(pid ? [pid, ...childrenOf(pid)] : [])]);
    signal([...all], 'SIGCONT');
    frozen = [];
  };
  const stop = () => {
    thaw();
    if (postmasterPid() === null) return;
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', '-t', '30', 'stop']);
    } catch {
      const pid = postmasterPid();
      if (pid) signal([pid], 'SIGKILL');
    }
  };
  let destroyed = false;
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/${database}`,
    port,
    freeze,
    thaw,
    stop,
    start,
    destroy: () => {
      if (destroyed) return;
      destroyed = true;
      try {
        stop();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
