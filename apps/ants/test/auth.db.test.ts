import { captureLogs, testClient } from '@permis/platform/testing';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { auditEvents } from '../src/db/schema.ts';
import { AGENT, PRO, startAnts } from './harness.ts';

let ants: Awaited<ReturnType<typeof startAnts>> | undefined;
afterEach(async () => {
  await ants?.close();
});

const AUTH_ERROR = {
  code: 'AUTHENTICATION_FAILED',
  detail: "Authentification refusée : le numéro d'agrément Cerfa, l'identifiant ou le mot de passe est incorrect.",
};

describe('professional accounts (écoles de conduite)', () => {
  it('signs in with agrément number + login + password, and audits it', async () => {
    ants = await startAnts();
    const client = testClient(ants.app);
    const login = await client.login('/api/pro/login', { ...PRO, agrementNumber: ' e1703500010 ' });
    expect(login.cookies.find((c) => c.name === 'ants_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    const session = (await client.get('/api/session')).json();
    expect(session).toMatchObject({
      kind: 'pro',
      account: { agrementNumber: 'E1703500010', login: 'brequigny35', schoolName: 'Auto-école du Parc — BREQUIGNY' },
    });
    const audit = await ants.db.select().from(auditEvents).where(eq(auditEvents.actorId, session.account.id));
    expect(audit.map((a) => a.action)).toEqual(['login']);
  });

  it('gives one authentication error whichever of the three is wrong', async () => {
    ants = await startAnts();
    const client = testClient(ants.app);
    for (const wrong of [
      { ...PRO, agrementNumber: 'E9999999999' },
      { ...PRO, login: 'inconnu' },
      { ...PRO, password: 'mauvais' },
      // The credentials of the other demo office do not open this agrément.
      { ...PRO, login: 'claboret662', password: '3cfBelfort!' },
    ]) {
      const response = await client.post('/api/pro/login', wrong);
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject(AUTH_ERROR);
    }
  });

  it('locks an identifier after five failures', async () => {
    ants = await startAnts();
    const client = testClient(ants.app);
    for (let i = 0; i < 5; i++) await client.post('/api/pro/login', { ...PRO, password: `faux${i}` });
    const response = await client.post('/api/pro/login', PRO);
    expect(response.statusCode).toBe(429);
    expect(response.json().code).toBe('TOO_MANY_ATTEMPTS');
  });
});

describe('instructing agents', () => {
  it('signs an agent in, and a professional session is not an agent one', async () => {
    ants = await startAnts();
    const agent = testClient(ants.app);
    await agent.login('/api/agent/login', AGENT);
    expect((await agent.get('/api/session')).json()).toMatchObject({
      kind: 'agent',
      agent: { firstName: 'Sophie', lastName: 'LEROY', service: 'CERT de Nantes' },
    });
    expect((await agent.post('/api/logout')).statusCode).toBe(204);
    expect((await agent.get('/api/session')).statusCode).toBe(401);

    const wrong = await testClient(ants.app).post('/api/agent/login', { ...AGENT, password: 'non' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().detail).toBe('Identifiant ou mot de passe incorrect.');
  });

  it('keeps credentials and names out of the logs', async () => {
    const logs = captureLogs();
    ants = await startAnts({ logStream: logs.stream });
    const client = testClient(ants.app);
    await client.login('/api/agent/login', AGENT);
    await client.get('/api/session');
    await client.post('/api/pro/login', { ...PRO, password: 'Secret-faux-123' });
    expect(logs.lines.length).toBeGreaterThan(3);
    for (const secret of [
      'Instruction-2026!',
      'Secret-faux-123',
      'LEROY',
      'agent.cert',
      'brequigny35',
      'ants_session=',
    ]) {
      expect(logs.text()).not.toContain(secret);
    }
  });

  it('answers JSON 404 for an unknown API route, in French', async () => {
    ants = await startAnts();
    const response = await ants.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json().detail).toBe("L'adresse demandée n'existe pas.");
  });
});
