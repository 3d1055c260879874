import type { ErrorCode } from '@patchbay/shared';
import { SOCKET_ID_HEADER } from '../protocol';

/** Codes the client adds for failures that never reached a server answer. */
export type ClientErrorCode = ErrorCode | 'NETWORK' | 'UNKNOWN';

/** Any failed API call: the server's `{ error: { code, message, details } }` or a network failure. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ClientErrorCode;
  readonly details: unknown;

  constructor(status: number, code: ClientErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  signal?: AbortSignal;
}

export interface HttpClientOptions {
  /** Prefix of every path; '/api' when the client is served by the API server. */
  baseUrl?: string;
  /** The realtime connection's id, sent on writes so the server does not echo our own events. */
  getSocketId?: () => string | undefined;
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

async function readError(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiError(response.status, error.code as ErrorCode, error.message, error.details);
  }
  return new ApiError(response.status, 'UNKNOWN', `The server answered ${response.status} ${response.statusText}`.trim());
}

/** A small fetch wrapper: JSON in and out, typed errors, the socket id header on writes. */
export function createHttpClient(options: HttpClientOptions = {}): HttpRequest {
  const baseUrl = options.baseUrl ?? '/api';
  return async function request<T>(path: string, { method = 'GET', query, body, signal }: RequestOptions = {}): Promise<T> {
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
    if (!response.ok) throw await readError(response);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  };
}
