// Prisma's standard migration folder, read and written through the WebAssembly schema engine.
// Applying writes Prisma's own `_prisma_migrations` bookkeeping, so `prisma migrate deploy`
// with the native engine agrees with a database migrated here.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { ROOT } from '../paths';

export const PRISMA_DIR = path.join(ROOT, 'prisma');
const schemaFile = 'schema.prisma';
const migrationsDir = path.join(PRISMA_DIR, 'migrations');
const filters = { externalTables: [], externalEnums: [] };

function readSchema(): { schemaPath: string; schema: string } {
  const schemaPath = path.join(PRISMA_DIR, schemaFile);
  return { schemaPath, schema: readFileSync(schemaPath, 'utf8') };
}

export function listMigrationNames(): string[] {
  if (!existsSync(migrationsDir)) return [];
  return readdirSync(migrationsDir)
    .filter((d) => statSync(path.join(migrationsDir, d)).isDirectory())
    .sort();
}

function migrationsList(upTo?: string) {
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  return {
    baseDir: migrationsDir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: listMigrationNames().filter((name) => upTo === undefined || name <= upTo).map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok' as const, value: readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8') },
      },
    })),
  };
}

/**
 * Names of the migrations in prisma/migrations that the database has not applied (all of them on
 * an empty database), read from Prisma's `_prisma_migrations` bookkeeping.
 */
export async function pendingMigrations(query: (sql: string) => Promise<Array<{ migration_name: string }>>): Promise<string[]> {
  let applied: Set<string>;
  try {
    const rows = await query('SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL');
    applied = new Set(rows.map((r) => r.migration_name));
  } catch {
    applied = new Set();
  }
  return listMigrationNames().filter((name) => !applied.has(name));
}

/**
 * Applies every pending migration (or only those up to the name `upTo`, to test a data
 * migration against the schema before it); returns the names applied now.
 */
export async function applyMigrations(adapterFactory: SqlMigrationAwareDriverAdapterFactory, upTo?: string): Promise<string[]> {
  const { schemaPath, schema } = readSchema();
  // The schema engine (WebAssembly, tens of MB) is loaded only when there is something to migrate.
  const { openSchemaEngine } = await import('./schema-engine');
  const engine = await openSchemaEngine(schemaPath, schema, adapterFactory);
  const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList: migrationsList(upTo), filters });
  return appliedMigrationNames;
}

/**
 * Writes the next migration from the difference between the migration history and the schema,
 * using a throw-away in-memory PGlite as shadow database. Returns null when nothing changed.
 */
export async function createMigration(name: string, now = new Date()): Promise<string | null> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error('migration name must be snake_case, e.g. add_setup_lists');
  const { schemaPath, schema } = readSchema();
  const shadow = new PGlite();
  try {
    const { openSchemaEngine } = await import('./schema-engine');
    const engine = await openSchemaEngine(schemaPath, schema, new PrismaPGlite(shadow));
    const { stdout } = await engine.diff({
      from: { tag: 'migrations', ...migrationsList() },
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters,
    });
    const sql = stdout ?? '';
    if (!sql.trim() || /^-- This is an empty migration\.\s*$/.test(sql.trim())) return null;
    const stamp = now.toISOString().replace(/\D/g, '').slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'migration.sql'), sql);
    return dir;
  } finally {
    await shadow.close();
  }
}
