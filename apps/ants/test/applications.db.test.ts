import { type AntsApiError, API_ERRORS, type Application, REGISTERED_ELSEWHERE } from '@permis/ants-api';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { transition } from '../src/applications/machine.ts';
import { apiTokens, applications, candidates } from '../src/db/schema.ts';
import { draftRequest, encryptedPdf, failure, JPEG, PNG, pdf, startAntsHttp } from './api.ts';

let ants: Awaited<ReturnType<typeof startAntsHttp>>;
beforeEach(async () => {
  ants = await startAntsHttp();
});
afterEach(async () => {
  await ants.close();
});

async function draftWithPieces() {
  const app = await ants.brequigny.createApplication(draftRequest(), crypto.randomUUID());
  await ants.brequigny.uploadPiece(app.number, 'identity', { name: 'cni.pdf', bytes: await pdf(2) });
  await ants.brequigny.uploadPiece(app.number, 'proof_of_address', { name: 'facture.png', bytes: PNG });
  return app;
}

describe('authentication of a driving school', () => {
  it('refuses wrong credentials with the error the school shows', async () => {
    const wrong = ants.client({ agrementNumber: 'E1703500010', login: 'brequigny35', password: 'faux' });
    const error = await failure(wrong.authenticate());
    expect(error).toMatchObject({ status: 401, code: 'AUTHENTICATION_FAILED' });
    expect(error.message).toBe(
      "Authentification refusée : le numéro d'agrément Cerfa, l'identifiant ou le mot de passe est incorrect.",
    );
    await expect(ants.brequigny.authenticate()).resolves.toBeUndefined();
  });

  it("lists the préfectures of an office's postal code", async () => {
    const prefectures = await ants.saintPriest.prefectures('69800');
    expect(prefectures[0]).toEqual({
      code: '69123',
      name: 'LYON',
      kind: 'prefecture',
      department: '69',
      label: 'Préfecture de Lyon',
    });
    expect(prefectures.map((p) => p.name)).toContain('VILLEFRANCHE-SUR-SAONE');
  });
});

