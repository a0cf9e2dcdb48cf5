import type { Page } from '@playwright/test';
import { ANTS_URL, expect, expectAccessible, test } from './fixtures.ts';
import { demoSchool, ONE_PIXEL_PNG, validatedApplication } from './schoolApi.ts';

// Demo data (SEED_DEMO): the CERT agent who instructs what the school sends.
const AGENT = { login: 'agent.cert', password: 'Instruction-2026!' };

/** The school enters and validates an application under paper mandate; returns its number. */
async function applicationUnderInstruction(): Promise<string> {
  const { number } = await validatedApplication({
    paperMandate: true,
    sex: 'F',
    firstName: 'Camille',
    otherFirstNames: 'Marie Louise',
    namePrefix: 'DURAND',
    emailPrefix: 'instruction',
  });
  return number;
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
    // The school's comment on the pièce is read with it.
    await expect(page.getByText("Commentaire de l'école : Recto et verso sur la même page")).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Accepter', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Accepter la demande ?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Confirmer' }).click();

    await expect(page.getByText(/Demande acceptée — NEPH : \d{12}$/)).toBeVisible();
    await expect(page.getByText('À traiter en Cerfa 06').first()).toBeVisible();
  });

  test("l'agent voit la ePhoto de la demande : photo et signature", async ({ page }) => {
    const { number } = await validatedApplication({
      withEphoto: true,
      paperMandate: true,
      sex: 'M',
      firstName: 'Hugo',
      otherFirstNames: '',
      namePrefix: 'EPHOTO',
      emailPrefix: 'agent-ephoto',
    });
    await signInAsAgent(page);
    await openFromQueue(page, number);
    for (const name of ['Portrait du candidat (ePhoto)', 'Signature du candidat (ePhoto)']) {
      const image = page.getByRole('img', { name });
      await expect(image).toBeVisible();
      await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    }
    await expectAccessible(page);
  });

  test("l'agent rejette une demande avec un motif", async ({ page }) => {
    const number = await applicationUnderInstruction();
    await signInAsAgent(page);
    await openFromQueue(page, number);

    // Required, and said so before sending (RGAA 11.10); an empty one opens no confirmation.
    await expect(page.getByText('Obligatoire, de 5 à 500 caractères.')).toBeVisible();
    await page.getByRole('button', { name: 'Rejeter', exact: true }).click();
    await expect(page.getByText('Indiquez le motif du rejet.')).toBeVisible();
    await expect(page.getByRole('dialog', { name: 'Rejeter la demande ?' })).toHaveCount(0);

    // Irreversible: asked first (RGAA 11.12); cancelled, nothing changes.
    await page.getByLabel('Motif du rejet').fill('Pièce d’identité illisible.');
    await page.getByRole('button', { name: 'Rejeter', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Rejeter la demande ?' });
    await expect(confirm).toContainText('Pièce d’identité illisible.');
    await expectAccessible(page);
    await confirm.getByRole('button', { name: 'Annuler' }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByText('Rejeté', { exact: true })).toHaveCount(0);
    await page.getByRole('button', { name: 'Rejeter', exact: true }).click();
    await confirm.getByRole('button', { name: 'Confirmer le rejet' }).click();
    await expect(page.getByText('Demande rejetée.')).toBeVisible();
    await expect(page.getByText('Rejeté', { exact: true })).toBeVisible();
  });
  test("l'agent demande un complément, l'école ajoute la pièce et la demande revient à instruire", async ({ page }) => {
    const number = await applicationUnderInstruction();
    await signInAsAgent(page);
    await openFromQueue(page, number);

    await page.getByLabel('Pièce à compléter').selectOption({ label: 'Avis médical' });
    await page.getByLabel("Message à l'école de conduite").fill('Avis du médecin agréé manquant');
    await page.getByRole('button', { name: 'Demander un complément' }).click();
    await expect(page.getByText('A compléter', { exact: true }).first()).toBeVisible();

    // The school reads which pièce is missing, adds it and sends the application back.
    const seen = await demoSchool.getApplication(number);
    expect(seen.stateLabel).toBe('A compléter');
    expect(seen.stateReason).toBe('Pièce à compléter : Avis médical — Avis du médecin agréé manquant');
    await demoSchool.uploadPiece(number, 'medical_opinion', { name: 'avis-medical.png', bytes: ONE_PIXEL_PNG });
    await demoSchool.completeApplication(number);

    await page.getByRole('link', { name: "Console d'instruction" }).first().click();
    await openFromQueue(page, number);
    await expect(page.getByRole('link', { name: 'Télécharger avis-medical.png' })).toBeVisible();
  });

  test('les courriels et SMS non délivrés sont listés pour les agents', async ({ page }) => {
    await signInAsAgent(page);
    await page.getByRole('link', { name: 'Courriels et SMS non délivrés' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Courriels et SMS non délivrés');
    await expect(page.getByText('Aucun envoi en échec.')).toBeVisible();
    await expectAccessible(page);
  });
});
