import { testClient } from '@permis/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EPHOTO_CODES } from '../src/seed/demo.ts';
import { draftRequest, multipart, pdf, startAntsHttp } from './api.ts';
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

describe('the professional space: pièces, ePhoto and documents of a demand', () => {
  it('adds, shows, downloads and deletes pièces with the API rules, and the API sees the same files', async () => {
    const app = await ants.brequigny.createApplication(draftRequest(), crypto.randomUUID());
    const base = `/api/pro/web/applications/${app.number}`;
    const bytes = await pdf(2);
    const sent = await web.request({
      method: 'POST',
      url: `${base}/pieces/identity?comment=${encodeURIComponent('Recto verso')}`,
      ...multipart(bytes, 'carte identité.pdf', 'application/pdf'),
    });
    expect(sent.statusCode).toBe(201);
    const file = sent.json().file;
    expect(file).toMatchObject({ fileName: 'carte identité.pdf', pages: 2 });

    // Over the pièce's page limit: refused with the API's error, nothing kept.
    const tooMany = await web.request({
      method: 'POST',
      url: `${base}/pieces/identity`,
      ...multipart(await pdf(2), 'encore.pdf', 'application/pdf'),
    });
    expect([tooMany.statusCode, tooMany.json().code]).toEqual([422, 'TOO_MANY_PAGES']);

    const listed = (await web.get(`${base}/pieces`)).json().pieces;
    const identity = listed.find((p: { kind: string }) => p.kind === 'identity');
    expect(identity.files.map((f: { id: string }) => f.id)).toEqual([file.id]);
    const viaApi = await ants.brequigny.listPieces(app.number);
    expect(viaApi.find((p) => p.kind === 'identity')?.files.map((f) => f.id)).toEqual([file.id]);
    const download = await web.get(`${base}/pieces/files/${file.id}`);
    expect(Buffer.compare(download.rawPayload, bytes)).toBe(0);

    expect((await web.delete(`${base}/pieces/files/${file.id}`)).statusCode).toBe(200);
    expect((await web.get(`${base}/pieces/files/${file.id}`)).statusCode).toBe(404);
  });

  it('sets, shows, replaces and removes the ePhoto code, and lists the documents with their availability', async () => {
    const app = await ants.brequigny.createApplication(draftRequest(), crypto.randomUUID());
    const base = `/api/pro/web/applications/${app.number}`;
    const malformed = await web.put(`${base}/ephoto`, { code: 'ABC' });
    expect(malformed.statusCode).toBe(400);
    const unknown = await web.put(`${base}/ephoto`, { code: 'Z'.repeat(22) });
    expect(unknown.json().code).toBe('EPHOTO_UNKNOWN');

    expect((await web.put(`${base}/ephoto`, { code: DEMO_EPHOTO_CODES[0]!.toLowerCase() })).statusCode).toBe(200);
    expect((await web.get(`${base}/ephoto`)).json().ephoto.code).toBe(DEMO_EPHOTO_CODES[0]);
    expect((await ants.brequigny.getEphoto(app.number))?.code).toBe(DEMO_EPHOTO_CODES[0]);
    const photo = await web.get(`${base}/ephoto/photo`);
    expect([photo.statusCode, photo.headers['content-type']]).toEqual([200, expect.stringMatching(/^image\//)]);

    const documents = (await web.get(`${base}/documents`)).json().documents;
    expect(documents).toHaveLength(8);
    expect(documents.find((d: { kind: string }) => d.kind === 'photo_signature_form')).toMatchObject({
      available: false,
      reason: 'Une ePhoto est associée à la demande.',
    });
    const opinion = await web.get(`${base}/documents/medical_opinion`);
    expect([opinion.statusCode, opinion.headers['content-type']]).toEqual([200, 'application/pdf']);

    expect((await web.delete(`${base}/ephoto`)).statusCode).toBe(200);
    expect((await web.get(`${base}/ephoto`)).json().ephoto).toBeNull();
    const form = await web.get(`${base}/documents/photo_signature_form`);
    expect(form.statusCode).toBe(200);
  });
});
