/**
 * The one way the page talks to the server: same origin, JSON, cookie session (the shared
 * @permis/web-client). Every error becomes an ApiError carrying the server's French message (shown
 * as is) and its field errors.
 */
import { createWebClient } from '@permis/web-client';

export { ApiError, asApiError, type FieldError, type RequestOptions } from '@permis/web-client';

export const NETWORK_ERROR_MESSAGE = 'Le serveur ne répond pas. Vérifiez votre connexion et réessayez.';

const client = createWebClient({ networkMessage: NETWORK_ERROR_MESSAGE });
/** Set at login and from the session route; sent back on every state-changing request. */
export const setCsrfToken = client.setCsrfToken;
/** Called when any request answers 401: the session is gone, back to the login page. */
export const setUnauthorizedHandler = client.setUnauthorizedHandler;
export const apiRequest = client.request;
/** Sends one file (multipart/form-data, field `file`), as the upload routes expect. */
export const apiUpload = client.upload;

export const api = {
  get: <T>(path: string, signal?: AbortSignal): Promise<T> => apiRequest<T>(path, { signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body }),
  put: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'PATCH', body }),
  delete: <T>(path: string) => apiRequest<T>(path, { method: 'DELETE' }),
};
