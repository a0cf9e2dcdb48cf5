import type { Browser, Locator, Page, TestInfo } from '@playwright/test';
import { expect, SCHOOL_URL } from './fixtures.ts';
import { ONE_PIXEL_PNG } from './schoolApi.ts';

/** The school's pages driven as a secretary does, shared by the journeys. */
export const SECRETAIRE = { login: 'secretaire', password: 'Secretaire-2026!' };

/** Each step's screen, kept as a file with the test's artefacts (e2e/artifacts/<test>/<step>.png). */
export async function snap(page: Page, info: TestInfo, name: string) {
  const path = info.outputPath(`${name.replace(/[^\p{L}\p{N} -]+/gu, '').trim()}.png`);
  await page.screenshot({ path, fullPage: true });
  await info.attach(name, { path, contentType: 'image/png' });
}

export async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

export const online = (page: Page) =>
  page.getByRole('region', { name: 'Informations concernant les demandes faites en ligne' });

/** A name and an email never used before: each run is a new candidate for the national service. */
export function newIdentity(prefix: string) {
  const unique = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const letters = [...unique.slice(-7)].map((digit) => String.fromCharCode(65 + Number(digit))).join('');
  return { birthName: `${prefix}-${letters}`, email: `${prefix.toLowerCase()}.${unique}@example.fr` };
}

