/**
 * The one way the page talks to the server: same origin, JSON, cookie session. Every error becomes
 * an ApiError carrying the server's French message (shown as is) and its field errors.
 */

export type FieldError = { path: string; message: string };

export const NETWORK_ERROR_MESSAGE = 'Le serveur ne répond pas. Vérifiez votre connexion et réessayez.';
const UNEXPECTED_MESSAGE = 'Une erreur inattendue est survenue. Veuillez réessayer.';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The message of the field at `path`, if the server reported one. */
  fieldMessage(path: string): string | undefined {
    return this.fields.find((f) => f.path === path)?.message;
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type RequestOptions = {
  method?: Method;
  body?: unknown;
  /** Login and the session check handle their own 401: no return to the login page. */
  ignoreUnauthorized?: boolean;
  signal?: AbortSignal;
};

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** Set at login and from the session route; sent back on every state-changing request. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Called when any request answers 401: the session is gone, back to the login page. */
export function setUnauthorizedHandler(handler: (() => void) | null) {
  onUnauthorized = handler;
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  return send<T>(path, method, headers, options.body === undefined ? undefined : JSON.stringify(options.body), options);
}

/** Sends one file (multipart/form-data, field `file`), as the upload routes expect. */
export function apiUpload<T>(path: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  return send<T>(path, 'POST', { accept: 'application/json' }, form, {});
}

async function send<T>(
  path: string,
  method: Method,
  headers: Record<string, string>,
  body: BodyInit | undefined,
  options: Pick<RequestOptions, 'signal' | 'ignoreUnauthorized'>,
): Promise<T> {
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', body, signal: options.signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', NETWORK_ERROR_MESSAGE);
  }

  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);

  if (!response.ok) {
    const error = toApiError(response.status, payload);
    if (response.status === 401 && !options.ignoreUnauthorized) onUnauthorized?.();
    throw error;
  }
  return payload as T;
}

function toApiError(status: number, payload: unknown): ApiError {
  // Problem details (RFC 9457): `detail` is the French message to show, `code` and `fields` extensions.
  const problem = payload as { code?: unknown; detail?: unknown; fields?: unknown } | null;
  if (problem && typeof problem.detail === 'string') {
    const fields = Array.isArray(problem.fields) ? (problem.fields as FieldError[]) : [];
    return new ApiError(status, typeof problem.code === 'string' ? problem.code : 'ERROR', problem.detail, fields);
  }
  if (status === 502 || status === 503 || status === 504) return new ApiError(status, 'NETWORK', NETWORK_ERROR_MESSAGE);
  return new ApiError(status, 'ERROR', UNEXPECTED_MESSAGE);
}

/** Any thrown value as an ApiError, so the page always has a French message to show. */
export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'ERROR', UNEXPECTED_MESSAGE);
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => apiRequest<T>(path, { signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body }),
  put: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'PATCH', body }),
  delete: <T>(path: string) => apiRequest<T>(path, { method: 'DELETE' }),
};
