// The server's request log keeps secrets out: the cookie a request sends and the session cookie
// a sign-in sets (pino-http logs both sets of headers).
import { createServer } from 'node:http';
import { Writable } from 'node:stream';
import { pinoHttp } from 'pino-http';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../server/src/logger';

describe('the request log', () => {
  it('logs a sign-in without its session cookie, and a request without the cookie it sent', async () => {
    let log = '';
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        log += chunk.toString();
        done();
      },
    });
    const logRequest = pinoHttp({ logger: createLogger('info', sink) });
    const server = createServer((req, res) => {
      logRequest(req, res);
      res.setHeader('set-cookie', 'patchbay_session=SECRET-SET; HttpOnly');
      res.setHeader('content-type', 'application/json');
      res.end('{}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    try {
      await fetch(`http://127.0.0.1:${port}/api/auth/sign-in`, { method: 'POST', headers: { cookie: 'patchbay_session=SECRET-SENT', authorization: 'Bearer SECRET-AUTH' } });
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      await new Promise((r) => server.close(r));
    }
    const line = JSON.parse(log.trim().split('\n').at(-1)!) as { msg: string; req: { url: string }; res: { statusCode: number; headers: Record<string, string> } };
    expect(line).toMatchObject({ msg: 'request completed', req: { url: '/api/auth/sign-in' }, res: { statusCode: 200, headers: { 'content-type': 'application/json' } } });
    expect(log).not.toContain('SECRET');
  });
});
