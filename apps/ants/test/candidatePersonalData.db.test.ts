import { testClient } from '@permis/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activatedCandidate, CANDIDATE_PASSWORD, mailTo, startAntsHttp } from './api.ts';

let ants: Awaited<ReturnType<typeof startAntsHttp>>;
beforeAll(async () => {
  ants = await startAntsHttp({ notify: true });
});
afterAll(async () => {
  await ants.close();
});

const NEW_PASSWORD = 'Encore-Meilleur-2026!';

describe('Mes données personnelles', () => {
  it('shows the identity and changes the email only once the new address confirms', async () => {
    const { client, request } = await activatedCandidate(ants, 'Nora');
    const before = (await client.get('/api/candidate/personal-data')).json();
    expect(before).toMatchObject({
      identity: { firstName: 'Nora', birthName: 'MARTIN', birthDate: '2005-03-14', birthCity: 'RENNES' },
      email: request.candidate.email,
      pendingEmail: null,
      hasPassword: true,
      franceConnect: false,
    });

    const newEmail = `nora.${Date.now()}@exemple.fr`;
    const asked = await client.post('/api/candidate/personal-data/email', { email: ` ${newEmail.toUpperCase()} ` });
    expect(asked.statusCode).toBe(200);
    expect(asked.json().message).toContain(`Un lien de confirmation a été envoyé à ${newEmail}.`);
    // Nothing changes before the link is opened.
    const pending = (await client.get('/api/candidate/personal-data')).json();
    expect(pending).toMatchObject({ email: request.candidate.email, pendingEmail: newEmail });

    const mail = await ants.sink!.waitFor((m) => mailTo(m) === newEmail);
    expect(mail.subject).toBe('Confirmez votre nouvelle adresse électronique');
    const token = /\/monespace\/courriel\/([A-Za-z0-9_-]+)/.exec(mail.text ?? '')![1]!;
    // Opened in another browser, with no session: the link is the proof.
    const elsewhere = testClient(ants.app);
    expect((await elsewhere.get(`/api/candidate/email-change/${token}`)).json()).toEqual({ newEmail });
    expect((await elsewhere.post(`/api/candidate/email-change/${token}`, {})).json()).toEqual({ email: newEmail });
    expect((await client.get('/api/candidate/personal-data')).json()).toMatchObject({
      email: newEmail,
      pendingEmail: null,
    });
    // The former address hears of it; the link served once.
    const notice = await ants.sink!.waitFor(
      (m) => mailTo(m) === request.candidate.email && /a changé/.test(m.subject ?? ''),
    );
    expect(notice.text).toContain(newEmail);
    expect((await elsewhere.post(`/api/candidate/email-change/${token}`, {})).statusCode).toBe(410);
  });

  it('refuses at confirmation an address that is another account’s, and keeps the email', async () => {
    const first = await activatedCandidate(ants, 'Ines');
    const second = await activatedCandidate(ants, 'Lina');
    const taken = first.request.candidate.email;
    // The request itself says nothing of whose the address is.
    expect((await second.client.post('/api/candidate/personal-data/email', { email: taken })).statusCode).toBe(200);
    const mail = await ants.sink!.waitFor(
      (m) => mailTo(m) === taken && m.subject === 'Confirmez votre nouvelle adresse électronique',
    );
    const token = /\/monespace\/courriel\/([A-Za-z0-9_-]+)/.exec(mail.text ?? '')![1]!;
    const refused = await testClient(ants.app).post(`/api/candidate/email-change/${token}`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toBe(
      'Cette adresse électronique est déjà celle d’un autre compte : choisissez-en une autre.',
    );
    expect((await second.client.get('/api/candidate/personal-data')).json().email).toBe(second.request.candidate.email);
  });

  it('changes the mobile, refusing a number that is not a French mobile', async () => {
    const { client } = await activatedCandidate(ants, 'Sami');
    const bad = await client.post('/api/candidate/personal-data/mobile', { mobile: '01 23 45 67 89' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].message).toBe('Le téléphone portable doit être un numéro français (06 ou 07).');
    const good = await client.post('/api/candidate/personal-data/mobile', { mobile: '07 11 22 33 44' });
    expect(good.json()).toEqual({ mobile: '0711223344' });
    expect((await client.get('/api/candidate/personal-data')).json().mobile).toBe('0711223344');
  });

  it('changes the password and the secret question after the current password, and ends the other sessions', async () => {
    const { client, loginId } = await activatedCandidate(ants, 'Theo');
    const other = testClient(ants.app);
    await other.login('/api/candidate/login', { loginId, password: CANDIDATE_PASSWORD });

    const wrong = await client.post('/api/candidate/personal-data/password', {
      currentPassword: 'pas-le-bon',
      password: NEW_PASSWORD,
      passwordConfirmation: NEW_PASSWORD,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields).toEqual([
      expect.objectContaining({ path: 'currentPassword', message: 'Le mot de passe actuel est incorrect.' }),
    ]);
    const weak = await client.post('/api/candidate/personal-data/password', {
      currentPassword: CANDIDATE_PASSWORD,
      password: 'court',
      passwordConfirmation: 'court',
    });
    expect(weak.json().fields[0].message).toBe('Le mot de passe doit comporter au moins 12 caractères.');

    const changed = await client.post('/api/candidate/personal-data/password', {
      currentPassword: CANDIDATE_PASSWORD,
      password: NEW_PASSWORD,
      passwordConfirmation: NEW_PASSWORD,
    });
    expect(changed.statusCode).toBe(200);
    expect((await other.get('/api/candidate/home')).statusCode).toBe(401);
    expect((await client.get('/api/candidate/home')).statusCode).toBe(200);
    const old = await testClient(ants.app).post('/api/candidate/login', { loginId, password: CANDIDATE_PASSWORD });
    expect(old.statusCode).toBe(401);
    await testClient(ants.app).login('/api/candidate/login', { loginId, password: NEW_PASSWORD });

    const question = 'Quel est le titre de votre livre préféré ?';
    const without = await client.post('/api/candidate/personal-data/secret-question', {
      secretQuestion: question,
      secretAnswer: 'Le Petit Prince',
    });
    expect(without.json().fields[0].message).toBe('Saisissez votre mot de passe actuel.');
    const set = await client.post('/api/candidate/personal-data/secret-question', {
      currentPassword: NEW_PASSWORD,
      secretQuestion: question,
      secretAnswer: 'Le Petit Prince',
    });
    expect(set.json()).toEqual({ secretQuestion: question });
    // « Mot de passe oublié ? » now asks the new question.
    const asked = await testClient(ants.app).post('/api/candidate/password-reset/question', { loginId });
    expect(asked.json().question).toBe(question);
  });

  it('downloads all of one’s data, and nothing of anyone else', async () => {
    const mine = await activatedCandidate(ants, 'Yanis');
    const theirs = await activatedCandidate(ants, 'Zoe');
    const download = await mine.client.get('/api/candidate/personal-data/export');
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain('attachment');
    const data = download.json();
    expect(data.identity).toMatchObject({ firstName: 'Yanis', birthName: 'MARTIN' });
    expect(data.account).toMatchObject({ loginId: mine.loginId, email: mine.request.candidate.email });
    expect(data.applications.map((a: { number: string }) => a.number)).toEqual([mine.app.number]);
    expect(download.body).not.toContain(theirs.app.number);
    expect(download.body).not.toContain(theirs.request.candidate.email);
  });
});
