import { PROTOCOL_VERSION } from '@patchbay/shared/realtime/events';
import type { AccessRole, BoardEvent, BoardJoinAck, Me, MemberRole, Presence, WorkloadChanged, WorkloadWatchAck } from '@patchbay/shared';
import { QueryClient } from '@tanstack/react-query';
import { act, render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { createApiClient } from '../../client/src/api/client';
import { AppProviders, AppRoutes } from '../../client/src/app';
import type { ConnectionStatus, RealtimeConnection } from '../../client/src/realtime/connection';
import { MAYA, studio } from './fixtures';

/** Stands in for the socket.io connection: tests drive status, joins and pushed events. */
export class FakeRealtime implements RealtimeConnection {
  status: ConnectionStatus = 'connected';
  readonly joins: { sessionId: string; afterSeq: number }[] = [];
  readonly leaves: string[] = [];
  /** How the server answers board.join; default: nothing missed. */
  answerJoin: (sessionId: string, afterSeq: number) => Promise<BoardJoinAck> = async (_id, afterSeq) => ({
    ok: true,
    seq: afterSeq,
    missed: [],
    reset: false,
  });
  /** connect() / disconnect() calls, in order (the app connects only while signed in). */
  readonly lifecycle: ('connect' | 'disconnect')[] = [];
  private readonly statusListeners = new Set<() => void>();
  private readonly connectListeners = new Set<() => void>();
  private readonly eventListeners = new Set<(event: BoardEvent) => void>();
  private readonly refusedListeners = new Set<() => void>();
  private readonly presenceListeners = new Set<(presence: Presence) => void>();
  private readonly workloadListeners = new Set<(change: WorkloadChanged) => void>();
  private readonly mentionListeners = new Set<() => void>();
  /** workload.watch calls; how the server answers them. */
  workloadWatches = 0;
  answerWorkloadWatch: () => Promise<WorkloadWatchAck> = async () => ({ ok: true, scope: 'team' });

  get id() {
    return this.status === 'connected' ? 'socket-abc' : undefined;
  }
  getStatus = () => this.status;
  subscribeStatus = (listener: () => void) => {
    this.statusListeners.add(listener);
    return () => void this.statusListeners.delete(listener);
  };
  onConnect = (listener: () => void) => {
    this.connectListeners.add(listener);
    return () => void this.connectListeners.delete(listener);
  };
  onBoardEvent = (listener: (event: BoardEvent) => void) => {
    this.eventListeners.add(listener);
    return () => void this.eventListeners.delete(listener);
  };
  onPresence = (listener: (presence: Presence) => void) => {
    this.presenceListeners.add(listener);
    return () => void this.presenceListeners.delete(listener);
  };
  joinBoard = (sessionId: string, afterSeq: number) => {
    this.joins.push({ sessionId, afterSeq });
    return this.answerJoin(sessionId, afterSeq);
  };
  leaveBoard = (sessionId: string) => {
    this.leaves.push(sessionId);
  };
  watchWorkload = () => {
    this.workloadWatches += 1;
    return this.answerWorkloadWatch();
  };
  unwatchWorkload = () => {};
  onWorkloadChanged = (listener: (change: WorkloadChanged) => void) => {
    this.workloadListeners.add(listener);
    return () => void this.workloadListeners.delete(listener);
  };
  onMentionsChanged = (listener: () => void) => {
    this.mentionListeners.add(listener);
    return () => void this.mentionListeners.delete(listener);
  };
  /** The server says the signed-in member's mentions changed. */
  mentionsChanged() {
    act(() => {
      for (const listener of this.mentionListeners) listener();
    });
  }
  /** The server says the studio's workload changed. */
  workloadChanged(change: WorkloadChanged = { v: PROTOCOL_VERSION, memberIds: null, sessionIds: null }) {
    act(() => {
      for (const listener of this.workloadListeners) listener(change);
    });
  }
  close = () => {};
  connect = () => {
    this.lifecycle.push('connect');
  };
  disconnect = () => {
    this.lifecycle.push('disconnect');
  };
  onRefused = (listener: () => void) => {
    this.refusedListeners.add(listener);
    return () => void this.refusedListeners.delete(listener);
  };

  /** The server refused or dropped the socket (e.g. the sign-in was revoked). */
  refuse() {
    act(() => {
      for (const listener of this.refusedListeners) listener();
    });
  }

  /** The server pushes an event. */
  push(event: BoardEvent) {
    act(() => {
      for (const listener of this.eventListeners) listener(event);
    });
  }

  /** The server says who is viewing a board (presence.changed). */
  pushPresence(presence: Presence) {
    act(() => {
      for (const listener of this.presenceListeners) listener(presence);
    });
  }

  setStatus(status: ConnectionStatus) {
    act(() => {
      this.status = status;
      for (const listener of this.statusListeners) listener();
      if (status === 'connected') for (const listener of this.connectListeners) listener();
    });
  }
}

export interface FetchCall {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: Record<string, string>;
}

type Handler = (call: FetchCall) => Response | Promise<Response>;

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export const apiError = (status: number, code: string, message: string, details?: unknown) =>
  json({ error: { code, message, ...(details === undefined ? {} : { details }) } }, status);

/** Who /auth/me says is signed in, unless a test routes 'GET /auth/me' itself (Maya, a producer). */
export function meAs(accessRole: AccessRole = 'PRODUCER', member: { id: string; name: string; roles?: MemberRole[] } = MAYA, timezone = studio.timezone): Me {
  return {
    user: { id: '99999999-9999-4999-8999-999999999999', email: `${member.name.split(' ')[0]!.toLowerCase()}@example.com`, name: member.name },
    member: { id: member.id, name: member.name, accessRole, roles: member.roles ?? (accessRole === 'ENGINEER' || accessRole === 'PRODUCER' || accessRole === 'ASSISTANT_ENGINEER' ? [accessRole] : []) },
    studio: { id: studio.id, name: studio.name, timezone },
    session: { id: '99999999-9999-4999-8999-000000000001', expiresAt: '2026-12-24T10:00:00.000Z' },
  };
}

/**
 * Replaces global fetch with a router over "METHOD /path" (path without /api and query).
 * Every call is recorded; unknown routes answer 404 so a test notices them.
 * GET /auth/me answers a signed-in producer and GET /me/mentions an empty inbox unless the test
 * routes them.
 */
export function mockApi(given: Record<string, Handler>) {
  const routes: Record<string, Handler> = { 'GET /auth/me': () => json(meAs()), 'GET /me/mentions': () => json({ mentions: [], unread: 0 }), ...given };
  const calls: FetchCall[] = [];
  const fetchMock = vi.fn<typeof fetch>(async (input, init = {}) => {
    const url = new URL(String(input), 'http://patchbay.test');
    const method = (init.method ?? 'GET').toUpperCase();
    const path = url.pathname.replace(/^\/api/, '');
    const call: FetchCall = {
      method,
      path,
      query: url.searchParams,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      headers: { ...(init.headers as Record<string, string>) },
    };
    calls.push(call);
    const handler = routes[`${method} ${path}`];
    return handler ? handler(call) : apiError(404, 'NOT_FOUND', `no mock for ${method} ${path}`);
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    calls,
    /** Calls other than the page's initial GETs. */
    writes: () => calls.filter((c) => c.method !== 'GET'),
    route(key: string, handler: Handler) {
      routes[key] = handler;
    },
  };
}

export function renderApp(path: string, realtime: FakeRealtime = new FakeRealtime()) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const api = createApiClient({ getSocketId: () => realtime.id });
  const utils = render(
    <MemoryRouter initialEntries={[path]}>
      <AppProviders api={api} realtime={realtime} queryClient={queryClient}>
        <AppRoutes />
      </AppProviders>
    </MemoryRouter>,
  );
  return { ...utils, realtime, queryClient };
}
