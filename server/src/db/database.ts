import type { Logger } from 'pino';
import type { Config } from '../config';
import { PrismaClient } from '../generated/prisma/client';
import { createAdapterFactory, type DatabaseKind } from './adapter';
import { applyMigrations } from './migrations';

export type Prisma = PrismaClient;
/** What a command receives inside `prisma.$transaction(async (tx) => ...)`. */
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  /** True when a trivial query answers. */
  ping: () => Promise<boolean>;
  close: () => Promise<void>;
}

/** Connects, applies pending migrations, and returns a ready Prisma client. */
export async function openDatabase(config: Pick<Config, 'database'>, logger?: Logger): Promise<Database> {
  const handle = await createAdapterFactory(config);
  const migrations = handle.migrationFactory();
  try {
    const applied = await applyMigrations(migrations.factory);
    if (applied.length) logger?.info({ applied, database: handle.kind }, 'applied migrations');
  } catch (err) {
    await handle.close();
    throw err;
  } finally {
    await migrations.close();
  }
  const prisma = new PrismaClient({ adapter: handle.factory });
  let closed = false;
  return {
    kind: handle.kind,
    prisma,
    ping: async () => {
      if (closed) return false;
      try {
        await prisma.$queryRaw`SELECT 1`;
        return true;
      } catch {
        return false;
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
