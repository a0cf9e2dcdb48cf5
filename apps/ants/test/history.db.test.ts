import { testClient } from '@permis/platform/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_EPHOTO_CODES } from '../src/seed/demo.ts';
import { draftRequest, failure, PNG, pdf, startAntsHttp } from './api.ts';
import { AGENT, PRO } from './harness.ts';

let ants: Awaited<ReturnType<typeof startAntsHttp>>;
beforeEach(async () => {
  ants = await startAntsHttp();
});
afterEach(async () => {
  await ants.close();
});

const lines = (history: { label: string; byLabel: string; detail: string | null }[]) =>
  history.map((entry) => [entry.label, entry.byLabel, entry.detail]);

describe("the demand's history", () => {
  it('tells who did what, oldest first, with the reasons given to the school', async () => {
    const app = await ants.brequigny.createApplication(draftRequest({ paperMandate: true }), crypto.randomUUID());
    await ants.brequigny.uploadPiece(app.number, 'identity', { name: 'cni.pdf', bytes: await pdf(1) });
    await ants.brequigny.uploadPiece(app.number, 'proof_of_address', { name: 'dom.png', bytes: PNG });
    await ants.brequigny.setEphoto(app.number, DEMO_EPHOTO_CODES[0]!);
    await ants.brequigny.validateApplication(app.number);
    const agent = testClient(ants.app);
    await agent.login('/api/agent/login', AGENT);
    await agent.post(`/api/agent/applications/${app.number}/request-completion`, {
      piece: 'medical_opinion',
      message: 'Avis du médecin agréé manquant',
    });

    const history = await ants.brequigny.getApplicationHistory(app.number);
    expect(lines(history)).toEqual([
      ['Demande créée (brouillon)', 'Votre établissement', null],
      ['Pièce justificative ajoutée', 'Votre établissement', "Pièce d'identité"],
      ['Pièce justificative ajoutée', 'Votre établissement', 'Justificatif de domicile'],
      ['Code ePhoto enregistré', 'Votre établissement', null],
      ["Demande validée par l'école de conduite", 'Votre établissement', null],
      [
        'Pièce à compléter demandée',
        "Le service instructeur de l'ANTS",
        'Pièce à compléter : Avis médical — Avis du médecin agréé manquant',
      ],
    ]);
    // Each of the school's lines names its user; the others none.
    expect(history.map((e) => e.user)).toEqual([...Array(5).fill('Julien BRENAC (brequigny35)'), null]);
    // Times in order, and the web session reads the same history.
    expect([...history.map((e) => e.at)].sort()).toEqual(history.map((e) => e.at));
    const web = testClient(ants.app);
    await web.login('/api/pro/login', PRO);
    expect((await web.get(`/api/pro/web/applications/${app.number}/history`)).json().history).toEqual(history);
  });

  it('never names the school that held it before a transfer, and the first school reads it no more', async () => {
    const app = await ants.brequigny.createApplication(draftRequest(), crypto.randomUUID());
    const { birthName, firstName, birthDate } = app.candidate;
    await ants.saintPriest.transfer({
      number: app.number,
      holderAgrementNumber: 'E1703500010',
      candidate: { birthName, firstName, birthDate },
    });
    const history = await ants.saintPriest.getApplicationHistory(app.number);
    expect(lines(history)).toEqual([
      ['Demande créée (brouillon)', 'Un autre établissement', null],
      ['Demande reprise par transfert', 'Votre établissement', null],
    ]);
    expect(history.map((e) => e.user)).toEqual([null, 'Claire LABORET (claboret662)']);
    expect(JSON.stringify(history)).not.toMatch(/BREQUIGNY|E1703500010|brequigny|BRENAC/i);
    expect((await failure(ants.brequigny.getApplicationHistory(app.number))).status).toBe(404);
  });
});
