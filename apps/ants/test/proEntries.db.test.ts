import { testClient } from '@permis/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftRequest, PNG, startAntsHttp } from './api.ts';
import { AGENT, PRO } from './harness.ts';

let ants: Awaited<ReturnType<typeof startAntsHttp>>;
let web: ReturnType<typeof testClient>;
beforeAll(async () => {
  ants = await startAntsHttp();
  web = testClient(ants.app);
  await web.login('/api/pro/login', PRO);
});
afterAll(async () => {
  await ants.close();
});

/** The body of an API draft, cut along the steps of "Nouvelle demande". */
function stepsOf(request: ReturnType<typeof draftRequest>) {
  const { addressLine1, addressLine2, postalCode, city, email, mobile, ...civil } = request.candidate;
  return {
    mandate: { paperMandate: request.paperMandate ?? false },
    motif: { motif: request.type === '06' ? 'title' : 'first' },
    civilStatus: { candidate: civil },
    address: { candidate: { addressLine1, addressLine2, postalCode, city, email, mobile }, legalRepresentative: null },
    dossier: { dossier: request.dossier },
  };
}

const start = async () => {
  const response = await web.post('/api/pro/web/entries', {});
  expect(response.statusCode).toBe(201);
  return response.json().entry.id as string;
};
const save = (id: string, step: string, body: object) => web.put(`/api/pro/web/entries/${id}/${step}`, body);

