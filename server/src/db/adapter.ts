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
  close: () => Promise<void>;
}

export async function createAdapterFactory(config: Pick<Config, 'database'>): Promise<AdapterHandle> {
  const db = config.database;
  if (db.kind === 'postgresql') {
    const pool = new pg.Pool({ connectionString: db.url, max: 10, idleTimeoutMillis: 30_000 });
    // A dropped connection must not crash the process; queries report their own errors.
    pool.on('error', () => {});
    const newFactory = () => new PrismaPg(pool);
    return { kind: 'postgresql', factory: newFactory(), newFactory, close: () => pool.end() };
  }
  if (db.dataDir) mkdirSync(db.dataDir, { recursive: true });
  const pglite = db.dataDir ? new PGlite(db.dataDir) : new PGlite();
  await pglite.waitReady;
  const newFactory = () => new PrismaPGlite(pglite);
  return {
    kind: 'pglite',
    factory: newFactory(),
    newFactory,
    close: async () => {
      if (!pglite.closed) await pglite.close();
    },
  };
}
