import { describe, expect, it, vi } from 'vitest';
import { conflictingTask, createApiClient } from '../../client/src/api/client';
import { ApiError } from '../../client/src/api/http';
import { SESSION_ID, makeTask } from './fixtures';
import { apiError, json, mockApi } from './harness';

describe('API client', () => {
  it('turns the error body into an ApiError with code, message and details', async () => {
    const current = makeTask(1, { version: 7 });
    mockApi({ [`PATCH /tasks/${current.id}`]: () => apiError(409, 'VERSION_CONFLICT', 'Task was changed by someone else', { current }) });
    const api = createApiClient();
    const err = await api.updateTask(current.id, { version: 6, status: 'DONE' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 409, code: 'VERSION_CONFLICT', message: 'Task was changed by someone else' });
    expect(conflictingTask(err)).toEqual(current);
    expect(conflictingTask(new ApiError(404, 'NOT_FOUND', 'gone'))).toBeNull();
  });

  it('sends the socket id on writes only, and JSON bodies', async () => {
    const api = mockApi({
      [`GET /sessions/${SESSION_ID}/events`]: () => json({ events: [], seq: 3, reset: false }),
      [`POST /sessions/${SESSION_ID}/tasks`]: () => json(makeTask(1), 201),
    });
    const client = createApiClient({ getSocketId: () => 'sock-9' });
    await client.getEvents(SESSION_ID, 3);
    await client.createTask(SESSION_ID, { kind: 'mixing', title: 'Mix' });
    const [get, post] = api.calls;
    expect(get?.query.get('after')).toBe('3');
    expect(get?.headers['x-socket-id']).toBeUndefined();
    expect(post?.headers['x-socket-id']).toBe('sock-9');
    expect(post?.headers['content-type']).toBe('application/json');
    expect(post?.body).toEqual({ kind: 'mixing', title: 'Mix' });
  });

  it('reports a network failure as a readable NETWORK error', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const err = await createApiClient().getStudio().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'NETWORK', status: 0 });
    expect((err as Error).message).toMatch(/Can't reach the Patchbay server/);
  });

  it('answers undefined for 204 No Content', async () => {
    mockApi({ 'DELETE /tasks/abc': () => new Response(null, { status: 204 }) });
    await expect(createApiClient().deleteTask('abc', 2)).resolves.toBeUndefined();
  });

  it('asks /auth/me with optional=true at start, and reads its null as signed out', async () => {
    const api = mockApi({ 'GET /auth/me': () => json(null) });
    await expect(createApiClient().getMe()).resolves.toBeNull();
    expect(api.calls[0]?.query.get('optional')).toBe('true');
  });

  it('reports a 401 as the end of the sign-in, except for sign-in itself and /auth/me', async () => {
    mockApi({
      'GET /studio': () => apiError(401, 'UNAUTHENTICATED', 'Sign in to continue'),
      'GET /auth/me': () => apiError(401, 'UNAUTHENTICATED', 'Sign in to continue'),
      'POST /auth/sign-in': () => apiError(401, 'UNAUTHENTICATED', 'Email or password is not right'),
    });
    const api = createApiClient();
    const ended = vi.fn<() => void>();
    const off = api.onUnauthenticated(ended);
    await expect(api.getMe()).resolves.toBeNull();
    await expect(api.signIn({ email: 'a@b.c', password: 'x' })).rejects.toMatchObject({ status: 401 });
    expect(ended).not.toHaveBeenCalled();
    await expect(api.getStudio()).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(ended).toHaveBeenCalledTimes(1);
    off();
    await api.getStudio().catch(() => {});
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it('reads Retry-After of a 429 and PUTs JSON', async () => {
    const api = mockApi({
      'POST /auth/sign-in': () =>
        new Response(JSON.stringify({ error: { code: 'RATE_LIMITED', message: 'Too many attempts' } }), { status: 429, headers: { 'retry-after': '90' } }),
      'PUT /members/m1/access': () => json({ id: 'm1' }),
    });
    const client = createApiClient();
    const err = await client.signIn({ email: 'a@b.c', password: 'x' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 90 });
    await client.setMemberAccess('m1', { accessRole: 'GUEST', projectIds: [] });
    expect(api.calls.at(-1)).toMatchObject({ method: 'PUT', body: { accessRole: 'GUEST', projectIds: [] } });
  });
});
