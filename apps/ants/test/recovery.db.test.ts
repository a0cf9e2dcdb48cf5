import { testClient } from '@permis/platform/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activatedCandidate, CANDIDATE_PASSWORD, invitedCandidate, mailTo, startAntsHttp } from './api.ts';

let ants: Awaited<ReturnType<typeof startAntsHttp>>;
beforeEach(async () => {
  ants = await startAntsHttp({ notify: true });
});
afterEach(async () => {
  await ants.close();
});

const NEW_PASSWORD = 'Autre-Secret-2026!';

const resetToken = (text: string | undefined) =>
  /\/monespace\/nouveau-mot-de-passe\/([A-Za-z0-9_-]+)/.exec(text ?? '')?.[1];

describe('Identifiant oublié ?', () => {
  it('mails the identifier to the address of an activated account, and says the same for any address', async () => {
    const { request, loginId } = await activatedCandidate(ants);
    const client = testClient(ants.app);
    const known = await client.post('/api/candidate/forgotten-identifier', { email: request.candidate.email });
    expect(known.statusCode).toBe(202);
    const mail = await ants.sink!.waitFor(
      (m) => m.subject === 'Votre identifiant de connexion ANTS' && (m.text ?? '').includes('Vous avez demandé'),
    );
    expect(mailTo(mail)).toBe(request.candidate.email);
    expect(mail.text).toContain(`Votre identifiant de connexion : ${loginId}`);

    const unknown = await client.post('/api/candidate/forgotten-identifier', { email: 'personne@example.fr' });
    expect(unknown.statusCode).toBe(202);
    expect(unknown.json().message).toBe(known.json().message);

    const invalid = await client.post('/api/candidate/forgotten-identifier', { email: 'pas une adresse' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().fields[0]).toMatchObject({
      path: 'email',
      message: 'Saisissez une adresse électronique valide.',
    });
  });

  it('sends nothing for an account that is not activated yet', async () => {
    const { request } = await invitedCandidate(ants, 'Paul');
    const activated = await activatedCandidate(ants, 'Pierre');
    const client = testClient(ants.app);
    await client.post('/api/candidate/forgotten-identifier', { email: request.candidate.email });
    // Asked after it, this one arrives after any mail the first request could have queued.
    await client.post('/api/candidate/forgotten-identifier', { email: activated.request.candidate.email });
    await ants.sink!.waitFor((m) => (m.text ?? '').includes('Vous avez demandé'));
    expect(ants.sink!.mails.filter((m) => mailTo(m) === request.candidate.email).map((m) => m.subject)).toEqual([
      'Activez votre compte ANTS pour valider votre demande de permis de conduire',
    ]);
  });
});

describe('Mot de passe oublié ?', () => {
  it('by an emailed link: single use, ends the other sessions, the new password works and the old one no more', async () => {
    const { loginId, client: oldSession } = await activatedCandidate(ants);
    const asked = await testClient(ants.app).post('/api/candidate/password-reset/link', { loginId });
    expect(asked.statusCode).toBe(202);
    const mail = await ants.sink!.waitFor((m) => m.subject === 'Réinitialisation de votre mot de passe ANTS');
    const token = resetToken(mail.text)!;
    expect(token).toBeDefined();

    const browser = testClient(ants.app);
    expect((await browser.get(`/api/candidate/password-reset/${token}`)).json()).toMatchObject({
      firstName: 'Pierre',
      loginId,
    });
    const weak = await browser.post(`/api/candidate/password-reset/${token}`, {
      password: 'court',
      passwordConfirmation: 'court',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().fields[0].path).toBe('password');

    const done = await browser.post(`/api/candidate/password-reset/${token}`, {
      password: NEW_PASSWORD,
      passwordConfirmation: NEW_PASSWORD,
    });
    expect(done.statusCode).toBe(200);
    expect((await browser.get('/api/session')).json().kind).toBe('candidate');
    expect((await oldSession.get('/api/candidate/applications')).statusCode).toBe(401);

    const again = await testClient(ants.app).post(`/api/candidate/password-reset/${token}`, {
      password: NEW_PASSWORD,
      passwordConfirmation: NEW_PASSWORD,
    });
    expect(again.statusCode).toBe(410);

    const login = (password: string) => testClient(ants.app).post('/api/candidate/login', { loginId, password });
    expect((await login(CANDIDATE_PASSWORD)).statusCode).toBe(401);
    expect((await login(NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('says the same for an unknown identifier and sends nothing', async () => {
    const { loginId } = await activatedCandidate(ants);
    const client = testClient(ants.app);
    const unknown = await client.post('/api/candidate/password-reset/link', { loginId: 'inconnu.x' });
    const known = await client.post('/api/candidate/password-reset/link', { loginId });
    expect(unknown.statusCode).toBe(202);
    expect(unknown.json()).toEqual(known.json());
    await ants.sink!.waitFor((m) => m.subject === 'Réinitialisation de votre mot de passe ANTS');
    expect(ants.sink!.mails.filter((m) => m.subject === 'Réinitialisation de votre mot de passe ANTS')).toHaveLength(1);
  });

  it('counts the requests per identity, known or not: a flood sends three mails, then says to wait', async () => {
    const { loginId } = await activatedCandidate(ants);
    const client = testClient(ants.app);
    const statuses = async (id: string) => {
      const answers: string[] = [];
      for (let i = 0; i < 5; i++) {
        const response = await client.post('/api/candidate/password-reset/link', { loginId: id });
        answers.push(response.statusCode === 429 ? `429 ${response.json().detail}` : `${response.statusCode}`);
      }
      return answers;
    };
    const wait = '429 Trop de demandes en peu de temps : réessayez dans 15 minutes.';
    // The same answers for an account and for no account: the refusal reveals nothing.
    expect(await statuses(loginId)).toEqual(['202', '202', '202', wait, wait]);
    expect(await statuses('inconnu.y')).toEqual(['202', '202', '202', wait, wait]);
    await ants.sink!.waitFor(
      () => ants.sink!.mails.filter((m) => m.subject === 'Réinitialisation de votre mot de passe ANTS').length === 3,
    );
  });

  it('by the secret question: the right answer (any case) mails the reset link, wrong ones are counted', async () => {
    const { loginId } = await activatedCandidate(ants);
    const client = testClient(ants.app);
    expect((await client.post('/api/candidate/password-reset/question', { loginId })).json()).toEqual({
      question: 'Quel est le prénom de votre père ?',
    });
    // An unknown identifier gets a question too, always the same.
    const unknown = (await client.post('/api/candidate/password-reset/question', { loginId: 'x.y' })).json();
    expect((await client.post('/api/candidate/password-reset/question', { loginId: 'x.y' })).json()).toEqual(unknown);

    const wrong = await client.post('/api/candidate/password-reset/answer', { loginId, secretAnswer: 'Paul' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().detail).toBe('La réponse à la question secrète est incorrecte.');

    // The right answer opens nothing by itself: the link goes to the account's address.
    const right = await client.post('/api/candidate/password-reset/answer', { loginId, secretAnswer: ' jacques ' });
    expect(right.statusCode).toBe(202);
    const mail = await ants.sink!.waitFor((m) => m.subject === 'Réinitialisation de votre mot de passe ANTS');
    const token = /nouveau-mot-de-passe\/([A-Za-z0-9_-]+)/.exec(mail.text ?? '')![1];
    const done = await client.post(`/api/candidate/password-reset/${token}`, {
      password: NEW_PASSWORD,
      passwordConfirmation: NEW_PASSWORD,
    });
    expect(done.statusCode).toBe(200);
    // The account's address hears of the change.
    await ants.sink!.waitFor((m) => m.subject === 'Le mot de passe de votre compte ANTS a été modifié');

    for (let i = 0; i < 5; i++) {
      await client.post('/api/candidate/password-reset/answer', { loginId, secretAnswer: `faux${i}` });
    }
    const blocked = await client.post('/api/candidate/password-reset/answer', { loginId, secretAnswer: 'Jacques' });
    expect(blocked.statusCode).toBe(429);
  });
});
