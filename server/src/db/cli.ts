// npm run db:migrate            -> apply pending migrations (DATABASE_URL, else the PGlite data folder)
// npm run db:migration:new NAME -> write prisma/migrations/<timestamp>_NAME from schema changes
import { loadConfig } from '../config';
import { createAdapterFactory } from './adapter';
import { applyMigrations, createMigration } from './migrations';

const [command, name] = process.argv.slice(2);

if (command === 'new') {
  if (!name) {
    console.error('usage: npm run db:migration:new -- <snake_case_name>');
    process.exit(2);
  }
  const dir = await createMigration(name);
  console.log(dir ? `wrote ${dir}` : 'schema and migrations agree: nothing to write');
} else if (command === 'deploy') {
  const config = loadConfig();
  const { migrationFactory, close, kind } = await createAdapterFactory(config);
  const migrations = migrationFactory();
  try {
    const applied = await applyMigrations(migrations.factory);
    console.log(applied.length ? `applied on ${kind}: ${applied.join(', ')}` : `${kind}: no pending migrations`);
  } finally {
    await migrations.close();
    await close();
  }
} else {
  console.error('usage: tsx server/src/db/cli.ts new <name> | deploy');
  process.exit(2);
}
