import { afterEach, describe, expect, it } from 'vitest';
import { startAnts } from './harness.ts';

let ants: Awaited<ReturnType<typeof startAnts>> | undefined;
afterEach(async () => {
  await ants?.close();
});

describe('OpenAPI description of the professional API', () => {
  it('describes the professional routes from their schemas, and serves its page', async () => {
    ants = await startAnts();
    const response = await ants.app.inject({ method: 'GET', url: '/api/pro/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    const spec = response.json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/pro/v1/token',
        '/api/pro/v1/prefectures',
        '/api/pro/v1/applications',
        '/api/pro/v1/applications/{number}',
        '/api/pro/v1/applications/{number}/validate',
        '/api/pro/v1/transfers',
      ]),
    );
    expect(Object.keys(spec.paths).every((p: string) => p.startsWith('/api/pro/v1/'))).toBe(true);
    const create = spec.paths['/api/pro/v1/applications'].post;
    expect(create.requestBody.content['application/json'].schema.properties.candidate.required).toContain('birthName');
    const page = await ants.app.inject({ method: 'GET', url: '/api/pro/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger');
  });
});
