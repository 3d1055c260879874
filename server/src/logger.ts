import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * The server's log. Secrets never reach it: a request's cookie and authorization headers, and the
 * session cookie a sign-in sets (pino-http logs the response headers).
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'patchbay' },
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'], remove: true },
  };
  return destination ? pino(options, destination) : pino(options);
}
export type { Logger };
