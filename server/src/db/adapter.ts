// The two ways Patchbay reaches PostgreSQL: embedded PGlite (default) or a server (DATABASE_URL).
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { DEFAULT_DATABASE_TIMEOUTS, type Config, type DatabaseTimeouts } from '../config';

export type DatabaseKind = 'pglite' | 'postgresql';

export interface AdapterHandle {
  kind: DatabaseKind;
  /** A fresh adapter factory over the same underlying connection(s). */
  factory: SqlMigrationAwareDriverAdapterFactory;
  newFactory: () => SqlMigrationAwareDriverAdapterFactory;
  /**
   * A factory for the schema engine over one dedicated connection, and its closer. Migrations
   * take a session-level advisory lock: on a pool, lock and unlock could land on different
   * connections and the lock would stay held.
   */
  migrationFactory: () => { factory: SqlMigrationAwareDriverAdapterFactory; close: () => Promise<void> };
  close: () => Promise<void>;
}

/** How long the client waits past the server's statement_timeout before it gives up on a silent server. */
const CLIENT_GRACE_MS = 500;

/**
 * A pg client that never outlives a silent server: when a query gets no answer within
 * `query_timeout` (a frozen or unreachable server), the connection is destroyed, so the
 * queries queued behind it (a transaction's ROLLBACK) fail at once instead of waiting on it,
 * and the pool drops it instead of handing it to the next request.
 * A dropped connection never crashes the process (the no-op error listener): queries report
 * their own errors.
 */
class FailFastClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on('error', () => {});
  }
}
const baseQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
function dropIfSilent(client: pg.Client, err: unknown): void {
  if (err instanceof Error && err.message === 'Query read timeout') {
    (client as unknown as { connection?: { stream?: { destroy: () => void } } }).connection?.stream?.destroy();
  }
}
(FailFastClient.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (this: pg.Client, ...args: unknown[]) {
  const last = args.at(-1);
  if (typeof last === 'function') {
    args[args.length - 1] = (err: unknown, res: unknown) => {
      dropIfSilent(this, err);
      (last as (err: unknown, res: unknown) => void)(err, res);
    };
    return baseQuery.apply(this, args);
  }
  const result = baseQuery.apply(this, args);
  if (result instanceof Promise) {
    return result.catch((err: unknown) => {
      dropIfSilent(this, err);
      throw err;
    });
  }
  return result;
};

/** Pool options that bound every wait on PostgreSQL: connect, acquire, statement, silent server. */
export function poolOptions(url: string, timeouts: DatabaseTimeouts): pg.PoolConfig {
  return {
    connectionString: url,
    Client: FailFastClient,
    max: 10,
    idleTimeoutMillis: 30_000,
    // Opening a connection, and waiting for a free one from the pool.
    connectionTimeoutMillis: timeouts.connectTimeoutMs,
    // The server cancels a long statement (57014) and the connection stays usable...
    statement_timeout: timeouts.statementTimeoutMs,
    // ...and a server that does not answer at all (frozen) is given up on a little later.
    query_timeout: timeouts.statementTimeoutMs + CLIENT_GRACE_MS,
    // Dead peers (a host gone without closing the socket) are noticed by the OS.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  };
}

export async function createAdapterFactory(config: Pick<Config, 'database'> & Partial<Pick<Config, 'databaseTimeouts'>>): Promise<AdapterHandle> {
  const db = config.database;
  const timeouts = config.databaseTimeouts ?? DEFAULT_DATABASE_TIMEOUTS;
  if (db.kind === 'postgresql') {
    const pool = new pg.Pool(poolOptions(db.url, timeouts));
    // A dropped connection must not crash the process; queries report their own errors.
    pool.on('error', () => {});
    const newFactory = () => new PrismaPg(pool);
    const migrationFactory = () => {
      // Migrations may legitimately run long (and wait on each other's advisory lock): only
      // opening the connection is bounded.
      const single = new pg.Pool({ connectionString: db.url, max: 1, connectionTimeoutMillis: Math.max(timeouts.connectTimeoutMs, 10_000) });
      single.on('error', () => {});
      return { factory: new PrismaPg(single), close: () => single.end() };
    };
    return { kind: 'postgresql', factory: newFactory(), newFactory, migrationFactory, close: () => pool.end() };
  }
  if (db.dataDir) mkdirSync(db.dataDir, { recursive: true });
  const pglite = db.dataDir ? new PGlite(db.dataDir) : new PGlite();
  await pglite.waitReady;
  const newFactory = () => new PrismaPGlite(pglite);
  return {
    kind: 'pglite',
    factory: newFactory(),
    newFactory,
    // PGlite is one connection already.
    migrationFactory: () => ({ factory: newFactory(), close: async () => {} }),
    close: async () => {
      if (!pglite.closed) await pglite.close();
    },
  };
}
