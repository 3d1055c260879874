import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffedSession } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/test-server';

function expectError(res: { status: number; body: any; headers: Headers }, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  expect(res.body.error.code).toBe(code);
  expect(typeof res.body.error.message).toBe('string');
  expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+/);
}

describe('bad input', () => {
  let t: TestServer;
  let sessionId: string;
  beforeAll(async () => {
    t = await startTestServer();
    ({ session: { id: sessionId } } = await createStaffedSession(t.prisma));
  });
  afterAll(() => t.close());

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    expectError(await t.api('POST', `/api/sessions/${sessionId}/tasks`, '{"kind": "mic_setup",'), 400, 'MALFORMED_JSON');
  });

  it('answers an oversized body with 413', async () => {
    const res = await t.api('POST', `/api/sessions/${sessionId}/tasks`, { kind: 'mic_setup', title: 'x', notes: 'n'.repeat(200_000) });
    expectError(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers a non-JSON body with 415', async () => {
    const res = await t.api('POST', `/api/sessions/${sessionId}/tasks`, 'kind=mic_setup', { 'content-type': 'application/x-www-form-urlencoded' });
    expectError(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers unknown /api routes with a JSON 404', async () => {
    expectError(await t.api('GET', '/api/nope'), 404, 'NOT_FOUND');
    expectError(await t.api('DELETE', '/api/sessions'), 404, 'NOT_FOUND');
  });

  it('validates path parameters', async () => {
    const res = await t.api('GET', '/api/sessions/not-a-uuid/board');
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(res.body.error.details.issues[0]).toMatchObject({ location: 'params', path: 'sessionId' });
  });

  it('validates query strings', async () => {
    const res = await t.api('GET', '/api/sessions?from=yesterday');
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(res.body.error.details.issues[0]).toMatchObject({ location: 'query', path: 'from' });
    expectError(await t.api('GET', '/api/sessions?colour=blue'), 400, 'VALIDATION_FAILED');
    expectError(await t.api('GET', '/api/sessions?from=2026-11-25T00:00:00Z&to=2026-11-24T00:00:00Z'), 400, 'VALIDATION_FAILED');
  });

  it('validates bodies field by field and changes nothing', async () => {
    const before = await t.prisma.task.count();
    const res = await t.api('POST', `/api/sessions/${sessionId}/tasks`, { kind: 'mic_setup', title: '   ', estimateMinutes: 1.5, extra: true });
    expectError(res, 400, 'VALIDATION_FAILED');
    const paths = res.body.error.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['title', 'estimateMinutes']));
    expect(await t.prisma.task.count()).toBe(before);
  });

  it('refuses an unknown task kind with 400', async () => {
    const res = await t.api('POST', `/api/sessions/${sessionId}/tasks`, { kind: 'juggling', title: 'Juggle' });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(res.body.error.message).toContain('juggling');
  });

  it('answers 404 for a well-formed id that does not exist', async () => {
    expectError(await t.api('GET', '/api/sessions/00000000-0000-4000-8000-000000000000/board'), 404, 'NOT_FOUND');
    expectError(await t.api('PATCH', '/api/tasks/00000000-0000-4000-8000-000000000000', { version: 1, title: 'x' }), 404, 'NOT_FOUND');
  });

  it('serves the client app (or its placeholder) outside /api, never an API error', async () => {
    const res = await t.api('GET', '/sessions/abc');
    expect(res.status).toBe(200);
  });
});
