import fastifyMultipart from '@fastify/multipart';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHttpServer, serveWebApp } from './http.ts';
import { ECHO_MARKER, rawHttp, refusalCases, refusalFaults } from './testing/index.ts';
import { readUploadedFile } from './uploads.ts';

/**
 * What Fastify and Node's HTTP parser refuse before a route runs is answered as every other error
 * is: problem details in French, a stable code, never the request repeated. Over a real socket:
 * `inject` never goes through Node's parser (URL and header sizes, Content-Length, chunks).
 */
const MAX_FILE = 64 * 1024;

async function serviceWith(options: { webApp: boolean }) {
  const app = await createHttpServer({
    service: 'test',
    logLevel: 'silent',
    problems: { type: (code) => `urn:test:${code}`, title: () => undefined },
  });
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_FILE, files: 1, fields: 5 } });
  app.get('/api/items/:id', { schema: { params: z.object({ id: z.string() }) } }, async () => ({ ok: true }));
  app.post(
    '/api/items',
    { schema: { body: z.object({ name: z.string().max(20) }).strict() } },
    async (request) => request.body,
  );
  app.post('/api/files', async (request) => {
    const file = await readUploadedFile(request, MAX_FILE);
    return { size: file.bytes.length };
  });
  if (options.webApp) await serveWebApp(app, '/nonexistent');
  const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, baseUrl };
}

const withPage = await serviceWith({ webApp: true });
const bare = await serviceWith({ webApp: false });
afterAll(async () => {
  await withPage.app.close();
  await bare.app.close();
});

const cases = refusalCases({
  paramRoute: '/api/items/{}',
  jsonRoute: { method: 'POST', url: '/api/items' },
  bodyLimit: 1024 * 1024,
  upload: { url: '/api/files', maxBytes: MAX_FILE },
});

describe("the HTTP layer's own refusals", () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, refusal) => {
    const answer = await rawHttp(withPage.baseUrl, refusal.request);
    expect(refusalFaults(answer, refusal)).toEqual([]);
  });

  it('answers an unknown address in problem details without a web page too', async () => {
    for (const url of [`/api/${ECHO_MARKER}`, `/${ECHO_MARKER}`]) {
      const answer = await rawHttp(bare.baseUrl, `GET ${url} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
      expect(refusalFaults(answer, { name: url, request: '', status: 404, code: 'NOT_FOUND' })).toEqual([]);
    }
  });

  it('still serves what is well formed', async () => {
    const answer = await rawHttp(
      withPage.baseUrl,
      'POST /api/items HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: 15\r\n\r\n{"name":"Léa"}',
    );
    expect([answer?.status, answer?.body]).toEqual([200, '{"name":"Léa"}']);
    const expecting = await rawHttp(
      withPage.baseUrl,
      'POST /api/items HTTP/1.1\r\nHost: localhost\r\nExpect: 100-continue\r\nContent-Type: application/json\r\nContent-Length: 12\r\n\r\n{"name":"A"}',
    );
    expect(expecting?.status).toBe(200);
  });
});
