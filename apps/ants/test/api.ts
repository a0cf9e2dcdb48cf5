import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AntsApiError, type CreateApplication, createAntsClient } from '@permis/ants-api';
import { testClient, WAIT_GUARD_MS } from '@permis/platform/testing';
import { PDFDocument } from 'pdf-lib';
import { insertProAccount } from '../src/seed/demo.ts';
import { startAnts } from './harness.ts';

/** The national service listening on a real port, and typed clients for the two demo schools. */
export async function startAntsHttp(options: Parameters<typeof startAnts>[0] = {}) {
  const ants = await startAnts(options);
  const address = await ants.app.listen({ host: '127.0.0.1', port: 0 });
  // The client's own timeout only guards against a hang: a busy machine answers late, not wrong.
  const client = (credentials: { agrementNumber: string; login: string; password: string }) =>
    createAntsClient({ baseUrl: address, credentials, timeoutMs: WAIT_GUARD_MS });
  return {
    ...ants,
    baseUrl: address,
    client,
    brequigny: client({ agrementNumber: 'E1703500010', login: 'brequigny35', password: 'Brequigny35!ants' }),
    saintPriest: client({ agrementNumber: 'E1706900030', login: 'claboret662', password: '3cfBelfort!' }),
    /** Another driving school (a professional account of its own), and its client. */
    async addSchool(agrementNumber: string) {
      const password = 'Autre-ecole-2026!';
      const email = 'contact@auto-ecole-de-la-gare.fr';
      await insertProAccount(ants.db, {
        agrementNumber,
        schoolName: 'Auto-école de la Gare',
        addressLine: '',
        postalCode: '75010',
        city: 'PARIS',
        email,
        users: [{ login: 'autre', password, firstName: 'Louis', lastName: 'GARNIER', email, manager: true }],
      });
      return client({ agrementNumber, login: 'autre', password });
    },
  };
}

let counter = 0;
const letters = (n: number): string =>
  (n < 26 ? '' : letters(Math.floor(n / 26) - 1)) + String.fromCharCode(65 + (n % 26));

/** A valid Cerfa 02 for an adult candidate; each call a different candidate unless told otherwise. */
export function draftRequest(
  overrides: { candidate?: Partial<CreateApplication['candidate']> } & Partial<
    Omit<CreateApplication, 'candidate'>
  > = {},
): CreateApplication {
  counter++;
  const { candidate, ...rest } = overrides;
  return {
    type: '02',
    candidate: {
      sex: 'F',
      birthName: `MARTIN-${letters(counter)}`,
      firstName: 'Camille',
      otherFirstNames: 'Marie Louise',
      birthDate: '2005-03-14',
      birthCity: 'RENNES',
      birthDepartment: '35',
      birthCountry: 'FRANCE',
      addressLine1: '15 rue Aristide Briand',
      postalCode: '69800',
      city: 'SAINT-PRIEST',
      email: `candidat${counter}.${Date.now()}@example.fr`,
      mobile: '0611223344',
      ...candidate,
    },
    dossier: {
      requestedCategories: ['B'],
      prefectureCode: '69123',
      declarations: { jdcInOrder: true },
      training: 'none',
    },
    ...rest,
  };
}

export async function pdf(pages: number): Promise<Buffer> {
  const document = await PDFDocument.create();
  // Each call a file of its own (the same bytes sent again for a pièce are the file already kept).
  document.setSubject(crypto.randomUUID());
  for (let i = 0; i < pages; i++) document.addPage([595, 842]).drawText(`Page ${i + 1}`, { x: 50, y: 800 });
  return Buffer.from(await document.save({ useObjectStreams: false }));
}

/** A PDF whose trailer declares encryption, as a password-protected scan would. */
export async function encryptedPdf(): Promise<Buffer> {
  const text = (await pdf(1)).toString('latin1');
  return Buffer.from(
    text.replace('trailer\n<<', 'trailer\n<<\n/Encrypt << /Filter /Standard /V 1 /R 2 /O (x) /U (x) /P -4 >>'),
    'latin1',
  );
}

export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6300010000050001' +
    '0d0a2db40000000049454e44ae426082',
  'hex',
);
export const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');

/** The AntsApiError a call fails with (the test fails if it succeeds). */
export async function failure(promise: Promise<unknown>): Promise<AntsApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AntsApiError) return error;
    throw error;
  }
  throw new Error("L'appel aurait dû échouer.");
}

type AntsHttp = Awaited<ReturnType<typeof startAntsHttp>>;

export const CANDIDATE_PASSWORD = 'Tr3s-Bon-Secret!';

/** What a candidate types on "VOUS Y ÊTES PRESQUE !". */
export const ACTIVATION_FORM = {
  sex: 'M',
  password: CANDIDATE_PASSWORD,
  passwordConfirmation: CANDIDATE_PASSWORD,
  secretQuestion: 'Quel est le prénom de votre père ?',
  secretAnswer: 'Jacques',
};

/** The addressee of a mail caught by the SMTP sink. */
export const mailTo = (mail: { to?: unknown }): string =>
  mail.to && typeof mail.to === 'object' && 'text' in mail.to ? String(mail.to.text) : '';

/** The demo school validates an application; answers it with the activation link its candidate received by mail. */
export async function invitedCandidate(
  ants: AntsHttp,
  firstName = 'Pierre',
  candidate: Partial<CreateApplication['candidate']> = {},
) {
  const request = draftRequest({ candidate: { firstName, birthName: 'MARTIN', ...candidate } });
  const app = await ants.brequigny.createApplication(request, crypto.randomUUID());
  await ants.brequigny.uploadPiece(app.number, 'identity', { name: 'cni.png', bytes: PNG });
  await ants.brequigny.uploadPiece(app.number, 'proof_of_address', { name: 'dom.png', bytes: PNG });
  await ants.brequigny.validateApplication(app.number);
  const mail = await ants.sink!.waitFor(
    (m) => (m.subject ?? '').startsWith('Activez') && mailTo(m) === request.candidate.email,
  );
  const token = /\/monespace\/activer\/([A-Za-z0-9_-]+)/.exec(mail.text ?? '')![1]!;
  return { app, request, token };
}

/** As `invitedCandidate`, then the candidate activates the account and is signed in with `client`. */
export async function activatedCandidate(ants: AntsHttp, firstName = 'Pierre') {
  const invited = await invitedCandidate(ants, firstName);
  const client = testClient(ants.app);
  const activated = await client.post(`/api/candidate/activation/${invited.token}`, ACTIVATION_FORM);
  if (activated.statusCode !== 200) throw new Error(`activation refused: ${activated.body}`);
  return { ...invited, client, loginId: activated.json().loginId as string };
}

/** One file as a browser's form sends it. */
export function multipart(bytes: Buffer, fileName: string, type: string) {
  const boundary = `----form${crypto.randomUUID()}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The text of a PDF as poppler reads it (an independent reader). */
export function pdfText(bytes: Uint8Array): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pdf-'));
  try {
    writeFileSync(path.join(dir, 'd.pdf'), bytes);
    // Lines wrap where the layout wraps them: compare on single spaces.
    return execFileSync('pdftotext', [path.join(dir, 'd.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
