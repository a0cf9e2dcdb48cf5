import { testClient } from '@permis/platform/testing';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';

export const ANTS_URL = 'http://localhost:3100';

/**
 * A browser's round trip: « S'identifier avec FranceConnect » on the service, the provider's pages
 * (its own cookies, the identity chosen), back to the service's callback with the code.
 */
export async function franceConnectRoundTrip(client: ReturnType<typeof testClient>, sub: string) {
  const start = await client.get('/api/candidate/franceconnect/login');
  expect(start.statusCode).toBe(303);
  const jar = new Map<string, string>();
  let url = new URL(String(start.headers.location));
  const go = async (target: URL, init: RequestInit = {}) => {
    const response = await fetch(target, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(';')[0]!;
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  };
  let response = await go(url);
  for (let hop = 0; hop < 12; hop++) {
    if (response.status >= 300 && response.status < 400) {
      const next = new URL(response.headers.get('location')!, url);
      if (next.origin === ANTS_URL) return { callback: next, client };
      url = next;
      response = await go(url);
      continue;
    }
    const html = await response.text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`unexpected provider page: ${html.slice(0, 300)}`);
    url = new URL(action, url);
    response = await go(url, {
      method: 'POST',
      body: new URLSearchParams({ sub }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }
  throw new Error('too many redirects');
}

export async function franceConnectSignIn(app: FastifyInstance, sub: string, client = testClient(app)) {
  const { callback } = await franceConnectRoundTrip(client, sub);
  const landed = await client.get(callback.pathname + callback.search);
  // As the page does on arrival: the session's CSRF token, for the requests that change something.
  await client.get('/api/session');
  return { client, landed };
}
