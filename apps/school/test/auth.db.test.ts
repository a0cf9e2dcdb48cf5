import { testClient } from '@permis/platform/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOGIN, startSchool } from './harness.ts';

let school: Awaited<ReturnType<typeof startSchool>>;
beforeEach(async () => {
  school = await startSchool();
});
afterEach(async () => {
  await school.close();
});

describe('school sign-in', () => {
  it('signs a demo user in and out', async () => {
    const client = testClient(school.app);
    const login = await client.login('/api/auth/login', LOGIN.secretaire);
    const cookie = login.cookies.find((c) => c.name === 'school_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(login.json().user).toMatchObject({
      firstName: 'Camille',
      role: 'secretaire',
      schoolName: 'Auto-école du Parc',
    });

    const session = await client.get('/api/auth/session');
    expect(session.statusCode).toBe(200);
    expect(session.json().user.rights).toEqual(['ants_delete_application', 'ants_validate_application']);

    expect((await client.post('/api/auth/logout')).statusCode).toBe(204);
    const after = await client.get('/api/auth/session');
    expect(after.statusCode).toBe(401);
    expect(after.json().detail).toBe('Vous devez être connecté pour accéder à cette page.');
  });

  it('refuses a wrong password with a French message and no session', async () => {
    const client = testClient(school.app);
    const response = await client.post('/api/auth/login', { login: 'secretaire', password: 'mauvais' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({
      code: 'WRONG_CREDENTIALS',
      detail: 'Identifiant ou mot de passe incorrect.',
    });
    expect(response.cookies).toHaveLength(0);
    const unknownUser = await client.post('/api/auth/login', { login: 'personne', password: 'mauvais' });
    expect(unknownUser.json().detail).toBe('Identifiant ou mot de passe incorrect.');
  });

  it('stops login attempts after five failures, even with the right password', async () => {
    const client = testClient(school.app);
    for (let i = 0; i < 5; i++) {
      expect((await client.post('/api/auth/login', { login: 'moniteur', password: `faux-${i}` })).statusCode).toBe(401);
    }
    const blocked = await client.post('/api/auth/login', LOGIN.moniteur);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().detail).toMatch(/^Trop de tentatives de connexion échouées\. Réessayez dans 15 minutes\.$/);
    // Another account from the same address is not locked by these failures.
    expect((await client.post('/api/auth/login', LOGIN.secretaire)).statusCode).toBe(200);
  });

  it('validates the login body with field errors', async () => {
    const response = await testClient(school.app).post('/api/auth/login', { login: '' });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('VALIDATION');
    expect(
      response
        .json()
        .fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['login', 'password']);
  });
});

describe('CSRF protection', () => {
  it('refuses a state-changing request without the session CSRF token', async () => {
    const client = testClient(school.app);
    await client.login('/api/auth/login', LOGIN.dirigeant);
    const response = await client.request({ method: 'POST', url: '/api/auth/logout', csrf: false });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('CSRF');
    // The session survived the forged request.
    expect((await client.get('/api/auth/session')).statusCode).toBe(200);
  });

  it('refuses a request coming from another site', async () => {
    const client = testClient(school.app);
    await client.login('/api/auth/login', LOGIN.dirigeant);
    const response = await client.request({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { origin: 'https://pirate.example', host: 'localhost:3200' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('CROSS_SITE');
    // Same host, other scheme: another origin too (it passed when only hosts were compared).
    const otherScheme = await client.request({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { origin: 'https://localhost:3200', host: 'localhost:3200' },
    });
    expect([otherScheme.statusCode, otherScheme.json().code]).toEqual([403, 'CROSS_SITE']);
    // The page's own origin goes through.
    const own = await client.request({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { origin: 'http://localhost:3200', host: 'localhost:3200' },
    });
    expect(own.statusCode).toBe(204);
  });
});

describe('health', () => {
  it('answers with the database engine', async () => {
    const response = await school.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.json()).toEqual({
      status: 'ok',
      service: 'school',
      database: expect.stringMatching(/pglite|postgres/),
    });
  });
});
