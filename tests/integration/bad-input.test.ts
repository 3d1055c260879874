// Ordinary bad input is a 400 naming the field, never a 500 (issue 11 item 4). Each case here
// was a 500 (or a silent change to U+FFFD) before the shared rule in server/src/http/validation.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffedSession } from '../helpers/factories';
import { startTestServer, type ApiResponse, type TestServer } from '../helpers/test-server';

function expect400(res: ApiResponse, location: string, path: string): void {
  expect({ status: res.status, text: res.text }).toMatchObject({ status: 400 });
  expect(res.body.error.code).toBe('VALIDATION_FAILED');
  expect(res.body.error.details.issues[0]).toMatchObject({ location, path });
  expect(res.body.error.message).toContain(path);
}

describe('text Patchbay accepts', () => {
  let t: TestServer;
  let sessionId: string;
  let roomId: string;
  let engineerId: string;
  beforeAll(async () => {
    t = await startTestServer();
    const staffed = await createStaffedSession(t.prisma);
    sessionId = staffed.session.id;
    roomId = staffed.session.roomId;
    engineerId = staffed.engineer.id;
  });
  afterAll(() => t.close());

  it('answers malformed percent-encoding in a path parameter with 400 naming it', async () => {
    expect400(await t.api('GET', '/api/sessions/%ED%A0%80/board'), 'params', 'sessionId');
    expect400(await t.api('PATCH', '/api/rooms/%E0%A4%A', { name: 'x' }), 'params', 'roomId');
  });

  it('answers malformed percent-encoding in a query value with 400 naming it', async () => {
    // Decoded leniently this became U+FFFD U+FFFD U+FFFD and was searched for.
    expect400(await t.api('GET', '/api/audit?entityType=%ED%A0%80'), 'query', 'entityType');
    expect400(await t.api('GET', '/api/sessions?from=%E0%A4%A'), 'query', 'from');
  });

  it('refuses a NUL character in a query value', async () => {
    expect400(await t.api('GET', '/api/audit?entityType=task%00'), 'query', 'entityType');
    expect400(await t.api('GET', '/api/audit?entityId=%00'), 'query', 'entityId');
  });

  it('refuses a NUL character in a text field that had no text rule', async () => {
    const before = await t.prisma.room.findUniqueOrThrow({ where: { id: roomId } });
    const res = await t.api('PATCH', `/api/rooms/${roomId}`, { notes: 'a\u0000b' });
    expect400(res, 'body', 'notes');
    expect(await t.prisma.room.findUniqueOrThrow({ where: { id: roomId } })).toEqual(before);
  });

  it('refuses a lone surrogate instead of storing U+FFFD', async () => {
    const before = await t.prisma.task.count({ where: { sessionId } });
    const res = await t.api('POST', `/api/sessions/${sessionId}/tasks`, '{"kind":"mic_setup","title":"ok","notes":"bad \\ud800 here"}');
    expect400(res, 'body', 'notes');
    expect(await t.prisma.task.count({ where: { sessionId } })).toBe(before);
  });

  it('refuses a lone surrogate in an array column, naming the element', async () => {
    const res = await t.api('PATCH', `/api/members/${engineerId}`, '{"skills":["mixing","b\\udc00"]}');
    expect400(res, 'body', 'skills.1');
    expect((await t.prisma.member.findUniqueOrThrow({ where: { id: engineerId } })).skills).toEqual([]);
  });

  it('refuses a body that is not valid UTF-8 (a lone surrogate encoded as bytes) instead of storing U+FFFD', async () => {
    const before = await t.prisma.task.count({ where: { sessionId } });
    const body = Buffer.concat([Buffer.from('{"kind":"mic_setup","title":"ok","notes":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]);
    const res = await fetch(`${t.baseUrl}/api/sessions/${sessionId}/tasks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: await t.cookieFor() },
      body,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.details.issues[0]).toMatchObject({ location: 'body', message: 'is not valid UTF-8' });
    expect(await t.prisma.task.count({ where: { sessionId } })).toBe(before);
  });

  it('refuses a bad key as well as a bad value, naming where it is', async () => {
    const res = await t.api('POST', `/api/sessions/${sessionId}/tasks`, '{"kind":"mic_setup","title":"ok","x\\u0000":1}');
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues[0]).toMatchObject({ location: 'body' });
  });

  it('refuses an agenda window whose derived end leaves the years 1900–9999 (found by the hostile-input fuzz)', async () => {
    expect400(await t.api('GET', '/api/me/agenda?from=9999-12-31T23:59:59Z'), 'query', 'from');
    expect400(await t.api('GET', '/api/me/agenda?to=1900-01-01T00:00:00Z'), 'query', 'to');
    expect((await t.api('GET', '/api/me/agenda?from=9999-12-20T00:00:00Z')).status).toBe(200);
  });

  it('refuses nesting deeper than any request needs', async () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const res = await t.api('POST', `/api/sessions/${sessionId}/tasks`, `{"kind":"mic_setup","title":"ok","notes":${deep}}`);
    expect(res.status).toBe(400);
  });
});
