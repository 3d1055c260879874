// Generates the Prisma client without downloading Prisma's native schema engine.
// `prisma generate` runs on WebAssembly; only the CLI's up-front engine check wants a binary,
// so it is pointed at a file that exists. See ARCHITECTURE.md, "Database".
import { spawnSync } from 'node:child_process';

const result = spawnSync('npx', ['--no-install', 'prisma', 'generate'], {
  stdio: 'inherit',
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? '/bin/true', PRISMA_HIDE_UPDATE_MESSAGE: '1' },
});
process.exit(result.status ?? 1);
