import type { Config } from './config';
import type { Database } from './db/database';
import type { Logger } from './logger';
import type { Broadcaster } from './realtime/broadcaster';

/** What every route and command may use; built once in app.ts. */
export interface AppContext {
  config: Config;
  logger: Logger;
  db: Database;
  broadcaster: Broadcaster;
  version: string;
  startedAt: number;
}
