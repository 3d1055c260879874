// Starts the real Patchbay server on an ephemeral port with a fresh database.
import { createPatchbayServer, type PatchbayServer } from '../../server/src/app';
import { loadConfig, type Config } from '../../server/src/config';
import { createTestDatabase } from './test-database';

export interface TestServer {
  server: PatchbayServer;
  baseUrl: string;
  prisma: PatchbayServer['ctx']['db']['prisma'];
  /** fetch against the server, JSON in and out. */
  api: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<ApiResponse>;
  close: () => Promise<void>;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

export async function startTestServer(overrides: Partial<Config> = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv, {
    port: 0,
    host: '127.0.0.1',
    database: database.config,
    demoData: false,
    shutdownTimeoutMs: 2000,
    ...overrides,
  });
  const server = await createPatchbayServer(config);
  const port = await server.listen();
  const baseUrl = `http://127.0.0.1:${port}`;
  const api: TestServer['api'] = async (method, path, body, headers = {}) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, headers: res.headers, body: parsed, text };
  };
  return {
    server,
    baseUrl,
    prisma: server.ctx.db.prisma,
    api,
    close: async () => {
      await server.close();
      await database.drop();
    },
  };
}
