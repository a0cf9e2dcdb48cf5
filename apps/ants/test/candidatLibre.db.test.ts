import { REGISTERED_ELSEWHERE } from '@permis/ants-api';
import { hashPassword } from '@permis/platform';
import { testClient } from '@permis/platform/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidateMessages, candidates } from '../src/db/schema.ts';
import { DEMO_EPHOTO_CODES } from '../src/seed/demo.ts';
import {
  activatedCandidate,
  CANDIDATE_PASSWORD,
  draftRequest,
  failure,
  multipart,
  PNG,
  pdfText,
  startAntsHttp,
} from './api.ts';
import { AGENT } from './harness.ts';

let ants: Awaited<ReturnType<typeof startAntsHttp>>;
beforeAll(async () => {
  ants = await startAntsHttp({ notify: true });
});
afterAll(async () => {
  await ants.close();
});

let counter = 0;
/** A candidate with an account and no school (as FranceConnect or an earlier demand made it), signed in. */
async function candidatLibre(
  birthName = `LIBRE-${String.fromCharCode(65 + counter++)}`,
  birth: { birthCity: string; birthDepartment: string; birthCountry: string } = {
    birthCity: 'RENNES',
    birthDepartment: '35',
    birthCountry: 'FRANCE',
  },
) {
  const loginId = `libre.${Date.now()}.${counter}`;
  await ants.db.insert(candidates).values({
    email: `${loginId}@example.fr`,
    sex: 'F',
    birthName,
    firstName: 'Inès',
    birthDate: '2005-06-01',
    ...birth,
    loginId,
    passwordHash: await hashPassword(CANDIDATE_PASSWORD),
    credentialsVia: 'email',
    activatedAt: new Date(),
  });
  const client = testClient(ants.app);
  await client.login('/api/candidate/login', { loginId, password: CANDIDATE_PASSWORD });
  return client;
}

const DEMAND = {
  motif: 'first',
  candidate: { addressLine1: '3 rue de la Paix', postalCode: '35000', city: 'RENNES', mobile: '06 55 44 33 22' },
  dossier: {
    requestedCategories: ['B'],
    prefectureCode: '35238',
    declarations: { jdcInOrder: true },
    training: 'none',
  },
};

const upload = (client: ReturnType<typeof testClient>, number: string, kind: string) =>
  client.request({
    method: 'POST',
    url: `/api/candidate/own-applications/${number}/pieces/${kind}`,
    ...multipart(PNG, `${kind}.png`, 'image/png'),
  });

async function agent() {
  const client = testClient(ants.app);
  await client.login('/api/agent/login', AGENT);
  return client;
}

