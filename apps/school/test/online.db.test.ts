import { createServer, type Server } from 'node:net';
import { multipartFile, testClient } from '@permis/platform/testing';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { candidates } from '../../ants/src/db/schema.ts';
import { PNG, startAntsHttp } from '../../ants/test/api.ts';
import { offices, schools, students } from '../src/db/schema.ts';
import { LOGIN, startSchool } from './harness.ts';

let ants: Awaited<ReturnType<typeof startAntsHttp>>;
let school: Awaited<ReturnType<typeof startSchool>>;
beforeEach(async () => {
  ants = await startAntsHttp();
  school = await startSchool({ antsUrl: ants.baseUrl });
});
afterEach(async () => {
  await school.close();
  await ants.close();
});

const multipart = (fileName: string, bytes: Buffer) => multipartFile(fileName, bytes);

async function brequignyId(db = school.db) {
  const [row] = await db.select().from(offices).where(eq(offices.name, 'BREQUIGNY'));
  return row!.id;
}

const STUDENT = {
  sex: 'F',
  birthName: 'Dupont',
  firstName: 'Léa',
  otherFirstNames: 'Marie',
  birthDate: '2005-03-14',
  birthCity: 'RENNES',
  birthDepartment: '35',
  birthCountry: 'FRANCE',
  addressLine: '8 rue de Nantes',
  postalCode: '35000',
  city: 'RENNES',
  email: 'lea.dupont@example.fr',
  mobile: '06 12 34 56 78',
};

const DOSSIER = { requestedCategories: ['B'], declarations: { jdcInOrder: true } };

async function studentWithDossier(
  client: ReturnType<typeof testClient>,
  overrides: Partial<typeof STUDENT> = {},
  db = school.db,
) {
  const created = await client.post('/api/students', { ...STUDENT, ...overrides, officeId: await brequignyId(db) });
  expect(created.statusCode).toBe(201);
  const id = created.json().student.id as string;
  expect((await client.put(`/api/students/${id}/dossier`, DOSSIER)).statusCode).toBe(200);
  return id;
}

