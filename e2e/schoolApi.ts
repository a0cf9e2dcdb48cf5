import { createAntsClient } from '@permis/ants-api';
import { ANTS_URL } from './fixtures.ts';

/** The demo school (SEED_DEMO) entering applications through the professional API, as its software does. */
export const demoSchool = createAntsClient({
  baseUrl: ANTS_URL,
  credentials: { agrementNumber: 'E1703500010', login: 'brequigny35', password: 'Brequigny35!ants' },
});

/** The demo school's other office (SAINT-PRIEST), with its own Cerfa credentials. */
export const saintPriestOffice = createAntsClient({
  baseUrl: ANTS_URL,
  credentials: { agrementNumber: 'E1706900030', login: 'claboret662', password: '3cfBelfort!' },
});

/** A 1×1 PNG, enough for a piece. */
export const ONE_PIXEL_PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6300010000050001' +
    '0d0a2db40000000049454e44ae426082',
  'hex',
);

/**
 * The school enters a valid Cerfa 02 for a new candidate, sends the two required pièces and
 * validates it: with a paper mandate it goes straight to instruction, otherwise it awaits the candidate.
 */
const BOOTH_KEY = 'cabine-demo-rennes-0123456789abcdef';

/** A photo booth issues a new ePhoto code (single use), as after a photo session. */
export async function boothCode(): Promise<string> {
  const form = new FormData();
  form.append('photo', new Blob([new Uint8Array(ONE_PIXEL_PNG)], { type: 'image/png' }), 'photo.png');
  form.append('signature', new Blob([new Uint8Array(ONE_PIXEL_PNG)], { type: 'image/png' }), 'signature.png');
  const response = await fetch(`${ANTS_URL}/api/booths/v1/codes`, {
    method: 'POST',
    headers: { 'x-booth-key': BOOTH_KEY },
    body: form,
  });
  if (response.status !== 201) throw new Error(`cabine : ${response.status}`);
  return ((await response.json()) as { code: string }).code;
}

type CandidateOptions = {
  /** With an ePhoto code from the demo booth. */
  withEphoto?: boolean;
  paperMandate: boolean;
  sex: 'F' | 'M';
  firstName: string;
  otherFirstNames: string;
  namePrefix: string;
  emailPrefix: string;
  /** A candidate the service already knows (a second application for them). */
  same?: { email: string; birthName: string };
  /** A given person (one a FranceConnect demo identity describes) rather than a new one each run. */
  person?: { birthName: string; birthDate: string };
};

/** A draft of the demo school, for a candidate of its own each run. */
export async function draftApplication(options: Omit<CandidateOptions, 'withEphoto'>, school = demoSchool) {
  const unique = `${Date.now()}${Math.floor(Math.random() * 1e6)}`;
  const email = options.same?.email ?? `${options.emailPrefix}.${unique}@example.fr`;
  // A different identity each run: the service refuses another email for a candidate it knows.
  const birthName =
    options.same?.birthName ??
    options.person?.birthName ??
    `${options.namePrefix}-${[...unique.slice(-6)].map((digit) => String.fromCharCode(65 + Number(digit))).join('')}`;
  const created = await school.createApplication(
    {
      type: '02',
      paperMandate: options.paperMandate,
      candidate: {
        sex: options.sex,
        birthName,
        firstName: options.firstName,
        otherFirstNames: options.otherFirstNames,
        birthDate: options.person?.birthDate ?? '2005-03-14',
        birthCity: 'RENNES',
        birthDepartment: '35',
        birthCountry: 'FRANCE',
        addressLine1: '15 rue Aristide Briand',
        postalCode: '69800',
        city: 'SAINT-PRIEST',
        email,
        mobile: '0611223344',
      },
      dossier: {
        requestedCategories: ['B'],
        prefectureCode: '69123',
        declarations: { jdcInOrder: true },
        training: 'none',
      },
    },
    crypto.randomUUID(),
  );
  return { number: created.number, email, birthName };
}

/** A demand of the demo school (or `school`) validated with its two required pièces (and an ePhoto if asked). */
export async function validatedApplication(options: CandidateOptions, school = demoSchool) {
  const created = await draftApplication(options, school);
  if (options.withEphoto) await school.setEphoto(created.number, await boothCode());
  await school.uploadPiece(
    created.number,
    'identity',
    { name: 'cni.png', bytes: ONE_PIXEL_PNG },
    'Recto et verso sur la même page',
  );
  await school.uploadPiece(created.number, 'proof_of_address', { name: 'domicile.png', bytes: ONE_PIXEL_PNG });
  await school.validateApplication(created.number);
  return created;
}
