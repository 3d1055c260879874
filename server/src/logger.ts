import { pino, type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'patchbay' },
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization'], remove: true },
  });
}
export type { Logger };
