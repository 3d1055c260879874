import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

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
  DEMO_DATA: bool.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT: z.string().default('100kb'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  HOLD_SWEEP_MS: z.coerce.number().int().min(1_000).default(60_000),
  REDIS_URL: z.string().optional(),
  /** Channel prefix of the socket.io Redis adapter (instances of one deployment share it). */
  REDIS_KEY: z.string().min(1).default('patchbay'),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(24 * 14),
  COOKIE_SECURE: z.enum(['auto', 'always', 'never']).default('auto'),
  /** Extra origins allowed to make state-changing requests (comma separated), e.g. behind a proxy. */
  ALLOWED_ORIGINS: z.string().default(''),
  AUTH_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  AUTH_RATE_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  INVITATION_TTL_HOURS: z.coerce.number().positive().default(72),
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
  demoData: boolean;
  logLevel: string;
  bodyLimit: string;
  shutdownTimeoutMs: number;
  /** How often holds past their release deadline are expired. */
  holdSweepMs: number;
  redisUrl: string | undefined;
  redisKey: string;
  sessionTtlMs: number;
  cookieSecure: 'auto' | 'always' | 'never';
  allowedOrigins: string[];
  authRateLimit: number;
  authRateWindowMs: number;
  invitationTtlMs: number;
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
    demoData: e.DEMO_DATA,
    logLevel: e.LOG_LEVEL,
    bodyLimit: e.BODY_LIMIT,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    holdSweepMs: e.HOLD_SWEEP_MS,
    redisUrl: e.REDIS_URL || undefined,
    redisKey: e.REDIS_KEY,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3_600_000,
    cookieSecure: e.COOKIE_SECURE,
    allowedOrigins: e.ALLOWED_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
    authRateLimit: e.AUTH_RATE_LIMIT,
    authRateWindowMs: e.AUTH_RATE_WINDOW_MINUTES * 60_000,
    invitationTtlMs: e.INVITATION_TTL_HOURS * 3_600_000,
    clientDir: path.resolve(import.meta.dirname, '../../client/dist'),
    ...overrides,
  };
}
