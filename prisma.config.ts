// Prisma CLI configuration (Prisma 7). The app itself connects through driver adapters
// (server/src/db/), so the URL here is only for CLI commands run against a server.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  ...(process.env.DATABASE_URL ? { datasource: { url: process.env.DATABASE_URL } } : {}),
});
