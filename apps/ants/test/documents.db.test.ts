import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { AntsApiError } from '@permis/ants-api';
import { eq } from 'drizzle-orm';
import * as fontkit from 'fontkit';
import { PDFDocument } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { transition } from '../src/applications/machine.ts';
import { applications } from '../src/db/schema.ts';
import { DEMO_EPHOTO_CODES } from '../src/seed/demo.ts';
import { draftRequest, PNG, pdfText, startAntsHttp } from './api.ts';

let ants: Awaited<ReturnType<typeof startAntsHttp>>;
beforeEach(async () => {
  ants = await startAntsHttp();
});
afterEach(async () => {
  await ants.close();
});

/** Each word of a PDF's first page with its box in points from the top left, as poppler places it. */
function wordBoxes(bytes: Uint8Array): { text: string; xMin: number; xMax: number; yMin: number; yMax: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', '-', '-'], { input: bytes, encoding: 'utf8' });
  return [
    ...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
  ].map((m) => ({ text: m[5]!, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]) }));
}

const require = createRequire(import.meta.url);
const MARIANNE = ['Regular', 'Bold'].map(
  (weight) =>
    // A .woff holds one font (a collection is a .ttc).
    fontkit.openSync(require.resolve(`@codegouvfr/react-dsfr/dsfr/fonts/Marianne-${weight}.woff`)) as fontkit.Font,
);

/** The characters of a text that the documents' typeface cannot draw (they print as boxes or "?"). */
function undrawable(text: string): string[] {
  return [...new Set(text)].filter(
    (char) => char.trim() && !MARIANNE.every((font) => font.hasGlyphForCodePoint(char.codePointAt(0)!)),
  );
}

const available = async (number: string) =>
  (await ants.brequigny.listDocuments(number)).filter((d) => d.available).map((d) => d.label);

