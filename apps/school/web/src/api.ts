/**
 * The one way the page talks to the server: same origin, JSON, cookie session (the shared
 * @permis/web-client), every route called through its contract (@permis/school-api, and
 * @permis/referentiel for the reference lists): its address, its input and its answer come from the
 * declaration. Every error becomes an ApiError carrying the server's French message (shown as is)
 * and its field errors.
 */
import { type Address, type Answer, type CallInput, type LinkParams, pathOf, searchOf } from '@permis/platform/route';
import type { SchoolErrorCode } from '@permis/school-api';
import { ApiError as AnyApiError, asApiError as anyApiError, createWebClient } from '@permis/web-client';

export type { FieldError, RequestOptions } from '@permis/web-client';
/** An error of the back office: its code is one of its contract's (SCHOOL_ERRORS), or the page's own. */
export type ApiError = AnyApiError<SchoolErrorCode>;
export const ApiError = AnyApiError;
/** Any thrown value as the back office's error, with a French message to show. */
export const asApiError = (error: unknown): ApiError => anyApiError(error) as ApiError;

export const NETWORK_ERROR_MESSAGE = 'Le serveur ne répond pas. Vérifiez votre connexion et réessayez.';

const client = createWebClient({ networkMessage: NETWORK_ERROR_MESSAGE });
/** Set at login and from the session route; sent back on every state-changing request. */
export const setCsrfToken = client.setCsrfToken;
/** Called when any request answers 401: the session is gone, back to the login page. */
export const setUnauthorizedHandler = client.setUnauthorizedHandler;

/** Calls a route of the contract: `apiCall(userRoutes.rights, { params: { id } })`. */
export const apiCall = client.call;

/** The address a call of a route goes to (a key for the data a page loads, a link). */
export function callPath<R extends Address<{ path: string }>>(route: R, input?: CallInput<R>): string {
  const { params, query } = (input ?? {}) as { params?: Record<string, string>; query?: Record<string, unknown> };
  return `${pathOf(route.path, params)}${searchOf(query)}`;
}

/** Sends one file (multipart/form-data, field `file`) to an upload route of the contract. */
export function apiUpload<R extends Address<{ path: string }>>(
  route: R,
  input: Omit<CallInput<R>, 'body'>,
  file: File,
): Promise<Answer<R>> {
  return client.upload<Answer<R>>(callPath(route, input as CallInput<R>), file);
}

/** A file the server streams (not JSON): its address, from the contract's path and parameters. */
export function filePath<F extends Address<{ path: string }>>(file: F, params: LinkParams<F>): string {
  return pathOf(file.path, params as Record<string, string>);
}

/** A file the server streams whose address takes a query (the list's Excel export). */
export function fileSearchPath<F extends Address<{ path: string }>>(
  file: F,
  query: CallInput<F> extends { query: infer Q } ? Q : never,
): string {
  return `${file.path}${searchOf(query as Record<string, unknown>)}`;
}
