import { execFileSync } from 'node:child_process';
import { API_ERRORS } from '@permis/ants-api';
import { createSecretBox } from '@permis/platform';
import { testClient } from '@permis/platform/testing';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applications as antsApplications } from '../../ants/src/db/schema.ts';
import { DEMO_EPHOTO_CODES } from '../../ants/src/seed/demo.ts';
import { draftRequest, startAntsHttp } from '../../ants/test/api.ts';
import { createAntsClients } from '../src/ants/clients.ts';
import { offices, studentDossiers } from '../src/db/schema.ts';
import { runSync } from '../src/sync/run.ts';
import { LOGIN, startSchool, TEST_KEY } from './harness.ts';

let ants: Awaited<ReturnType<typeof startAntsHttp>>;
let school: Awaited<ReturnType<typeof startSchool>>;
let secretaire: ReturnType<typeof testClient>;
beforeEach(async () => {
  ants = await startAntsHttp();
  school = await startSchool({ antsUrl: ants.baseUrl });
  secretaire = testClient(school.app);
  await secretaire.login('/api/auth/login', LOGIN.secretaire);
});
afterEach(async () => {
  await school.close();
  await ants.close();
});

const officeId = async (name: string) => {
  const [row] = await school.db.select().from(offices).where(eq(offices.name, name));
  return row!.id;
};

const FICHE = {
  sex: 'M',
  birthName: "N'DIAYE",
  firstName: 'Moussa',
  birthDate: '2004-06-01',
  birthCity: 'RENNES',
  birthDepartment: '35',
  birthCountry: 'FRANCE',
  addressLine: '3 rue de Brest',
  postalCode: '35000',
  city: 'RENNES',
  mobile: '0611223344',
};

/** A student of the school, with a dossier ready to send. */
async function student(office: string, fiche: Partial<typeof FICHE> = {}) {
  const created = await secretaire.post('/api/students', {
    ...FICHE,
    ...fiche,
    email: `eleve.${crypto.randomUUID().slice(0, 8)}@example.fr`,
    officeId: await officeId(office),
  });
  expect(created.statusCode).toBe(201);
  const id = created.json().student.id as string;
  const dossier = await secretaire.put(`/api/students/${id}/dossier`, {
    requestedCategories: ['B'],
    declarations: { jdcInOrder: true },
  });
  expect(dossier.statusCode).toBe(200);
  return { id, fiche: created.json().student as Record<string, unknown> };
}

const enter = async (id: string) => {
  const created = await secretaire.post(`/api/students/${id}/online`, {
    type: '02',
    idempotencyKey: crypto.randomUUID(),
  });
  expect(created.statusCode).toBe(201);
  return created.json().application.number as string;
};

const clients = () => createAntsClients({ baseUrl: ants.baseUrl, box: createSecretBox(TEST_KEY) });
const sync = async (office: string) => {
  const dirigeant = testClient(school.app);
  await dirigeant.login('/api/auth/login', LOGIN.dirigeant);
  const run = (await dirigeant.post(`/api/admin/offices/${await officeId(office)}/sync`, {})).json().run.id as string;
  expect((await runSync(school.db, clients(), run)).status).toBe('done');
};
const list = async (office: string) =>
  (await secretaire.get(`/api/admin/online-applications?officeId=${await officeId(office)}`)).json();
const tab = async (id: string) => (await secretaire.get(`/api/students/${id}/online`)).json();