export async function signInSchool(page: Page) {
  await page.goto(`${SCHOOL_URL}/connexion`);
  await page.getByLabel('Identifiant', { exact: true }).fill(SECRETAIRE.login);
  await page.getByLabel('Mot de passe', { exact: true }).fill(SECRETAIRE.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(`${SCHOOL_URL}/clients`);
}

/**
 * Espace Clients › Élèves: types a search and waits for the list it asks for (`count` students),
 * so that a click lands on a row of that list, not on one of the list it replaces.
 */
export async function searchStudents(page: Page, query: string, count: number) {
  await page.getByLabel('Rechercher un élève').fill(query);
  const table = page.getByRole('table', { name: 'Liste des élèves' });
  await expect(table.getByRole('row')).toHaveCount(count + 1);
  return table;
}

/** Espace Clients › Nouvel élève, filled as a secretary does; lands on the Dossier 02-06 tab. */
export async function createStudent(
  page: Page,
  identity: { birthName: string; email: string },
  options: { firstName: string; office?: string; sex?: 'Masculin' | 'Féminin'; city?: string; postalCode?: string },
) {
  await page.getByRole('link', { name: 'Nouvel élève' }).click();
  await page
    .getByRole('combobox', { name: 'Bureau responsable' })
    .selectOption({ label: options.office ?? 'BREQUIGNY' });
  await page.getByLabel(options.sex ?? 'Masculin').check();
  await page.getByLabel('Nom de naissance').fill(identity.birthName);
  await page.getByRole('textbox', { name: 'Prénom', exact: true }).fill(options.firstName);
  await page.getByLabel('Date de naissance').fill('02/04/2005');
  await page.getByLabel('Ville de naissance').fill('RENNES');
  await page.getByLabel('Département de naissance').fill('35');
  await page.getByLabel('Pays de naissance').fill('FRANCE');
  await page.getByRole('textbox', { name: 'Adresse', exact: true }).fill('4 rue de Brest');
  await page.getByLabel('Code postal').fill(options.postalCode ?? '35000');
  await page.getByRole('textbox', { name: 'Ville', exact: true }).fill(options.city ?? 'RENNES');
  await page.getByLabel('Email').fill(identity.email);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${identity.birthName} ${options.firstName}`);
  await page.getByRole('tab', { name: 'Formation › Dossier 02 - 06' }).click();
}

/** Category B and the JDC in order, saved ("Enregistrer le dossier"). */
export async function fillDossier(page: Page) {
  await page.getByRole('group', { name: 'Catégorie de permis demandé' }).getByLabel('B', { exact: true }).check();
  await page
    .getByRole('radiogroup', { name: 'Être en règle avec la Journée défense et citoyenneté (JDC)' })
    .getByLabel('Oui')
    .check();
  await page.getByRole('button', { name: 'Enregistrer le dossier' }).click();
  await expect(page.getByText('Dossier enregistré.')).toBeVisible();
}

/** A new student of BREQUIGNY living in Rennes, with the dossier saved. */
export async function studentWithDossier(
  page: Page,
  identity: { birthName: string; email: string },
  firstName: string,
) {
  await createStudent(page, identity, { firstName });
  await fillDossier(page);
}

/** The secretary sends the pièces of the current application from the disk; answers the popup. */
export async function sendPieces(page: Page, kinds: string[]) {
  await online(page).getByRole('button', { name: 'Envoyer / Consulter les pièces justificatives' }).click();
  const pieces = page.getByRole('dialog', { name: 'Envoyer les pièces justificatives' });
  for (const label of kinds) {
    await pieces.getByRole('button', { name: `Ajouter un fichier : ${label}` }).click();
    const search = page.getByRole('dialog', { name: `Rechercher un fichier — ${label}` });
    await expect(search).toBeVisible();
    await search
      .locator('input[type="file"]')
      .setInputFiles({ name: `${label}.png`, mimeType: 'image/png', buffer: ONE_PIXEL_PNG });
    await search.getByRole('button', { name: 'Valider' }).click();
    await expect(pieces.getByRole('row', { name: new RegExp(label) })).toHaveAttribute('data-sent', 'true');
  }
  return pieces;
}

/**
 * "Valider la demande" of the pièces popup, then the confirmation, which says what follows (an
 * irreversible step): answers the confirmation's text.
 */
export async function validateFromPieces(page: Page, pieces: Locator): Promise<string> {
  await pieces.getByRole('button', { name: 'Valider la demande' }).click();
  const confirm = page.getByRole('dialog', { name: 'Valider la demande ?' });
  await expect(confirm).toBeVisible();
  const text = (await confirm.textContent()) ?? '';
  await confirm.getByRole('button', { name: 'Oui, valider' }).click();
  await expect(confirm).toHaveCount(0);
  return text;
}

/**
 * The number of the draft just created, read from the panel, which shows the newest application as
 * the server has it: once that is a draft, its number is the one just made (never a new entry beside
 * a live draft). Not from the notice: page state, gone if the panel is drawn anew (seen in CI), and
 * a moment ahead of the panel, which may still show the previous application (after a refusal).
 */
export async function createdDraftNumber(page: Page): Promise<string> {
  const panel = online(page);
  // A new draft waits for its required pièces (seed 002's status).
  await expect(
    panel.getByText('Brouillon (en attente des pièces justificatives requises)', { exact: true }),
  ).toBeVisible();
  // The newest application's number comes first; an accepted Cerfa 02 shown beside a 06 comes after.
  const number = panel.getByText(/^\d{23}$/).first();
  await expect(number).toBeVisible();
  return ((await number.textContent()) ?? '').trim();
}

/** "Enregistrer la demande en ligne" (places right: no popup); answers the new draft's number. */
export async function enterDraft(page: Page): Promise<string> {
  await online(page).getByRole('button', { name: 'Enregistrer la demande en ligne' }).click();
  return createdDraftNumber(page);
}

/** The two pièces of the draft shown, then "Valider la demande": it waits for the candidate. */
export async function sendAndValidate(page: Page) {
  const pieces = await sendPieces(page, ["Pièce d'identité", 'Justificatif de domicile']);
  await validateFromPieces(page, pieces);
  await expect(online(page).getByText('En attente de validation usager')).toBeVisible();
}

/** A draft entered, its pièces sent and validated by the school; answers the number. */
export async function enterAndValidate(page: Page): Promise<string> {
  const number = await enterDraft(page);
  await sendAndValidate(page);
  return number;
}

/**
 * "Mettre à jour" until the status reads `label` (a push may already have brought it). The 2 s is
 * how often it asks again, not a deadline: an answer that comes later is seen on the next round.
 */
export async function waitForStatus(page: Page, label: string | RegExp) {
  await expect(async () => {
    await online(page).getByRole('button', { name: 'Mettre à jour' }).click();
    await expect(online(page).getByText(label)).toBeVisible({ timeout: 2000 });
  }).toPass();
}
