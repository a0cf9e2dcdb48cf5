import { testClient } from '@permis/platform/testing';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expireUnactivatedAccounts } from '../src/candidates/expiry.ts';
import { candidates } from '../src/db/schema.ts';
import { ACTIVATION_FORM, invitedCandidate, mailTo, startAntsHttp } from './api.ts';

let ants: Awaited<ReturnType<typeof startAntsHttp>>;
beforeEach(async () => {
  ants = await startAntsHttp({ notify: true });
});
afterEach(async () => {
  await ants.close();
});

const invited = () => invitedCandidate(ants);
const GOOD = ACTIVATION_FORM;

describe('activating the account ("VOUS Y ÊTES PRESQUE !")', () => {
  it('activates once, mails the identifier, and signs the candidate in', async () => {
    const { token, request } = await invited();
    const client = testClient(ants.app);
    const page = await client.get(`/api/candidate/activation/${token}`);
    expect(page.json()).toMatchObject({ firstName: 'Pierre', lastName: 'MARTIN' });
    expect(page.json().secretQuestions).toContain('Quel est le prénom de votre père ?');

    const done = await client.post(`/api/candidate/activation/${token}`, GOOD);
    expect(done.statusCode).toBe(200);
    expect(done.json().loginId).toBe('pierre.martin');
    expect((await client.get('/api/session')).json()).toMatchObject({
      kind: 'candidate',
      candidate: { loginId: 'pierre.martin', firstName: 'Pierre' },
    });
    const idMail = await ants.sink!.waitFor((m) => m.subject === 'Votre identifiant de connexion ANTS');
    expect(idMail.text).toContain('Votre identifiant de connexion : pierre.martin');
    expect(mailTo(idMail)).toBe(request.candidate.email);

    // Single use.
    const again = await testClient(ants.app).post(`/api/candidate/activation/${token}`, GOOD);
    expect(again.statusCode).toBe(410);
    expect(again.json().code).toBe('LINK_GONE');

    const login = testClient(ants.app);
    expect(
      (await login.post('/api/candidate/login', { loginId: 'Pierre.Martin', password: GOOD.password })).statusCode,
    ).toBe(200);
    const wrong = await testClient(ants.app).post('/api/candidate/login', {
      loginId: 'pierre.martin',
      password: 'non',
    });
    expect(wrong.json().detail).toBe('Identifiant ou mot de passe incorrect.');
  });

  it('requires a strong password, its confirmation and a listed secret question', async () => {
    const { token } = await invited();
    const client = testClient(ants.app);
    const weak = await client.post(`/api/candidate/activation/${token}`, {
      ...GOOD,
      password: 'motdepasse',
      passwordConfirmation: 'autre',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().fields).toEqual([
      { path: 'password', message: 'Le mot de passe doit comporter au moins 12 caractères.' },
      { path: 'passwordConfirmation', message: 'Les deux mots de passe ne sont pas identiques.' },
    ]);
    const named = await client.post(`/api/candidate/activation/${token}`, {
      ...GOOD,
      password: 'Martin-2026-abc!',
      passwordConfirmation: 'Martin-2026-abc!',
    });
    expect(named.json().fields[0].message).toBe('Le mot de passe ne doit pas contenir vos nom ou prénom.');
    const question = await client.post(`/api/candidate/activation/${token}`, { ...GOOD, secretQuestion: 'Autre ?' });
    expect(question.json().fields[0]).toEqual({
      path: 'secretQuestion',
      message: 'Choisissez une question secrète dans la liste.',
    });
    // Nothing was consumed by the refused attempts.
    expect((await client.post(`/api/candidate/activation/${token}`, GOOD)).statusCode).toBe(200);
  });
});

describe('expiry after 7 days without activation', () => {
  it('deletes the application the school sees, and the link stops working', async () => {
    const { app, token, request } = await invited();
    const [candidate] = await ants.db.select().from(candidates).where(eq(candidates.email, request.candidate.email));
    const invitedAt = candidate!.invitedAt!;
    // The clock moves, not the test: just before the 7 days, nothing; just after, the account goes.
    expect(await expireUnactivatedAccounts(ants.db, new Date(invitedAt.getTime() + 7 * 86400000 - 60000))).toBe(0);
    expect((await ants.brequigny.getApplication(app.number)).state).toBe('awaiting_candidate');
    expect(await expireUnactivatedAccounts(ants.db, new Date(invitedAt.getTime() + 7 * 86400000 + 60000))).toBe(1);
    expect(await ants.brequigny.getApplication(app.number)).toMatchObject({
      state: 'deleted',
      stateLabel: 'Supprimée',
    });
    expect((await testClient(ants.app).get(`/api/candidate/activation/${token}`)).statusCode).toBe(410);
  });
});