describe('Transférer une demande', () => {
  it("refuses another person's application on the fiche, and takes the student's own", async () => {
    const marc = await ants.brequigny.createApplication(
      draftRequest({ candidate: { birthName: 'DUPONT', firstName: 'Marc', birthDate: '2004-06-01' } }),
      crypto.randomUUID(),
    );
    const moussa = await student('SAINT-PRIEST');
    const withoutAgrement = await secretaire.post(`/api/students/${moussa.id}/online/transfer`, {
      number: marc.number,
    });
    expect(withoutAgrement.statusCode).toBe(400);
    expect(withoutAgrement.json().detail).not.toContain('holderAgrementNumber');
    const refused = await secretaire.post(`/api/students/${moussa.id}/online/transfer`, {
      number: marc.number,
      holderAgrementNumber: 'E1703500010',
    });
    expect(refused.statusCode).toBe(404);
    expect(refused.json().detail).toContain('Aucune demande de cet élève ne porte ce numéro');
    expect((await tab(moussa.id)).applications).toEqual([]);
    expect((await ants.brequigny.getApplication(marc.number)).state).toBe('draft');

    const own = await ants.brequigny.createApplication(
      draftRequest({ candidate: { birthName: "N'DIAYE", firstName: 'Moussa', birthDate: '2004-06-01' } }),
      crypto.randomUUID(),
    );
    // The number alone is not enough: it takes the agrément of the school that holds it.
    const wrongHolder = await secretaire.post(`/api/students/${moussa.id}/online/transfer`, {
      number: own.number,
      holderAgrementNumber: 'E1706900030',
    });
    expect(wrongHolder.statusCode).toBe(404);
    const taken = await secretaire.post(`/api/students/${moussa.id}/online/transfer`, {
      number: own.number,
      holderAgrementNumber: 'E1703500010',
    });
    expect(taken.statusCode).toBe(200);
    expect((await tab(moussa.id)).applications.map((a: { number: string }) => a.number)).toEqual([own.number]);
  });

  it('between two offices of the school: one holder with its buttons, "Transféré" in the list of the one it left', async () => {
    const moussa = await student('BREQUIGNY');
    const number = await enter(moussa.id);
    // The student moves to the other office, which takes the application over.
    const moved = await secretaire.put(`/api/students/${moussa.id}`, {
      ...FICHE,
      email: moussa.fiche.email,
      officeId: await officeId('SAINT-PRIEST'),
    });
    expect(moved.statusCode).toBe(200);
    const transfer = { number, holderAgrementNumber: 'E1703500010' };
    expect((await secretaire.post(`/api/students/${moussa.id}/online/transfer`, transfer)).statusCode).toBe(200);

    // Each office updates its list, twice, in both orders: the fiche never alternates.
    for (const office of ['BREQUIGNY', 'SAINT-PRIEST', 'BREQUIGNY', 'SAINT-PRIEST', 'BREQUIGNY']) {
      await sync(office);
      const { applications } = await tab(moussa.id);
      expect(applications).toHaveLength(1);
      expect(applications[0]).toMatchObject({ number, state: 'draft', transferred: true });
      expect(applications[0].actions.refresh.enabled).toBe(true);
      expect(applications[0].actions.pieces.enabled).toBe(true);
    }
    const refreshed = await secretaire.post(`/api/students/${moussa.id}/online/${number}/refresh`);
    expect(refreshed.json().application.state).toBe('draft');
    const left = (await list('BREQUIGNY')).rows.filter((r: { number: string }) => r.number === number);
    const holder = (await list('SAINT-PRIEST')).rows.filter((r: { number: string }) => r.number === number);
    expect(left.map((r: { state: string }) => r.state)).toEqual(['transferred']);
    expect(holder.map((r: { state: string; student: { id: string } }) => [r.state, r.student.id])).toEqual([
      ['draft', moussa.id],
    ]);
  });
});

