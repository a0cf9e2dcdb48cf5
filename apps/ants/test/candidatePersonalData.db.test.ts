import { createSecretBox } from '@permis/platform';
import { testClient, until } from '@permis/platform/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, candidateMobileChanges, candidates } from '../src/db/schema.ts';
import { readSmsOutbox } from '../src/notify/sms.ts';
import {
  ACTIVATION_FORM,
  activatedCandidate,
  CANDIDATE_PASSWORD,
  invitedCandidate,
  mailTo,
  startAntsHttp,
} from './api.ts';
import { TEST_KEY } from './harness.ts';

let ants: Awaited<ReturnType<typeof startAntsHttp>>;
beforeAll(async () => {
  ants = await startAntsHttp({ notify: true });
});
afterAll(async () => {
  await ants.close();
});

const NEW_PASSWORD = 'Encore-Meilleur-2026!';

/** The SMS the development outbox received for a number (+33…), newest first, readable. */
const smsTo = async (mobile: string) =>
  (await readSmsOutbox(ants.db, createSecretBox(TEST_KEY))).filter((s) => s.to === mobile).map((s) => s.text);
/** Waits for the `count`-th SMS to a number; answers them all, newest first. */
const awaitSms = (mobile: string, count = 1) =>
  until(async () => {
    const texts = await smsTo(mobile);
    return texts.length >= count ? texts : undefined;
  });
/** Waits for an SMS to a number that `matches` (the invitation's SMS may leave after a later one). */
const awaitSmsThat = (mobile: string, matches: (text: string) => boolean) =>
  until(async () => (await smsTo(mobile)).find(matches));
const codeIn = (text: string) => /\b(\d{6})\b/.exec(text)?.[1];

/** An activated, signed-in candidate whose account holds `mobile` (each test a number of its own). */
async function candidateWithMobile(firstName: string, mobile: string) {
  const invited = await invitedCandidate(ants, firstName, { mobile });
  const client = testClient(ants.app);
  const activated = await client.post(`/api/candidate/activation/${invited.token}`, ACTIVATION_FORM);
  if (activated.statusCode !== 200) throw new Error(`activation refused: ${activated.body}`);
  const [row] = await ants.db
    .select({ id: candidates.id })
    .from(candidates)
    .where(eq(candidates.email, invited.request.candidate.email));
  return { ...invited, client, id: row!.id };
}

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
    // The account's address hears of each change, so that one the person did not make is seen.
    const me = (await client.get('/api/candidate/personal-data')).json().email as string;
    for (const subject of [
      'Le mot de passe de votre compte ANTS a été modifié',
      'La question secrète de votre compte ANTS a été modifiée',
    ]) {
      expect(mailTo(await ants.sink!.waitFor((m) => m.subject === subject && mailTo(m) === me))).toBe(me);
    }
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

