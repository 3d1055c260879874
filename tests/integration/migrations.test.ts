import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdapterFactory } from '../../server/src/db/adapter';
import { applyMigrations, listMigrationNames, pendingMigrations } from '../../server/src/db/migrations';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

describe('migrations through the WebAssembly schema engine', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('applies every migration once and records it as prisma migrate deploy does', async () => {
    const handle = await createAdapterFactory({ database: db.config });
    const adapterOf = await handle.newFactory().connect();
    // What openDatabase asks before it loads the schema engine at all.
    const pending = () => pendingMigrations(async (sql) => (await adapterOf.queryRaw({ sql, args: [], argTypes: [] })).rows.map((r) => ({ migration_name: r[0] as string })));
    try {
      expect(await pending()).toEqual(listMigrationNames());
      const first = handle.migrationFactory();
      expect(await applyMigrations(first.factory)).toEqual(listMigrationNames());
      expect(await pending()).toEqual([]);
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

describe('the gear inventory migration', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it("moves every room's free-form gear list into the inventory, then drops the column", async () => {
    const names = listMigrationNames();
    const gearMigration = names.find((n) => n.endsWith('_gear_setup_lists_templates'))!;
    const before = names[names.indexOf(gearMigration) - 1]!;
    const handle = await createAdapterFactory({ database: db.config });
    try {
      const first = handle.migrationFactory();
      await applyMigrations(first.factory, before);
      await first.close();
      const adapter = await handle.newFactory().connect();
      const run = (sql: string) => adapter.executeRaw({ sql, args: [], argTypes: [] });
      await run(`INSERT INTO "Studio" ("id", "name", "slug", "updatedAt") VALUES ('00000000-0000-4000-8000-000000000001', 'Old', 'old', now()), ('00000000-0000-4000-8000-000000000002', 'Other', 'other', now())`);
      await run(`INSERT INTO "Room" ("id", "studioId", "name", "kind", "gear", "updatedAt") VALUES
        ('00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-000000000001', 'Live Room', 'LIVE_ROOM',
         '[{"name":"Shure SM57 (6)","kind":"microphone","state":"ok"},{"name":"Coles 4038 pair (ribbon: never phantom)","kind":"microphone","state":"ok"},{"name":"Sennheiser MD421 (3)","kind":"microphone","state":"in_repair"},{"name":"  ","kind":"x","state":"ok"}]', now()),
        ('00000000-0000-4000-8000-0000000000a2', '00000000-0000-4000-8000-000000000001', 'Booth', 'BOOTH',
         '[{"name":"Shure SM57","kind":"microphone","state":"missing"},{"name":"Neumann U47 (tube; PSU in rack 2)","kind":"microphone","state":"ok"},{"name":"1176","kind":"compressor","state":"ok"}]', now()),
        ('00000000-0000-4000-8000-0000000000a3', '00000000-0000-4000-8000-000000000002', 'Room', 'BOOTH', '{"not":"a list"}', now())`);
      const second = handle.migrationFactory();
      expect(await applyMigrations(second.factory)).toEqual(names.slice(names.indexOf(gearMigration)));
      await second.close();
      const rows = await adapter.queryRaw({
        sql: `SELECT g."label", g."category"::text, g."quantity", r."name", g."status"::text, g."ribbon", g."tube" FROM "GearItem" g JOIN "Room" r ON r."id" = g."homeRoomId" ORDER BY g."label"`,
        args: [],
        argTypes: [],
      });
      expect(rows.rows).toEqual([
        ['1176', 'OUTBOARD', 1, 'Booth', 'OK', false, false],
        ['Coles 4038 pair (ribbon: never phantom)', 'MICROPHONE', 2, 'Live Room', 'OK', true, false],
        ['Neumann U47 (tube; PSU in rack 2)', 'MICROPHONE', 1, 'Booth', 'OK', false, true],
        ['Sennheiser MD421', 'MICROPHONE', 3, 'Live Room', 'IN_REPAIR', false, false],
        // Two rooms held an SM57: the labels stay unique in the studio.
        ['Shure SM57', 'MICROPHONE', 1, 'Booth', 'MISSING', false, false],
        ['Shure SM57 #2', 'MICROPHONE', 6, 'Live Room', 'OK', false, false],
      ]);
      const columns = await adapter.queryRaw({ sql: `SELECT column_name FROM information_schema.columns WHERE table_name = 'Room' AND column_name = 'gear'`, args: [], argTypes: [] });
      expect(columns.rows).toEqual([]);
    } finally {
      await handle.close();
    }
  });
});
