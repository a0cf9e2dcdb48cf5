import { ApiError, toApiError } from './apiError.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type RequestOptions = {
  method?: Method;
  body?: unknown;
  /** Login and the session check handle their own 401: no "session gone" handler. */
  ignoreUnauthorized?: boolean;
  signal?: AbortSignal;
};

/**
 * The one way a page talks to its service: same origin, JSON, cookie session, the session's CSRF
 * token on every state-changing request, every failure an ApiError with a French message.
 */
export function createWebClient(options: { networkMessage: string }) {
  let csrfToken: string | null = null;
  let onUnauthorized: (() => void) | null = null;

  async function send<T>(
    path: string,
    method: Method,
    headers: Record<string, string>,
    body: BodyInit | undefined,
    request: Pick<RequestOptions, 'signal' | 'ignoreUnauthorized'>,
  ): Promise<T> {
    if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
    let response: Response;
    try {
      response = await fetch(path, { method, headers, credentials: 'same-origin', body, signal: request.signal });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new ApiError(0, 'NETWORK', options.networkMessage);
    }
    if (response.status === 204) return undefined as T;
    const payload: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const error = toApiError(response.status, payload, options.networkMessage);
      if (response.status === 401 && !request.ignoreUnauthorized) onUnauthorized?.();
      throw error;
    }
    return payload as T;
  }

  return {
    /** Set at login and from the session route; sent back on every state-changing request. */
    setCsrfToken(token: string | null) {
      csrfToken = token;
    },
    /** Called when a request answers 401: the session is gone. */
    setUnauthorizedHandler(handler: (() => void) | null) {
      onUnauthorized = handler;
    },
    request<T>(path: string, request: RequestOptions = {}): Promise<T> {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (request.body !== undefined) headers['content-type'] = 'application/json';
      const body = request.body === undefined ? undefined : JSON.stringify(request.body);
      return send<T>(path, request.method ?? 'GET', headers, body, request);
    },
    /** Sends one file (multipart/form-data, field `file`), as the upload routes expect. */
    upload<T>(path: string, file: File): Promise<T> {
      const form = new FormData();
      form.append('file', file, file.name);
      return send<T>(path, 'POST', { accept: 'application/json' }, form, {});
    },
  };
}
