import { type CreateApplication, createAntsClient } from '@permis/ants-api';
import type { Page } from '@playwright/test';
import { ANTS_URL, expect, expectAccessible, test } from './fixtures.ts';

// Demo data (SEED_DEMO): the school that sends the application, and the CERT agent who instructs it.
const school = createAntsClient({
  baseUrl: ANTS_URL,
  credentials: { agrementNumber: 'E1703500010', login: 'brequigny35', password: 'Brequigny35!ants' },
});
const AGENT = { login: 'agent.cert', password: 'Instruction-2026!' };

/** A 1×1 PNG, enough for a piece. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6300010000050001' +
    '0d0a2db40000000049454e44ae426082',
  'hex',
);

/** A valid Cerfa 02 with a paper mandate: validated by the school, it goes straight to instruction. */
function request(email: string, birthName: string): CreateApplication {
  return {
    type: '02',
    paperMandate: true,
    candidate: {
      sex: 'F',
      birthName,
      firstName: 'Camille',
      otherFirstNames: 'Marie Louise',
      birthDate: '2005-03-14',
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
  };
}

/** The school enters and validates an application under paper mandate; returns its number. */
async function applicationUnderInstruction(): Promise<string> {
  const unique = `${Date.now()}${Math.floor(Math.random() * 1e6)}`;
  // A different identity each run: the service refuses another email for a candidate it knows.
  const birthName = `DURAND-${[...unique.slice(-6)].map((digit) => String.fromCharCode(65 + Number(digit))).join('')}`;
  const created = await school.createApplication(
    request(`instruction.${unique}@example.fr`, birthName),
    crypto.randomUUID(),
  );
  await school.uploadPiece(created.number, 'identity', { name: 'cni.png', bytes: PNG });
  await school.uploadPiece(created.number, 'proof_of_address', { name: 'domicile.png', bytes: PNG });
  await school.validateApplication(created.number);
  return created.number;
}

async function signInAsAgent(page: Page) {
  await page.goto(`${ANTS_URL}/agent/connexion`);
  await page.getByLabel('Identifiant', { exact: true }).fill(AGENT.login);
  await page.getByLabel('Mot de passe', { exact: true }).fill(AGENT.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(`${ANTS_URL}/agent`);
}

/** From the queue "À instruire", opens the application. */
async function openFromQueue(page: Page, number: string) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Console d'instruction");
  const link = page.getByRole('link', { name: number, exact: true });
  await expect(link).toBeVisible();
  await expectAccessible(page);
  await link.click();
  await expect(page).toHaveURL(`${ANTS_URL}/agent/demandes/${number}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Demande n° ${number}`);
  await expect(page).toHaveTitle(new RegExp(`Demande n° ${number}`));
}

test.describe("Console d'instruction", () => {
  test("l'agent accepte une demande et obtient le NEPH", async ({ page }) => {
    const number = await applicationUnderInstruction();
    await signInAsAgent(page);
    await openFromQueue(page, number);

    await expect(page.getByText("Pas d'ePhoto : formulaire papier attendu")).toBeVisible();
    await expect(page.getByRole('link', { name: 'Télécharger cni.png' })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Accepter', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Accepter la demande ?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Confirmer' }).click();

    await expect(page.getByText(/Demande acceptée — NEPH : \d{12}$/)).toBeVisible();
    await expect(page.getByText('À traiter en Cerfa 06').first()).toBeVisible();
  });

  test("l'agent rejette une demande avec un motif", async ({ page }) => {
    const number = await applicationUnderInstruction();
    await signInAsAgent(page);
    await openFromQueue(page, number);

    await page.getByRole('button', { name: 'Rejeter', exact: true }).click();
    await expect(page.getByText('Indiquez le motif du rejet.')).toBeVisible();

    await page.getByLabel('Motif du rejet').fill('Pièce d’identité illisible.');
    await page.getByRole('button', { name: 'Rejeter', exact: true }).click();
    await expect(page.getByText('Demande rejetée.')).toBeVisible();
    await expect(page.getByText('Rejeté', { exact: true })).toBeVisible();
  });
});
