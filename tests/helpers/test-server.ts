// Starts the real Patchbay server on an ephemeral port with a fresh database.
import { createPatchbayServer, type PatchbayServer } from '../../server/src/app';
import { createAuthSession } from '../../server/src/auth/auth-sessions';
import { SESSION_COOKIE } from '../../server/src/auth/http';
import { loadConfig, type Config } from '../../server/src/config';
import { createTestDatabase, type TestDatabase } from './test-database';

export type Api = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<ApiResponse>;

export interface TestServer {
  server: PatchbayServer;
  baseUrl: string;
  prisma: PatchbayServer['ctx']['db']['prisma'];
  /** fetch as an admin of the oldest studio (created on first use if it has none), JSON in and out. */
  api: Api;
  /** fetch signed in as this member (an account is created for them if needed). */
  as: (memberId: string) => Promise<Api>;
  /** fetch signed out. */
  anon: Api;
  /** The session cookie of a member (default: the admin that `api` uses). */
  cookieFor: (memberId?: string) => Promise<string>;
  close: () => Promise<void>;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

/**
 * `shared`: a database another test server already uses (several instances on one PostgreSQL);
 * the server that created it drops it.
 */
/**
 * fetch as JSON in and out (a string body is sent as it is), with a session cookie, against a base
 * URL that may change (a restarted server). A request that hangs fails loudly after `timeoutMs`,
 * naming itself, instead of timing the test out.
 */
export function jsonApi(baseUrl: () => string, cookie: string | undefined, timeoutMs = 20_000): Api {
  return async (method, path, body, headers = {}) => {
    const res = await fetch(`${baseUrl()}${path}`, {
      signal: AbortSignal.timeout(timeoutMs),
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(cookie ? { cookie } : {}), ...headers },
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
}

export async function startTestServer(overrides: Partial<Config> = {}, shared?: TestDatabase): Promise<TestServer & { database: TestDatabase }> {
  const database = shared ?? (await createTestDatabase());
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
  const prisma = server.ctx.db.prisma;
  const request = (cookie: string | undefined): Api => jsonApi(() => baseUrl, cookie);

  const cookies = new Map<string, string>();
  const cookieOf = async (memberId: string): Promise<string> => {
    const cached = cookies.get(memberId);
    if (cached) return cached;
    const member = await prisma.member.findUniqueOrThrow({ where: { id: memberId } });
    let userId = member.userId;
    if (!userId) {
      const user = await prisma.user.create({ data: { email: `${member.id}@accounts.test`, name: member.name, passwordHash: 'not-a-password' } });
      await prisma.member.update({ where: { id: member.id }, data: { userId: user.id } });
      userId = user.id;
    }
    const { token } = await createAuthSession(prisma, { userId, memberId, ttlMs: 3_600_000 });
    const cookie = `${SESSION_COOKIE}=${token}`;
    cookies.set(memberId, cookie);
    return cookie;
  };
  let adminId: Promise<string> | undefined;
  const admin = () =>
    (adminId ??= (async () => {
      const studio = await prisma.studio.findFirstOrThrow({ orderBy: { createdAt: 'asc' } });
      const existing = await prisma.member.findFirst({ where: { studioId: studio.id, accessRole: 'ADMIN' }, orderBy: { createdAt: 'asc' } });
      const member = existing ?? (await prisma.member.create({ data: { studioId: studio.id, name: 'Test Admin', email: 'admin@studio.test', roles: [], accessRole: 'ADMIN', weeklyCapacityHours: 0 } }));
      return member.id;
    })());
  const api: Api = async (...args) => request(await cookieOf(await admin()))(...args);

  return {
    server,
    baseUrl,
    prisma,
    api,
    as: async (memberId) => request(await cookieOf(memberId)),
    anon: request(undefined),
    cookieFor: async (memberId) => cookieOf(memberId ?? (await admin())),
    database,
    close: async () => {
      await server.close();
      if (!shared) await database.drop();
    },
  };
}
