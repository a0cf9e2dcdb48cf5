import { testClient } from '@permis/platform/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../src/db/schema.ts';
import { draftRequest, failure, mailTo, startAntsHttp } from './api.ts';
import { PRO } from './harness.ts';

let ants: Awaited<ReturnType<typeof startAntsHttp>>;
beforeAll(async () => {
  ants = await startAntsHttp({ notify: true });
});
afterAll(async () => {
  await ants.close();
});

const SECRETARY = { agrementNumber: 'E1703500010', login: 'cmartin35', password: 'Secretariat35!ants' };
const SAINT_PRIEST = { agrementNumber: 'E1706900030', login: 'claboret662', password: '3cfBelfort!' };
const signedIn = async (credentials: object) => {
  const client = testClient(ants.app);
  expect((await client.login('/api/pro/login', credentials)).statusCode).toBe(200);
  return client;
};

describe("the agrément's users (« Comptes de l'établissement »)", () => {
  it('the manager invites a person, who chooses a password from the mailed link and signs in with a login of their own', async () => {
    const manager = await signedIn(PRO);
    const before = (await manager.get('/api/pro/web/users')).json().users;
    expect(before.map((u: { login: string; manager: boolean; you: boolean }) => [u.login, u.manager, u.you])).toEqual([
      ['brequigny35', true, true],
      ['cmartin35', false, false],
    ]);

    const invited = await manager.post('/api/pro/web/users', {
      login: ' LMoreau ',
      firstName: 'Léa',
      lastName: 'Moreau',
      email: 'L.Moreau@auto-ecole-du-parc.fr',
    });
    expect(invited.statusCode).toBe(201);
    expect(invited.json().user).toMatchObject({ login: 'lmoreau', lastName: 'MOREAU', status: 'invited' });
    const taken = await manager.post('/api/pro/web/users', {
      login: 'cmartin35',
      firstName: 'Camille',
      lastName: 'Martin',
      email: 'autre@example.fr',
    });
    expect([taken.statusCode, taken.json().fields]).toEqual([
      409,
      [{ path: 'login', message: 'Cet identifiant est déjà utilisé dans votre établissement.' }],
    ]);

    const mail = await ants.sink!.waitFor((m) => mailTo(m) === 'l.moreau@auto-ecole-du-parc.fr');
    expect(mail.text).toContain('Votre identifiant : lmoreau');
    const token = /\/pro\/invitation\/([A-Za-z0-9_-]+)/.exec(mail.text ?? '')![1]!;
    // Until the password is chosen, the login signs in nowhere.
    const early = await testClient(ants.app).post('/api/pro/login', { ...PRO, login: 'lmoreau', password: '' });
    expect(early.statusCode).toBe(400);
    const page = testClient(ants.app);
    expect((await page.get(`/api/pro/invitations/${token}`)).json()).toEqual({
      schoolName: 'Auto-école du Parc — BREQUIGNY',
      agrementNumber: 'E1703500010',
      login: 'lmoreau',
      firstName: 'Léa',
      lastName: 'MOREAU',
    });
    const weak = await page.post(`/api/pro/invitations/${token}`, { password: 'lmoreau', passwordConfirmation: 'x' });
    expect(weak.json().fields.map((f: { path: string }) => f.path)).toEqual(['password', 'passwordConfirmation']);
    const chosen = await page.post(`/api/pro/invitations/${token}`, {
      password: 'Moniteur-Lea-2026!',
      passwordConfirmation: 'Moniteur-Lea-2026!',
    });
    expect(chosen.statusCode).toBe(200);
    expect((await page.get('/api/session')).json().account).toMatchObject({
      login: 'lmoreau',
      firstName: 'Léa',
      manager: false,
      agrementNumber: 'E1703500010',
    });
    const again = await testClient(ants.app).post(`/api/pro/invitations/${token}`, {
      password: 'Autre-Secret-2026!',
      passwordConfirmation: 'Autre-Secret-2026!',
    });
    expect(again.statusCode).toBe(410);
    await signedIn({ ...PRO, login: 'lmoreau', password: 'Moniteur-Lea-2026!' });
    const after = (await manager.get('/api/pro/web/users')).json().users;
    expect(after.find((u: { login: string }) => u.login === 'lmoreau')).toMatchObject({ status: 'active' });
    expect(after.find((u: { login: string }) => u.login === 'lmoreau').lastLoginAt).not.toBeNull();
  });

  it('only the manager manages, and only the users of their own agrément', async () => {
    const secretary = await signedIn(SECRETARY);
    expect((await secretary.get('/api/pro/web/users')).statusCode).toBe(403);
    const refused = await secretary.post('/api/pro/web/users', {
      login: 'intrus',
      firstName: 'A',
      lastName: 'B',
      email: 'a@example.fr',
    });
    expect(refused.statusCode).toBe(403);

    const manager = await signedIn(PRO);
    const users = (await manager.get('/api/pro/web/users')).json().users;
    const secretaryId = users.find((u: { login: string }) => u.login === 'cmartin35').id;
    const ownId = users.find((u: { you: boolean }) => u.you).id;
    const other = await signedIn(SAINT_PRIEST);
    const reach = await other.post(`/api/pro/web/users/${secretaryId}/disable`);
    expect([reach.statusCode, reach.json().detail]).toEqual([404, 'Utilisateur introuvable.']);
    expect((await other.get('/api/pro/web/users')).json().users.map((u: { login: string }) => u.login)).toEqual([
      'claboret662',
    ]);
    expect((await manager.post(`/api/pro/web/users/${ownId}/disable`)).statusCode).toBe(409);
    expect((await secretary.get('/api/pro/web/applications')).statusCode).toBe(200);
  });

  it("names in the demand's history the user who did each action, and a disabled user loses every door at once", async () => {
    const secretaryApi = ants.client(SECRETARY);
    const app = await secretaryApi.createApplication(draftRequest(), crypto.randomUUID());
    await ants.brequigny.updateApplication(app.number, {
      ...draftRequest({ candidate: app.candidate }),
      dossier: { ...app.dossier, requestedCategories: ['B', 'A1'] },
    });
    const history = await ants.brequigny.getApplicationHistory(app.number);
    expect(history.map((e) => [e.label, e.byLabel, e.user])).toEqual([
      ['Demande créée (brouillon)', 'Votre établissement', 'Camille MARTIN (cmartin35)'],
      ['Demande modifiée', 'Votre établissement', 'Julien BRENAC (brequigny35)'],
    ]);

    // The other school that takes it over reads what was done by "Un autre établissement", no one named.
    const { birthName, firstName, birthDate } = app.candidate;
    await ants.saintPriest.transfer({
      number: app.number,
      holderAgrementNumber: 'E1703500010',
      candidate: { birthName, firstName, birthDate },
    });
    const theirs = await ants.saintPriest.getApplicationHistory(app.number);
    expect(theirs.map((e) => [e.byLabel, e.user])).toEqual([
      ['Un autre établissement', null],
      ['Un autre établissement', null],
      ['Votre établissement', 'Claire LABORET (claboret662)'],
    ]);
    expect(JSON.stringify(theirs)).not.toMatch(/MARTIN|BRENAC|cmartin|brequigny/i);

    const secretaryWeb = await signedIn(SECRETARY);
    const manager = await signedIn(PRO);
    const users = (await manager.get('/api/pro/web/users')).json().users;
    const secretaryId = users.find((u: { login: string }) => u.login === 'cmartin35').id;
    expect((await manager.post(`/api/pro/web/users/${secretaryId}/disable`)).statusCode).toBe(200);
    expect((await secretaryWeb.get('/api/pro/web/applications')).statusCode).toBe(401);
    expect((await testClient(ants.app).post('/api/pro/login', SECRETARY)).statusCode).toBe(401);
    await expect(secretaryApi.listApplications()).rejects.toMatchObject({ code: 'AUTHENTICATION_FAILED' });
    expect((await manager.get('/api/pro/web/users')).json().users).toContainEqual(
      expect.objectContaining({ login: 'cmartin35', status: 'disabled' }),
    );
    expect((await manager.post(`/api/pro/web/users/${secretaryId}/enable`)).statusCode).toBe(200);
    await signedIn(SECRETARY);

    // Every sign-in and every management action is in the audit trail, with its user.
    const managerId = users.find((u: { you: boolean }) => u.you).id;
    const audited = await ants.db
      .select({ action: auditEvents.action, by: auditEvents.actorUserId })
      .from(auditEvents)
      .where(and(eq(auditEvents.targetType, 'pro_user'), eq(auditEvents.targetId, secretaryId)));
    expect(audited).toEqual(
      expect.arrayContaining([
        { action: 'login', by: secretaryId },
        { action: 'api.token', by: secretaryId },
        { action: 'pro_user.disable', by: managerId },
        { action: 'pro_user.enable', by: managerId },
      ]),
    );
    expect((await failure(secretaryApi.getApplicationHistory(app.number))).status).toBe(404);
  });

  it('sends at most 20 invitations a day per establishment: the 21st creates no one and sends nothing', async () => {
    const manager = await signedIn(SAINT_PRIEST);
    const invite = (i: number) =>
      manager.post('/api/pro/web/users', {
        login: `equipe${i}`,
        firstName: 'Équipe',
        lastName: `N${i}`,
        email: `equipe${i}@example.fr`,
      });
    for (let i = 1; i <= 20; i++) expect((await invite(i)).statusCode).toBe(201);
    const over = await invite(21);
    expect([over.statusCode, over.json().code]).toEqual([429, 'RATE_LIMITED']);
    const logins = (await manager.get('/api/pro/web/users')).json().users.map((u: { login: string }) => u.login);
    expect(logins).toHaveLength(21);
    expect(logins).not.toContain('equipe21');
  });
});
