import { type Address, type Answer, type CallInput, type Method, pathOf, searchOf } from '@permis/platform/route';
import { ApiError, toApiError } from './apiError.ts';

export type { Method };

/** What a page calls: a route of a contract, or its address (the same, without its schemas). */
export type Callable = Address<{ method: Method; path: string }>;

/** The arguments of a route's call: its input only when it takes one. */
type CallArgs<R> = keyof CallInput<R> extends never
  ? [input?: CallInput<R>, options?: CallOptions]
  : [input: CallInput<R>, options?: CallOptions];
export type CallOptions = Pick<RequestOptions, 'signal' | 'ignoreUnauthorized'>;

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

  function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    return send<T>(path, options.method ?? 'GET', headers, body, options);
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
    request,
    /**
     * Calls a route of a contract: its address from the path parameters, its query and body as the
     * contract types them, its answer as the contract declares it.
     */
    call<R extends Callable>(route: R, ...[input, options]: CallArgs<R>): Promise<Answer<R>> {
      const { params, query, body } = (input ?? {}) as {
        params?: Record<string, string>;
        query?: Record<string, unknown>;
        body?: unknown;
      };
      return request<Answer<R>>(`${pathOf(route.path, params)}${searchOf(query)}`, {
        ...options,
        method: route.method,
        body,
      });
    },
    /** Sends one file (multipart/form-data, field `file`), as the upload routes expect. */
    upload<T>(path: string, file: File): Promise<T> {
      const form = new FormData();
      form.append('file', file, file.name);
      return send<T>(path, 'POST', { accept: 'application/json' }, form, {});
    },
  };
}
