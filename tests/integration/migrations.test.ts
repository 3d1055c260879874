import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdapterFactory } from '../../server/src/db/adapter';
import { applyMigrations, listMigrationNames } from '../../server/src/db/migrations';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

describe('migrations through the WebAssembly schema engine', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('applies every migration once and records it as prisma migrate deploy does', async () => {
    const handle = await createAdapterFactory({ database: db.config });
    try {
      const first = handle.migrationFactory();
      expect(await applyMigrations(first.factory)).toEqual(listMigrationNames());
      await first.close();
      const second = handle.migrationFactory();
      expect(await applyMigrations(second.factory)).toEqual([]);
      await second.close();
      const adapter = await handle.newFactory().connect();
      const rows = await adapter.queryRaw({
        sql: 'SELECT migration_name, finished_at IS NOT NULL AS finished, rolled_back_at IS NULL AS live FROM _prisma_migrations ORDER BY migration_name',
        args: [],
        argTypes: [],
      });
      expect(rows.rows.map((r) => r[0])).toEqual(listMigrationNames());
      expect(rows.rows.every((r) => r[1] === true && r[2] === true)).toBe(true);
    } finally {
      await handle.close();
    }
  });

  it('keeps Prisma\'s standard folder layout with a lock file', () => {
    const names = listMigrationNames();
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(n).toMatch(/^\d{14}_[a-z0-9_]+$/);
  });
});