describe('Espace Dirigeant › Bureaux › Agrément pour Cerfa', () => {
  it('fetches the préfectures with the typed credentials, names what is missing, and refuses wrong ones', async () => {
    const dirigeant = testClient(school.app);
    await dirigeant.login('/api/auth/login', LOGIN.dirigeant);
    const url = `/api/dirigeant/offices/${await brequignyId()}/prefectures`;
    const listed = await dirigeant.post(url, {
      postalCode: '35200',
      cerfaAgrement: 'E1703500010',
      antsLogin: 'brequigny35',
    });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().prefectures.map((p: { name: string }) => p.name)).toContain('RENNES');

    const missing = await dirigeant.post(url, { postalCode: '', cerfaAgrement: '', antsLogin: 'brequigny35' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().detail).toBe(
      "Le code postal, le n° d'agrément et les identifiants de l'agence sont obligatoires pour initialiser la liste des préfectures.",
    );
    expect(missing.json().fields.map((f: { path: string }) => f.path)).toEqual(['postalCode', 'cerfaAgrement']);

    const wrong = await dirigeant.post(url, {
      postalCode: '35200',
      cerfaAgrement: 'E1703500010',
      antsLogin: 'brequigny35',
      antsPassword: 'pas-le-bon',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().detail).toContain(
      "Authentification refusée : le numéro d'agrément Cerfa, l'identifiant ou le mot de passe est incorrect.",
    );

    // Saved with a new password: the page never gets it back, the database holds it sealed.
    const saved = await dirigeant.put(`/api/dirigeant/offices/${await brequignyId()}`, {
      name: 'BREQUIGNY',
      addressLine: '12 boulevard Albert 1er',
      postalCode: '35200',
      city: 'RENNES',
      cerfaAgrement: 'E1703500010',
      antsLogin: 'brequigny35',
      antsPassword: 'Nouveau-Secret-35',
      prefectureCode: listed.json().prefectures[0].code,
      // Whatever a page sends for the name, the office keeps the préfecture's name as the list shows it.
      prefectureName: 'ST MALO',
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.body).not.toContain('Nouveau-Secret-35');
    expect(saved.json().office).toMatchObject({ hasAntsPassword: true, prefectureName: 'Préfecture de Rennes' });
    // A code of no préfecture is refused on its field; the office keeps its own.
    const unknown = await dirigeant.put(`/api/dirigeant/offices/${await brequignyId()}`, {
      name: 'BREQUIGNY',
      prefectureCode: '99999',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields).toEqual([
      { path: 'prefectureCode', message: 'Choisissez la préfecture dans la liste.' },
    ]);
    const [kept] = await school.db.select().from(offices).where(eq(offices.name, 'BREQUIGNY'));
    expect(kept!.prefectureCode).toBe(listed.json().prefectures[0].code);
    const [row] = await school.db.select().from(offices).where(eq(offices.name, 'BREQUIGNY'));
    expect(row!.antsPasswordSealed).not.toContain('Nouveau-Secret-35');
    // Tried at once on the national service, which refuses this password: said now, and kept.
    expect(saved.json().credentials).toBe('refused');
    expect(saved.json().office.antsCredentialsCheck).toBe('refused');
    const back = await dirigeant.put(`/api/dirigeant/offices/${await brequignyId()}`, {
      name: 'BREQUIGNY',
      postalCode: '35200',
      cerfaAgrement: 'E1703500010',
      antsLogin: 'brequigny35',
      antsPassword: 'Brequigny35!ants',
    });
    expect(back.json()).toMatchObject({ credentials: 'accepted', office: { antsCredentialsCheck: 'accepted' } });
    expect(back.json().office.antsCredentialsCheckedAt).toEqual(expect.any(String));

    const secretaire = testClient(school.app);
    await secretaire.login('/api/auth/login', LOGIN.secretaire);
    expect((await secretaire.get('/api/dirigeant/offices')).statusCode).toBe(403);
  });
});

describe('Dossier 02 - 06 › demande en ligne', () => {
  it('enters the draft (idempotent), sends pièces from disk and from the documents, validates', async () => {
    const secretaire = testClient(school.app);
    await secretaire.login('/api/auth/login', LOGIN.secretaire);
    const id = await studentWithDossier(secretaire);
    const key = crypto.randomUUID();
    const created = await secretaire.post(`/api/students/${id}/online`, { type: '02', idempotencyKey: key });
    expect(created.statusCode).toBe(201);
    const application = created.json().application;
    // Seed 002's status while the required pièces are not all sent.
    expect(application).toMatchObject({
      type: '02',
      state: 'draft',
      stateLabel: 'Brouillon (en attente des pièces justificatives requises)',
    });
    expect(application.number).toMatch(/^9\d{22}$/);
    expect(application.actions.validate).toEqual({ enabled: true });
    expect(application.actions.delete).toEqual({ enabled: true });
    // Retried after a lost answer: the same application.
    const again = await secretaire.post(`/api/students/${id}/online`, { type: '02', idempotencyKey: key });
    expect(again.json().application.number).toBe(application.number);
    const listed = (await secretaire.get(`/api/students/${id}/online`)).json();
    expect(listed.applications).toHaveLength(1);
    // The dossier's « Celle du bureau (…) » names the préfecture as the list does.
    expect(listed.office.prefectureName).toBe('Préfecture de Rennes');
    // A draft 02 leaves nothing to enter: the 06 waits for the 02's acceptance.
    expect(listed.canEnter).toEqual({ '02': false, '06': false });

    const base = `/api/students/${id}/online/${application.number}`;
    const fromDisk = multipart('cni.png', PNG);
    const sent = await secretaire.request({ method: 'POST', url: `${base}/pieces/identity`, ...fromDisk });
    expect(sent.statusCode).toBe(201);
    const document = await secretaire.request({
      method: 'POST',
      url: `/api/students/${id}/documents`,
      ...multipart('justif domicile.png', PNG),
    });
    expect(document.statusCode).toBe(201);
    const picked = await secretaire.post(`${base}/pieces/proof_of_address/from-document`, {
      documentId: document.json().document.id,
      comment: 'Facture EDF',
    });
    expect(picked.statusCode).toBe(201);
    const pieces = (await secretaire.get(`${base}/pieces`)).json();
    const proof = pieces.pieces.find((p: { kind: string }) => p.kind === 'proof_of_address');
    expect(proof).toMatchObject({
      sent: true,
      required: true,
      files: [{ fileName: 'justif domicile.png', comment: 'Facture EDF' }],
    });
    expect(pieces.documents.map((d: { fileName: string }) => d.fileName)).toEqual(['justif domicile.png']);
    // Every required pièce sent: a plain draft, in the tab as on the national service.
    const shown = async () => (await secretaire.get(`/api/students/${id}/online`)).json().applications[0].stateLabel;
    expect(await shown()).toBe('Brouillon');
    expect((await ants.brequigny.getApplication(application.number)).missingPieces).toEqual([]);
    // One taken back: waiting for it again; sent again, a plain draft.
    const identity = pieces.pieces.find((p: { kind: string }) => p.kind === 'identity').files[0];
    expect((await secretaire.delete(`${base}/pieces/files/${identity.id}`)).statusCode).toBe(200);
    expect(await shown()).toBe('Brouillon (en attente des pièces justificatives requises)');
    expect((await ants.brequigny.getApplication(application.number)).missingPieces).toEqual(['identity']);
    await secretaire.request({ method: 'POST', url: `${base}/pieces/identity`, ...multipart('cni.png', PNG) });
    expect(await shown()).toBe('Brouillon');
    const download = await secretaire.get(`${base}/pieces/files/${proof.files[0].id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PNG)).toBe(true);

    const moniteur = testClient(school.app);
    await moniteur.login('/api/auth/login', LOGIN.moniteur);
    expect((await moniteur.post(`${base}/validate`)).statusCode).toBe(403);

    const validated = await secretaire.post(`${base}/validate`);
    expect(validated.statusCode).toBe(200);
    expect(validated.json().application).toMatchObject({ state: 'awaiting_candidate' });
    expect(validated.json().application.actions.validate.enabled).toBe(false);
    expect((await ants.brequigny.getApplication(application.number)).state).toBe('awaiting_candidate');

    const cerfa = await secretaire.get(`/api/students/${id}/cerfa/02`);
    expect(cerfa.headers['content-type']).toBe('application/pdf');
    expect(cerfa.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const documents = (await secretaire.get(`${base}/documents`)).json().documents;
    expect(documents.find((d: { kind: string }) => d.kind === 'receipt')).toBeDefined();
  });

  it('shows the seed’s data errors on the fields, and the divergence of a shared email', async () => {
    const secretaire = testClient(school.app);
    await secretaire.login('/api/auth/login', LOGIN.secretaire);
    const id = await studentWithDossier(secretaire, { city: 'ST PRIEST', postalCode: '69800' });
    const refused = await secretaire.post(`/api/students/${id}/online`, {
      type: '02',
      idempotencyKey: crypto.randomUUID(),
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().fields).toEqual([{ path: 'candidate.city', message: 'Ville incorrect' }]);

    // The same email already the account of someone else on the national service, who swore their name.
    await ants.saintPriest.createApplication(
      {
        type: '02',
        candidate: {
          ...STUDENT,
          sex: 'M',
          birthName: 'AUTRE',
          email: 'famille@example.fr',
          addressLine1: '1 rue X',
          mobile: '',
        },
        dossier: { requestedCategories: ['B'], prefectureCode: '69123', declarations: { jdcInOrder: true } },
      },
      crypto.randomUUID(),
    );
    await ants.db
      .update(candidates)
      .set({ activatedAt: new Date(), credentialsVia: 'email', identityVia: 'attestation' })
      .where(eq(candidates.email, 'famille@example.fr'));
    const sibling = await studentWithDossier(secretaire, { email: 'famille@example.fr', firstName: 'Hugo' });
    const divergent = await secretaire.post(`/api/students/${sibling}/online`, {
      type: '02',
      idempotencyKey: crypto.randomUUID(),
    });
    expect(divergent.statusCode).toBe(409);
    // The national code travels in its own member, typed by the national contract (not as a prefix).
    expect(divergent.json()).toMatchObject({ code: 'ANTS_REFUSED', antsCode: 'EMAIL_ALREADY_USED' });
    expect(divergent.json().detail).toBe(
      "Cet email est déjà utilisé pour la demande d'un autre candidat : chaque élève doit avoir un email unique.",
    );
  });

  it('answers clearly when the national service is too slow, and nothing is lost', async () => {
    // A server that accepts the connection and never answers.
    const silent: Server = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    const slow = await startSchool({ antsUrl: `http://127.0.0.1:${port}`, antsTimeoutMs: 300 });
    try {
      const secretaire = testClient(slow.app);
      await secretaire.login('/api/auth/login', LOGIN.secretaire);
      const id = await studentWithDossier(secretaire, {}, slow.db);
      const answer = await secretaire.post(`/api/students/${id}/online`, {
        type: '02',
        idempotencyKey: crypto.randomUUID(),
      });
      expect(answer.statusCode).toBe(503);
      expect(answer.json()).toMatchObject({
        code: 'ANTS_UNAVAILABLE',
        detail:
          "Le site de l'ANTS ne répond pas pour le moment. Rien n'a été perdu : réessayez dans quelques instants.",
      });
      expect((await secretaire.get(`/api/students/${id}/dossier`)).json().dossier.requestedCategories).toEqual(['B']);
    } finally {
      await slow.close();
      silent.close();
    }
  });

  it('keeps each school to its own students, and emails unique within a school', async () => {
    const [other] = await school.db.insert(schools).values({ name: 'Autre école' }).returning();
    const [otherOffice] = await school.db.insert(offices).values({ schoolId: other!.id, name: 'AILLEURS' }).returning();
    const [stranger] = await school.db
      .insert(students)
      .values({ ...STUDENT, sex: 'M', schoolId: other!.id, officeId: otherOffice!.id, email: 'x@example.fr' })
      .returning();
    const secretaire = testClient(school.app);
    await secretaire.login('/api/auth/login', LOGIN.secretaire);
    expect((await secretaire.get(`/api/students/${stranger!.id}`)).statusCode).toBe(404);
    expect((await secretaire.get(`/api/students/${stranger!.id}/online`)).statusCode).toBe(404);
    expect(
      (
        await secretaire.post(`/api/students/${stranger!.id}/online`, {
          type: '02',
          idempotencyKey: crypto.randomUUID(),
        })
      ).statusCode,
    ).toBe(404);
    // Another school's office cannot be chosen either.
    const foreign = await secretaire.post('/api/students', { ...STUDENT, officeId: otherOffice!.id });
    expect(foreign.statusCode).toBe(400);

    await studentWithDossier(secretaire);
    const twin = await secretaire.post('/api/students', {
      ...STUDENT,
      firstName: 'Hugo',
      officeId: await brequignyId(),
    });
    expect(twin.statusCode).toBe(409);
    expect(twin.json().fields[0].path).toBe('email');
  });
});