describe('the professional space: Nouvelle demande, saved on the agency at each step', () => {
  it('saves each step in order, refuses a wrong town with the suggestions, and comes back where it stopped', async () => {
    const request = draftRequest();
    const steps = stepsOf(request);
    const id = await start();

    const early = await save(id, 'civilStatus', steps.civilStatus);
    expect([early.statusCode, early.json().detail]).toEqual([409, "Complétez d'abord l'étape « Mandat papier »."]);
    expect((await save(id, 'mandate', steps.mandate)).statusCode).toBe(200);
    expect((await save(id, 'motif', steps.motif)).statusCode).toBe(200);

    const typo = await save(id, 'civilStatus', {
      candidate: { ...steps.civilStatus.candidate, birthCity: 'RENES', birthDepartment: '35' },
    });
    expect(typo.statusCode).toBe(422);
    const [field] = typo.json().fields;
    expect(field.path).toBe('candidate.birthCity');
    expect(field.suggestions[0]).toMatchObject({ value: 'RENNES', label: expect.stringContaining('RENNES') });
    // Only this step's rules: the address, not entered yet, is not reproached.
    expect(typo.json().fields.map((f: { path: string }) => f.path)).toEqual(['candidate.birthCity']);

    // Nothing of the refused step was kept; the earlier steps were.
    const back = (await web.get(`/api/pro/web/entries/${id}`)).json().entry;
    expect(back.steps).toEqual({ mandate: { paperMandate: false }, motif: { motif: 'first' } });
    expect((await save(id, 'civilStatus', steps.civilStatus)).statusCode).toBe(200);
    const listed = (await web.get('/api/pro/web/entries')).json().entries;
    expect(listed[0]).toMatchObject({ id, name: `${request.candidate.birthName} Camille` });
  });

  it('becomes a draft indistinguishable from one made through the API once the dossier is saved', async () => {
    const request = draftRequest();
    const steps = stepsOf(request);
    const id = await start();
    for (const step of ['mandate', 'motif', 'civilStatus', 'address'] as const) {
      expect((await save(id, step, steps[step])).statusCode).toBe(200);
    }
    const saved = await save(id, 'dossier', steps.dossier);
    expect(saved.statusCode).toBe(200);
    const application = saved.json().entry.application;
    expect(application).toMatchObject({ state: 'draft', type: '02', paperMandate: false });

    // The same body through the API, for another candidate: the same stored demand, field for field.
    const twin = draftRequest({ candidate: { birthName: request.candidate.birthName.replace('MARTIN', 'DURAND') } });
    const api = await ants.brequigny.createApplication(twin, crypto.randomUUID());
    const comparable = (a: Record<string, unknown>) => {
      const { id: _id, number: _n, createdAt: _c, updatedAt: _u, candidate, ...rest } = a;
      const { birthName: _b, email: _e, ...person } = candidate as Record<string, unknown>;
      return { ...rest, person };
    };
    expect(comparable(application)).toEqual(comparable(api as unknown as Record<string, unknown>));

    // Listed on the dashboard like any draft; no longer "en cours de saisie"; not made twice.
    const board = (await web.get(`/api/pro/web/applications?q=${application.number}`)).json();
    expect(board.rows.map((row: { number: string }) => row.number)).toEqual([application.number]);
    expect((await web.get('/api/pro/web/entries')).json().entries.map((e: { id: string }) => e.id)).not.toContain(id);
    const again = await save(id, 'dossier', steps.dossier);
    expect(again.statusCode).toBe(409);
  });

  it('checks the motif against the categories held, with the API rules on the dossier', async () => {
    const request = draftRequest();
    const steps = stepsOf(request);
    const id = await start();
    await save(id, 'mandate', steps.mandate);
    await save(id, 'motif', { motif: 'extension' });
    await save(id, 'civilStatus', steps.civilStatus);
    await save(id, 'address', steps.address);
    const refused = await save(id, 'dossier', steps.dossier);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().fields).toEqual([
      { path: 'dossier.heldCategories', message: 'Pour une extension, indiquez la ou les catégories déjà obtenues.' },
    ]);
    expect((await web.get(`/api/pro/web/entries/${id}`)).json().entry.application).toBeNull();
  });

  it('makes the Cerfa 06 of an accepted Cerfa 02, filled in from it, and only from such a one', async () => {
    const request = draftRequest({ paperMandate: true });
    const first = await ants.brequigny.createApplication(request, crypto.randomUUID());
    const refused = await web.post('/api/pro/web/entries', { fromNumber: first.number });
    expect([refused.statusCode, refused.json().detail]).toEqual([
      409,
      'La demande de titre (Cerfa 06) se fait depuis une demande Cerfa 02 acceptée.',
    ]);
    await ants.brequigny.uploadPiece(first.number, 'identity', { name: 'cni.png', bytes: PNG });
    await ants.brequigny.uploadPiece(first.number, 'proof_of_address', { name: 'dom.png', bytes: PNG });
    await ants.brequigny.validateApplication(first.number);
    const agent = testClient(ants.app);
    await agent.login('/api/agent/login', AGENT);
    expect((await agent.post(`/api/agent/applications/${first.number}/accept`)).statusCode).toBe(200);

    const started = await web.post('/api/pro/web/entries', { fromNumber: first.number });
    expect(started.statusCode).toBe(201);
    const entry = started.json().entry;
    const steps = stepsOf(request);
    // Everything but the mandate, asked again for this demand.
    expect(entry.steps.mandate).toBeUndefined();
    expect(entry.steps.motif).toEqual({ motif: 'title' });
    expect(entry.steps.civilStatus.candidate).toMatchObject(steps.civilStatus.candidate);
    for (const step of ['mandate', 'motif', 'civilStatus', 'address', 'dossier'] as const) {
      const body = step === 'mandate' ? { paperMandate: false } : entry.steps[step];
      expect((await save(entry.id, step, body)).statusCode).toBe(200);
    }
    const made = (await web.get(`/api/pro/web/entries/${entry.id}`)).json().entry.application;
    expect(made).toMatchObject({ type: '06', state: 'draft', candidate: { email: request.candidate.email } });
    // Another school cannot start one from this school's demand.
    const other = testClient(ants.app);
    await other.login('/api/pro/login', {
      agrementNumber: 'E1706900030',
      login: 'claboret662',
      password: '3cfBelfort!',
    });
    expect((await other.post('/api/pro/web/entries', { fromNumber: first.number })).statusCode).toBe(404);
  });

  it("never shows or touches another school's entry", async () => {
    const id = await start();
    const other = testClient(ants.app);
    await other.login('/api/pro/login', {
      agrementNumber: 'E1706900030',
      login: 'claboret662',
      password: '3cfBelfort!',
    });
    expect((await other.get(`/api/pro/web/entries/${id}`)).statusCode).toBe(404);
    expect((await other.put(`/api/pro/web/entries/${id}/mandate`, { paperMandate: true })).statusCode).toBe(404);
    expect((await other.get('/api/pro/web/entries')).json().entries.map((e: { id: string }) => e.id)).not.toContain(id);
    expect((await web.get(`/api/pro/web/entries/${id}`)).json().entry.steps).toEqual({});
  });
});
