import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, SCHOOL_URL, test } from './fixtures.ts';
import { searchStudents } from './schoolPages.ts';

// Demo data: Camille LABORETA lives in "ST PRIEST" (69800), born in "LYON" (69, FRANCE). Neither is
// in the agency's lists: the town is SAINT-PRIEST, and a birth in Lyon is registered by arrondissement.
const SECRETAIRE = { login: 'secretaire', password: 'Secretaire-2026!' };
const CAMILLE_ORIGINAL = {
  city: 'ST PRIEST',
  postalCode: '69800',
  birthCity: 'LYON',
  birthDepartment: '69',
  birthCountry: 'FRANCE',
};
const OPEN_BUTTON = 'Vérifier les villes, départements et pays';
const TITLE = 'Vérification des villes, départements et pays';
const INTRO =
  "Les informations en jaune ci-dessous n'ont pas été trouvées sur le site de la préfecture. Veuillez vérifier votre saisie.";
const NOTE = '* Si les informations sont correctes, vous pouvez valider votre saisie.';
const TOWN_HINT =
  "La ville doit être présente dans la liste qui s'affiche automatiquement en saisissant les 1ers caractères. Attention : les espaces doivent être remplacés par des tirets (-).";
const SAVED = 'Villes, départements et pays enregistrés.';
const RESIDENCE = "Ville d'habitation de l'élève";
const BIRTH_CITY = 'Ville de naissance';
const LABELS = [
  RESIDENCE,
  'Ville du représentant légal',
  BIRTH_CITY,
  'Département de naissance',
  'Pays de naissance',
  'Département délivrance ancien permis',
  "Pays d'origine ancien permis",
];
/** Mantine's yellow-2, the rows' background when a value was not found. */
const YELLOW = 'rgb(255, 236, 153)';

/** The value (dd) shown for a label (dt) in a read-only block. */
const infoValue = (scope: Locator, label: string) =>
  scope.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');
const popup = (page: Page) => page.getByRole('dialog', { name: TITLE });
/** One line of the popup: "Label: value". */
const row = (dialog: Locator, label: string) => dialog.getByRole('listitem').filter({ hasText: `${label}:` });

async function openCamille(page: Page): Promise<string> {
  await page.goto(`${SCHOOL_URL}/connexion`);
  await page.getByLabel('Identifiant', { exact: true }).fill(SECRETAIRE.login);
  await page.getByLabel('Mot de passe', { exact: true }).fill(SECRETAIRE.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(`${SCHOOL_URL}/clients`);
  await (await searchStudents(page, 'laboreta', 1)).getByRole('row', { name: /LABORETA Camille/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('LABORETA Camille');
  const id = /\/clients\/([0-9a-f-]{36})$/.exec(page.url())?.[1];
  expect(id).toBeDefined();
  return id ?? '';
}

/** Puts Camille's demo places back through the API, with the page's session: the test can run again. */
async function restoreCamille(page: Page, id: string) {
  const session = await page.request.get(`${SCHOOL_URL}/api/auth/session`);
  expect(session.status()).toBe(200);
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const saved = await page.request.put(`${SCHOOL_URL}/api/students/${id}/places`, {
    headers: { 'x-csrf-token': csrfToken, origin: SCHOOL_URL },
    data: CAMILLE_ORIGINAL,
  });
  expect(saved.status()).toBe(200);
}

/** Keyboard only: Tab to the field (its list opens), type to search, arrows down to the option, Enter. */
async function pickWithKeyboard(page: Page, field: Locator, typed: string, option: string) {
  for (let i = 0; i < 12 && !(await field.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(field).toBeFocused();
  if (typed) await page.keyboard.type(typed);
  const listbox = page.getByRole('listbox', { name: (await field.getAttribute('aria-label')) ?? '' });
  await expect(listbox.getByRole('option', { name: option, exact: true })).toBeVisible();
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('ArrowDown');
    const active = await field.getAttribute('aria-activedescendant');
    if (active && (await page.locator(`[id="${active}"]`).textContent()) === option) break;
  }
  await page.keyboard.press('Enter');
  await expect(field).toHaveValue(option);
}

/** A block of the fiche élève, by its heading. */
const section = (page: Page, title: string) =>
  page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: title }) });