describe('bearer tokens', () => {
  it('refuses a call without a valid token, and the client renews a revoked one by itself', async () => {
    const bare = await fetch(`${ants.baseUrl}/api/pro/v1/applications`, { headers: { authorization: 'Bearer faux' } });
    expect(bare.status).toBe(401);
    // RFC 9457 problem details, with the contract's code as an extension member.
    expect(bare.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(await bare.json()).toEqual({
      type: 'tag:permis-en-ligne,2026:erreur:TOKEN_INVALID',
      title: 'Session du logiciel expirée : reconnectez-vous au service.',
      status: 401,
      detail: 'Session du logiciel expirée : reconnectez-vous au service.',
      code: 'TOKEN_INVALID',
    });
    await ants.brequigny.listApplications();
    await ants.db.delete(apiTokens);
    await expect(ants.brequigny.listApplications()).resolves.toMatchObject({ applications: [] });
  });
});

describe('creating a draft', () => {
  it('creates a Cerfa 02 draft with a long application number', async () => {
    const app = await ants.brequigny.createApplication(draftRequest(), crypto.randomUUID());
    expect(app.number).toMatch(/^901\d{20}$/);
    expect(app).toMatchObject({ type: '02', state: 'draft', stateLabel: 'Brouillon', transferred: false });
    expect(await ants.brequigny.getApplication(app.number)).toEqual(app);
  });

  it('returns the same application to every retry of one request, never a second one', async () => {
    const request = draftRequest();
    const key = crypto.randomUUID();
    const results = await Promise.all(Array.from({ length: 8 }, () => ants.brequigny.createApplication(request, key)));
    expect(new Set(results.map((a) => a.number)).size).toBe(1);
    const again = await ants.brequigny.createApplication(request, key);
    expect(again.number).toBe(results[0]!.number);
    const { applications } = await ants.brequigny.listApplications();
    expect(applications).toHaveLength(1);

    const reused = await failure(ants.brequigny.createApplication(draftRequest(), key));
    expect(reused.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('requires an idempotency key', async () => {
    const { token } = (await (
      await fetch(`${ants.baseUrl}/api/pro/v1/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ agrementNumber: 'E1703500010', login: 'brequigny35', password: 'Brequigny35!ants' }),
      })
    ).json()) as { token: string };
    const response = await fetch(`${ants.baseUrl}/api/pro/v1/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(draftRequest()),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { code: string }).code).toBe('IDEMPOTENCY_KEY_MISSING');
  });

  it('revokes a bearer token, or every token of the account', async () => {
    const token = async () =>
      (
        await ants.app.inject({
          method: 'POST',
          url: '/api/pro/v1/token',
          payload: { agrementNumber: 'E1703500010', login: 'brequigny35', password: 'Brequigny35!ants' },
        })
      ).json().token as string;
    const call = (t: string, method: 'GET' | 'DELETE', url: string) =>
      ants.app.inject({ method, url, headers: { authorization: `Bearer ${t}` } });
    const [first, second, third] = [await token(), await token(), await token()];
    expect((await call(first, 'DELETE', '/api/pro/v1/token')).json()).toEqual({ revoked: 1 });
    expect((await call(first, 'GET', '/api/pro/v1/applications')).statusCode).toBe(401);
    expect((await call(second, 'GET', '/api/pro/v1/applications')).statusCode).toBe(200);
    expect((await call(second, 'DELETE', '/api/pro/v1/token?all=true')).json().revoked).toBeGreaterThanOrEqual(2);
    for (const t of [second, third]) expect((await call(t, 'GET', '/api/pro/v1/applications')).statusCode).toBe(401);
  });

  it('answers 304 to a read of an unchanged application (ETag / If-None-Match), 200 once it changed', async () => {
    const app = await ants.brequigny.createApplication(draftRequest(), crypto.randomUUID());
    const token = (
      await ants.app.inject({
        method: 'POST',
        url: '/api/pro/v1/token',
        payload: { agrementNumber: 'E1703500010', login: 'brequigny35', password: 'Brequigny35!ants' },
      })
    ).json().token as string;
    const read = (etag?: string) =>
      ants.app.inject({
        method: 'GET',
        url: `/api/pro/v1/applications/${app.number}`,
        headers: { authorization: `Bearer ${token}`, ...(etag ? { 'if-none-match': etag } : {}) },
      });
    const first = await read();
    const etag = String(first.headers.etag);
    expect([first.statusCode, first.json().application.number]).toEqual([200, app.number]);
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    const unchanged = await read(etag);
    expect([unchanged.statusCode, unchanged.body]).toEqual([304, '']);
    expect((await read(`W/${etag}`)).statusCode).toBe(304);
    await ants.brequigny.deleteApplication(app.number);
    const changed = await read(etag);
    expect([changed.statusCode, changed.json().application.state]).toEqual([200, 'deleted']);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('names each wrong field with the seed’s data errors', async () => {
    const error = await failure(
      ants.brequigny.createApplication(
        draftRequest({
          candidate: {
            city: 'ST PRIEST',
            firstName: 'Jean Pierre',
            birthCity: 'DAKAR',
            birthDepartment: '99',
            birthCountry: 'ATLANTIDE',
          },
          dossier: {
            requestedCategories: ['B'],
            prefectureCode: '00000',
            declarations: { jdcInOrder: true },
            training: 'none',
          },
        }),
        crypto.randomUUID(),
      ),
    );
    expect(error).toMatchObject({ status: 422, code: 'DATA_ERROR' });
    expect(error.fields).toEqual(
      expect.arrayContaining([
        { path: 'candidate.city', message: 'Ville incorrect' },
        { path: 'candidate.birthDepartment', message: 'Département incorrect' },
        { path: 'candidate.birthCountry', message: 'Pays incorrect' },
        { path: 'candidate.firstName', message: 'Prénom incorrect' },
        { path: 'dossier.prefectureCode', message: 'Préfecture incorrecte' },
      ]),
    );
    expect((await ants.brequigny.listApplications()).applications).toHaveLength(0);
  });

  it('applies the age rules: legal representative, B at 17 (15 in AAC), JDC from 17 to 25', async () => {
    const minor = await failure(
      ants.brequigny.createApplication(draftRequest({ candidate: { birthDate: '2010-06-01' } }), crypto.randomUUID()),
    );
    expect(minor.fields.map((f) => f.message)).toEqual(
      expect.arrayContaining([
        'Représentant légal obligatoire pour un candidat mineur.',
        'Âge minimum pour la catégorie B : 17 ans (15 ans en apprentissage anticipé ou conduite supervisée).',
      ]),
    );
    const aac = await ants.brequigny.createApplication(
      draftRequest({
        candidate: { birthDate: '2010-06-01' },
        legalRepresentative: {
          quality: 'mother',
          lastName: 'MARTIN',
          firstName: 'Sophie',
          addressLine1: '15 rue Aristide Briand',
          postalCode: '69800',
          city: 'SAINT-PRIEST',
        },
        dossier: { requestedCategories: ['B'], prefectureCode: '69123', declarations: {}, training: 'aac' },
      }),
      crypto.randomUUID(),
    );
    expect(aac.state).toBe('draft');
    // The JDC is never answered for the candidate: unanswered, the demand says so; "Non", it is refused.
    const jdc = (declarations: { jdcInOrder?: boolean }) =>
      failure(
        ants.brequigny.createApplication(
          draftRequest({ dossier: { requestedCategories: ['B'], prefectureCode: '69123', declarations } }),
          crypto.randomUUID(),
        ),
      );
    expect((await jdc({})).fields).toEqual([
      {
        path: 'dossier.declarations.jdcInOrder',
        message:
          'Indiquez si le candidat est en règle avec la Journée défense et citoyenneté (JDC) : la réponse est obligatoire entre 17 et 25 ans.',
      },
    ]);
    expect((await jdc({ jdcInOrder: false })).fields).toEqual([
      {
        path: 'dossier.declarations.jdcInOrder',
        message: 'Entre 17 et 25 ans, le candidat doit être en règle avec la Journée défense et citoyenneté (JDC).',
      },
    ]);
  });

  it('detects the divergences of the seed', async () => {
    const first = draftRequest();
    await ants.brequigny.createApplication(first, crypto.randomUUID());

    const sibling = draftRequest({ candidate: { email: first.candidate.email, firstName: 'Julien' } });
    expect((await failure(ants.brequigny.createApplication(sibling, crypto.randomUUID()))).code).toBe(
      'EMAIL_ALREADY_USED',
    );
    const twice = await failure(ants.brequigny.createApplication({ ...first }, crypto.randomUUID()));
    expect(twice.code).toBe('APPLICATION_ALREADY_REGISTERED');
    expect(twice.message).toMatch(/demande n° 901\d{20}/);
    const differs = await failure(
      ants.brequigny.createApplication(
        { ...first, candidate: { ...first.candidate, birthCity: 'BREST', birthDepartment: '29' } },
        crypto.randomUUID(),
      ),
    );
    expect(differs.code).toBe('CANDIDATE_DATA_DIFFERS');
    const title = await failure(ants.brequigny.createApplication({ ...first, type: '06' }, crypto.randomUUID()));
    expect(title.code).toBe('CERFA_02_NOT_ACCEPTED');
  });

  it("tells another school the seed's divergence only where the person swore their identity, never which value differs nor the other's number", async () => {
    const first = draftRequest();
    const held = await ants.brequigny.createApplication(first, crypto.randomUUID());
    await ants.brequigny.uploadPiece(held.number, 'identity', { name: 'cni.png', bytes: PNG });
    await ants.brequigny.uploadPiece(held.number, 'proof_of_address', { name: 'dom.png', bytes: PNG });
    await ants.brequigny.validateApplication(held.number);
    // The person activated the account through the link mailed to this address and swore a recap.
    await ants.db
      .update(candidates)
      .set({ activatedAt: new Date(), credentialsVia: 'email', identityVia: 'attestation' })
      .where(eq(candidates.email, first.candidate.email));
    // Field by field, a school could guess another's candidate: every wrong guess reads the same.
    const answers = new Set<string>();
    for (const candidate of [
      { birthCity: 'BREST', birthDepartment: '29' },
      { sex: first.candidate.sex === 'F' ? ('M' as const) : ('F' as const) },
      { birthCity: 'QUIMPER', birthDepartment: '29' },
    ]) {
      const error = await failure(
        ants.saintPriest.createApplication(
          { ...first, candidate: { ...first.candidate, ...candidate } },
          crypto.randomUUID(),
        ),
      );
      answers.add(`${error.code} ${error.message}`);
    }
    expect([...answers]).toEqual([`CANDIDATE_DATA_DIFFERS ${API_ERRORS.CANDIDATE_DATA_DIFFERS.title}`]);
    // The same identity under another email is another record: an identity typed proves nothing.
    const twin = await ants.saintPriest.createApplication(
      { ...first, candidate: { ...first.candidate, email: 'autre.adresse@example.fr' } },
      crypto.randomUUID(),
    );
    expect(twin.state).toBe('draft');
    // Once every value is right, the draft is made; it cannot leave while the other demand is live,
    // and the refusal names neither its holder nor its number.
    const second = await ants.saintPriest.createApplication({ ...first }, crypto.randomUUID());
    await ants.saintPriest.uploadPiece(second.number, 'identity', { name: 'cni.png', bytes: PNG });
    await ants.saintPriest.uploadPiece(second.number, 'proof_of_address', { name: 'dom.png', bytes: PNG });
    const registered = await failure(ants.saintPriest.validateApplication(second.number));
    expect([registered.code, registered.message]).toEqual(['APPLICATION_ALREADY_REGISTERED', REGISTERED_ELSEWHERE]);
    expect(registered.message).not.toContain(held.number);
  });

  it('refuses another school nothing on an email whose identity nobody vouched for: no guess can be checked', async () => {
    const first = draftRequest();
    await ants.brequigny.createApplication(first, crypto.randomUUID());
    for (const candidate of [{ birthCity: 'BREST', birthDepartment: '29' }, { firstName: 'Julien' }, {}]) {
      const draft = await ants.saintPriest.createApplication(
        { ...first, candidate: { ...first.candidate, ...candidate } },
        crypto.randomUUID(),
      );
      expect(draft.state).toBe('draft');
      await ants.saintPriest.deleteApplication(draft.number);
    }
  });
});

describe('pièces justificatives', () => {
  it('accepts PDF, PNG and JPEG by content, counts pages and returns the same bytes', async () => {
    const app = await ants.brequigny.createApplication(draftRequest(), crypto.randomUUID());
    const bytes = await pdf(2);
    const file = await ants.brequigny.uploadPiece(
      app.number,
      'identity',
      { name: 'CNI recto-verso.pdf', bytes },
      'Recto et verso',
    );
    expect(file).toMatchObject({
      fileName: 'CNI recto-verso.pdf',
      pages: 2,
      mediaType: 'application/pdf',
      comment: 'Recto et verso',
    });
    await ants.brequigny.uploadPiece(app.number, 'proof_of_address', { name: 'facture', bytes: PNG });
    await ants.brequigny.uploadPiece(app.number, 'proof_of_address', { name: 'quittance.jpg', bytes: JPEG });
    const pieces = await ants.brequigny.listPieces(app.number);
    expect(pieces.map((p) => [p.label, `${p.pages}/${p.maxPages}`, p.sent, p.required])).toEqual([
      ["Pièce d'identité", '2/2', true, true],
      ['Justificatif de domicile', '2/5', true, true],
      ["Copie du jugement d'annulation", '0/5', false, false],
      ['Avis médical', '0/6', false, false],
      ['Attestations Scolaires de Sécurité Routière (ASSR ou ASR)', '0/2', false, false],
      ['Justificatif brevet militaire', '0/5', false, false],
      ["Copie d'attestation de suivi de formation", '0/2', false, false],
      ["Engagement sur l'honneur à suivre la formation", '0/5', false, false],
    ]);
    const downloaded = await ants.brequigny.downloadPieceFile(app.number, file.id);
    expect(Buffer.from(downloaded.bytes).equals(bytes)).toBe(true);
    expect(downloaded.mediaType).toBe('application/pdf');
    await ants.brequigny.deletePieceFile(app.number, file.id);
    expect((await ants.brequigny.listPieces(app.number))[0]!.pages).toBe(0);
  });

  it('answers a file sent again for the same pièce (a retry after a lost answer) with the one already kept', async () => {
    const app = await ants.brequigny.createApplication(draftRequest(), crypto.randomUUID());
    const bytes = await pdf(1);
    const first = await ants.brequigny.uploadPiece(app.number, 'identity', { name: 'cni.pdf', bytes });
    const [again, racing] = await Promise.all([
      ants.brequigny.uploadPiece(app.number, 'identity', { name: 'cni.pdf', bytes }),
      ants.brequigny.uploadPiece(app.number, 'identity', { name: 'cni (1).pdf', bytes }),
    ]);
    expect([again.id, racing.id]).toEqual([first.id, first.id]);
    const identity = (await ants.brequigny.listPieces(app.number))[0]!;
    expect([identity.pages, identity.files.length]).toEqual([1, 1]);
    expect(await ants.storedFileCount()).toBe(1);
    // The same bytes for another pièce are that pièce's own file.
    const other = await ants.brequigny.uploadPiece(app.number, 'medical_opinion', { name: 'cni.pdf', bytes });
    expect(other.id).not.toBe(first.id);
  });

  it('refuses bad files with a clear message and stores nothing', async () => {
    const app = await ants.brequigny.createApplication(draftRequest(), crypto.randomUUID());
    const cases: [Buffer, string, string][] = [
      [
        Buffer.from('Bonjour, ceci est un texte.'),
        'FILE_TYPE',
        'Format non accepté : envoyez un fichier PDF, JPEG ou PNG.',
      ],
      [Buffer.from('%PDF-1.7\n garbage'), 'PDF_UNREADABLE', 'Ce PDF est illisible ou endommagé.'],
      [await encryptedPdf(), 'PDF_ENCRYPTED', 'Ce PDF est protégé par un mot de passe : envoyez-le sans protection.'],
      [await pdf(3), 'TOO_MANY_PAGES', "Pièce d'identité : 3 pages pour 2 au maximum."],
      [Buffer.alloc(11 * 1024 * 1024 + 1, 0x25), 'FILE_TOO_LARGE', 'Le fichier dépasse la taille maximale de 11 Mo.'],
    ];
    for (const [bytes, code, message] of cases) {
      const error = await failure(ants.brequigny.uploadPiece(app.number, 'identity', { name: 'x.pdf', bytes }));
      expect({ code: error.code, message: error.message }).toEqual({ code, message });
    }
    const comment = await failure(
      ants.brequigny.uploadPiece(app.number, 'identity', { name: 'x.png', bytes: PNG }, 'x'.repeat(81)),
    );
    expect(comment.code).toBe('VALIDATION');
    expect((await ants.brequigny.listPieces(app.number)).every((p) => p.files.length === 0)).toBe(true);
    expect(await ants.storedFileCount()).toBe(0);
  });
});

describe('the life of an application', () => {
  it('refuses validation while required pièces are missing, naming them', async () => {
    const app = await ants.brequigny.createApplication(draftRequest(), crypto.randomUUID());
    const error = await failure(ants.brequigny.validateApplication(app.number));
    expect(error.code).toBe('REQUIRED_PIECES_MISSING');
    expect(error.message).toBe(
      "Des pièces justificatives requises manquent : Pièce d'identité, Justificatif de domicile.",
    );
    expect(error.fields.map((f) => f.path)).toEqual(['pieces.identity', 'pieces.proof_of_address']);
  });

  it('validates once: then no more changes, and only draft or awaiting applications can be deleted', async () => {
    const app = await draftWithPieces();
    const validated = await ants.brequigny.validateApplication(app.number);
    expect(validated).toMatchObject({ state: 'awaiting_candidate', stateLabel: 'En attente de validation usager' });
    expect((await failure(ants.brequigny.validateApplication(app.number))).code).toBe('TRANSITION_REFUSED');
    expect(
      (await failure(ants.brequigny.uploadPiece(app.number, 'medical_opinion', { name: 'a.png', bytes: PNG }))).code,
    ).toBe('TRANSITION_REFUSED');
    const deleted = await ants.brequigny.deleteApplication(app.number);
    expect(deleted).toMatchObject({ state: 'deleted', stateLabel: 'Supprimée' });
    expect((await failure(ants.brequigny.deleteApplication(app.number))).code).toBe('TRANSITION_REFUSED');
  });

  it('lets exactly one of concurrent validations win', async () => {
    const app = await draftWithPieces();
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => ants.brequigny.validateApplication(app.number)),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const lost of results.filter((r) => r.status === 'rejected')) {
      expect(['STATE_CHANGED', 'TRANSITION_REFUSED']).toContain((lost.reason as AntsApiError).code);
    }
  });

  it('sends a paper-mandate application straight to instruction, and never transfers it', async () => {
    const request = draftRequest({ paperMandate: true });
    const app = await ants.brequigny.createApplication(request, crypto.randomUUID());
    await ants.brequigny.uploadPiece(app.number, 'identity', { name: 'cni.png', bytes: PNG });
    await ants.brequigny.uploadPiece(app.number, 'proof_of_address', { name: 'dom.png', bytes: PNG });
    const validated = await ants.brequigny.validateApplication(app.number);
    expect(validated.state).toBe('under_instruction');
    expect((await failure(ants.brequigny.deleteApplication(app.number))).code).toBe('TRANSITION_REFUSED');
    expect((await failure(ants.saintPriest.transfer(transferOf(app)))).code).toBe('TRANSFER_REFUSED');
  });
});

describe('completing an application', () => {
  it('lets the school add the missing pièce and send it back to instruction', async () => {
    const app = await ants.brequigny.createApplication(draftRequest({ paperMandate: true }), crypto.randomUUID());
    await ants.brequigny.uploadPiece(app.number, 'identity', { name: 'cni.png', bytes: PNG });
    await ants.brequigny.uploadPiece(app.number, 'proof_of_address', { name: 'dom.png', bytes: PNG });
    await ants.brequigny.validateApplication(app.number);
    expect((await failure(ants.brequigny.completeApplication(app.number))).code).toBe('TRANSITION_REFUSED');
    // An agent asks for the medical opinion.
    const [row] = await ants.db.select().from(applications).where(eq(applications.number, app.number));
    await ants.db.transaction((tx) =>
      transition(tx, row!, 'request_completion', { type: 'agent', id: null }, { reason: 'Avis médical manquant' }),
    );
    expect((await ants.brequigny.getApplication(app.number)).stateLabel).toBe('A compléter');
    await ants.brequigny.uploadPiece(app.number, 'medical_opinion', { name: 'avis.png', bytes: PNG });
    const back = await ants.brequigny.completeApplication(app.number);
    expect(back.state).toBe('under_instruction');
    expect(
      (await failure(ants.brequigny.uploadPiece(app.number, 'medical_opinion', { name: 'b.png', bytes: PNG }))).code,
    ).toBe('TRANSITION_REFUSED');
  });

  it('refuses a school acting as an agent', async () => {
    const app = await ants.brequigny.createApplication(draftRequest(), crypto.randomUUID());
    const [row] = await ants.db.select().from(applications).where(eq(applications.number, app.number));
    await expect(
      ants.db.transaction((tx) => transition(tx, row!, 'accept', { type: 'school', id: null })),
    ).rejects.toMatchObject({ status: 403 });
  });
});

describe('schools and transfers', () => {
  it("never shows a school another school's applications", async () => {
    const app = await ants.brequigny.createApplication(draftRequest(), crypto.randomUUID());
    expect((await failure(ants.saintPriest.getApplication(app.number))).status).toBe(404);
    expect((await failure(ants.saintPriest.deleteApplication(app.number))).status).toBe(404);
    expect((await failure(ants.saintPriest.validateApplication(app.number))).status).toBe(404);
    expect((await failure(ants.saintPriest.listPieces(app.number))).status).toBe(404);
    expect((await ants.saintPriest.listApplications()).applications).toEqual([]);
  });

  it("lets another school take an application by its number and its holder's agrément; the first sees it transferred, nothing more", async () => {
    const app = await ants.brequigny.createApplication(draftRequest(), crypto.randomUUID());
    await ants.brequigny.uploadPiece(app.number, 'identity', { name: 'cni.png', bytes: PNG });
    const taken = await ants.saintPriest.transfer(transferOf(app));
    expect(taken).toMatchObject({ number: app.number, state: 'draft', transferred: true });
    expect((await ants.saintPriest.getApplication(app.number)).state).toBe('draft');
    const seenByFirst = (await ants.brequigny.listApplications()).applications;
    // The school it left keeps the seed's "Transféré" row: number, type and dates, no personal data.
    expect(seenByFirst).toEqual([
      {
        id: app.id,
        number: app.number,
        type: '02',
        state: 'transferred',
        stateLabel: 'Transféré',
        transferred: true,
        createdAt: app.createdAt,
        updatedAt: expect.any(String),
      },
    ]);
    expect(JSON.stringify(seenByFirst)).not.toContain(app.candidate.birthName);
    for (const filter of [{ number: app.number }, { state: 'transferred' as const }, { type: '02' as const }]) {
      expect(JSON.stringify((await ants.brequigny.listApplications(filter)).applications)).not.toContain(
        app.candidate.email,
      );
    }
    expect((await failure(ants.brequigny.getApplication(app.number))).status).toBe(404);
    expect((await failure(ants.brequigny.listPieces(app.number))).status).toBe(404);
    expect((await failure(ants.brequigny.deleteApplication(app.number))).status).toBe(404);
    expect((await ants.brequigny.listApplications({ state: 'transferred' })).applications).toHaveLength(1);
    expect((await ants.brequigny.listApplications({ state: 'draft' })).applications).toHaveLength(0);
    expect((await failure(ants.saintPriest.transfer(transferOf(app, 'E1706900030')))).code).toBe('ALREADY_YOURS');
  });

  it('keeps the "Transféré" row of every school an application left, and gives it back to one that takes it back', async () => {
    const third = await ants.addSchool('E1707500040');
    const app = await ants.brequigny.createApplication(draftRequest(), crypto.randomUUID());
    await ants.saintPriest.transfer(transferOf(app));
    await third.transfer(transferOf(app, 'E1706900030'));
    const rowOf = async (client: typeof ants.brequigny) =>
      (await client.listApplications()).applications.map((a) => [a.number, a.state]);
    expect(await rowOf(ants.brequigny)).toEqual([[app.number, 'transferred']]);
    expect(await rowOf(ants.saintPriest)).toEqual([[app.number, 'transferred']]);
    expect(await rowOf(third)).toEqual([[app.number, 'draft']]);
    // The first school takes it back: it holds it again, the two others see it transferred.
    await ants.brequigny.transfer(transferOf(app, 'E1707500040'));
    expect(await rowOf(ants.brequigny)).toEqual([[app.number, 'draft']]);
    expect(await rowOf(ants.saintPriest)).toEqual([[app.number, 'transferred']]);
    expect(await rowOf(third)).toEqual([[app.number, 'transferred']]);
    expect((await ants.brequigny.listApplications({ count: 'true' })).remaining).toBe(1);
  });

  it('moves an application only onto its own candidate at the school that holds it, with one answer for every mismatch', async () => {
    const app = await ants.brequigny.createApplication(
      draftRequest({ candidate: { birthName: 'DUPONT', firstName: 'Marc', birthDate: '2004-06-01' } }),
      crypto.randomUUID(),
    );
    const marc = { birthName: 'DUPONT', firstName: 'Marc', birthDate: '2004-06-01' };
    const moussa = { birthName: "N'DIAYE", firstName: 'Moussa', birthDate: '2004-06-01' };
    const holder = 'E1703500010';
    const other = await failure(
      ants.saintPriest.transfer({ number: app.number, holderAgrementNumber: holder, candidate: moussa }),
    );
    const unknown = await failure(
      ants.saintPriest.transfer({ number: '999999999999', holderAgrementNumber: holder, candidate: marc }),
    );
    // Number and person right, but not the school that holds it: the number alone takes nothing.
    const wrongSchool = await failure(
      ants.saintPriest.transfer({ number: app.number, holderAgrementNumber: 'E1706900030', candidate: marc }),
    );
    expect([other.status, other.code]).toEqual([404, 'TRANSFER_NOT_THIS_CANDIDATE']);
    for (const answer of [unknown, wrongSchool]) {
      expect([answer.status, answer.code, answer.message]).toEqual([other.status, other.code, other.message]);
    }
    expect(other.message).toContain("numéro d'agrément");
    expect((await ants.brequigny.getApplication(app.number)).state).toBe('draft');
    // The same person written another way (case, accents, a second first name) is found.
    const taken = await ants.saintPriest.transfer({
      number: app.number,
      holderAgrementNumber: 'e1703500010',
      candidate: { birthName: 'dupont', firstName: 'Marc Élie', birthDate: '2004-06-01' },
    });
    expect(taken.state).toBe('draft');
  });

  it('refuses an account its transfers after 10 failures in an hour, without touching another account', async () => {
    const app = await ants.brequigny.createApplication(draftRequest(), crypto.randomUUID());
    for (let i = 0; i < 10; i++) {
      const guess = { ...transferOf(app), number: String(900000000000 + i) };
      expect((await failure(ants.saintPriest.transfer(guess))).code).toBe('TRANSFER_NOT_THIS_CANDIDATE');
    }
    // Even the right request waits now: guessing cannot go on.
    const refused = await failure(ants.saintPriest.transfer(transferOf(app)));
    expect([refused.status, refused.code]).toEqual([429, 'TRANSFER_THROTTLED']);
    expect(refused.message).toMatch(/^Trop de demandes de transfert refusées : réessayez dans \d+ min\.$/);
    const third = await ants.addSchool('E1707500040');
    await expect(third.transfer(transferOf(app))).resolves.toMatchObject({ number: app.number });
  });
});

/** A transfer request naming the application's own candidate and the school that holds it. */
function transferOf(app: Application, holderAgrementNumber = 'E1703500010') {
  if (app.state === 'transferred') throw new Error('not a held application');
  const { birthName, firstName, birthDate } = app.candidate;
  return { number: app.number, holderAgrementNumber, candidate: { birthName, firstName, birthDate } };
}

describe('listing and incremental sync', () => {
  it('pages through every application once with the cursor, and filters', async () => {
    const created = [];
    for (let i = 0; i < 5; i++)
      created.push(await ants.brequigny.createApplication(draftRequest(), crypto.randomUUID()));
    await ants.brequigny.deleteApplication(created[1]!.number);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await ants.brequigny.listApplications({ limit: 2, cursor });
      seen.push(...page.applications.map((a) => a.number));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.sort()).toEqual(created.map((a) => a.number).sort());
    // The deleted one changed last: it comes last in modification order.
    expect(seen.length).toBe(5);
    expect((await ants.brequigny.listApplications({ state: 'deleted' })).applications.map((a) => a.number)).toEqual([
      created[1]!.number,
    ]);
    expect((await ants.brequigny.listApplications({ number: created[3]!.number })).applications).toHaveLength(1);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
    expect((await ants.brequigny.listApplications({ createdFrom: today, createdTo: today })).applications).toHaveLength(
      5,
    );
    expect((await ants.brequigny.listApplications({ createdTo: '2020-01-01' })).applications).toHaveLength(0);
    expect((await ants.brequigny.listApplications({ updatedFrom: today, type: '02' })).applications).toHaveLength(5);
    expect((await ants.brequigny.listApplications({ updatedTo: '2020-01-01' })).applications).toHaveLength(0);
    expect((await ants.brequigny.listApplications({ type: '06' })).applications).toHaveLength(0);
    // A sync's progress: what is left from this page on, the page included, whatever the filters.
    const first = await ants.brequigny.listApplications({ limit: 2, count: 'true' });
    expect(first.remaining).toBe(5);
    const second = await ants.brequigny.listApplications({ limit: 2, count: 'true', cursor: first.nextCursor! });
    expect(second.remaining).toBe(3);
    expect((await ants.brequigny.listApplications({ state: 'draft', count: 'true' })).remaining).toBe(4);
    expect((await failure(ants.brequigny.listApplications({ cursor: 'nimportequoi' }))).code).toBe('VALIDATION');
  });
});
