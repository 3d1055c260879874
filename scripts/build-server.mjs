// The production server: server/src compiled to JavaScript (esbuild) in server/dist, so `npm run
// serve` runs plain node with no TypeScript loader. The workspace package @patchbay/shared (TypeScript
// source) is bundled in; every other package stays an import of node_modules. Code loaded only on
// demand (the migration engine) goes to chunks of its own.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const outdir = path.join(root, 'server', 'dist');
rmSync(outdir, { recursive: true, force: true });

/** Bare imports are external (node_modules at run time), except our own workspace packages. */
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@patchbay/') || args.path.startsWith('node:')) return undefined;
      return { path: args.path, external: true };
    });
  },
};

const result = await build({
  absWorkingDir: root,
  entryPoints: { main: 'server/src/main.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  sourcemap: true,
  legalComments: 'none',
  plugins: [externalPackages],
  // Names this build in the board snapshot's ETag, so a client never keeps a body another build sent.
  define: { 'process.env.PATCHBAY_BUILD_ID': JSON.stringify(`${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`) },
  logLevel: 'warning',
  metafile: true,
});
const bytes = Object.entries(result.metafile.outputs)
  .filter(([file]) => file.endsWith('.js'))
  .map(([file, out]) => `${path.relative(root, file)} ${(out.bytes / 1024).toFixed(0)} kB`);
console.log(`server built: ${bytes.join(', ')}`);
