// A fresh database for a benchmark whose server runs in its own process: PostgreSQL (a new
// database on the server of DATABASE_URL, else 127.0.0.1:5432, dropped after) or PGlite in a
// temporary folder. Also the server process's CPU time, for CPU per operation.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DatabaseConfig } from '../../server/src/config';

export type BenchDatabaseKind = 'postgresql' | 'pglite';

export interface BenchDatabase {
  kind: BenchDatabaseKind;
  config: DatabaseConfig;
  url?: string;
  dataDir?: string;
  drop: () => Promise<void>;
}

/** PostgreSQL when DATABASE_URL is set, else PGlite. */
export const defaultBenchDatabase = (): BenchDatabaseKind => (process.env.DATABASE_URL ? 'postgresql' : 'pglite');

export async function createBenchDatabase(kind: BenchDatabaseKind): Promise<BenchDatabase> {
  if (kind === 'pglite') {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'patchbay-bench-'));
    return { kind, config: { kind: 'pglite', dataDir }, dataDir, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const adminUrl = process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
  const name = `patchbay_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { kind, config: { kind: 'postgresql', url: url.toString() }, url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/** User plus system CPU time a process has used so far, in milliseconds (from /proc). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at field 3; utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}
