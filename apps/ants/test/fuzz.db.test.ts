import { INVALID_CHARACTER_MESSAGE } from '@permis/platform';
import { MALFORMED_MULTIPART, routesAcceptingNul } from '@permis/platform/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftRequest, startAntsHttp } from './api.ts';
import { PRO } from './harness.ts';

/**
 * Whatever a school's software sends to the professional API, the answer is a structured error or a
 * success, never a 500: random JSON shapes, mutated valid requests, random upload bodies.
 */
let ants: Awaited<ReturnType<typeof startAntsHttp>>;
let authorization: string;
let number: string;
beforeAll(async () => {
  ants = await startAntsHttp();
  const token = await ants.app.inject({ method: 'POST', url: '/api/pro/v1/token', payload: PRO });
  authorization = `Bearer ${token.json().token as string}`;
  number = (await ants.brequigny.createApplication(draftRequest(), crypto.randomUUID())).number;
});
afterAll(async () => {
  await ants.close();
});

const call = (method: 'POST' | 'PUT', url: string, payload: string | Buffer, headers: Record<string, string> = {}) =>
  ants.app.inject({
    method,
    url,
    payload,
    headers: { authorization, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID(), ...headers },
  });

function expectStructured(response: Awaited<ReturnType<typeof call>>) {
  expect(response.statusCode).toBeLessThan(500);
  if (response.statusCode >= 400) {
    const body = response.json() as { code?: unknown; detail?: unknown };
    expect(typeof body.code).toBe('string');
    expect(typeof body.detail).toBe('string');
  }
}

describe('professional API under random input', () => {
  it('answers any JSON body of an application with a structured answer', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (value) => {
        expectStructured(await call('POST', '/api/pro/v1/applications', JSON.stringify(value)));
      }),
      { numRuns: 150 },
    );
  });

  it('answers valid requests with one field replaced by anything', async () => {
    const base = draftRequest();
    const paths = [
      ['candidate', 'birthDate'],
      ['candidate', 'email'],
      ['candidate', 'city'],
      ['candidate', 'postalCode'],
      ['candidate', 'mobile'],
      ['dossier', 'requestedCategories'],
      ['dossier', 'prefectureCode'],
      ['dossier', 'declarations'],
      ['type'],
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.anything({ maxDepth: 2 }), async (path, value) => {
        const request = structuredClone(base) as unknown as Record<string, Record<string, unknown>>;
        if (path.length === 1) (request as Record<string, unknown>)[path[0]!] = value;
        else request[path[0]!]![path[1]!] = value;
        expectStructured(await call('POST', '/api/pro/v1/applications', JSON.stringify(request) ?? 'null'));
      }),
      { numRuns: 150 },
    );
  });

  it('answers broken JSON, and random upload bodies, with a structured answer', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (text) => {
        expectStructured(await call('PUT', `/api/pro/v1/applications/${number}/ephoto`, text));
      }),
      { numRuns: 100 },
    );
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), fc.string({ maxLength: 40 }), async (bytes, name) => {
        const boundary = 'fuzzboundary';
        const payload = Buffer.concat([
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name.replace(/["\r\n]/g, '')}"\r\n\r\n`,
          ),
          Buffer.from(bytes),
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]);
        const response = await call('POST', `/api/pro/v1/applications/${number}/pieces/identity`, payload, {
          'content-type': `multipart/form-data; boundary=${boundary}`,
        });
        expectStructured(response);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses a NUL character on every route with a 400 in French, before any query', async () => {
    expect(await routesAcceptingNul(ants.app)).toEqual([]);
    // The cases seen answering 500: an application, a pièce comment, a login.
    const request = draftRequest({ candidate: { birthName: 'MAR\u0000TIN' } });
    const created = await call('POST', '/api/pro/v1/applications', JSON.stringify(request));
    expect([created.statusCode, created.json()]).toEqual([
      400,
      expect.objectContaining({ code: 'INVALID_CHARACTER', detail: INVALID_CHARACTER_MESSAGE }),
    ]);
    const login = await call('POST', '/api/agent/login', JSON.stringify({ login: 'agent\u0000', password: 'x' }));
    expect(login.statusCode).toBe(400);
    // The check itself is bounded: a wide array (600 KB) and a deep one answer like any bad body.
    expectStructured(await call('POST', '/api/pro/v1/applications', JSON.stringify(Array(300000).fill(0))));
    expectStructured(await call('POST', '/api/pro/v1/applications', `${'['.repeat(50000)}${']'.repeat(50000)}`));
  });

  it('tells browsers and proxies to keep no copy of an answer, a file or a PDF', async () => {
    for (const url of [
      '/api/health',
      `/api/pro/v1/applications/${number}`,
      `/api/pro/v1/applications/${number}/documents/medical_opinion`,
      '/api/pro/v1/applications/99999999999999999999999',
    ]) {
      const response = await ants.app.inject({ method: 'GET', url, headers: { authorization } });
      expect([url, response.headers['cache-control']]).toEqual([url, 'no-store']);
    }
  });

  it('answers a malformed multipart body with a structured 4xx on each upload route', async () => {
    const routes: { url: string; headers: Record<string, string> }[] = [
      { url: `/api/pro/v1/applications/${number}/pieces/identity?comment=ok`, headers: {} },
      { url: '/api/booths/v1/codes', headers: { 'x-booth-key': 'cabine-demo-rennes-0123456789abcdef' } },
    ];
    for (const route of routes) {
      for (const { contentType, body } of MALFORMED_MULTIPART) {
        const response = await call('POST', route.url, body, { 'content-type': contentType, ...route.headers });
        expectStructured(response);
        expect(response.statusCode).toBeGreaterThanOrEqual(400);
      }
      const noBoundary = await call('POST', route.url, 'x', {
        'content-type': 'multipart/form-data',
        ...route.headers,
      });
      expect(noBoundary.json().code).toBe('MULTIPART_MALFORMED');
    }
  });
});