describe('a new mobile is confirmed by a code sent to it (issue 35)', () => {
  const pendingOf = async (id: string) =>
    (await ants.db.select().from(candidateMobileChanges).where(eq(candidateMobileChanges.candidateId, id)))[0];
  const audited = async (id: string, action: string) =>
    ants.db.$count(auditEvents, and(eq(auditEvents.targetId, id), eq(auditEvents.action, action)));

  it('sends a code to the new number only, tells the former one, and changes the mobile once the code is typed', async () => {
    const { client, id } = await candidateWithMobile('Sami', '06 12 00 00 01');
    const bad = await client.post('/api/candidate/personal-data/mobile', { mobile: '01 23 45 67 89' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].message).toBe('Le téléphone portable doit être un numéro français (06 ou 07).');
    const same = await client.post('/api/candidate/personal-data/mobile', { mobile: '+33612000001' });
    expect(same.statusCode).toBe(400);
    expect(same.json().fields).toEqual([
      expect.objectContaining({ path: 'mobile', message: 'C’est déjà votre numéro de téléphone portable.' }),
    ]);

    const asked = await client.post('/api/candidate/personal-data/mobile', { mobile: '07 12 00 00 02' });
    expect(asked.statusCode).toBe(202);
    expect(asked.json()).toEqual({
      message:
        'Un code de confirmation a été envoyé par SMS au 07 12 00 00 02 ; saisissez-le pour confirmer le nouveau numéro. Il est valable 10 minutes.',
      pendingMobile: '0712000002',
    });
    // Nothing changes before the code comes back.
    expect((await client.get('/api/candidate/personal-data')).json()).toMatchObject({
      mobile: '0612000001',
      pendingMobile: '0712000002',
    });
    expect(await audited(id, 'candidate.mobile_change')).toBe(0);

    // The code goes to the new number only; the former one hears that a change was asked, with no code.
    const [codeSms] = await awaitSms('+33712000002');
    const code = codeIn(codeSms!)!;
    expect(codeSms).toContain('ANTS : votre code de confirmation est');
    expect(code).toMatch(/^\d{6}$/);
    const warned = await awaitSmsThat('+33612000001', (text) => text.includes('a été demandé'));
    expect(warned).toBe(
      'ANTS : un changement du numéro de téléphone portable de votre compte ANTS a été demandé. Si cette demande ne vient pas de vous, connectez-vous à votre compte et changez votre mot de passe.',
    );
    expect(codeIn(warned!)).toBeUndefined();
    expect((await smsTo('+33612000001')).join('\n')).not.toContain(code);

    // Stored as a hash and sealed: neither the code nor the number in clear.
    const row = (await pendingOf(id))!;
    expect(JSON.stringify(row)).not.toContain(code);
    expect(JSON.stringify(row)).not.toContain('0712000002');
    expect(JSON.stringify(row)).not.toContain('712000002');
    const minutes = (row.expiresAt.getTime() - Date.now()) / 60000;
    expect(minutes).toBeGreaterThan(9);
    expect(minutes).toBeLessThanOrEqual(10);

    const malformed = await client.post('/api/candidate/personal-data/mobile/confirm', { code: '12ab' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().fields[0]).toMatchObject({
      path: 'code',
      message: 'Saisissez le code à 6 chiffres reçu par SMS.',
    });
    const wrongCode = code === '000000' ? '111111' : '000000';
    const wrong = await client.post('/api/candidate/personal-data/mobile/confirm', { code: wrongCode });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({
      code: 'CODE_INCORRECT',
      detail: 'Le code saisi est incorrect.',
      fields: [{ path: 'code', message: 'Ce code est incorrect : vérifiez le SMS reçu. Il vous reste 4 essais.' }],
    });

    const confirmed = await client.post('/api/candidate/personal-data/mobile/confirm', { code: ` ${code} ` });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toEqual({ mobile: '0712000002' });
    expect((await client.get('/api/candidate/personal-data')).json()).toMatchObject({
      mobile: '0712000002',
      pendingMobile: null,
    });
    expect(await audited(id, 'candidate.mobile_change')).toBe(1);
    expect(await pendingOf(id)).toBeUndefined();
    // The former number hears that it is done; the code served once.
    const done = await awaitSmsThat('+33612000001', (text) => text.includes('a été changé'));
    expect(done).toBe(
      "ANTS : le numéro de téléphone portable de votre compte ANTS a été changé : les SMS du service n'arriveront plus à ce numéro. Si ce changement ne vient pas de vous, contactez l'ANTS.",
    );
    const again = await client.post('/api/candidate/personal-data/mobile/confirm', { code });
    expect(again.statusCode).toBe(410);
    expect(again.json().detail).toBe(
      'Aucun changement de numéro n’est en attente : saisissez le nouveau numéro pour recevoir un code.',
    );
  });

  it('drops the pending change after 5 wrong codes: the candidate must ask again', async () => {
    const { client, id } = await candidateWithMobile('Lou', '0612000011');
    expect((await client.post('/api/candidate/personal-data/mobile', { mobile: '0712000012' })).statusCode).toBe(202);
    const code = codeIn((await awaitSms('+33712000012'))[0]!)!;
    const wrongCode = code === '000000' ? '111111' : '000000';
    const left = [];
    for (let i = 0; i < 4; i++) {
      const wrong = await client.post('/api/candidate/personal-data/mobile/confirm', { code: wrongCode });
      expect(wrong.statusCode).toBe(400);
      left.push(wrong.json().fields[0].message);
    }
    expect(left.at(-1)).toBe('Ce code est incorrect : vérifiez le SMS reçu. Il vous reste 1 essai.');
    expect((await pendingOf(id))?.failures).toBe(4);
    const fifth = await client.post('/api/candidate/personal-data/mobile/confirm', { code: wrongCode });
    expect(fifth.statusCode).toBe(410);
    expect(fifth.json()).toMatchObject({
      code: 'CODE_GONE',
      detail:
        'Code incorrect saisi 5 fois : la demande de changement de numéro est annulée. Saisissez de nouveau le numéro pour recevoir un nouveau code.',
    });
    expect(await pendingOf(id)).toBeUndefined();
    // Even the right code no longer opens it.
    expect((await client.post('/api/candidate/personal-data/mobile/confirm', { code })).statusCode).toBe(410);
    expect((await client.get('/api/candidate/personal-data')).json()).toMatchObject({
      mobile: '0612000011',
      pendingMobile: null,
    });
  });

  it('replaces the code when asked again, and refuses it once expired (10 minutes)', async () => {
    const { client, id } = await candidateWithMobile('Nils', '0612000021');
    expect((await client.post('/api/candidate/personal-data/mobile', { mobile: '0712000022' })).statusCode).toBe(202);
    const first = codeIn((await awaitSms('+33712000022'))[0]!)!;
    // « Renvoyer un code »: the same number asked again, a new code; the former number is not told twice.
    expect((await client.post('/api/candidate/personal-data/mobile', { mobile: '0712000022' })).statusCode).toBe(202);
    const second = codeIn((await awaitSms('+33712000022', 2))[0]!)!;
    if (second !== first) {
      const old = await client.post('/api/candidate/personal-data/mobile/confirm', { code: first });
      expect(old.statusCode).toBe(400);
    }
    expect(await ants.db.$count(candidateMobileChanges, eq(candidateMobileChanges.candidateId, id))).toBe(1);

    // Ten minutes later.
    await ants.db
      .update(candidateMobileChanges)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(candidateMobileChanges.candidateId, id));
    const expired = await client.post('/api/candidate/personal-data/mobile/confirm', { code: second });
    expect(expired.statusCode).toBe(410);
    expect(expired.json()).toMatchObject({
      code: 'CODE_EXPIRED',
      fields: [
        {
          path: 'code',
          message: 'Ce code a expiré (il est valable 10 minutes) : demandez-en un nouveau avec « Renvoyer un code ».',
        },
      ],
    });
    // Still pending: a new code can be asked for the same number, and it works.
    expect((await client.get('/api/candidate/personal-data')).json().pendingMobile).toBe('0712000022');
    expect((await client.post('/api/candidate/personal-data/mobile', { mobile: '0712000022' })).statusCode).toBe(202);
    const third = codeIn((await awaitSms('+33712000022', 3))[0]!)!;
    expect((await client.post('/api/candidate/personal-data/mobile/confirm', { code: third })).json()).toEqual({
      mobile: '0712000022',
    });
    const warnings = (await smsTo('+33612000021')).filter((text) => text.includes('a été demandé'));
    expect(warnings).toHaveLength(1);
  });

  it('limits the codes asked per account (5 a day), so that nobody floods a number through the service', async () => {
    const { client } = await candidateWithMobile('Emma', '0612000031');
    for (let i = 0; i < 5; i++) {
      const asked = await client.post('/api/candidate/personal-data/mobile', { mobile: `071200003${i}` });
      expect(asked.statusCode).toBe(202);
    }
    const sixth = await client.post('/api/candidate/personal-data/mobile', { mobile: '0712000039' });
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().detail).toBe(
      'Trop de codes demandés aujourd’hui pour ce compte : réessayez demain, ou confirmez le numéro avec le dernier code reçu.',
    );
    // The last code asked still confirms its number; none went to the refused one.
    expect((await client.get('/api/candidate/personal-data')).json().pendingMobile).toBe('0712000034');
    const code = codeIn((await awaitSms('+33712000034'))[0]!)!;
    expect((await client.post('/api/candidate/personal-data/mobile/confirm', { code })).json()).toEqual({
      mobile: '0712000034',
    });
    expect(await smsTo('+33712000039')).toEqual([]);
  });

  it('removes the mobile with no code, telling the former number; a new one then needs its code', async () => {
    const { client, id } = await candidateWithMobile('Hugo', '0612000041');
    expect((await client.post('/api/candidate/personal-data/mobile', { mobile: '0712000042' })).statusCode).toBe(202);
    const removed = await client.post('/api/candidate/personal-data/mobile', { mobile: '' });
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toEqual({ mobile: '' });
    expect((await client.get('/api/candidate/personal-data')).json()).toMatchObject({
      mobile: '',
      pendingMobile: null,
    });
    expect(await audited(id, 'candidate.mobile_remove')).toBe(1);
    const told = await until(async () => (await smsTo('+33612000041')).find((text) => text.includes('a été retiré')));
    expect(told).toBe(
      "ANTS : ce numéro a été retiré de votre compte ANTS : les SMS du service n'y arriveront plus. Si ce changement ne vient pas de vous, contactez l'ANTS.",
    );

    // With no number, the new one alone hears of the request.
    expect((await client.post('/api/candidate/personal-data/mobile', { mobile: '0712000043' })).statusCode).toBe(202);
    const code = codeIn((await awaitSms('+33712000043'))[0]!)!;
    expect((await client.post('/api/candidate/personal-data/mobile/confirm', { code })).json()).toEqual({
      mobile: '0712000043',
    });
    expect(await audited(id, 'candidate.mobile_change')).toBe(1);
  });
});
