import { API_ERRORS } from '@permis/ants-api';
import { createSecretBox, sha256 } from '@permis/platform';
import { testClient, until } from '@permis/platform/testing';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DEMO_FRANCECONNECT_IDENTITIES,
  LOCAL_FRANCECONNECT_CLIENT,
  type LocalFranceConnect,
  startLocalFranceConnect,
} from '../../../scripts/franceConnectLocal.ts';
import { expireUnactivatedAccounts } from '../src/candidates/expiry.ts';
import { SECRET_QUESTIONS } from '../src/candidates/questions.ts';
import { applications, candidates } from '../src/db/schema.ts';
import { readSmsOutbox } from '../src/notify/sms.ts';
import {
  ACTIVATION_FORM,
  activatedCandidate,
  CANDIDATE_PASSWORD,
  draftRequest,
  failure,
  mailTo,
  multipart,
  PNG,
  startAntsHttp,
} from './api.ts';
import { ANTS_URL, franceConnectSignIn } from './franceConnectClient.ts';
import { TEST_KEY } from './harness.ts';

/**
 * Issue 35: what a school types proves nothing about a person. Each test plays an attack a rival
 * school (or a stranger) made on the service before, and checks that it no longer works.
 */
let provider: LocalFranceConnect;
let ants: Awaited<ReturnType<typeof startAntsHttp>>;
beforeAll(async () => {
  provider = await startLocalFranceConnect({ port: 0, antsUrl: ANTS_URL });
});
afterAll(async () => {
  await provider?.stop();
});
beforeEach(async () => {
  ants = await startAntsHttp({
    notify: true,
    devTools: true,
    franceConnect: { issuer: provider.issuer, ...LOCAL_FRANCECONNECT_CLIENT },
  });
});
afterEach(async () => {
  await ants.close();
});

const CHLOE = DEMO_FRANCECONNECT_IDENTITIES.find((i) => i.family_name === 'MOREAU')!;
/** Chloé as a school types her from her papers. */
const chloe = (candidate: Partial<ReturnType<typeof draftRequest>['candidate']> = {}) =>
  draftRequest({
    candidate: {
      sex: 'F',
      birthName: 'MOREAU',
      firstName: 'Chloé',
      otherFirstNames: '',
      birthDate: CHLOE.birthdate,
      birthCity: 'LYON-3E-ARRONDISSEMENT',
      birthDepartment: '69',
      birthCountry: 'FRANCE',
      email: CHLOE.email,
      ...candidate,
    },
  });

type School = typeof ants.brequigny;
async function validated(school: School, request: ReturnType<typeof draftRequest>) {
  const app = await school.createApplication(request, crypto.randomUUID());
  await school.uploadPiece(app.number, 'identity', { name: 'cni.png', bytes: PNG });
  await school.uploadPiece(app.number, 'proof_of_address', { name: 'dom.png', bytes: PNG });
  return school.validateApplication(app.number);
}
const activationMail = (email: string) =>
  ants.sink!.waitFor((m) => (m.subject ?? '').startsWith('Activez') && mailTo(m) === email);
const activationToken = (text: string | undefined) => /\/monespace\/activer\/([A-Za-z0-9_-]+)/.exec(text ?? '')?.[1];
const sms = () => readSmsOutbox(ants.db, createSecretBox(TEST_KEY));
const numbers = async (client: ReturnType<typeof testClient>) =>
  (await client.get('/api/candidate/applications')).json().applications.map((a: { number: string }) => a.number);