describe('documents of an application', () => {
  it('writes only characters the typeface draws (the « Apte » boxes printed as « ? »)', () => {
    // poppler drops a glyph the font lacks: the text the documents write is checked at its source.
    for (const file of ['content.ts', 'pdf.ts', 'catalogue.ts']) {
      const source = readFileSync(new URL(`../src/documents/${file}`, import.meta.url), 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(\/\/|\*|\/\*\*)/.test(line))
        .join('\n');
      expect([file, undrawable(source)]).toEqual([file, []]);
    }
  });

  it('offers the medical form and the photo-signature form for a draft without ePhoto', async () => {
    const app = await ants.brequigny.createApplication(
      draftRequest({ candidate: { firstName: 'Zoé', birthName: 'LE GOFF' } }),
      crypto.randomUUID(),
    );
    const documents = await ants.brequigny.listDocuments(app.number);
    expect(documents.map((d) => d.label)).toEqual([
      'Avis médical',
      'Formulaire dépôt photo signature',
      'Justificatif de la demande',
      'Attestation des droits à conduire',
      'Attestation dépôt inscription au permis',
      'Facsimilé inscription au permis',
      "Relevé d'information pour annulation",
      "Relevé d'information pour invalidation",
    ]);
    expect(documents[0]).toMatchObject({
      help: 'Cerfa n°14880*01 - PERMIS DE CONDUIRE - AVIS MÉDICAL',
      available: true,
    });
    expect(await available(app.number)).toEqual(['Avis médical', 'Formulaire dépôt photo signature']);

    const form = await ants.brequigny.downloadDocument(app.number, 'photo_signature_form');
    // One sheet to print, fill and post.
    expect((await PDFDocument.load(form)).getPageCount()).toBe(1);
    const text = pdfText(form);
    // As seed 000 shows it.
    for (const expected of [
      'Formulaire de dépôt de photo et de signature pour numérisation',
      'Récapitulatif de votre saisie',
      "Si vous raturez ce formulaire, la modification ne sera pas prise en compte et risque d'entraîner l'échec de votre demande.",
      `Numéro de demande : ${app.number}`,
      'Nom de naissance : LE GOFF',
      'Prénom(s) : Zoé',
      'Photo Couleur A COLLER sans agrafe',
      "J'atteste sur l'honneur que les informations fournies sont exactes",
      "SIGNATURE A L'ENCRE NOIRE",
      "Mettre ce document dans une enveloppe affranchie adressée à l'adresse figurant ci-dessus (celle-ci est placée afin de pouvoir insérer ce document dans une enveloppe à fenêtre).",
      'V.BPD-PC-TPS-1.1',
    ]) {
      expect(text).toContain(expected);
    }
    // The CTN address sits where the window of a DL envelope (110 × 220 mm, window 45 × 100 mm, 20 mm
    // from the right, 15 mm from the bottom) shows it once the A4 sheet is folded in three.
    const mm = 72 / 25.4;
    const window = { xMin: 90 * mm, xMax: 190 * mm, yMin: 50 * mm, yMax: 95 * mm };
    for (const word of ['CTN', 'CS', '80168', '53102', 'MAYENNE', 'CEDEX']) {
      const box = wordBoxes(form).find((w) => w.text === word);
      expect(box, word).toBeDefined();
      expect(
        [box!.xMin >= window.xMin, box!.xMax <= window.xMax, box!.yMin >= window.yMin, box!.yMax <= window.yMax],
        word,
      ).toEqual([true, true, true, true]);
    }
    const medical = pdfText(await ants.brequigny.downloadDocument(app.number, 'medical_opinion'));
    expect(medical).toContain('Cerfa n°14880*01');
    expect(medical).toMatch(/Apte .*Apte temporairement.*Inapte/);
    expect(undrawable(medical)).toEqual([]);
    expect(undrawable(text)).toEqual([]);

    await ants.brequigny.setEphoto(app.number, DEMO_EPHOTO_CODES[0]!);
    const refused = await ants.brequigny.downloadDocument(app.number, 'photo_signature_form').catch((e) => e);
    expect(refused).toBeInstanceOf(AntsApiError);
    expect(refused).toMatchObject({
      status: 409,
      code: 'DOCUMENT_UNAVAILABLE',
      message: 'Formulaire dépôt photo signature : Une ePhoto est associée à la demande.',
    });
  });

  it('adds the receipt once sent, and the facsimile with the NEPH once accepted', async () => {
    const app = await ants.brequigny.createApplication(draftRequest({ paperMandate: true }), crypto.randomUUID());
    await ants.brequigny.uploadPiece(app.number, 'identity', { name: 'cni.png', bytes: PNG });
    await ants.brequigny.uploadPiece(app.number, 'proof_of_address', { name: 'dom.png', bytes: PNG });
    await ants.brequigny.validateApplication(app.number);
    expect(await available(app.number)).toEqual([
      'Avis médical',
      'Formulaire dépôt photo signature',
      'Justificatif de la demande',
      'Attestation dépôt inscription au permis',
    ]);
    const receipt = pdfText(await ants.brequigny.downloadDocument(app.number, 'receipt'));
    expect(receipt).toContain('Votre demande a été transmise');
    expect(receipt).toMatch(/Transmise le \d{2}\/\d{2}\/\d{4} à \d{2}:\d{2}/);

    const [row] = await ants.db.select().from(applications).where(eq(applications.number, app.number));
    await ants.db.transaction((tx) =>
      transition(tx, row!, 'accept', { type: 'agent', id: null }, { extra: { neph: '123456789012' } }),
    );
    expect(await available(app.number)).toContain('Facsimilé inscription au permis');
    const facsimile = pdfText(await ants.brequigny.downloadDocument(app.number, 'registration_facsimile'));
    expect(facsimile).toContain('123456789012');
    expect(facsimile).toContain('Formation traditionnelle');
  });

  it("offers the relevés once a cancellation judgment is sent, and never another school's documents", async () => {
    const app = await ants.brequigny.createApplication(draftRequest(), crypto.randomUUID());
    await ants.brequigny.uploadPiece(app.number, 'cancellation_judgment', { name: 'jugement.png', bytes: PNG });
    expect(await available(app.number)).toEqual(
      expect.arrayContaining(["Relevé d'information pour annulation", "Relevé d'information pour invalidation"]),
    );
    expect(pdfText(await ants.brequigny.downloadDocument(app.number, 'cancellation_statement'))).toContain(
      'décision judiciaire d’annulation',
    );
    const stranger = await ants.saintPriest.listDocuments(app.number).catch((e) => e);
    expect(stranger).toMatchObject({ status: 404 });
  });
});
