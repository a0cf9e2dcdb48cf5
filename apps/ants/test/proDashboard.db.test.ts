import { testClient } from '@permis/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftRequest, PNG, startAntsHttp } from './api.ts';
import { PRO } from './harness.ts';

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

type Dashboard = {
  counters: { type: string; counters: { state: string; label: string; count: number }[] }[];
  total: number;
  rows: { number: string; type: string; state: string; stateLabel: string; candidateName: string | null }[];
};
const dashboard = async (query = '') => {
  const response = await web.get(`/api/pro/web/applications${query}`);
  expect(response.statusCode).toBe(200);
  return response.json() as Dashboard;
};
const count = (board: Dashboard, type: string, label: string) =>
  board.counters.find((row) => row.type === type)?.counters.find((c) => c.label === label)?.count;

describe('the professional space: Tableau de bord', () => {
  it("counts the school's demands per Cerfa type and state, each counter a filter, never another school's", async () => {
    const before = await dashboard();
    const drafts = count(before, '02', 'Brouillons') ?? 0;
    const dupont = await ants.brequigny.createApplication(
      draftRequest({ candidate: { birthName: 'DUPONT', firstName: 'Jeanne' } }),
      crypto.randomUUID(),
    );
    await ants.brequigny.createApplication(draftRequest({ candidate: { birthName: 'ZOLA' } }), crypto.randomUUID());
    const other = await ants.saintPriest.createApplication(
      draftRequest({ candidate: { birthName: 'DUPONT', firstName: 'Autre' } }),
      crypto.randomUUID(),
    );

    const after = await dashboard();
    expect(count(after, '02', 'Brouillons')).toBe(drafts + 2);
    expect(after.counters.map((row) => row.type)).toEqual(['02', '06']);
    const filtered = await dashboard('?type=02&state=draft');
    expect(filtered.rows.every((row) => row.type === '02' && row.state === 'draft')).toBe(true);
    expect(filtered.total).toBe(drafts + 2);

    // Search by name (any case, a part of it) or by the beginning of the number.
    const byName = await dashboard('?q=dupont');
    expect(byName.rows.map((row) => [row.number, row.candidateName])).toEqual([[dupont.number, 'DUPONT Jeanne']]);
    const byNumber = await dashboard(`?q=${dupont.number}`);
    expect(byNumber.rows.map((row) => row.number)).toEqual([dupont.number]);
    expect((await dashboard(`?q=${other.number}`)).rows).toEqual([]);
    expect((await web.get(`/api/pro/web/applications/${other.number}`)).statusCode).toBe(404);
    const opened = await web.get(`/api/pro/web/applications/${dupont.number}`);
    expect(opened.json().application).toMatchObject({ number: dupont.number, state: 'draft' });
  });

  it('sorts and pages, and refuses a wrong filter with a French message', async () => {
    for (let i = 0; i < 21; i++) {
      await ants.brequigny.createApplication(
        draftRequest({ candidate: { birthName: `PAGE-${i}` } }),
        crypto.randomUUID(),
      );
    }
    const first = await dashboard('?sort=name&order=asc&q=page-');
    expect(first.total).toBe(21);
    expect(first.rows).toHaveLength(20);
    const names = first.rows.map((row) => row.candidateName);
    expect(names).toEqual([...names].sort());
    const second = await dashboard('?sort=name&order=asc&q=page-&page=2');
    expect(second.rows).toHaveLength(1);
    const wrong = await web.get('/api/pro/web/applications?createdFrom=hier');
    expect([wrong.statusCode, wrong.json().fields?.[0]?.message]).toEqual([400, 'Date invalide (AAAA-MM-JJ).']);
  });

  it('validates, deletes and takes over demands through the same school actions as the API', async () => {
    const made = await ants.brequigny.createApplication(draftRequest(), crypto.randomUUID());
    const early = await web.post(`/api/pro/web/applications/${made.number}/validate`);
    expect([early.statusCode, early.json().code]).toEqual([422, 'REQUIRED_PIECES_MISSING']);
    await ants.brequigny.uploadPiece(made.number, 'identity', { name: 'cni.png', bytes: PNG });
    await ants.brequigny.uploadPiece(made.number, 'proof_of_address', { name: 'facture.png', bytes: PNG });
    const validated = await web.post(`/api/pro/web/applications/${made.number}/validate`);
    expect(validated.json().application.state).toBe('awaiting_candidate');
    expect((await ants.brequigny.getApplication(made.number)).state).toBe('awaiting_candidate');
    const deleted = await web.delete(`/api/pro/web/applications/${made.number}`);
    expect(deleted.json().application.state).toBe('deleted');
    const again = await web.delete(`/api/pro/web/applications/${made.number}`);
    expect([again.statusCode, again.json().code]).toEqual([409, 'TRANSITION_REFUSED']);

    // Another school's draft comes over with its number, that school's agrément and the candidate.
    const request = draftRequest();
    const theirs = await ants.saintPriest.createApplication(request, crypto.randomUUID());
    const candidate = {
      birthName: request.candidate.birthName,
      firstName: request.candidate.firstName,
      birthDate: request.candidate.birthDate,
    };
    const wrong = await web.post('/api/pro/web/transfers', {
      number: theirs.number,
      holderAgrementNumber: 'E0000000000',
      candidate,
    });
    expect([wrong.statusCode, wrong.json().code]).toEqual([404, 'TRANSFER_NOT_THIS_CANDIDATE']);
    const moved = await web.post('/api/pro/web/transfers', {
      number: theirs.number,
      holderAgrementNumber: 'E1706900030',
      candidate,
    });
    expect(moved.statusCode).toBe(200);
    expect((await dashboard(`?q=${theirs.number}`)).rows.map((row) => row.number)).toEqual([theirs.number]);
  });

  it('is refused without the school’s web session', async () => {
    expect((await testClient(ants.app).get('/api/pro/web/applications')).statusCode).toBe(401);
  });
});