describe('the candidat libre’s own demand', () => {
  it('is made by the candidate with their account’s identity, sent with its pièces, and instructed like any', async () => {
    const me = await candidatLibre('LIBRE-PARCOURS');
    const created = await me.post('/api/candidate/own-applications', DEMAND);
    expect(created.statusCode, created.body).toBe(201);
    const { number } = created.json();

    // In « Mes démarches en cours » from its draft on, with « Paiement »: nothing to pay for a registration.
    const list = (await me.get('/api/candidate/applications')).json().applications;
    expect(list).toEqual([expect.objectContaining({ number, state: 'draft', lastName: 'LIBRE-PARCOURS' })]);
    const home = (await me.get('/api/candidate/home')).json();
    expect(home.notifications).toContainEqual({
      text: `Votre demande n° ${number} est en brouillon : terminez-la pour l'envoyer.`,
      link: `/monespace/nouvelle-demande/${number}?etape=photo`,
    });
    const demand = (await me.get(`/api/candidate/own-applications/${number}`)).json();
    expect(demand.payment).toEqual({ due: false, message: expect.stringContaining("Aucun paiement n'est dû") });

    // The same rules as a school's: the required pièces first, the sworn attestation.
    const early = await me.post(`/api/candidate/own-applications/${number}/submit`, { attestation: true });
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('REQUIRED_PIECES_MISSING');
    expect((await upload(me, number, 'identity')).statusCode).toBe(201);
    expect((await upload(me, number, 'proof_of_address')).statusCode).toBe(201);
    const unsworn = await me.post(`/api/candidate/own-applications/${number}/submit`, {});
    expect(unsworn.json().code).toBe('ATTESTATION_REQUIRED');
    const sent = await me.post(`/api/candidate/own-applications/${number}/submit`, { attestation: true });
    expect(sent.json()).toEqual({ number, state: 'under_instruction' });
    // Its receipt says when it was sent, as for a demand the candidate validated.
    const receipt = await me.get(`/api/candidate/applications/${number}/documents/receipt`);
    expect(pdfText(receipt.rawPayload)).toMatch(/Transmise le \d{2}\/\d{2}\/\d{4}/);

    // The agent finds it, without a school; the recap names no school either.
    const console = await agent();
    const queue = (await console.get('/api/agent/applications')).json().applications;
    expect(queue).toContainEqual(
      expect.objectContaining({ number, school: 'Candidat libre (sans école de conduite)' }),
    );
    const recap = (await me.get(`/api/candidate/applications/${number}`)).json().application;
    expect(recap.school).toBe('Candidat libre (sans école de conduite)');

    // A pièce to complete: the candidate, who holds it, sends it back.
    await console.post(`/api/agent/applications/${number}/request-completion`, {
      piece: 'identity',
      message: 'Le verso manque',
    });
    expect((await upload(me, number, 'identity')).statusCode).toBe(201);
    expect((await me.post(`/api/candidate/own-applications/${number}/complete`, {})).json().state).toBe(
      'under_instruction',
    );
    const accepted = await console.post(`/api/agent/applications/${number}/accept`, {});
    expect(accepted.statusCode).toBe(200);
    const kinds = (
      await ants.db
        .select({ kind: candidateMessages.kind, body: candidateMessages.body })
        .from(candidateMessages)
        .innerJoin(candidates, eq(candidates.id, candidateMessages.candidateId))
        .where(eq(candidates.birthName, 'LIBRE-PARCOURS'))
    ).map((m) => m.kind);
    expect(kinds).toEqual(['submitted', 'completion_requested', 'completed', 'accepted']);
  });

  it('is no school’s and no other candidate’s to reach, and one live demand of a type only', async () => {
    const me = await candidatLibre();
    const { number } = (await me.post('/api/candidate/own-applications', DEMAND)).json();
    // No school holds it: not in their lists, not found by number, not transferable.
    const byNumber = await failure(ants.brequigny.getApplication(number));
    expect(byNumber.status).toBe(404);
    const other = await candidatLibre();
    expect((await other.get(`/api/candidate/own-applications/${number}`)).statusCode).toBe(404);
    expect((await upload(other, number, 'identity')).statusCode).toBe(404);
    expect(
      (await other.post(`/api/candidate/own-applications/${number}/submit`, { attestation: true })).statusCode,
    ).toBe(404);
    // A second registration while this one lives: refused with its number (it is theirs).
    const twice = await me.post('/api/candidate/own-applications', DEMAND);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toContain(number);
    // Given up as a draft, it goes; a new one may be made.
    expect((await me.post(`/api/candidate/own-applications/${number}/withdraw`, {})).statusCode).toBe(200);
    expect((await me.get('/api/candidate/applications')).json().applications).toEqual([]);
    expect((await me.post('/api/candidate/own-applications', DEMAND)).statusCode).toBe(201);
  });

  it('tells a candidate whose school already has a demand for them to turn to it, without its number', async () => {
    const { client, app } = await activatedCandidate(ants, 'Basile');
    const blocked = await client.post('/api/candidate/own-applications', DEMAND);
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().detail).toBe(
      'Une école de conduite a déjà une demande de ce type en cours pour vous : rapprochez-vous d’elle, ou attendez son issue.',
    );
    expect(blocked.body).not.toContain(app.number);
  });

  it('never lets a school’s draft rewrite the account of a candidate who holds it', async () => {
    const me = await candidatLibre('LIBRE-PROPRE');
    const mine = (await me.get('/api/candidate/personal-data')).json();
    // A school types the person exactly as the account knows them, then corrects its draft.
    const request = draftRequest({
      candidate: {
        sex: 'F',
        birthName: 'LIBRE-PROPRE',
        firstName: 'Inès',
        otherFirstNames: '',
        birthDate: '2005-06-01',
        email: mine.email,
      },
    });
    const draft = await ants.brequigny.createApplication(request, crypto.randomUUID());
    await ants.brequigny.updateApplication(draft.number, {
      ...request,
      candidate: { ...request.candidate, firstName: 'Agathe', email: 'ecole.rivale@example.fr', mobile: '0699999999' },
    });
    const after = (await me.get('/api/candidate/personal-data')).json();
    expect(after).toMatchObject({ email: mine.email, identity: { firstName: 'Inès' }, mobile: mine.mobile });
  });

  it('asks a candidate born abroad, whose account has no birth town (FranceConnect gives the country), to name it once', async () => {
    const me = await candidatLibre('LIBRE-DAKAR', { birthCity: '', birthDepartment: '', birthCountry: 'SENEGAL' });
    const without = await me.post('/api/candidate/own-applications', DEMAND);
    // The rules' answer (DATA_ERROR, 422), the town named under its field.
    expect(without.statusCode).toBe(422);
    expect(without.json().fields.map((f: { path: string }) => f.path)).toContain('candidate.birthCity');
    const named = await me.post('/api/candidate/own-applications', { ...DEMAND, birthCity: 'Dakar' });
    expect(named.statusCode, named.body).toBe(201);
    expect((await me.get('/api/candidate/personal-data')).json().identity.birthCity).toBe('DAKAR');
  });

  it('takes the ePhoto code a booth gave: then no paper photo-signature form', async () => {
    const me = await candidatLibre();
    const { number } = (await me.post('/api/candidate/own-applications', DEMAND)).json();
    const base = `/api/candidate/own-applications/${number}`;
    const unknown = await me.put(`${base}/ephoto`, { code: 'EPH2026RENNES999999999' });
    expect(unknown.json().code).toBe('EPHOTO_UNKNOWN');
    const code = DEMO_EPHOTO_CODES[0]!;
    expect((await me.put(`${base}/ephoto`, { code: code.toLowerCase() })).json()).toEqual({ ephoto: { code } });
    expect((await me.get(`${base}/ephoto`)).json().ephoto).toMatchObject({ code });
    expect((await me.get(`${base}/ephoto/photo`)).headers['content-type']).toMatch(/^image\//);
    const documents = (await me.get('/api/candidate/documents')).json().applications[0].documents;
    expect(documents.map((d: { kind: string }) => d.kind)).not.toContain('photo_signature_form');
    // Another candidate can neither see it nor take the code onto their own demand.
    const other = await candidatLibre();
    expect((await other.get(`${base}/ephoto`)).statusCode).toBe(404);
    const theirs = (await other.post('/api/candidate/own-applications', DEMAND)).json();
    const taken = await other.put(`/api/candidate/own-applications/${theirs.number}/ephoto`, { code });
    expect(taken.json().code).toBe('EPHOTO_ALREADY_USED');
    expect((await me.delete(`${base}/ephoto`)).statusCode).toBe(204);
  });

  it('is not blocked by a school’s draft the candidate never saw; whichever goes out first, the other waits', async () => {
    const me = await candidatLibre('LIBRE-BROUILLON');
    const mine = (await me.get('/api/candidate/personal-data')).json();
    const request = draftRequest({
      candidate: {
        sex: 'F',
        birthName: 'LIBRE-BROUILLON',
        firstName: 'Inès',
        otherFirstNames: '',
        birthDate: '2005-06-01',
        email: mine.email,
      },
    });
    const schoolDraft = await ants.brequigny.createApplication(request, crypto.randomUUID());
    await ants.brequigny.uploadPiece(schoolDraft.number, 'identity', { name: 'cni.png', bytes: PNG });
    await ants.brequigny.uploadPiece(schoolDraft.number, 'proof_of_address', { name: 'dom.png', bytes: PNG });
    // The school's draft is not the candidate's to know of: it does not stop their own demand.
    const created = await me.post('/api/candidate/own-applications', DEMAND);
    expect(created.statusCode).toBe(201);
    const { number } = created.json();
    await upload(me, number, 'identity');
    await upload(me, number, 'proof_of_address');
    expect((await me.post(`/api/candidate/own-applications/${number}/submit`, { attestation: true })).statusCode).toBe(
      200,
    );
    // Sent first, the candidate's demand stops the school's validation, which says why.
    const refused = await failure(ants.brequigny.validateApplication(schoolDraft.number));
    expect(refused.code).toBe('APPLICATION_ALREADY_REGISTERED');
    // Said as for any other holder: nothing tells the school that the person filed it themselves.
    expect(refused.message).toBe(REGISTERED_ELSEWHERE);
    expect(refused.message).not.toContain(number);
  });

  it('makes the title (Cerfa 06) of one’s own once the registration is accepted, with an ePhoto and nothing to pay', async () => {
    const me = await candidatLibre('LIBRE-TITRE');
    const title = { ...DEMAND, motif: 'title' };
    const early = await me.post('/api/candidate/own-applications', title);
    expect(early.json().code).toBe('CERFA_02_NOT_ACCEPTED');

    const { number } = (await me.post('/api/candidate/own-applications', DEMAND)).json();
    await upload(me, number, 'identity');
    await upload(me, number, 'proof_of_address');
    await me.post(`/api/candidate/own-applications/${number}/submit`, { attestation: true });
    expect((await (await agent()).post(`/api/agent/applications/${number}/accept`, {})).statusCode).toBe(200);

    const created = await me.post('/api/candidate/own-applications', title);
    expect(created.statusCode).toBe(201);
    const own06 = created.json().number;
    const base = `/api/candidate/own-applications/${own06}`;
    expect((await me.get(base)).json()).toMatchObject({
      type: '06',
      payment: {
        due: false,
        message: expect.stringContaining("le premier titre après la réussite à l'examen est gratuit"),
      },
    });
    await upload(me, own06, 'identity');
    await upload(me, own06, 'proof_of_address');
    // A title goes with an ePhoto (no paper form for a Cerfa 06).
    expect((await me.post(`${base}/submit`, { attestation: true })).json().code).toBe('EPHOTO_REQUIRED');
    await me.put(`${base}/ephoto`, { code: DEMO_EPHOTO_CODES[1]! });
    expect((await me.post(`${base}/submit`, { attestation: true })).json()).toEqual({
      number: own06,
      state: 'under_instruction',
    });
  });

  it('says what is wrong in French under the rules a school’s demand follows', async () => {
    const me = await candidatLibre();
    const wrong = await me.post('/api/candidate/own-applications', {
      ...DEMAND,
      candidate: { ...DEMAND.candidate, postalCode: '3500' },
      dossier: { ...DEMAND.dossier, declarations: {} },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields.map((f: { message: string }) => f.message)).toContain(
      'Le code postal doit comporter 5 chiffres.',
    );
  });
});
