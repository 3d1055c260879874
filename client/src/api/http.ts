import type { ErrorCode } from '@patchbay/shared';
import { SOCKET_ID_HEADER } from '../protocol';

/** Codes the client adds for failures that never reached a server answer. */
export type ClientErrorCode = ErrorCode | 'NETWORK' | 'UNKNOWN';

/** Any failed API call: the server's `{ error: { code, message, details } }` or a network failure. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ClientErrorCode;
  readonly details: unknown;
  /** From a 429's Retry-After header, when the server sent one. */
  readonly retryAfterSeconds: number | null;

  constructor(status: number, code: ClientErrorCode, message: string, details?: unknown, retryAfterSeconds: number | null = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  signal?: AbortSignal;
  /**
   * A 401 here is an answer about the request itself (wrong password, not signed in yet), not
   * a sign-in that ended: do not report it through `onUnauthenticated`.
   */
  authProbe?: boolean;
}

export interface HttpClientOptions {
  /** Prefix of every path; '/api' when the client is served by the API server. */
  baseUrl?: string;
  /** The realtime connection's id, sent on writes so the server does not echo our own events. */
  getSocketId?: () => string | undefined;
  /** Called when a request answers 401: the sign-in ended (expired, revoked, signed out elsewhere). */
  onUnauthenticated?: () => void;
}

export type HttpRequest = <T>(path: string, options?: RequestOptions) => Promise<T>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function toQueryString(query: RequestOptions['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Seconds from a Retry-After header (delta-seconds or an HTTP date); null when absent or unreadable. */
function retryAfter(response: Response): number | null {
  const value = response.headers.get('retry-after');
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function readError(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiError(response.status, error.code as ErrorCode, error.message, error.details, retryAfter(response));
  }
  return new ApiError(response.status, 'UNKNOWN', `The server answered ${response.status} ${response.statusText}`.trim(), undefined, retryAfter(response));
}

/** A small fetch wrapper: JSON in and out, typed errors, the socket id header on writes. */
export function createHttpClient(options: HttpClientOptions = {}): HttpRequest {
  const baseUrl = options.baseUrl ?? '/api';
  return async function request<T>(path: string, { method = 'GET', query, body, signal, authProbe = false }: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET') {
      const socketId = options.getSocketId?.();
      if (socketId) headers[SOCKET_ID_HEADER] = socketId;
    }
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}${toQueryString(query)}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
        credentials: 'same-origin',
      });
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') throw err;
      throw new ApiError(0, 'NETWORK', "Can't reach the Patchbay server. Check the network and try again.");
    }
    if (!response.ok) {
      const error = await readError(response);
      if (error.status === 401 && !authProbe) options.onUnauthenticated?.();
      throw error;
    }
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  };
}
