import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pieceFiles } from '../src/db/schema.ts';
import { analysePdf, closePdfAnalysis } from '../src/pieces/pdfAnalysis.ts';
import { draftRequest, failure, pdf, startAntsHttp } from './api.ts';
import {
  cyclicTreePdf,
  doublingTreePdf,
  HOSTILE_PDFS,
  javascriptPdf,
  launchActionPdf,
  manyPagesPdf,
  objectFloodPdf,
  objectStreamBombPdf,
} from './hostilePdfs.ts';

let ants: Awaited<ReturnType<typeof startAntsHttp>>;
beforeEach(async () => {
  ants = await startAntsHttp();
});
afterEach(async () => {
  await ants.close();
});

const upload = async (bytes: Buffer) => {
  const app = await ants.brequigny.createApplication(draftRequest(), crypto.randomUUID());
  return ants.brequigny.uploadPiece(app.number, 'proof_of_address', { name: 'facture.pdf', bytes });
};

describe('hostile PDFs', () => {
  it.each([
    ['a page tree that doubles at each level', doublingTreePdf, 'PDF_TOO_COMPLEX'],
    ['a page tree that contains itself', cyclicTreePdf, 'PDF_TOO_COMPLEX'],
    ['an object stream that inflates to 64 MB', () => objectStreamBombPdf(64), 'PDF_TOO_COMPLEX'],
    ['an object stream declaring ten million objects', objectFloodPdf, 'PDF_TOO_COMPLEX'],
    ['5,000 pages', () => manyPagesPdf(5000), 'PDF_TOO_MANY_PAGES'],
    ['JavaScript run at opening', javascriptPdf, 'PDF_ACTIVE_CONTENT'],
    ['a launch action on its page', launchActionPdf, 'PDF_ACTIVE_CONTENT'],
  ])('refuses %s with a French message, and stores nothing', async (_name, make, code) => {
    const bytes = make();
    const refused = await failure(upload(bytes));
    expect([refused.status, refused.code]).toEqual([422, code]);
    expect(refused.message).toMatch(/^Ce PDF /);
    expect(await ants.db.select().from(pieceFiles)).toEqual([]);
  });

  it('still counts the pages of ordinary PDFs, a few hundred included', async () => {
    expect((await upload(await pdf(2))).pages).toBe(2);
    expect(await analysePdf(manyPagesPdf(300))).toBe(300);
  });

  it('stops an analysis that overruns its time and refuses the file', async () => {
    await closePdfAnalysis(); // a cold thread: the analysis cannot be over before the deadline
    const refused = await analysePdf(await pdf(3), { timeMs: 0 }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ status: 422, code: 'PDF_TOO_COMPLEX' });
    expect(await analysePdf(await pdf(3))).toBe(3);
  });

  it('answers other requests while ten hostile files are analysed at once', async () => {
    const files = Object.values(HOSTILE_PDFS).map((make) => make());
    const uploads = Array.from({ length: 10 }, (_, i) => failure(upload(files[i % files.length]!)));
    const health = await fetch(`${ants.baseUrl}/api/health`);
    expect(health.status).toBe(200);
    for (const refused of await Promise.all(uploads)) expect(refused.status).toBe(422);
  });
});
