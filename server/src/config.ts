import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { ROOT } from './paths';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Named ranges Express's `trust proxy` knows, besides addresses and CIDRs. */
const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const isProxyAddress = (item: string): boolean => {
  if (PROXY_RANGES.has(item)) return true;
  const [address = '', prefix, ...rest] = item.split('/');
  const family = isIP(address);
  if (!family || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
};

/**
 * Which proxies may tell the client's address and protocol (X-Forwarded-For / -Proto): none by
 * default (the peer's address is the client's), a number of hops, or addresses, CIDRs and ranges.
 */
const trustProxy = z
  .string()
  .trim()
  .transform((v, c): false | number | string[] => {
    if (v === '' || v === 'false' || v === 'off' || v === '0') return false;
    if (/^\d+$/.test(v)) return Number(v);
    const items = v.split(',').map((i) => i.trim()).filter(Boolean);
    const bad = items.filter((i) => !isProxyAddress(i));
    if (bad.length > 0) {
      c.addIssue({ code: 'custom', message: `not a hop count, loopback / linklocal / uniquelocal, an IP address or a CIDR: ${bad.join(', ')}` });
      return z.NEVER;
    }
    return items;
  });

/** Bounds on waiting for the database, so an unreachable or frozen one fails fast (503). */
export interface DatabaseTimeouts {
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  transactionTimeoutMs: number;
  healthTimeoutMs: number;
}

export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = { connectTimeoutMs: 2_000, statementTimeoutMs: 2_000, transactionTimeoutMs: 5_000, healthTimeoutMs: 800 };

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATA_DIR: z.string().min(1).default('data'),
  /** PostgreSQL: bound on opening a connection and on waiting for one from the pool. */
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(DEFAULT_DATABASE_TIMEOUTS.connectTimeoutMs),
  /** PostgreSQL: the server cancels a statement running longer; the client gives up 500 ms later. */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(DEFAULT_DATABASE_TIMEOUTS.statementTimeoutMs),
  /** Longest an interactive transaction may stay open before it is rolled back. */
  DB_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(100).default(DEFAULT_DATABASE_TIMEOUTS.transactionTimeoutMs),
  /** How long GET /api/health waits for `SELECT 1` before answering 503. */
  DB_HEALTH_TIMEOUT_MS: z.coerce.number().int().min(50).default(DEFAULT_DATABASE_TIMEOUTS.healthTimeoutMs),
  DEMO_DATA: bool.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT: z.string().default('100kb'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  HOLD_SWEEP_MS: z.coerce.number().int().min(1_000).default(60_000),
  BOARD_SENDS_PER_SECOND: z.coerce.number().int().min(0).default(25_000),
  REDIS_URL: z.string().optional(),
  /** Channel prefix of the socket.io Redis adapter (instances of one deployment share it). */
  REDIS_KEY: z.string().min(1).default('patchbay'),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(24 * 14),
  COOKIE_SECURE: z.enum(['auto', 'always', 'never']).default('auto'),
  /** Extra origins allowed to make state-changing requests (comma separated), e.g. behind a proxy. */
  ALLOWED_ORIGINS: z.string().default(''),
  AUTH_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  AUTH_RATE_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  /** Comments one member may post per window (across their browsers). */
  COMMENT_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
  COMMENT_RATE_WINDOW_SECONDS: z.coerce.number().positive().default(60),
  /** Failed passwords for one account before its attempts are spaced out (known browsers are exempt). */
  AUTH_ACCOUNT_FREE_FAILURES: z.coerce.number().int().min(1).default(10),
  /** The longest wait between two attempts on a throttled account from an unknown browser. */
  AUTH_ACCOUNT_MAX_DELAY_SECONDS: z.coerce.number().positive().max(600).default(30),
  INVITATION_TTL_HOURS: z.coerce.number().positive().default(72),
  TRUST_PROXY: trustProxy.default(false),
  /** board.join / board.leave / workload.watch / workload.unwatch per socket, and per member across its sockets, per window. */
  SOCKET_JOIN_LIMIT: z.coerce.number().int().min(1).default(20),
  SOCKET_JOIN_MEMBER_LIMIT: z.coerce.number().int().min(1).default(60),
  SOCKET_JOIN_WINDOW_SECONDS: z.coerce.number().positive().default(10),
});

