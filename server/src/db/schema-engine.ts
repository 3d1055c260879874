// Prisma's schema engine compiled to WebAssembly: creates and applies migrations with no
// native binary to download. Its package entry uses an ESM wasm import Node 20 lacks, so the
// module is instantiated by hand.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg';

const require = createRequire(import.meta.url);

// Node has WebAssembly; TypeScript only types it in the DOM library, which the server does not load.
interface WasmModuleExports {
  [name: string]: unknown;
  __wbindgen_start?: () => void;
}
declare const WebAssembly: {
  instantiate(bytes: Uint8Array, imports: Record<string, unknown>): Promise<{ instance: { exports: WasmModuleExports } }>;
};
let instantiated: Promise<void> | undefined;

function instantiate(): Promise<void> {
  instantiated ??= (async () => {
    const wasmPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg').replace(/\.js$/, '.wasm');
    const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), { './schema_engine_bg.js': glue });
    const exports = instance.exports;
    glue.__wbg_set_wasm(exports);
    exports.__wbindgen_start?.();
  })();
  return instantiated;
}

export type SchemaEngine = Awaited<ReturnType<typeof glue.SchemaEngine.new>>;

export async function openSchemaEngine(
  schemaPath: string,
  schema: string,
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
): Promise<SchemaEngine> {
  await instantiate();
  return glue.SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
}
