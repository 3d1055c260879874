import type {
  BoardSnapshot,
  CreateTaskInput,
  EventsPage,
  ListSessionsQuery,
  Session,
  Studio,
  Task,
  TaskKindList,
  UpdateTaskInput,
} from '@patchbay/shared';
import { ApiError, createHttpClient, type HttpClientOptions } from './http';

/** Every API call the web client makes. Components get it from ApiProvider (tests may pass a fake). */
export interface ApiClient {
  getStudio(signal?: AbortSignal): Promise<Studio>;
  getTaskKinds(signal?: AbortSignal): Promise<TaskKindList>;
  listSessions(query: ListSessionsQuery, signal?: AbortSignal): Promise<Session[]>;
  getBoard(sessionId: string, signal?: AbortSignal): Promise<BoardSnapshot>;
  getEvents(sessionId: string, after: number, signal?: AbortSignal): Promise<EventsPage>;
  createTask(sessionId: string, input: CreateTaskInput): Promise<Task>;
  updateTask(taskId: string, input: UpdateTaskInput): Promise<Task>;
  deleteTask(taskId: string, version?: number): Promise<void>;
}

export function createApiClient(options: HttpClientOptions = {}): ApiClient {
  const request = createHttpClient(options);
  const id = encodeURIComponent;
  return {
    getStudio: (signal) => request<Studio>('/studio', { signal }),
    getTaskKinds: (signal) => request<TaskKindList>('/task-kinds', { signal }),
    listSessions: async (query, signal) =>
      (await request<{ sessions: Session[] }>('/sessions', { query: { ...query }, signal })).sessions,
    getBoard: (sessionId, signal) => request<BoardSnapshot>(`/sessions/${id(sessionId)}/board`, { signal }),
    getEvents: (sessionId, after, signal) =>
      request<EventsPage>(`/sessions/${id(sessionId)}/events`, { query: { after }, signal }),
    createTask: (sessionId, input) => request<Task>(`/sessions/${id(sessionId)}/tasks`, { method: 'POST', body: input }),
    updateTask: (taskId, input) => request<Task>(`/tasks/${id(taskId)}`, { method: 'PATCH', body: input }),
    deleteTask: (taskId, version) => request<void>(`/tasks/${id(taskId)}`, { method: 'DELETE', query: { version } }),
  };
}

function looksLikeTask(value: unknown): value is Task {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'string' && typeof v.version === 'number' && typeof v.status === 'string' && typeof v.title === 'string';
}

/** The task as it is now on the server, when a write was refused with 409 VERSION_CONFLICT. */
export function conflictingTask(err: unknown): Task | null {
  if (!(err instanceof ApiError) || err.code !== 'VERSION_CONFLICT') return null;
  const details = err.details;
  if (typeof details !== 'object' || details === null) return null;
  const current = (details as { current?: unknown }).current;
  return looksLikeTask(current) ? current : null;
}

/** A readable sentence for any error, for notices. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error && err.message) return err.message;
  return 'Something went wrong.';
}