export type DatabaseConfig =
  | { kind: 'postgresql'; url: string }
  /** `dataDir: null` keeps the database in memory (tests). */
  | { kind: 'pglite'; dataDir: string | null };

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string | undefined;
  database: DatabaseConfig;
  databaseTimeouts: DatabaseTimeouts;
  demoData: boolean;
  logLevel: string;
  bodyLimit: string;
  shutdownTimeoutMs: number;
  /** How often holds past their release deadline are expired. */
  holdSweepMs: number;
  /**
   * Live messages a board may cost per second on one instance: its frame time is viewers / this
   * (25,000: 4 ms with 100 viewers, 20 ms with 500). 0: every change is its own frame.
   */
  boardSendsPerSecond: number;
  redisUrl: string | undefined;
  redisKey: string;
  sessionTtlMs: number;
  cookieSecure: 'auto' | 'always' | 'never';
  allowedOrigins: string[];
  authRateLimit: number;
  authRateWindowMs: number;
  commentRateLimit: number;
  commentRateWindowMs: number;
  authAccountFreeFailures: number;
  authAccountMaxDelayMs: number;
  invitationTtlMs: number;
  /** Express `trust proxy`: false (default: the socket peer is the client), a hop count, or addresses / CIDRs / named ranges. */
  trustProxy: false | number | string[];
  /** Joins and leaves (board and workload) allowed per socket and per member in each window. */
  socketJoinLimit: number;
  socketJoinMemberLimit: number;
  socketJoinWindowMs: number;
  /** Folder of the built client, served at `/` when it exists. */
  clientDir: string;
}

/** Reads configuration from the environment; throws a readable error listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgresql', url: e.DATABASE_URL }
      : { kind: 'pglite', dataDir: e.DATA_DIR === ':memory:' ? null : path.resolve(e.DATA_DIR) },
    databaseTimeouts: {
      connectTimeoutMs: e.DB_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
      transactionTimeoutMs: e.DB_TRANSACTION_TIMEOUT_MS,
      healthTimeoutMs: e.DB_HEALTH_TIMEOUT_MS,
    },
    demoData: e.DEMO_DATA,
    logLevel: e.LOG_LEVEL,
    bodyLimit: e.BODY_LIMIT,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    holdSweepMs: e.HOLD_SWEEP_MS,
    boardSendsPerSecond: e.BOARD_SENDS_PER_SECOND,
    redisUrl: e.REDIS_URL || undefined,
    redisKey: e.REDIS_KEY,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3_600_000,
    cookieSecure: e.COOKIE_SECURE,
    allowedOrigins: e.ALLOWED_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
    authRateLimit: e.AUTH_RATE_LIMIT,
    authRateWindowMs: e.AUTH_RATE_WINDOW_MINUTES * 60_000,
    commentRateLimit: e.COMMENT_RATE_LIMIT,
    commentRateWindowMs: e.COMMENT_RATE_WINDOW_SECONDS * 1000,
    authAccountFreeFailures: e.AUTH_ACCOUNT_FREE_FAILURES,
    authAccountMaxDelayMs: e.AUTH_ACCOUNT_MAX_DELAY_SECONDS * 1000,
    invitationTtlMs: e.INVITATION_TTL_HOURS * 3_600_000,
    trustProxy: e.TRUST_PROXY,
    socketJoinLimit: e.SOCKET_JOIN_LIMIT,
    socketJoinMemberLimit: e.SOCKET_JOIN_MEMBER_LIMIT,
    socketJoinWindowMs: e.SOCKET_JOIN_WINDOW_SECONDS * 1000,
    clientDir: path.join(ROOT, 'client', 'dist'),
    ...overrides,
  };
}
