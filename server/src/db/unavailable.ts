// Recognises "the database cannot be reached or does not answer" among what Prisma 7 and its
// driver adapters throw, so the API answers 503 DATABASE_UNAVAILABLE instead of a 500.

/** Prisma codes: can't reach (P1001), connect timeout (P1002), timed out (P1008), closed (P1017), pool timeout (P2024), transaction could not start / expired (P2028). */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028']);
/** Driver-adapter error kinds (`@prisma/driver-adapter-utils`) that mean the server is out of reach. */
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
/**
 * SQLSTATE: connection exceptions (class 08), statement timeout / query cancelled (57014),
 * server shutting down or starting up (57P01, 57P02, 57P03), too many connections (53300).
 */
const SQLSTATE = /^(08[0-9A-Z]{3}|57014|57P0[1-3]|53300)$/;
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** Messages of pg / pg-pool / Prisma when a connection times out, is dropped or cannot be started. */
const MESSAGES =
  /Query read timeout|Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Unable to start a transaction in the given time|Transaction already closed|Can't reach database server|Server has closed the connection|canceling statement due to statement timeout|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to administrator command/i;

function codeOf(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = (value as Record<string, unknown>)[key];
  return typeof v === 'string' ? v : undefined;
}

/** True when `err` (or anything it wraps) says the database is unreachable, silent or going away. */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (depth > 5 || typeof err !== 'object' || err === null) return false;
  const code = codeOf(err, 'code');
  if (code && (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || SQLSTATE.test(code))) return true;
  const kind = codeOf(err, 'kind');
  if (kind && ADAPTER_KINDS.has(kind)) return true;
  const originalCode = codeOf(err, 'originalCode');
  if (originalCode && (SQLSTATE.test(originalCode) || SOCKET_CODES.has(originalCode))) return true;
  const message = codeOf(err, 'message');
  if (message && MESSAGES.test(message)) return true;
  const e = err as { cause?: unknown; meta?: unknown; errors?: unknown };
  // Prisma keeps the adapter's error in `cause` (and its fields in `meta`); AggregateError in `errors`.
  if (isDatabaseUnavailable(e.cause, depth + 1) || isDatabaseUnavailable(e.meta, depth + 1)) return true;
  if (typeof e.meta === 'object' && e.meta !== null && isDatabaseUnavailable((e.meta as { driverAdapterError?: unknown }).driverAdapterError, depth + 1)) return true;
  return Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1));
}