test.describe('Auto-école — vérification des villes, départements et pays', () => {
  test('la secrétaire corrige la ville et la ville de naissance de Camille au clavier, puis valide', async ({
    page,
  }) => {
    const id = await openCamille(page);
    try {
      const open = page.getByRole('button', { name: OPEN_BUTTON });
      await open.click();
      const dialog = popup(page);
      await expect(dialog).toBeVisible();
      await expect(dialog.getByRole('heading', { name: TITLE })).toBeVisible();
      await expect(dialog).toContainText(INTRO);
      await expect(dialog).toContainText(NOTE);

      // All seven fields in the seed's order; the two wrong ones in yellow, said in words too.
      const rows = dialog.getByRole('listitem');
      await expect(rows).toHaveCount(7);
      for (const [index, label] of LABELS.entries()) await expect(rows.nth(index)).toContainText(`${label}:`);
      const residence = row(dialog, RESIDENCE);
      const birthCity = row(dialog, BIRTH_CITY);
      await expect(residence).toContainText(`${RESIDENCE}: ST PRIEST (69800)`);
      await expect(birthCity).toContainText(`${BIRTH_CITY}: LYON`);
      for (const wrong of [residence, birthCity]) {
        await expect(wrong).toHaveAttribute('data-status', 'not-found');
        await expect(wrong).toHaveCSS('background-color', YELLOW);
        await expect(wrong).toContainText('non trouvé');
      }
      await expect(residence).toContainText(TOWN_HINT);
      await expect(birthCity).toContainText(
        "Pour une naissance à Paris, Lyon ou Marseille, choisissez l'arrondissement.",
      );
      await expect(row(dialog, 'Pays de naissance')).toHaveAttribute('data-status', 'found');
      await expect(row(dialog, 'Ville du représentant légal')).toHaveText('Ville du représentant légal:');
      await expectAccessible(page);

      // Keyboard alone: the first suggestion of the town, an arrondissement for the birth town.
      const residenceInput = dialog.getByRole('combobox', { name: RESIDENCE });
      const birthCityInput = dialog.getByRole('combobox', { name: BIRTH_CITY });
      await pickWithKeyboard(page, residenceInput, '', 'SAINT-PRIEST (69800)');
      await expect(residence).toHaveAttribute('data-status', 'found');
      await expect(residence).toContainText(`${RESIDENCE}: SAINT-PRIEST (69800)`);
      await expect(residence.locator('strong')).toHaveText('SAINT-PRIEST (69800)');
      await expect(residence).not.toHaveCSS('background-color', YELLOW);
      await pickWithKeyboard(page, birthCityInput, 'lyon-3', 'LYON-3E-ARRONDISSEMENT');
      await expect(birthCity).toHaveAttribute('data-status', 'found');
      await expect(birthCity).toContainText(`${BIRTH_CITY}: LYON-3E-ARRONDISSEMENT`);
      await expect(dialog.getByRole('status')).toHaveText('Toutes les informations ont été trouvées.');

      // Réinitialiser puts back what the popup opened with.
      await dialog.getByRole('button', { name: 'Réinitialiser' }).click();
      await expect(residence).toContainText(`${RESIDENCE}: ST PRIEST (69800)`);
      await expect(residence).toHaveAttribute('data-status', 'not-found');
      await expect(birthCity).toContainText(`${BIRTH_CITY}: LYON`);
      await expect(birthCity).toHaveAttribute('data-status', 'not-found');
      await expect(residenceInput).toHaveValue('');

      await pickWithKeyboard(page, residenceInput, '', 'SAINT-PRIEST (69800)');
      await pickWithKeyboard(page, birthCityInput, 'lyon-3', 'LYON-3E-ARRONDISSEMENT');
      await expect(dialog.locator('[data-status="not-found"]')).toHaveCount(0);

      const validate = dialog.getByRole('button', { name: 'Valider' });
      await validate.focus();
      await page.keyboard.press('Enter');
      await expect(dialog).toBeHidden();
      await expect(page.getByRole('status').filter({ hasText: SAVED })).toBeVisible();
      await expect(open).toBeFocused();
      const address = section(page, 'Adresse');
      await expect(infoValue(address, 'Ville')).toHaveText('SAINT-PRIEST');
      await expect(infoValue(address, 'Code postal')).toHaveText('69800');
      await expect(infoValue(section(page, 'Naissance'), 'Ville de naissance')).toHaveText('LYON-3E-ARRONDISSEMENT');
      await expectAccessible(page);

      // Opened again, everything is found.
      await open.click();
      await expect(popup(page).getByRole('status')).toHaveText('Toutes les informations ont été trouvées.');
      await expect(popup(page).locator('[data-status="not-found"]')).toHaveCount(0);
      await page.keyboard.press('Escape');
      await expect(popup(page)).toBeHidden();
    } finally {
      await restoreCamille(page, id);
    }
  });

  test("l'autocomplétion propose les villes de la liste en saisissant les 1ers caractères", async ({ page }) => {
    await openCamille(page);
    await page.getByRole('button', { name: OPEN_BUTTON }).click();
    const dialog = popup(page);
    const input = dialog.getByRole('combobox', { name: RESIDENCE });
    await input.click();
    await input.pressSequentially('montpel');
    const listbox = page.getByRole('listbox', { name: RESIDENCE });
    await expect(listbox.getByRole('option', { name: 'MONTPELLIER (34000)', exact: true })).toBeVisible();
    await expectAccessible(page);

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(input).toHaveValue('MONTPELLIER (34000)');
    await expect(row(dialog, RESIDENCE)).toContainText(`${RESIDENCE}: MONTPELLIER (34000)`);
    await expect(row(dialog, RESIDENCE)).toHaveAttribute('data-status', 'found');
    // Closed without validating: nothing saved.
    await dialog.getByRole('button', { name: 'Fermer' }).click();
    await expect(dialog).toBeHidden();
    await expect(infoValue(section(page, 'Adresse'), 'Ville')).toHaveText('ST PRIEST');
  });

  test('une vérification ou un enregistrement refusé affiche le message du serveur sans perdre le choix', async ({
    page,
  }) => {
    await openCamille(page);
    await page.getByRole('button', { name: OPEN_BUTTON }).click();
    const dialog = popup(page);
    const residence = row(dialog, RESIDENCE);
    const residenceInput = dialog.getByRole('combobox', { name: RESIDENCE });
    await expect(residence).toHaveAttribute('data-status', 'not-found');

    // The check fails: the server's message, a way to try again, and the choice stays.
    await page.route('**/api/referentiel/check-places', (route) =>
      route.fulfill({
        status: 500,
        json: {
          type: 'tag:permis-en-ligne,2026:erreur:INTERNAL',
          title: 'Erreur du service.',
          status: 500,
          code: 'INTERNAL',
          detail: 'Le référentiel est momentanément indisponible.',
        },
      }),
    );
    await pickWithKeyboard(page, residenceInput, '', 'SAINT-PRIEST (69800)');
    await expect(dialog.getByRole('alert')).toContainText('Le référentiel est momentanément indisponible.');
    await expect(residence).toContainText(`${RESIDENCE}: SAINT-PRIEST (69800)`);
    await expect(residenceInput).toHaveValue('SAINT-PRIEST (69800)');
    await expectAccessible(page);
    await page.unroute('**/api/referentiel/check-places');
    await dialog.getByRole('button', { name: 'Relancer la vérification' }).click();
    await expect(residence).toHaveAttribute('data-status', 'found');
    await expect(dialog.getByRole('alert')).toHaveCount(0);

    // The save is refused: the message under its field, the popup stays open with the choice.
    await page.route('**/api/students/*/places', (route) =>
      route.fulfill({
        status: 400,
        json: {
          type: 'tag:permis-en-ligne,2026:erreur:VALIDATION',
          title: 'Requête invalide.',
          status: 400,
          code: 'VALIDATION',
          detail: 'Certains champs sont invalides.',
          fields: [{ path: 'postalCode', message: 'Le code postal doit comporter 5 chiffres.' }],
        },
      }),
    );
    await dialog.getByRole('button', { name: 'Valider' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Certains champs sont invalides.');
    await expect(residence).toContainText('Le code postal doit comporter 5 chiffres.');
    await expect(residenceInput).toHaveAttribute('aria-invalid', 'true');
    await expect(residenceInput).toHaveValue('SAINT-PRIEST (69800)');
    await expect(dialog).toBeVisible();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Fermer' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: SAVED })).toHaveCount(0);
  });
});
