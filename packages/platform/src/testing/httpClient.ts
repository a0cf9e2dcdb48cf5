import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

/**
 * Drives an app through `inject` like a browser would: keeps the session cookie and sends the
 * CSRF token it was given at sign-in on every state-changing request.
 */
export type TestClient = {
  request(options: InjectOptions & { csrf?: boolean }): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: object): Promise<LightMyRequestResponse>;
  put(url: string, payload?: object): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  /** Signs in with the given route and body; throws unless it answers 200. */
  login(url: string, body: object): Promise<LightMyRequestResponse>;
};

export function testClient(app: FastifyInstance): TestClient {
  const cookies = new Map<string, string>();
  let csrfToken: string | undefined;
  const request: TestClient['request'] = async ({ csrf = true, ...options }) => {
    const headers: Record<string, string> = { ...(options.headers as Record<string, string>) };
    if (cookies.size > 0) headers.cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (csrf && csrfToken && options.method && options.method !== 'GET') headers['x-csrf-token'] = csrfToken;
    const response = await app.inject({ ...options, headers });
    for (const cookie of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired =
        cookie.maxAge === 0 || (cookie.expires && cookie.expires.getTime() < Date.now()) || cookie.value === '';
      if (expired) cookies.delete(cookie.name);
      else cookies.set(cookie.name, cookie.value);
    }
    const body = String(response.headers['content-type'] ?? '').includes('json') ? safeJson(response.body) : undefined;
    if (body && typeof body.csrfToken === 'string') csrfToken = body.csrfToken;
    return response;
  };
  return {
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) => request({ method: 'POST', url, payload }),
    put: (url, payload) => request({ method: 'PUT', url, payload }),
    delete: (url) => request({ method: 'DELETE', url }),
    async login(url, body) {
      const response = await request({ method: 'POST', url, payload: body });
      if (response.statusCode !== 200) throw new Error(`Connexion refusée (${response.statusCode}) : ${response.body}`);
      return response;
    },
  };
}

function safeJson(text: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
