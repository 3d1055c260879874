import type { Logger } from 'pino';
import { DEFAULT_DATABASE_TIMEOUTS, type Config } from '../config';
import { PrismaClient } from '../generated/prisma/client';
import { createAdapterFactory, type DatabaseKind } from './adapter';
import { applyMigrations, pendingMigrations } from './migrations';

export type Prisma = PrismaClient;
/** What a command receives inside `prisma.$transaction(async (tx) => ...)`. */
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  /** True when a trivial query answers within the health bound (DB_HEALTH_TIMEOUT_MS). */
  ping: () => Promise<boolean>;
  close: () => Promise<void>;
}

/** Connects, applies pending migrations, and returns a ready Prisma client. */
export async function openDatabase(config: Pick<Config, 'database'> & Partial<Pick<Config, 'databaseTimeouts'>>, logger?: Logger): Promise<Database> {
  const timeouts = config.databaseTimeouts ?? DEFAULT_DATABASE_TIMEOUTS;
  const handle = await createAdapterFactory({ ...config, databaseTimeouts: timeouts });
  // Every interactive transaction (runCommand and the others) fails fast when the database does
  // not answer: waiting to start one is bounded like acquiring a connection, and one may stay
  // open at most DB_TRANSACTION_TIMEOUT_MS.
  const prisma = new PrismaClient({
    adapter: handle.factory,
    transactionOptions: { maxWait: timeouts.connectTimeoutMs, timeout: timeouts.transactionTimeoutMs },
  });
  try {
    // Up to date (every start but the first after an upgrade): the schema engine is never loaded.
    if ((await pendingMigrations((sql) => prisma.$queryRawUnsafe(sql))).length > 0) {
      const migrations = handle.migrationFactory();
      try {
        const applied = await applyMigrations(migrations.factory);
        if (applied.length) logger?.info({ applied, database: handle.kind }, 'applied migrations');
      } finally {
        await migrations.close();
      }
    }
  } catch (err) {
    await prisma.$disconnect();
    await handle.close();
    throw err;
  }
  let closed = false;
  return {
    kind: handle.kind,
    prisma,
    ping: async () => {
      if (closed) return false;
      let timer: NodeJS.Timeout | undefined;
      const bound = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeouts.healthTimeoutMs);
      });
      const probe = prisma.$queryRaw`SELECT 1`.then(
        () => true,
        () => false,
      );
      try {
        return await Promise.race([probe, bound]);
      } finally {
        clearTimeout(timer);
      }
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await prisma.$disconnect();
      await handle.close();
    },
  };
}
