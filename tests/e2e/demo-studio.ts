// The demo studio the browser tests visit: the production build (server/dist) in its own process
// on a temporary embedded database with the demo data, and Debian's Chromium. The server can be
// stopped and started again on the same port and data (the journeys' outage).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { freePort, startServerProcess, type ServerProcess } from '../fault/spawned-server';
import { launch } from '../browser/browser';

export interface DemoStudio {
  browser: Browser;
  /** The same after a stop and start: the server comes back on its port. */
  baseUrl: string;
  /** Stops the server (the browser stays open), and starts it again on the same data. */
  stop: () => Promise<void>;
  start: () => Promise<void>;
  close: () => Promise<void>;
}

export async function startDemoStudio(): Promise<DemoStudio> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'patchbay-e2e-'));
  const port = await freePort();
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  const start = async () => {
    server = await startServerProcess({ dataDir }, port, { DEMO_DATA: 'true' });
  };
  const close = async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await start();
    browser = await launch();
  } catch (err) {
    await close();
    throw err;
  }
  return {
    browser,
    baseUrl: server!.baseUrl,
    stop: async () => server?.stop(),
    start,
    close,
  };
}
