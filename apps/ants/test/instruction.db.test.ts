import { API_ERRORS } from '@permis/ants-api';
import { testClient } from '@permis/platform/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_EPHOTO_CODES } from '../src/seed/demo.ts';
import { draftRequest, failure, PNG, pdf, startAntsHttp } from './api.ts';
import { AGENT } from './harness.ts';

let ants: Awaited<ReturnType<typeof startAntsHttp>>;
beforeEach(async () => {
  ants = await startAntsHttp();
});
afterEach(async () => {
  await ants.close();
});

/** An application sent to instruction (paper mandate: no candidate step). */
async function underInstruction(request = draftRequest({ paperMandate: true })) {
  const app = await ants.brequigny.createApplication(request, crypto.randomUUID());
  await ants.brequigny.uploadPiece(app.number, 'identity', { name: 'cni.pdf', bytes: await pdf(1) });
  await ants.brequigny.uploadPiece(app.number, 'proof_of_address', { name: 'dom.png', bytes: PNG });
  await ants.brequigny.validateApplication(app.number);
  return app;
}

async function agent() {
  const client = testClient(ants.app);
  await client.login('/api/agent/login', AGENT);
  return client;
}

describe('instruction console', () => {
  it('is for agents only', async () => {
    expect((await testClient(ants.app).get('/api/agent/applications')).statusCode).toBe(401);
    const pro = testClient(ants.app);
    await pro.login('/api/pro/login', {
      agrementNumber: 'E1703500010',
      login: 'brequigny35',
      password: 'Brequigny35!ants',
    });
    expect((await pro.get('/api/agent/applications')).statusCode).toBe(401);
  });

  it('lists the queue and opens an application with its pièces', async () => {
    const app = await underInstruction();
    const client = await agent();
    const queue = (await client.get('/api/agent/applications')).json().applications;
    expect(queue).toEqual([
      expect.objectContaining({ number: app.number, school: 'Auto-école du Parc — BREQUIGNY', type: '02' }),
    ]);
    const detail = (await client.get(`/api/agent/applications/${app.number}`)).json();
    expect(detail.prefecture).toBe('Préfecture de Lyon');
    const identity = detail.pieces.find((p: { kind: string }) => p.kind === 'identity');
    const file = await client.get(`/api/agent/applications/${app.number}/pieces/files/${identity.files[0].id}`);
    expect(file.headers['content-type']).toBe('application/pdf');
    // No ePhoto here: nothing to show.
    expect((await client.get(`/api/agent/applications/${app.number}/ephoto/photo`)).statusCode).toBe(404);
  });

  it("shows the school's comment on a pièce and the ePhoto's photo and signature", async () => {
    const app = await ants.brequigny.createApplication(draftRequest({ paperMandate: true }), crypto.randomUUID());
    await ants.brequigny.setEphoto(app.number, DEMO_EPHOTO_CODES[2]!);
    await ants.brequigny.uploadPiece(app.number, 'identity', { name: 'cni.pdf', bytes: await pdf(1) }, 'Recto verso');
    await ants.brequigny.uploadPiece(app.number, 'proof_of_address', { name: 'dom.png', bytes: PNG });
    await ants.brequigny.validateApplication(app.number);
    const client = await agent();
    const detail = (await client.get(`/api/agent/applications/${app.number}`)).json();
    expect(detail.ephotoCode).toBe(DEMO_EPHOTO_CODES[2]);
    expect(detail.pieces.find((p: { kind: string }) => p.kind === 'identity').files[0].comment).toBe('Recto verso');
    for (const image of ['photo', 'signature']) {
      const shown = await client.get(`/api/agent/applications/${app.number}/ephoto/${image}`);
      expect([shown.statusCode, shown.headers['content-type']]).toEqual([200, 'image/png']);
    }
  });

  it('asks for completion naming the pièce; the school adds it and it comes back', async () => {
    const app = await underInstruction();
    const client = await agent();
    const asked = await client.post(`/api/agent/applications/${app.number}/request-completion`, {
      piece: 'medical_opinion',
      message: 'Avis du médecin agréé manquant',
    });
    expect(asked.json().reason).toBe('Pièce à compléter : Avis médical — Avis du médecin agréé manquant');
    expect(await ants.brequigny.getApplication(app.number)).toMatchObject({
      stateLabel: 'A compléter',
      stateReason: 'Pièce à compléter : Avis médical — Avis du médecin agréé manquant',
    });
    await ants.brequigny.uploadPiece(app.number, 'medical_opinion', { name: 'avis.png', bytes: PNG });
    expect((await ants.brequigny.completeApplication(app.number)).stateReason).toBeNull();
    expect(
      (await client.get('/api/agent/applications')).json().applications.map((a: { number: string }) => a.number),
    ).toEqual([app.number]);
  });

  it('rejects with a reason and deletes the identity documents', async () => {
    const app = await underInstruction();
    const client = await agent();
    const before = await ants.storedFileCount();
    const empty = await client.post(`/api/agent/applications/${app.number}/reject`, { reason: '' });
    expect(empty.json().fields[0].message).toBe('Indiquez le motif du rejet.');
    const rejected = await client.post(`/api/agent/applications/${app.number}/reject`, {
      reason: 'Justificatif de domicile illisible',
    });
    expect(rejected.json().application).toMatchObject({ state: 'rejected', stateLabel: 'Rejeté' });
    expect(await ants.storedFileCount()).toBe(before - 1);
    const pieces = await ants.brequigny.listPieces(app.number);
    expect(pieces.find((p) => p.kind === 'identity')?.files).toEqual([]);
    expect(pieces.find((p) => p.kind === 'proof_of_address')?.files).toHaveLength(1);
  });

  it('accepts a Cerfa 02 with a new 12-digit NEPH, then the Cerfa 06 keeps it', async () => {
    const request = draftRequest({ paperMandate: true });
    const app = await underInstruction(request);
    const client = await agent();
    const results = await Promise.all([
      client.post(`/api/agent/applications/${app.number}/accept`),
      client.post(`/api/agent/applications/${app.number}/accept`),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const accepted = await ants.brequigny.getApplication(app.number);
    const year = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', year: '2-digit' }).format(new Date());
    expect(accepted.neph).toMatch(new RegExp(`^${year}69\\d{8}$`));
    expect(accepted.stateLabel).toBe('À traiter en Cerfa 06');

    // The paper photo-signature form is for a Cerfa 02 only (seed 002): a 06 goes with an ePhoto.
    const draft06 = await ants.brequigny.createApplication({ ...request, type: '06' }, crypto.randomUUID());
    await ants.brequigny.uploadPiece(draft06.number, 'identity', { name: 'cni.pdf', bytes: await pdf(1) });
    await ants.brequigny.uploadPiece(draft06.number, 'proof_of_address', { name: 'dom.png', bytes: PNG });
    expect(await failure(ants.brequigny.validateApplication(draft06.number))).toMatchObject({
      status: 422,
      code: 'EPHOTO_REQUIRED',
      message: API_ERRORS.EPHOTO_REQUIRED.title,
    });
    expect((await ants.brequigny.getApplication(draft06.number)).state).toBe('draft');
    await ants.brequigny.setEphoto(draft06.number, DEMO_EPHOTO_CODES[3]!);
    await ants.brequigny.validateApplication(draft06.number);
    const title = draft06;
    const done = (await client.post(`/api/agent/applications/${title.number}/accept`)).json().application;
    expect(done).toMatchObject({ stateLabel: 'Accepté', neph: accepted.neph });
  });
});
