import { INVALID_CHARACTER_MESSAGE } from '@permis/platform';
import { MALFORMED_MULTIPART, multipartFile, routesAcceptingNul, testClient } from '@permis/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG } from '../../ants/test/api.ts';
import { LOGIN, startSchool } from './harness.ts';

/** What a user or a client can send that once answered 500: a NUL character, a broken multipart body. */
let school: Awaited<ReturnType<typeof startSchool>>;
beforeAll(async () => {
  school = await startSchool();
});
afterAll(async () => {
  await school.close();
});

describe('Entrées hostiles du logiciel de l’auto-école', () => {
  it('refuses a NUL character on every route with a 400 in French, before any query', async () => {
    expect(await routesAcceptingNul(school.app)).toEqual([]);
    const secretaire = testClient(school.app);
    await secretaire.login('/api/auth/login', LOGIN.secretaire);
    for (const [url, body] of [
      ['/api/students', { sex: 'F', birthName: 'DU\u0000PONT', firstName: 'Léa', birthDate: '2005-01-01' }],
      ['/api/auth/login', { login: 'secretaire\u0000', password: 'x' }],
    ] as const) {
      const response = await secretaire.post(url, body);
      expect([url, response.statusCode, response.json()]).toEqual([
        url,
        400,
        expect.objectContaining({ code: 'INVALID_CHARACTER', detail: INVALID_CHARACTER_MESSAGE }),
      ]);
    }
    const search = await secretaire.get('/api/students?q=du%00pont');
    expect(search.statusCode).toBe(400);
  });

  it('answers a malformed multipart body with a structured 4xx on the upload of a student document', async () => {
    const secretaire = testClient(school.app);
    await secretaire.login('/api/auth/login', LOGIN.secretaire);
    const id = (await secretaire.get('/api/students')).json().students[0].id as string;
    for (const { contentType, body } of MALFORMED_MULTIPART) {
      const response = await secretaire.request({
        method: 'POST',
        url: `/api/students/${id}/documents`,
        headers: { 'content-type': contentType },
        payload: body,
      });
      expect(response.statusCode, body).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, body).toBeLessThan(500);
      expect(typeof response.json().detail).toBe('string');
    }
  });

  it('serves a student document with the type of its bytes, not the one the client declared', async () => {
    const secretaire = testClient(school.app);
    await secretaire.login('/api/auth/login', LOGIN.secretaire);
    const id = (await secretaire.get('/api/students')).json().students[0].id as string;
    for (const [name, bytes, served] of [
      ['page.html', Buffer.from('<script>alert(document.cookie)</script>'), 'application/octet-stream'],
      ['scan.png', PNG, 'image/png'],
    ] as const) {
      const sent = await secretaire.request({
        method: 'POST',
        url: `/api/students/${id}/documents`,
        ...multipartFile(name, bytes, 'text/html'),
      });
      const back = await secretaire.get(`/api/students/${id}/documents/${sent.json().document.id}`);
      expect([name, back.headers['content-type'], back.headers['x-content-type-options']]).toEqual([
        name,
        served,
        'nosniff',
      ]);
    }
  });
});