describe('account capture by a rival school', () => {
  it('sends the activation link in the mail only: the SMS to the mobile a school typed opens nothing', async () => {
    // The rival types the person's real email with its own mobile, and validates.
    const request = draftRequest({ candidate: { mobile: '0699999999' } });
    await validated(ants.saintPriest, request);
    const mail = await activationMail(request.candidate.email);
    const token = activationToken(mail.text);
    expect(token).toBeDefined();

    const text = (await until(async () => (await sms())[0])).text;
    expect(text).toContain('votre école de conduite a terminé la saisie');
    expect(text).not.toMatch(/https?:\/\//);
    expect(text).not.toContain(token!);
    // Nothing in the SMS is a code either: no run of digits or letters long enough to be a secret.
    expect(text).not.toMatch(/[A-Za-z0-9_-]{20,}/);
    const outbox = await ants.app.inject({ method: 'GET', url: '/dev/sms' });
    expect(outbox.body).not.toContain('/monespace/activer/');
  });

  it('FranceConnect revokes a password, a secret question and the sessions its email did not set, and tells the person', async () => {
    // Before this fix, a rival activated the account from the SMS link: its credentials came from no proof.
    const decoy = await validated(ants.saintPriest, chloe({ mobile: '0699999999' }));
    const token = activationToken((await activationMail(CHLOE.email)).text)!;
    const rival = testClient(ants.app);
    const activated = await rival.post(`/api/candidate/activation/${token}`, { ...ACTIVATION_FORM, sex: 'F' });
    expect(activated.statusCode).toBe(200);
    await ants.db.update(candidates).set({ credentialsVia: null }).where(eq(candidates.email, CHLOE.email));
    const loginId = activated.json().loginId as string;
    // It refuses its own demand from inside the account, so that the real school's can be sent.
    expect((await rival.post(`/api/candidate/applications/${decoy.number}/refuse`, {})).statusCode).toBe(200);

    // The person's real school registers her: same email.
    const real = await validated(ants.brequigny, chloe());
    const { client, landed } = await franceConnectSignIn(ants.app, CHLOE.sub);
    expect(landed.headers.location).toBe('/monespace');
    expect(await numbers(client)).toContain(real.number);
    // The rival is out: its session ended, its password and secret answer no longer open anything.
    expect((await rival.get('/api/candidate/home')).statusCode).toBe(401);
    const again = await testClient(ants.app).post('/api/candidate/login', { loginId, password: CANDIDATE_PASSWORD });
    expect(again.statusCode).toBe(401);
    const question = await testClient(ants.app).post('/api/candidate/password-reset/answer', {
      loginId,
      secretAnswer: ACTIVATION_FORM.secretAnswer,
    });
    expect(question.statusCode).toBe(401);
    const mine = (await client.get('/api/candidate/personal-data')).json();
    expect(mine).toMatchObject({ email: CHLOE.email, hasPassword: false, secretQuestion: null, franceConnect: true });
    // She is told, in « Mes messages » and by mail.
    const told = 'Votre compte ANTS est maintenant protégé par FranceConnect';
    const inbox = (await client.get('/api/candidate/messages')).json().messages as { subject: string }[];
    expect(inbox.map((m) => m.subject)).toContain(told);
    const mail = await ants.sink!.waitFor((m) => m.subject === told);
    expect(mailTo(mail)).toBe(CHLOE.email);
  });

  it('a password chosen before its proof was kept opens nothing until the email proves the person', async () => {
    const { loginId, request } = await activatedCandidate(ants);
    await ants.db.update(candidates).set({ credentialsVia: null }).where(eq(candidates.email, request.candidate.email));
    const refused = await testClient(ants.app).post('/api/candidate/login', { loginId, password: CANDIDATE_PASSWORD });
    expect([refused.statusCode, refused.json().code, refused.json().detail]).toEqual([
      403,
      'CREDENTIALS_UNPROVEN',
      'Par sécurité, choisissez un nouveau mot de passe avec le lien envoyé à votre adresse électronique (« Mot de passe oublié ? »), ou connectez-vous avec FranceConnect.',
    ]);
    // A wrong password still reads as any wrong password: nothing tells the account's state.
    const wrong = await testClient(ants.app).post('/api/candidate/login', { loginId, password: 'Pas-le-bon-2026!' });
    expect(wrong.json().code).toBe('WRONG_CREDENTIALS');
    // « Mot de passe oublié ? »: the link goes to the account's address; the new password is the email's.
    await testClient(ants.app).post('/api/candidate/password-reset/link', { loginId });
    const mail = await ants.sink!.waitFor((m) => m.subject === 'Réinitialisation de votre mot de passe ANTS');
    const token = /nouveau-mot-de-passe\/([A-Za-z0-9_-]+)/.exec(mail.text ?? '')![1];
    const fresh = 'Encore-Un-Secret-2026!';
    const reset = await testClient(ants.app).post(`/api/candidate/password-reset/${token}`, {
      password: fresh,
      passwordConfirmation: fresh,
    });
    expect(reset.statusCode).toBe(200);
    expect((await testClient(ants.app).post('/api/candidate/login', { loginId, password: fresh })).statusCode).toBe(
      200,
    );
  });

  it('keeps the password the person set through the link mailed to them, and their session', async () => {
    await validated(ants.brequigny, chloe());
    const token = activationToken((await activationMail(CHLOE.email)).text)!;
    const own = testClient(ants.app);
    const activated = await own.post(`/api/candidate/activation/${token}`, { ...ACTIVATION_FORM, sex: 'F' });
    expect(activated.statusCode).toBe(200);
    const { client } = await franceConnectSignIn(ants.app, CHLOE.sub);
    expect((await client.get('/api/candidate/personal-data')).json()).toMatchObject({
      hasPassword: true,
      franceConnect: true,
    });
    expect((await own.get('/api/candidate/home')).statusCode).toBe(200);
    const login = await testClient(ants.app).post('/api/candidate/login', {
      loginId: activated.json().loginId,
      password: CANDIDATE_PASSWORD,
    });
    expect(login.statusCode).toBe(200);
  });
});

describe('identity squatting', () => {
  it('never makes FranceConnect ambiguous with twins a school typed under other emails', async () => {
    // « Chloe », « CHLOE », « Chloé-» with three addresses of the rival's: one live, one validated, one deleted.
    const live = await ants.saintPriest.createApplication(
      chloe({ firstName: 'Chloe', email: 'a@ecole-rivale.fr' }),
      crypto.randomUUID(),
    );
    const sent = await validated(ants.saintPriest, chloe({ firstName: 'CHLOE', email: 'b@ecole-rivale.fr' }));
    const gone = await ants.saintPriest.createApplication(
      chloe({ birthName: 'Moreau', email: 'c@ecole-rivale.fr' }),
      crypto.randomUUID(),
    );
    await ants.saintPriest.deleteApplication(gone.number);

    const { client, landed } = await franceConnectSignIn(ants.app, CHLOE.sub);
    expect(landed.headers.location).toBe('/monespace');
    // Her own account, at her address: none of the rival's demands.
    expect((await client.get('/api/candidate/personal-data')).json()).toMatchObject({ email: CHLOE.email });
    const mine = await numbers(client);
    for (const other of [live.number, sent.number, gone.number]) expect(mine).not.toContain(other);
  });

  it('a draft a rival deleted, or still holds, refuses nothing to the real school', async () => {
    // The person's identity with the rival's own email, then deleted.
    const planted = await ants.saintPriest.createApplication(
      chloe({ email: 'secretariat@ecole-rivale.fr' }),
      crypto.randomUUID(),
    );
    await ants.saintPriest.deleteApplication(planted.number);
    // The person's real email with another spelling and another birth date, still live.
    await ants.saintPriest.createApplication(
      chloe({ firstName: 'LINA', birthDate: '2001-01-01', sex: 'M' }),
      crypto.randomUUID(),
    );
    const real = await ants.brequigny.createApplication(chloe(), crypto.randomUUID());
    expect(real.state).toBe('draft');
  });

  it('a rival’s earlier demand never shortens the 7 days the person has for the real school’s', async () => {
    const decoy = await validated(ants.saintPriest, chloe({ mobile: '0699999999' }));
    await activationMail(CHLOE.email);
    // Six days pass.
    const sixDaysAgo = new Date(Date.now() - 6 * 86400000);
    await ants.db.update(candidates).set({ invitedAt: sixDaysAgo }).where(eq(candidates.email, CHLOE.email));
    // The rival deletes its demand; the real school validates its own: a new mail, 7 days from it.
    await ants.saintPriest.deleteApplication(decoy.number);
    const real = await validated(ants.brequigny, chloe());
    await until(async () =>
      ants.sink!.mails.filter((m) => (m.subject ?? '').startsWith('Activez') && mailTo(m) === CHLOE.email).length >= 2
        ? true
        : undefined,
    );
    expect(await expireUnactivatedAccounts(ants.db, new Date(Date.now() + 2 * 86400000))).toBe(0);
    expect((await ants.brequigny.getApplication(real.number)).state).toBe('awaiting_candidate');
    expect(await expireUnactivatedAccounts(ants.db, new Date(Date.now() + 8 * 86400000))).toBe(1);
  });

  it('checks the one live demand at validation, and the refusal names no holder, kind or number', async () => {
    const first = await validated(ants.saintPriest, chloe());
    expect(first.state).toBe('awaiting_candidate');
    const second = await ants.brequigny.createApplication(chloe(), crypto.randomUUID());
    await ants.brequigny.uploadPiece(second.number, 'identity', { name: 'cni.png', bytes: PNG });
    await ants.brequigny.uploadPiece(second.number, 'proof_of_address', { name: 'dom.png', bytes: PNG });
    const refused = await failure(ants.brequigny.validateApplication(second.number));
    expect(refused.code).toBe('APPLICATION_ALREADY_REGISTERED');
    expect(refused.message).not.toMatch(/école|candidat libre|lui-même|n°|\d{6,}/);
    expect(refused.message).not.toContain(first.number);
  });

  it('tells a school nothing of a demand the person filed themselves', async () => {
    const { client } = await franceConnectSignIn(ants.app, CHLOE.sub);
    const own = await client.post('/api/candidate/own-applications', {
      motif: 'first',
      candidate: { addressLine1: '15 rue Aristide Briand', postalCode: '69800', city: 'SAINT-PRIEST', mobile: '' },
      dossier: {
        requestedCategories: ['B'],
        prefectureCode: '69123',
        declarations: { jdcInOrder: true },
        training: 'none',
      },
    });
    expect(own.statusCode, own.body).toBe(201);
    const { number } = own.json();
    for (const kind of ['identity', 'proof_of_address']) {
      const sent = await client.request({
        method: 'POST',
        url: `/api/candidate/own-applications/${number}/pieces/${kind}`,
        ...multipart(PNG, `${kind}.png`, 'image/png'),
      });
      expect(sent.statusCode, sent.body).toBeLessThan(300);
    }
    const submitted = await client.post(`/api/candidate/own-applications/${number}/submit`, { attestation: true });
    expect(submitted.statusCode, submitted.body).toBe(200);
    // The school's draft is made: creation tells nothing of the person's other demands.
    const draft = await ants.brequigny.createApplication(chloe(), crypto.randomUUID());
    expect(draft.state).toBe('draft');
    await ants.brequigny.uploadPiece(draft.number, 'identity', { name: 'cni.png', bytes: PNG });
    await ants.brequigny.uploadPiece(draft.number, 'proof_of_address', { name: 'dom.png', bytes: PNG });
    const refused = await failure(ants.brequigny.validateApplication(draft.number));
    expect(refused.code).toBe('APPLICATION_ALREADY_REGISTERED');
    expect(refused.message).not.toMatch(/école|candidat libre|lui-même|n°/);
    expect(refused.message).not.toContain(number);
  });

  it('tells a school nothing of a Cerfa 02 another school holds: its 06 needs the accepted 02 in its own hands', async () => {
    const request = chloe();
    const registration = await validated(ants.brequigny, request);
    // Sworn by the candidate and accepted by an agent (the states, as the instruction tests reach them).
    await ants.db
      .update(applications)
      .set({ state: 'accepted', neph: '202669000123' })
      .where(eq(applications.number, registration.number));
    // Another school reads the same answer as for an email with no accepted 02 at all.
    const nothing = await failure(
      ants.saintPriest.createApplication(
        { ...chloe({ email: 'personne@example.fr' }), type: '06' },
        crypto.randomUUID(),
      ),
    );
    const elsewhere = await failure(
      ants.saintPriest.createApplication({ ...request, type: '06' }, crypto.randomUUID()),
    );
    expect([elsewhere.code, elsewhere.message]).toEqual([nothing.code, nothing.message]);
    expect(elsewhere.code).toBe('CERFA_02_NOT_ACCEPTED');
    // Taken over by transfer (its number, its holder's agrément, the candidate), it serves.
    await ants.saintPriest.transfer({
      number: registration.number,
      holderAgrementNumber: 'E1703500010',
      candidate: { birthName: 'MOREAU', firstName: 'Chloé', birthDate: CHLOE.birthdate },
    });
    const title = await ants.saintPriest.createApplication({ ...request, type: '06' }, crypto.randomUUID());
    expect(title.type).toBe('06');
  });

  it('keeps the seed’s divergences where the person swore their identity, or the school itself typed two people on it', async () => {
    const family = draftRequest();
    await ants.brequigny.createApplication(family, crypto.randomUUID());
    const sibling = await failure(
      ants.brequigny.createApplication(
        { ...family, candidate: { ...family.candidate, firstName: 'Lucie', birthDate: '2007-05-05' } },
        crypto.randomUUID(),
      ),
    );
    expect([sibling.code, sibling.message]).toEqual(['EMAIL_ALREADY_USED', API_ERRORS.EMAIL_ALREADY_USED.title]);
    // « Zoé » and « ZOE » are the same name, as the agency compares them.
    const twin = await ants.brequigny
      .createApplication(
        { ...family, candidate: { ...family.candidate, birthName: family.candidate.birthName.toLowerCase() } },
        crypto.randomUUID(),
      )
      .catch((error: Error) => error);
    expect((twin as { code?: string }).code).toBe('APPLICATION_ALREADY_REGISTERED');

    // Once the person swore their demand's recap, its état civil is theirs.
    const { request, client, app } = await activatedCandidate(ants);
    const sworn = await client.post(`/api/candidate/applications/${app.number}/confirm`, { attestation: true });
    expect(sworn.statusCode).toBe(200);
    const other = await failure(
      ants.saintPriest.createApplication(
        { ...request, candidate: { ...request.candidate, firstName: 'Paul' } },
        crypto.randomUUID(),
      ),
    );
    expect(other.code).toBe('EMAIL_ALREADY_USED');
  });
});

describe('a school registering a person FranceConnect vouched for', () => {
  it('compares birth places as the agency does: a town typed for a birth abroad, where FranceConnect gives none, is no divergence', async () => {
    const amina = DEMO_FRANCECONNECT_IDENTITIES.find((i) => i.family_name === 'DIALLO')!;
    await franceConnectSignIn(ants.app, amina.sub);
    const typed = draftRequest({
      candidate: {
        sex: 'F',
        birthName: 'Diallo',
        firstName: 'Amina',
        otherFirstNames: 'Fatou',
        birthDate: amina.birthdate,
        birthCity: 'DAKAR',
        birthDepartment: '',
        birthCountry: 'SENEGAL',
        email: amina.email,
      },
    });
    const draft = await ants.brequigny.createApplication(typed, crypto.randomUUID());
    expect(draft.state).toBe('draft');
    // Another country is another person for the agency.
    const elsewhere = await failure(
      ants.saintPriest.createApplication(
        { ...typed, candidate: { ...typed.candidate, birthCountry: 'MALI' } },
        crypto.randomUUID(),
      ),
    );
    expect(elsewhere.code).toBe('CANDIDATE_DATA_DIFFERS');
  });
});

describe('an activated email proves the address, not the name a school typed on it', () => {
  it('a rival’s demand activated first does not fix the person’s identity: only their sworn recap does', async () => {
    // The rival validates the real email with another person's name and birth date.
    const decoy = await validated(
      ants.saintPriest,
      chloe({ firstName: 'Lina', birthName: 'ROSSI', birthDate: '2001-01-01', sex: 'F' }),
    );
    const token = activationToken((await activationMail(CHLOE.email)).text)!;
    const person = testClient(ants.app);
    const activated = await person.post(`/api/candidate/activation/${token}`, { ...ACTIVATION_FORM, sex: 'F' });
    expect(activated.statusCode).toBe(200);
    // Her real school registers her under her real name: nothing refuses it.
    const draft = await ants.brequigny.createApplication(chloe(), crypto.randomUUID());
    expect(draft.state).toBe('draft');
    // She refuses the rival's demand, her school sends its own, she swears it: her état civil now.
    expect((await person.post(`/api/candidate/applications/${decoy.number}/refuse`, {})).statusCode).toBe(200);
    await ants.brequigny.uploadPiece(draft.number, 'identity', { name: 'cni.png', bytes: PNG });
    await ants.brequigny.uploadPiece(draft.number, 'proof_of_address', { name: 'dom.png', bytes: PNG });
    await ants.brequigny.validateApplication(draft.number);
    const sworn = await person.post(`/api/candidate/applications/${draft.number}/confirm`, { attestation: true });
    expect(sworn.statusCode).toBe(200);
    expect((await person.get('/api/candidate/personal-data')).json().identity).toMatchObject({
      firstName: 'Chloé',
      birthName: 'MOREAU',
      birthDate: CHLOE.birthdate,
    });
    // From then on, the seed's divergence holds against that sworn identity.
    const other = await failure(
      ants.saintPriest.createApplication(chloe({ firstName: 'Lina', birthName: 'ROSSI' }), crypto.randomUUID()),
    );
    expect(other.code).toBe('EMAIL_ALREADY_USED');
  });
});

describe('a mobile a school typed proves nothing', () => {
  it('sends a demand’s news by SMS to the mobile the person confirmed, else to the one typed on that demand', async () => {
    // The rival's demand reached the person first, with the rival's mobile: the account took it.
    const decoy = await validated(ants.saintPriest, chloe({ mobile: '0699999999' }));
    const token = activationToken((await activationMail(CHLOE.email)).text)!;
    const person = testClient(ants.app);
    expect((await person.post(`/api/candidate/activation/${token}`, { ...ACTIVATION_FORM, sex: 'F' })).statusCode).toBe(
      200,
    );
    expect((await person.post(`/api/candidate/applications/${decoy.number}/refuse`, {})).statusCode).toBe(200);
    // Her real school types her mobile; she validates its demand.
    const real = await validated(ants.brequigny, chloe({ mobile: '0611111111' }));
    expect(
      (await person.post(`/api/candidate/applications/${real.number}/confirm`, { attestation: true })).statusCode,
    ).toBe(200);
    const news = `ANTS : vous avez validé votre demande de permis n° ${real.number}, transmise à l'instruction.`;
    const sent = await until(async () => (await sms()).find((m) => m.text === news));
    expect(sent.to).toBe('+33611111111');
    expect((await sms()).filter((m) => m.to === '+33699999999' && m.text.includes(real.number))).toEqual([]);
  });
});

describe('the demands made for a person under another address follow once they prove it', () => {
  it('lists them to the person FranceConnect vouches for, and moves them with a link mailed to that address', async () => {
    const old = 'chloe.ancienne@example.fr';
    const made = await validated(ants.brequigny, chloe({ email: old }));
    const { client } = await franceConnectSignIn(ants.app, CHLOE.sub);
    expect(await numbers(client)).not.toContain(made.number);
    const others = (await client.get('/api/candidate/other-addresses')).json().addresses as {
      id: string;
      address: string;
    }[];
    expect(others).toEqual([{ id: expect.any(String), address: 'c•••••••••••••@example.fr' }]);
    expect(JSON.stringify(others)).not.toContain('ancienne');
    const notice = {
      text: 'Des démarches ont été faites pour vous avec une autre adresse électronique : rattachez-les à votre compte.',
      link: '/monespace/donnees#autres-adresses',
    };
    expect((await client.get('/api/candidate/home')).json().notifications).toContainEqual(notice);
    const asked = await client.post(`/api/candidate/other-addresses/${others[0]!.id}/link`, {});
    expect(asked.statusCode).toBe(202);
    const mail = await ants.sink!.waitFor((m) => mailTo(m) === old && (m.subject ?? '').startsWith('Rattacher'));
    const token = /\/monespace\/rattacher\/([A-Za-z0-9_-]+)/.exec(mail.text ?? '')![1]!;
    // The link proves the address, the session the person: whoever reads that mailbox alone, or
    // another signed-in person, moves nothing.
    expect((await testClient(ants.app).post(`/api/candidate/attach/${token}`, {})).statusCode).toBe(401);
    const stranger = (await activatedCandidate(ants, 'Zoe')).client;
    const theirs = await stranger.post(`/api/candidate/attach/${token}`, {});
    expect([theirs.statusCode, theirs.json().code]).toEqual([403, 'OTHER_ACCOUNT']);
    const attached = await client.post(`/api/candidate/attach/${token}`, {});
    expect(attached.statusCode, attached.body).toBe(200);
    expect(await numbers(client)).toContain(made.number);
    expect((await client.get('/api/candidate/other-addresses')).json().addresses).toEqual([]);
    expect((await client.get('/api/candidate/home')).json().notifications).not.toContainEqual(notice);
    const reused = await client.post(`/api/candidate/attach/${token}`, {});
    expect(reused.statusCode).toBe(410);
  });
});

describe('small leaks', () => {
  it('derives the decoy question with the service’s secret: nobody can compute it from the identifier', async () => {
    const client = testClient(ants.app);
    const plain = (id: string) =>
      SECRET_QUESTIONS[Number.parseInt(sha256(id).slice(0, 8), 16) % SECRET_QUESTIONS.length];
    const ids = Array.from({ length: 30 }, (_, i) => `inconnu${i}.personne`);
    const answers = [];
    for (const loginId of ids) {
      const first = (await client.post('/api/candidate/password-reset/question', { loginId })).json().question;
      const second = (await client.post('/api/candidate/password-reset/question', { loginId })).json().question;
      expect(second).toBe(first);
      answers.push(first);
    }
    // With a plain SHA-256 all 30 would match; by chance under a secret key, (1/5)^30.
    expect(answers.filter((q, i) => q !== plain(ids[i]!)).length).toBeGreaterThan(0);
  });

  it('the right secret answer mails a reset link to the account’s address: it opens nothing by itself', async () => {
    const { loginId, request } = await activatedCandidate(ants);
    const right = await testClient(ants.app).post('/api/candidate/password-reset/answer', {
      loginId,
      secretAnswer: ACTIVATION_FORM.secretAnswer,
    });
    expect(right.statusCode).toBe(202);
    expect(JSON.stringify(right.json())).not.toMatch(/token/i);
    const mail = await ants.sink!.waitFor((m) => m.subject === 'Réinitialisation de votre mot de passe ANTS');
    expect(mailTo(mail)).toBe(request.candidate.email);
  });
});
