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
});
