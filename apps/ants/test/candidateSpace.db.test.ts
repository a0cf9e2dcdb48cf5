import { testClient } from '@permis/platform/testing';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { candidates } from '../src/db/schema.ts';
import { activatedCandidate, CANDIDATE_PASSWORD, startAntsHttp } from './api.ts';

let ants: Awaited<ReturnType<typeof startAntsHttp>>;
beforeEach(async () => {
  ants = await startAntsHttp({ notify: true });
});
afterEach(async () => {
  await ants.close();
});

const candidateWithApplication = (firstName = 'Pierre') => activatedCandidate(ants, firstName);

describe('Mes démarches en cours', () => {
  it('lists the application to validate and shows its recap', async () => {
    const { app, client } = await candidateWithApplication();
    const list = (await client.get('/api/candidate/applications')).json().applications;
    expect(list).toEqual([
      expect.objectContaining({
        number: app.number,
        firstName: 'Pierre',
        lastName: 'MARTIN',
        stateLabel: 'En attente de validation usager',
        canValidate: true,
      }),
    ]);
    const recap = (await client.get(`/api/candidate/applications/${app.number}`)).json().application;
    expect(recap).toMatchObject({
      typeLabel: "Inscription au permis nécessitant le passage d'un examen pratique",
      school: 'Auto-école du Parc — BREQUIGNY',
      prefecture: 'Préfecture de Lyon',
      // No ePhoto on this Cerfa 02: the candidate posts the paper photo-signature form.
      photoSignatureForm: true,
      dossier: { requestedCategories: ['B'] },
    });
    expect(
      recap.pieces.map(
        (p: { label: string; pages: number; maxPages: number }) => `${p.label} (${p.pages}/${p.maxPages})`,
      ),
    ).toEqual(["Pièce d'identité (1/2)", 'Justificatif de domicile (1/5)']);
    const fileId = recap.pieces[0].files[0].id;
    const file = await client.get(`/api/candidate/applications/${app.number}/pieces/files/${fileId}`);
    expect(file.headers['content-type']).toBe('image/png');
  });

  it('validates only with the sworn attestation, then the school sees it sent', async () => {
    const { app, client } = await candidateWithApplication();
    const without = await client.post(`/api/candidate/applications/${app.number}/confirm`, {});
    expect(without.statusCode).toBe(400);
    expect(without.json().detail).toBe("Cochez l'attestation sur l'honneur pour valider.");
    expect((await ants.brequigny.getApplication(app.number)).state).toBe('awaiting_candidate');

    const confirmed = await client.post(`/api/candidate/applications/${app.number}/confirm`, { attestation: true });
    expect(confirmed.json()).toEqual({ number: app.number, photoSignatureForm: true });
    expect((await ants.brequigny.getApplication(app.number)).stateLabel).toBe(
      'Dossier en cours de vérification des pièces justificatives',
    );
    const receipt = await client.get(`/api/candidate/applications/${app.number}/documents/receipt`);
    expect(receipt.headers['content-type']).toBe('application/pdf');
    expect(receipt.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const again = await client.post(`/api/candidate/applications/${app.number}/confirm`, { attestation: true });
    expect(again.json().code).toBe('TRANSITION_REFUSED');
  });

  it('refuses: the school sees it refused and may create a new application', async () => {
    const { app, client, request } = await candidateWithApplication();
    // The reason is optional, bounded, and passed on to the school.
    const long = await client.post(`/api/candidate/applications/${app.number}/refuse`, { reason: 'x'.repeat(501) });
    expect(long.statusCode).toBe(400);
    expect(long.json().fields[0].message).toBe('Le motif est limité à 500 caractères.');
    const refused = await client.post(`/api/candidate/applications/${app.number}/refuse`, {
      reason: "  Mon adresse n'est plus la bonne.  ",
    });
    expect(refused.statusCode).toBe(200);
    const seen = await ants.brequigny.getApplication(app.number);
    expect([seen.stateLabel, seen.stateReason]).toEqual(["Refusée par l'usager", "Mon adresse n'est plus la bonne."]);
    // The refused recap was never sworn: the school enters the new application as it sees fit.
    const renewed = await ants.brequigny.createApplication({ ...request }, crypto.randomUUID());
    expect(renewed.state).toBe('draft');
  });

  it('refuses without a reason too', async () => {
    const { app, client } = await candidateWithApplication('Louis');
    expect((await client.post(`/api/candidate/applications/${app.number}/refuse`)).statusCode).toBe(200);
    expect((await ants.brequigny.getApplication(app.number)).stateReason).toBeNull();
  });

  it("never shows a candidate another candidate's application", async () => {
    const first = await candidateWithApplication('Pierre');
    const second = await candidateWithApplication('Paul');
    const stranger = await second.client.get(`/api/candidate/applications/${first.app.number}`);
    expect(stranger.statusCode).toBe(404);
    expect(
      (await second.client.post(`/api/candidate/applications/${first.app.number}/confirm`, { attestation: true }))
        .statusCode,
    ).toBe(404);
    expect((await testClient(ants.app).get('/api/candidate/applications')).statusCode).toBe(401);
  });
});

describe('the home', () => {
  it('welcomes, tells the sign-in before this one and what waits for the candidate', async () => {
    const { app, client, loginId } = await candidateWithApplication('Eric');
    // Activation is the first sign-in: nothing before it.
    const first = (await client.get('/api/candidate/home')).json();
    expect(first).toMatchObject({ firstName: 'Eric', lastName: 'MARTIN', previousLoginAt: null });
    // The demand to validate, and the invitation kept unread in « Mes messages ».
    expect(first.notifications).toEqual([
      { text: `La demande n° ${app.number} attend votre validation.`, link: `/monespace/demarches/${app.number}` },
      { text: 'Vous avez 1 message non lu.', link: '/monespace/messages' },
    ]);

    const later = testClient(ants.app);
    await later.login('/api/candidate/login', { loginId, password: CANDIDATE_PASSWORD });
    const second = (await later.get('/api/candidate/home')).json();
    const [row] = await ants.db
      .select({ last: candidates.lastLoginAt, previous: candidates.previousLoginAt })
      .from(candidates)
      .where(eq(candidates.loginId, loginId));
    // « Dernière connexion » is the activation's sign-in, not this one.
    expect(second.previousLoginAt).toBe(row!.previous!.toISOString());
    expect(row!.previous!.getTime()).toBeLessThan(row!.last!.getTime());

    await later.post(`/api/candidate/applications/${app.number}/confirm`, { attestation: true });
    const after = (await later.get('/api/candidate/home')).json();
    expect(after.notifications.map((n: { text: string }) => n.text)).not.toContain(
      `La demande n° ${app.number} attend votre validation.`,
    );
  });
});

describe('Mes documents', () => {
  it('lists every document of every demand, each downloadable once it exists', async () => {
    const { app, client } = await candidateWithApplication('Lea');
    const before = (await client.get('/api/candidate/documents')).json().applications;
    expect(before).toHaveLength(1);
    const kinds = (docs: { kind: string; available: boolean }[]) =>
      Object.fromEntries(docs.map((d) => [d.kind, d.available]));
    // Not sent yet: only the paper photo-signature form (no ePhoto on this Cerfa 02).
    expect(kinds(before[0].documents)).toEqual({
      receipt: false,
      registration_certificate: false,
      registration_facsimile: false,
      photo_signature_form: true,
    });
    expect(before[0].documents.find((d: { kind: string }) => d.kind === 'receipt')).toMatchObject({
      reason: 'La demande n’a pas encore été transmise.',
      href: null,
    });

    await client.post(`/api/candidate/applications/${app.number}/confirm`, { attestation: true });
    const after = (await client.get('/api/candidate/documents')).json().applications[0];
    expect(kinds(after.documents)).toMatchObject({ receipt: true, registration_certificate: true });
    const certificate = after.documents.find((d: { kind: string }) => d.kind === 'registration_certificate');
    const pdf = await client.get(certificate.href);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain(app.number);
    // Another candidate's number is not theirs to download.
    const other = await candidateWithApplication('Noe');
    expect((await other.client.get(certificate.href)).statusCode).toBe(404);
  });
});