describe('Relier une demande à un élève', () => {
  const link = (number: string, body: Record<string, unknown>) =>
    secretaire.post(`/api/admin/online-applications/${number}/link`, body);

  it('never moves a linked application without "Changer d\'élève", and asks when the identity differs', async () => {
    const office = await officeId('BREQUIGNY');
    const moussa = await student('BREQUIGNY');
    const number = await enter(moussa.id);
    const emma = await student('BREQUIGNY', { birthName: 'PETIT', firstName: 'Emma', birthDate: '2003-01-09' });

    const plain = await link(number, { officeId: office, studentId: emma.id });
    expect(plain.statusCode).toBe(409);
    expect(plain.json()).toMatchObject({ code: 'ALREADY_LINKED' });
    expect(plain.json().detail).toContain("N'DIAYE Moussa");
    const unconfirmed = await link(number, { officeId: office, studentId: emma.id, change: true });
    expect(unconfirmed.statusCode).toBe(409);
    expect(unconfirmed.json().code).toBe('IDENTITY_MISMATCH');
    expect(unconfirmed.json().detail).toContain('PETIT Emma, né(e) le 09/01/2003');
    expect(unconfirmed.json().detail).toContain("N'DIAYE Moussa, né(e) le 01/06/2004");
    // Nothing moved on either fiche.
    expect((await tab(moussa.id)).applications.map((a: { number: string }) => a.number)).toEqual([number]);
    expect((await tab(emma.id)).applications).toEqual([]);

    const confirmed = await link(number, { officeId: office, studentId: emma.id, change: true, confirmMismatch: true });
    expect(confirmed.statusCode).toBe(200);
    expect((await tab(moussa.id)).applications).toEqual([]);
    expect((await tab(emma.id)).applications.map((a: { number: string }) => a.number)).toEqual([number]);
  });

  it('"Mettre à jour toutes les informations" imports the Cerfa data of the national record too', async () => {
    const entered = await ants.brequigny.createApplication(
      draftRequest({
        candidate: { birthName: "N'DIAYE", firstName: 'Moussa', birthDate: '2004-06-01' },
        dossier: {
          requestedCategories: ['A2', 'B'],
          prefectureCode: '69123',
          declarations: { jdcInOrder: true, visionCorrection: true },
          training: 'supervised',
        },
      }),
      crypto.randomUUID(),
    );
    await sync('BREQUIGNY');
    const moussa = await student('BREQUIGNY');
    const linked = await link(entered.number, {
      officeId: await officeId('BREQUIGNY'),
      studentId: moussa.id,
      overwrite: true,
    });
    expect(linked.statusCode).toBe(200);
    const [row] = await school.db.select().from(studentDossiers).where(eq(studentDossiers.studentId, moussa.id));
    expect(row!.form).toMatchObject({
      requestedCategories: ['A2', 'B'],
      prefectureCode: '69123',
      training: 'supervised',
      declarations: { visionCorrection: true, jdcInOrder: true },
    });
    const fiche = (await secretaire.get(`/api/students/${moussa.id}`)).json().student;
    expect(fiche).toMatchObject({ city: 'SAINT-PRIEST', postalCode: '69800' });
  });
});

