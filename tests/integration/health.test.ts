import { PROTOCOL_VERSION } from '@patchbay/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { usingPostgres } from '../helpers/test-database';

describe('GET /api/health', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it('answers ok with the kind of database in use', async () => {
    const res = await t.anon('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: usingPostgres() ? 'postgresql' : 'pglite', protocolVersion: PROTOCOL_VERSION });
    expect(typeof res.body.version).toBe('string');
  });

  it('sends security headers with a strict Content-Security-Policy', async () => {
    const res = await t.anon('GET', '/api/health');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('answers 503 once the database no longer answers', async () => {
    const other = await startTestServer();
    try {
      await other.server.ctx.db.close();
      const res = await other.anon('GET', '/api/health');
      expect(res.status).toBe(503);
      expect(res.body.status).toBe('unavailable');
    } finally {
      await other.close();
    }
  });
});
