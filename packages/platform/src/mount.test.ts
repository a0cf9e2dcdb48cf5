import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHttpServer } from './http.ts';
import { mount } from './mount.ts';
import { pathOf, route, searchOf } from './route.ts';

const greeting = route({
  method: 'POST',
  path: '/api/greetings/:id',
  params: z.object({ id: z.uuid('Salutation introuvable.') }),
  body: z.object({ name: z.string().min(1) }),
  response: z.object({ text: z.string() }),
  status: 201,
});
const drifted = route({ method: 'GET', path: '/api/drifted', response: z.object({ count: z.number() }) });
// Accepted (202) or done at once (200), as the mobile change answers: both checked.
const accepted = route({
  method: 'POST',
  path: '/api/accepted',
  body: z.object({ now: z.boolean() }),
  response: z.object({ done: z.boolean() }),
  status: 202,
});

const app = await createHttpServer({
  service: 'test',
  logLevel: 'silent',
  problems: { type: (code) => `urn:test:${code}`, title: () => undefined },
});
mount(app, greeting, { access: 'public' }, async (request) => ({
  text: `Bonjour ${request.body.name} (${request.params.id})`,
}));
// A handler that answers off contract (what a refactor that forgot the schema would do).
mount(app, drifted, { access: 'public' }, async () => ({ count: 'douze' }) as unknown as { count: number });
mount(app, accepted, { access: 'public' }, async (request, reply) => {
  if (!request.body.now) return { done: false };
  reply.code(200);
  return { done: 'oui' } as unknown as { done: boolean };
});
await app.ready();
afterAll(() => app.close());

const id = '0b5a6d4e-0c39-4a4e-9f3a-2f6b8f1d9c11';

describe('a route mounted from its contract', () => {
  it('answers with the contract status and shape', async () => {
    const answer = await app.inject({ method: 'POST', url: `/api/greetings/${id}`, payload: { name: 'Léa' } });
    expect(answer.statusCode).toBe(201);
    expect(answer.json()).toEqual({ text: `Bonjour Léa (${id})` });
  });

  it('refuses a request off contract with problem details in French, before the handler', async () => {
    const answer = await app.inject({ method: 'POST', url: '/api/greetings/12', payload: { name: '' } });
    expect(answer.statusCode).toBe(400);
    expect(answer.headers['content-type']).toContain('application/problem+json');
    expect(answer.json()).toMatchObject({ code: 'VALIDATION' });
  });

  it('never lets an answer off contract leave (500, the shape unsent)', async () => {
    const answer = await app.inject({ method: 'GET', url: '/api/drifted' });
    expect(answer.statusCode).toBe(500);
    expect(answer.body).not.toContain('douze');
  });

  it('checks the answer at 200 too when the handler chose it over the contract status', async () => {
    const later = await app.inject({ method: 'POST', url: '/api/accepted', payload: { now: false } });
    expect([later.statusCode, later.json()]).toEqual([202, { done: false }]);
    const now = await app.inject({ method: 'POST', url: '/api/accepted', payload: { now: true } });
    expect(now.statusCode).toBe(500);
    expect(now.body).not.toContain('oui');
  });
});

describe('addresses of a contract route', () => {
  it('encodes each path parameter in place', () => {
    expect(pathOf('/api/a/:number/files/:id', { number: '12', id: 'x/y?' })).toBe('/api/a/12/files/x%2Fy%3F');
  });
  it('refuses a missing parameter rather than calling a wrong address', () => {
    expect(() => pathOf('/api/a/:number', {})).toThrow('number');
  });
  it('leaves empty query values out', () => {
    expect(searchOf({ state: 'draft', page: 2, q: '', none: undefined })).toBe('?state=draft&page=2');
    expect(searchOf({})).toBe('');
  });
});
