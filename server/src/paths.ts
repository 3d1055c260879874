import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The project's root folder (where package.json and prisma/ are), found from this module's place
 * whether the server runs as TypeScript (server/src/...) or as the production build
 * (server/dist/main.js), whose files sit at another depth.
 */
function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'prisma', 'schema.prisma')) && existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`Patchbay's root folder (with prisma/schema.prisma) was not found above ${from}`);
  }
}

export const ROOT = findRoot(import.meta.dirname);