describe('La fiche et la demande du site de l’ANTS', () => {
  it('says when the fiche no longer matches the draft, and recreates it with the new data', async () => {
    const moussa = await student('BREQUIGNY');
    const number = await enter(moussa.id);
    const first = await tab(moussa.id);
    expect(first.applications[0].drift).toEqual([]);
    // A Cerfa 06 is offered only once a Cerfa 02 is accepted, not beside a draft.
    expect(first.canEnter).toEqual({ '02': false, '06': false });

    const saved = await secretaire.put(`/api/students/${moussa.id}`, {
      ...FICHE,
      addressLine: '9 avenue Janvier',
      email: moussa.fiche.email,
      officeId: await officeId('BREQUIGNY'),
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().drift).toEqual([
      {
        number,
        fields: ['Adresse'],
        message: expect.stringContaining('supprimez puis recréez la demande'),
      },
    ]);
    expect((await tab(moussa.id)).applications[0].drift).toEqual(['Adresse']);

    // Recreating deletes: the right to delete is needed.
    const moniteur = testClient(school.app);
    await moniteur.login('/api/auth/login', LOGIN.moniteur);
    const refused = await moniteur.post(`/api/students/${moussa.id}/online/${number}/recreate`, {
      idempotencyKey: crypto.randomUUID(),
    });
    expect(refused.statusCode).toBe(403);
    const done = await secretaire.post(`/api/students/${moussa.id}/online/${number}/recreate`, {
      idempotencyKey: crypto.randomUUID(),
    });
    expect(done.statusCode).toBe(201);
    const fresh = done.json().application;
    expect(fresh.number).not.toBe(number);
    expect((await ants.brequigny.getApplication(fresh.number)).candidate.addressLine1).toBe('9 avenue Janvier');
    expect((await ants.brequigny.getApplication(number)).state).toBe('deleted');
    const after = (await tab(moussa.id)).applications;
    expect(after.find((a: { number: string }) => a.number === fresh.number).drift).toEqual([]);
  });
});

describe('Le Dossier 02-06 suit ce que le site de l’ANTS a attaché', () => {
  it('offers « Consulter la ePhoto » only with one, and fills the ePhoto code and the NEPH fields', async () => {
    const moussa = await student('BREQUIGNY');
    const number = await enter(moussa.id);
    const before = (await tab(moussa.id)).applications[0];
    expect(before.actions.viewEphoto).toEqual({
      enabled: false,
      reason: 'Aucune ePhoto n’est associée à cette demande.',
    });
    expect(before.actions.deleteEphoto.enabled).toBe(false);

    const code = DEMO_EPHOTO_CODES[3]!;
    expect((await secretaire.put(`/api/students/${moussa.id}/online/${number}/ephoto`, { code })).statusCode).toBe(200);
    const after = (await tab(moussa.id)).applications[0];
    expect(after.actions.viewEphoto.enabled).toBe(true);
    // Deleting it is now a matter of right (the secretary's demo rights lack it), no longer of an ePhoto.
    expect(after.actions.deleteEphoto.reason).toBe('Vous n’avez pas le droit de faire cette action.');
    const dossier = async () => (await secretaire.get(`/api/students/${moussa.id}/dossier`)).json().dossier;
    expect((await dossier()).ephotoCode02).toBe(code);
    // The paper Cerfa 02 prints it (it printed « Code ePhoto : — »), read back by poppler.
    const printed = (await secretaire.get(`/api/students/${moussa.id}/cerfa/02`)).rawPayload;
    const text = execFileSync('pdftotext', ['-', '-'], { input: printed, encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(`Code ePhoto : ${code}`);

    // Accepted by the agent (here straight in the national database): the NEPH reaches the dossier's field.
    await ants.db
      .update(antsApplications)
      .set({ state: 'accepted', neph: '202669000123', updatedAt: new Date() })
      .where(eq(antsApplications.number, number));
    await secretaire.post(`/api/students/${moussa.id}/online/${number}/refresh`);
    expect((await dossier()).neph).toBe('202669000123');
    // And now a Cerfa 06 can be entered.
    expect((await tab(moussa.id)).canEnter).toEqual({ '02': false, '06': true });
    const created = await secretaire.post(`/api/students/${moussa.id}/online`, {
      type: '06',
      idempotencyKey: crypto.randomUUID(),
    });
    expect(created.statusCode).toBe(201);
    const [title, registration] = (await tab(moussa.id)).applications;
    // The fiche keeps the accepted Cerfa 02 beside the new 06.
    expect([title.type, registration.type, registration.state, registration.neph]).toEqual([
      '06',
      '02',
      'accepted',
      '202669000123',
    ]);
    // No paper photo-signature form for a Cerfa 06 (seed 002: « cerfa 02 uniquement »): the code first.
    expect(title.actions.validate).toEqual({ enabled: false, reason: API_ERRORS.EPHOTO_REQUIRED.title });
  });

  it('recreating a draft keeps its ePhoto: the code goes over to the new draft', async () => {
    const moussa = await student('BREQUIGNY');
    const number = await enter(moussa.id);
    const code = DEMO_EPHOTO_CODES[2]!;
    await secretaire.put(`/api/students/${moussa.id}/online/${number}/ephoto`, { code });
    const recreated = await secretaire.post(`/api/students/${moussa.id}/online/${number}/recreate`, {
      idempotencyKey: crypto.randomUUID(),
    });
    expect(recreated.statusCode).toBe(201);
    expect(recreated.json().ephotoError).toBeNull();
    expect((await ants.brequigny.getApplication(recreated.json().application.number)).ephotoCode).toBe(code);
  });
});
