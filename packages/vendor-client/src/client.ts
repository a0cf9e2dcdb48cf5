import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './openapi.d.ts';

export type Credentials = { agrementNumber: string; login: string; password: string };

/**
 * A school-software vendor's client of the professional API, written only from the published
 * OpenAPI document: the types are generated from it (openapi.d.ts), the calls go through
 * openapi-fetch. It asks for a bearer token with the school's credentials and sends it on every
 * call; `inspect` sees every answer (the tests check each one against the document).
 */
export function vendorClient(
  baseUrl: string,
  credentials: Credentials,
  inspect?: (answer: { method: string; path: string; response: Response }) => Promise<void>,
) {
  const api = createClient<paths>({ baseUrl });
  let token: string | undefined;
  const auth: Middleware = {
    async onRequest({ request, schemaPath }) {
      if (schemaPath === '/api/pro/v1/token') return request;
      if (!token) {
        const { data, error } = await api.POST('/api/pro/v1/token', { body: credentials });
        if (!data) throw new Error(`Jeton refusé : ${error?.detail}`);
        token = data.token;
      }
      request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
    async onResponse({ request, response, schemaPath }) {
      await inspect?.({ method: request.method.toLowerCase(), path: schemaPath, response: response.clone() });
      return response;
    },
  };
  api.use(auth);
  return api;
}
