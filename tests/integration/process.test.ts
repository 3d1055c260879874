// The real entry point as `npm start` runs it: starts, serves, and stops cleanly on SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { serverEntry } from '../fault/spawned-server';

const root = path.resolve(import.meta.dirname, '../..');

function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; output:\n${buffer}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n').find((l) => pattern.test(l));
      if (line) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve(line);
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before ${pattern}; output:\n${buffer}`));
    });
  });
}

describe('server process', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'patchbay-process-'));
  let db: TestDatabase | undefined;
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await db?.drop();
  });

  it('starts with demo data, answers health, and exits 0 on SIGTERM', async () => {
    db = await createTestDatabase();
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', NODE_ENV: 'production' };
    if (db.config.kind === 'postgresql') env.DATABASE_URL = db.config.url;
    else {
      delete env.DATABASE_URL;
      env.DATA_DIR = dataDir;
    }
    const child = spawn(process.execPath, serverEntry(), { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const line = await waitForLine(child, /"msg":"Patchbay is listening/, 60_000);
    const { port } = JSON.parse(line) as { port: number };
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/api/sessions`)).status).toBe(401);
    // The demo accounts the README lists can sign in and see the week's sessions.
    const signIn = await fetch(`http://127.0.0.1:${port}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'maya@blackbird.studio', password: 'patchbay-demo' }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get('set-cookie')?.split(';')[0] ?? '';
    expect(signIn.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    const { sessions } = (await (await fetch(`http://127.0.0.1:${port}/api/sessions`, { headers: { cookie } })).json()) as { sessions: unknown[] };
    expect(sessions.length).toBeGreaterThan(0);

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
