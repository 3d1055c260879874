// The two ways Patchbay reaches PostgreSQL: embedded PGlite (default) or a server (DATABASE_URL).
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { Config } from '../config';

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

export async function createAdapterFactory(config: Pick<Config, 'database'>): Promise<AdapterHandle> {
  const db = config.database;
  if (db.kind === 'postgresql') {
    const pool = new pg.Pool({ connectionString: db.url, max: 10, idleTimeoutMillis: 30_000 });
    // A dropped connection must not crash the process; queries report their own errors.
    pool.on('error', () => {});
    const newFactory = () => new PrismaPg(pool);
    const migrationFactory = () => {
      const single = new pg.Pool({ connectionString: db.url, max: 1 });
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
