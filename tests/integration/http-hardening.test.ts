// HTTP hardening: a studio's LAN server over plain HTTP, proxies trusted only as configured,
// and a graceful stop that does not wait for idle browsers.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config';
import { createStaffedSession } from '../helpers/factories';
import { connectSocket, joinBoard } from '../helpers/sockets';
import { startTestServer, type TestServer } from '../helpers/test-server';

interface RawResponse { status: number; headers: Record<string, string | string[] | undefined>; body: string }

/** A plain HTTP request with any Host header (fetch may not set Host). */
function raw(baseUrl: string, method: string, urlPath: string, headers: Record<string, string> = {}, body?: string, agent?: Agent): Promise<RawResponse> {
  const url = new URL(urlPath, baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(agent ? { agent } : {}), timeout: 20_000 }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error(`${method} ${urlPath} timed out`)));
    req.end(body);
  });
}

const header = (res: RawResponse, name: string): string => {
  const value = res.headers[name];
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
};

/** A built client in a temp folder: an index page that loads one hashed asset. */
function fakeClient(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'patchbay-client-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>');
  writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log("patchbay");');
  return dir;
}

describe('a studio server over plain HTTP, proxies, and stopping', () => {
  const clientDir = fakeClient();
  let plain: TestServer;
  let proxied: TestServer;
  let plainClosed = false;
  beforeAll(async () => {
    // One server per trust setting serves every test here (a server start migrates a fresh database).
    plain = await startTestServer({ env: 'production', clientDir, authRateLimit: 3, shutdownTimeoutMs: 10_000 });
    proxied = await startTestServer({ env: 'production', clientDir, authRateLimit: 3, trustProxy: ['loopback'] });
  });
  afterAll(async () => {
    if (!plainClosed) await plain.close();
    await proxied.close();
    rmSync(clientDir, { recursive: true, force: true });
  });

  it('serves the app and its assets over http://studio.local with a strict CSP that does not upgrade them to https', async () => {
    const page = await raw(plain.baseUrl, 'GET', '/sessions/abc', { host: 'studio.local:3000' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('/assets/index-abc123.js');
    const csp = header(page, 'content-security-policy');
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(page.headers['strict-transport-security']).toBeUndefined();

    const asset = await raw(plain.baseUrl, 'GET', '/assets/index-abc123.js', { host: 'studio.local:3000' });
    expect(asset.status).toBe(200);
    expect(asset.body).toBe('console.log("patchbay");');
    expect(header(asset, 'content-security-policy')).not.toContain('upgrade-insecure-requests');
  });

  it('does not believe X-Forwarded-Proto from a proxy it was not told to trust', async () => {
    const page = await raw(plain.baseUrl, 'GET', '/', { host: 'studio.local', 'x-forwarded-proto': 'https' });
    expect(header(page, 'content-security-policy')).not.toContain('upgrade-insecure-requests');
    expect(page.headers['strict-transport-security']).toBeUndefined();
  });

  it('upgrades and sends HSTS when the request arrived over HTTPS (through a trusted proxy)', async () => {
    const page = await raw(proxied.baseUrl, 'GET', '/', { host: 'patchbay.example.com', 'x-forwarded-proto': 'https' });
    expect(page.status).toBe(200);
    const csp = header(page, 'content-security-policy');
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain('upgrade-insecure-requests');
    expect(header(page, 'strict-transport-security')).toMatch(/max-age=\d+/);
    // The same trusted proxy forwarding plain HTTP gets the plain-HTTP policy.
    const plainPage = await raw(proxied.baseUrl, 'GET', '/', { host: 'studio.local', 'x-forwarded-proto': 'http' });
    expect(header(plainPage, 'content-security-policy')).not.toContain('upgrade-insecure-requests');
    expect(plainPage.headers['strict-transport-security']).toBeUndefined();
  });

  it('sets a session cookie the browser keeps over plain HTTP, and a Secure one over HTTPS', async () => {
    const overHttps: RawResponse[] = [];
    for (const t of [plain, proxied]) {
      const ids = await createStaffedSession(t.prisma);
      const { hashPassword } = await import('../../server/src/auth/crypto');
      const email = `lan-${ids.engineer.id}@studio.test`;
      const user = await t.prisma.user.create({ data: { email, name: 'Eli', passwordHash: await hashPassword('correct horse battery') } });
      await t.prisma.member.update({ where: { id: ids.engineer.id }, data: { userId: user.id } });
      const body = JSON.stringify({ email, password: 'correct horse battery' });
      const overHttp = await raw(t.baseUrl, 'POST', '/api/auth/sign-in', { host: 'studio.local:3000', origin: 'http://studio.local:3000' }, body);
      expect(overHttp.status).toBe(200);
      expect(header(overHttp, 'set-cookie')).toMatch(/patchbay_session=/);
      expect(header(overHttp, 'set-cookie')).not.toMatch(/Secure/i);
      overHttps.push(await raw(t.baseUrl, 'POST', '/api/auth/sign-in', { host: 'patchbay.example.com', 'x-forwarded-proto': 'https' }, body));
    }
    // X-Forwarded-Proto counts only from a trusted proxy.
    expect(overHttps.map((r) => r.status)).toEqual([200, 200]);
    expect(overHttps.map((r) => /;\s*Secure/i.test(header(r, 'set-cookie')))).toEqual([false, true]);
  });

  it('is off by default and accepts loopback, a hop count, or a list of addresses and CIDRs', () => {
    const base = { NODE_ENV: 'test' } as NodeJS.ProcessEnv;
    expect(loadConfig(base).trustProxy).toBe(false);
    expect(loadConfig({ ...base, TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ ...base, TRUST_PROXY: 'loopback' }).trustProxy).toEqual(['loopback']);
    expect(loadConfig({ ...base, TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ ...base, TRUST_PROXY: ' 10.0.0.0/8, 192.168.1.5 ,::1, uniquelocal' }).trustProxy).toEqual(['10.0.0.0/8', '192.168.1.5', '::1', 'uniquelocal']);
    expect(() => loadConfig({ ...base, TRUST_PROXY: 'proxy.example.com' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ ...base, TRUST_PROXY: '10.0.0.0/99' })).toThrow(/TRUST_PROXY/);
  });

  const attempts = async (t: TestServer) => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const res = await t.anon('POST', '/api/auth/sign-in', { email: `nobody${i}@studio.test`, password: 'a wrong password' }, { 'x-forwarded-for': `203.0.113.${i + 1}` });
      statuses.push(res.status);
    }
    return statuses;
  };

  it('by default keys sign-in limits on the peer address: spoofed X-Forwarded-For values share one limit', async () => {
    expect(await attempts(plain)).toEqual([401, 401, 401, 429]);
  });

  it('with TRUST_PROXY=loopback keys them on the address the local proxy forwards', async () => {
    expect(await attempts(proxied)).toEqual([401, 401, 401, 401]);
  });

  it('closes idle keep-alive connections and sockets at once instead of waiting SHUTDOWN_TIMEOUT_MS', async () => {
    const t = plain; // last test of the file: it stops this server
    {
      const ids = await createStaffedSession(t.prisma);
      const cookie = await t.cookieFor(ids.producer.id);
      // A browser: an idle keep-alive HTTP connection, a websocket on a board, and one still on long-polling.
      const agent = new Agent({ keepAlive: true, keepAliveMsecs: 60_000 });
      expect((await raw(t.baseUrl, 'GET', '/api/health', {}, undefined, agent)).status).toBe(200);
      expect((await raw(t.baseUrl, 'GET', `/api/sessions/${ids.session.id}/board`, { cookie }, undefined, agent)).status).toBe(200);
      const socket = await connectSocket(t.baseUrl, cookie);
      expect(await joinBoard(socket, ids.session.id)).toMatchObject({ ok: true });
      // A browser still on long-polling: the engine.io handshake, then a poll held open on the keep-alive connection.
      const handshake = await raw(t.baseUrl, 'GET', '/socket.io/?EIO=4&transport=polling', { cookie }, undefined, agent);
      expect(handshake.status).toBe(200);
      const { sid } = JSON.parse(handshake.body.slice(1)) as { sid: string };
      const poll = raw(t.baseUrl, 'GET', `/socket.io/?EIO=4&transport=polling&sid=${sid}`, { cookie }, undefined, agent);
      await new Promise((r) => setTimeout(r, 100));

      const started = performance.now();
      await t.server.close();
      const ms = performance.now() - started;
      await t.close(); // the server is already stopped: this drops its database
      plainClosed = true;
      console.log(`graceful stop with an idle browser connected took ${ms.toFixed(0)} ms (SHUTDOWN_TIMEOUT_MS 10000)`);
      expect(ms).toBeLessThan(3_000);
      socket.close();
      // The long-poll was answered (engine.io's close packet), not cut off.
      expect((await poll).status).toBe(200);
      agent.destroy();
    }
  });
});
