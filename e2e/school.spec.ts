import type { Page } from '@playwright/test';
import { expect, expectAccessible, expectNotClipped, SCHOOL_URL, test } from './fixtures.ts';
import { holdRequests } from './holdRequests.ts';

// Demo data (SEED_DEMO) of the school back office: "Auto-école du Parc", three users, two offices.
const DIRIGEANT = { login: 'dirigeant', password: 'Dirigeant-2026!', label: 'Julien BRENAC (Dirigeant)' };
const SECRETAIRE = { login: 'secretaire', password: 'Secretaire-2026!', label: 'Camille MARTIN (Secrétaire)' };
const MONITEUR = { login: 'moniteur', listName: 'DURAND Paul' };
const SECRETAIRE_LIST_NAME = 'MARTIN Camille';
const OFFICES = [
  { name: 'BREQUIGNY', agrement: 'E1703500010', antsLogin: 'brequigny35', prefecture: 'Préfecture de Rennes' },
  { name: 'SAINT-PRIEST', agrement: 'E1706900030', antsLogin: 'claboret662', prefecture: 'Préfecture de Lyon' },
];
// The offices' sealed ANTS passwords: the page must never receive them.
const ANTS_PASSWORDS = ['Brequigny35!ants', '3cfBelfort!'];
const WRONG_CREDENTIALS = 'Identifiant ou mot de passe incorrect.';
const DIRIGEANT_ONLY = "L'Espace Dirigeant est réservé au dirigeant de l'auto-école.";
const PREFECTURES_NOTE =
  "* Le code postal, le n° d'agrément et les identifiants de l'agence sont obligatoires pour initialiser la liste des préfectures.";
const VALIDATE_RIGHT = { code: 'ants_validate_application', label: 'ANTS - Valider une demande' };

const loginInput = (page: Page) => page.getByLabel('Identifiant', { exact: true });
const passwordInput = (page: Page) => page.getByLabel('Mot de passe', { exact: true });
const mainMenu = (page: Page) => page.getByRole('navigation', { name: 'Menu principal' });

async function signIn(page: Page, user: { login: string; password: string }) {
  await page.goto(`${SCHOOL_URL}/connexion`);
  await loginInput(page).fill(user.login);
  await passwordInput(page).fill(user.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(`${SCHOOL_URL}/clients`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Élèves');
}

/**
 * Sets one right of the moniteur through the API, with the signed-in dirigeant's session (same
 * cookies as the page): puts the demo data back whatever happened in the test.
 */
async function setMoniteurRight(page: Page, code: string, granted: boolean) {
  const session = await page.request.get(`${SCHOOL_URL}/api/auth/session`);
  expect(session.status()).toBe(200);
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const list = await page.request.get(`${SCHOOL_URL}/api/dirigeant/users`);
  const { users } = (await list.json()) as { users: { id: string; login: string }[] };
  const moniteur = users.find((u) => u.login === MONITEUR.login);
  expect(moniteur).toBeDefined();
  const saved = await page.request.put(`${SCHOOL_URL}/api/dirigeant/users/${moniteur?.id}/rights`, {
    headers: { 'x-csrf-token': csrfToken, origin: SCHOOL_URL },
    data: { rights: { [code]: granted } },
  });
  expect(saved.status()).toBe(200);
}

test.describe('Auto-école — page web', () => {
  test('la connexion refuse un mauvais mot de passe avec le message du serveur', async ({ page }) => {
    await page.goto(`${SCHOOL_URL}/connexion`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connexion à votre espace auto-école');
    await expect(page).toHaveTitle('Connexion — Auto-école — Gestion');
    await expectAccessible(page);

    await loginInput(page).fill(DIRIGEANT.login);
    await passwordInput(page).fill('pas-le-bon-mot-de-passe');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByRole('alert')).toHaveText(WRONG_CREDENTIALS);
    await expect(page).toHaveURL(`${SCHOOL_URL}/connexion`);
    await expectAccessible(page);

    // The right password then works (and clears the failure count for the next runs).
    await passwordInput(page).fill(DIRIGEANT.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page).toHaveURL(`${SCHOOL_URL}/clients`);
  });

  test('sans session, une page interne renvoie à la connexion', async ({ page }) => {
    await page.goto(`${SCHOOL_URL}/dirigeant/droits`);
    await expect(page).toHaveURL(`${SCHOOL_URL}/connexion`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connexion à votre espace auto-école');
  });

  test('le dirigeant cherche un élève et ouvre sa fiche', async ({ page }) => {
    await signIn(page, DIRIGEANT);
    await expect(page.getByRole('banner')).toContainText('Auto-école du Parc');
    await expect(page.getByRole('banner')).toContainText(DIRIGEANT.label);
    await expect(mainMenu(page).getByRole('link', { name: 'Élèves' })).toHaveAttribute('aria-current', 'page');

    const table = page.getByRole('table', { name: 'Liste des élèves' });
    for (const name of ['LABORET', 'BRENACK', 'LABORETA', "N'DIAYE", 'LE GOFF']) {
      await expect(table.getByRole('link', { name, exact: true })).toBeVisible();
    }
    await expect(table.getByRole('columnheader')).toHaveText(['Nom', 'Prénom', 'Date de naissance', 'Email', 'Bureau']);
    const christine = table.getByRole('row', { name: /LABORET Christine/ });
    await expect(christine).toContainText('14/03/2005');
    await expect(christine).toContainText('BREQUIGNY');
    await expectAccessible(page);

    await page.getByLabel('Rechercher un élève').fill('laboret');
    await expect(table.getByRole('link', { name: 'BRENACK' })).toHaveCount(0);
    await expect(table.getByRole('row')).toHaveCount(3);

    await table.getByRole('row', { name: /LABORETA Camille/ }).click();
    await expect(page).toHaveURL(/\/clients\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('LABORETA Camille');
    for (const section of ['État civil', 'Naissance', 'Adresse', 'Contact']) {
      await expect(page.getByRole('heading', { level: 2, name: section })).toBeVisible();
    }
    await expect(page.getByText('23/11/2006')).toBeVisible();
    await expect(page.getByText('ST PRIEST', { exact: true })).toBeVisible();
    await expect(page.getByText('camille.laboreta@example.fr')).toBeVisible();
    await expectAccessible(page);

    // Back to the list, with the search kept.
    await page.getByRole('link', { name: 'Retour à la liste des élèves' }).click();
    await expect(page).toHaveURL(`${SCHOOL_URL}/clients?q=laboret`);
    await expect(page.getByLabel('Rechercher un élève')).toHaveValue('laboret');
  });

  test('le dirigeant voit ses bureaux et leur agrément, jamais le mot de passe ANTS', async ({ page }) => {
    const bodies: string[] = [];
    page.on('response', async (response) => {
      if (response.url().includes('/api/')) bodies.push(await response.text().catch(() => ''));
    });
    await signIn(page, DIRIGEANT);
    await mainMenu(page).getByRole('link', { name: 'Paramètres › Bureaux' }).click();
    await expect(page).toHaveURL(`${SCHOOL_URL}/dirigeant/bureaux`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bureaux');

    for (const office of OFFICES) {
      const card = page.getByRole('region', { name: office.name });
      await expect(card.getByRole('heading', { level: 3, name: 'Agrément pour Cerfa' })).toBeVisible();
      await expect(card.getByLabel("Numéro d'agrément Cerfa")).toHaveValue(office.agrement);
      await expect(card.getByLabel('Identifiant ANTS')).toHaveValue(office.antsLogin);
      await expect(card.getByLabel('Mot de passe ANTS')).toHaveValue('');
      await expect(card.getByText('Enregistré (jamais affiché) : laissez vide pour le garder.')).toBeVisible();
      await expect(card.getByText(PREFECTURES_NOTE)).toBeVisible();
      // The préfecture by the list's name; the credentials tried at the first start, and the site heard from.
      await expect(card.getByLabel('Préfecture', { exact: true }).locator('option:checked')).toHaveText(
        office.prefecture,
      );
      await expect(card.getByText(/^Identifiants acceptés par l'ANTS le \d{2}\/\d{2}\/\d{4}/)).toBeVisible();
      await expect(card.getByText(/^Dernières nouvelles du site de l'ANTS : le /)).toBeVisible();
    }
    await expectAccessible(page);

    // The préfectures come from the national service with the credentials as typed.
    const brequigny = page.getByRole('region', { name: 'BREQUIGNY' });
    await brequigny.getByLabel('Mot de passe ANTS').fill('pas-le-bon');
    await brequigny.getByRole('button', { name: 'Mettre à jour la liste des préfectures' }).click();
    await expect(brequigny.getByText("Erreur d'authentification")).toBeVisible();
    await expect(
      brequigny.getByText(
        /Authentification refusée : le numéro d'agrément Cerfa, l'identifiant ou le mot de passe est incorrect\./,
      ),
    ).toBeVisible();
    await brequigny.getByLabel('Mot de passe ANTS').fill('');
    await brequigny.getByRole('button', { name: 'Mettre à jour la liste des préfectures' }).click();
    const select = brequigny.getByLabel('Préfecture', { exact: true });
    await expect(select.locator('option', { hasText: 'Sous-préfecture de Saint-Malo' })).toHaveCount(1);
    await select.selectOption({ label: 'Sous-préfecture de Saint-Malo' });
    await expectNotClipped(select);
    await select.selectOption({ label: 'Préfecture de Rennes' });
    await brequigny.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(brequigny.getByText('Bureau enregistré.')).toBeVisible();
    // Saved credentials are tried at once on the national service, and the badge says what it answered.
    await expect(brequigny.getByText("Identifiants vérifiés : le site de l'ANTS les accepte.")).toBeVisible();
    await expect(brequigny.getByText(/^Identifiants acceptés par l'ANTS le \d{2}\/\d{2}\/\d{4}/)).toBeVisible();

    // A wrong password is said when it is saved, not at the secretary's first demand (then put back).
    await brequigny.getByLabel('Mot de passe ANTS').fill('pas-le-bon');
    await brequigny.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(
      brequigny.getByText(/^Erreur d'authentification : le site de l'ANTS refuse ces identifiants/),
    ).toBeVisible();
    await expect(brequigny.getByText("Identifiants refusés par l'ANTS")).toBeVisible();
    await expectAccessible(page);
    await brequigny.getByLabel('Mot de passe ANTS').fill('Brequigny35!ants');
    await brequigny.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(brequigny.getByText("Identifiants vérifiés : le site de l'ANTS les accepte.")).toBeVisible();

    const html = await page.content();
    for (const secret of ANTS_PASSWORDS) {
      expect(html).not.toContain(secret);
      for (const body of bodies) expect(body).not.toContain(secret);
    }
  });

  test('le dirigeant donne un droit au moniteur : il reste après rechargement', async ({ page }) => {
    await signIn(page, DIRIGEANT);
    await setMoniteurRight(page, VALIDATE_RIGHT.code, false);
    try {
      await mainMenu(page).getByRole('link', { name: 'Connexions › Droits utilisateurs' }).click();
      await expect(page).toHaveURL(`${SCHOOL_URL}/dirigeant/droits`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Droits utilisateurs');
      for (const column of ['Choisir un utilisateur', 'Choisir un domaine', 'Liste des droits utilisateurs']) {
        await expect(page.getByRole('heading', { level: 2, name: column })).toBeVisible();
      }

      await page.getByRole('button', { name: new RegExp(`^${MONITEUR.listName}`) }).click();
      await expect(page.getByRole('button', { name: 'CLIENTS' })).toBeVisible();
      const oui = page.getByRole('radio', { name: `${VALIDATE_RIGHT.label} : Oui` });
      const non = page.getByRole('radio', { name: `${VALIDATE_RIGHT.label} : Non` });
      await expect(non).toBeChecked();
      await expect(page.getByRole('radio', { name: 'ANTS - Supprimer le code ePhoto : Non' })).toBeChecked();
      await expectAccessible(page);

      // The keyboard alone: focus the radio, choose "Oui" with the space bar.
      await oui.focus();
      await page.keyboard.press('Space');
      await expect(oui).toBeChecked();
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Droits enregistrés.' })).toBeVisible();

      await page.reload();
      await expect(page.getByRole('radio', { name: `${VALIDATE_RIGHT.label} : Oui` })).toBeChecked();
      await expect(page.getByRole('radio', { name: 'ANTS - Supprimer une demande : Non' })).toBeChecked();

      // And back to "Non" through the page.
      await page.getByRole('radio', { name: `${VALIDATE_RIGHT.label} : Non` }).check();
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Droits enregistrés.' })).toBeVisible();
    } finally {
      await setMoniteurRight(page, VALIDATE_RIGHT.code, false);
    }
  });

  test("changer d'utilisateur n'affiche jamais les droits du précédent : Enregistrer attend ceux du nouveau", async ({
    page,
  }) => {
    await signIn(page, DIRIGEANT);
    await page.goto(`${SCHOOL_URL}/dirigeant/droits`);
    await page.getByRole('button', { name: new RegExp(`^${MONITEUR.listName}`) }).click();
    await expect(page.getByText(`Droits de ${MONITEUR.listName}`)).toBeVisible();

    // The next user's rights are held on the way: meanwhile the moniteur's must not stand under
    // her name, where « Enregistrer » would write them onto her.
    const rights = await holdRequests(page, '**/api/dirigeant/users/*/rights');
    await page.getByRole('button', { name: new RegExp(`^${SECRETAIRE_LIST_NAME}`) }).click();
    await rights.asked;
    const list = page.getByRole('region', { name: 'Liste des droits utilisateurs' });
    await expect(list.getByRole('status')).toHaveText('Chargement…');
    await expect(list.getByRole('button', { name: 'Enregistrer' })).toHaveCount(0);
    await expect(list.getByText(`Droits de ${MONITEUR.listName}`)).toHaveCount(0);

    rights.release();
    await expect(list.getByText(`Droits de ${SECRETAIRE_LIST_NAME}`)).toBeVisible();
    await expect(list.getByRole('button', { name: 'Enregistrer' })).toBeVisible();
  });

  test('le dirigeant voit les erreurs du serveur sous les champs du nouvel utilisateur', async ({ page }) => {
    await signIn(page, DIRIGEANT);
    await mainMenu(page).getByRole('link', { name: 'Connexions › Utilisateurs' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Utilisateurs');
    const users = page.getByRole('table');
    await expect(users.getByRole('columnheader')).toHaveText(['Nom', 'Prénom', 'Identifiant', 'Rôle']);
    await expect(users.getByRole('row', { name: /DURAND Paul moniteur Moniteur/ })).toBeVisible();

    const userRows = await users.getByRole('row').count();
    const form = page.getByRole('region', { name: 'Ajouter un utilisateur' });
    await form.getByRole('textbox', { name: 'Prénom' }).fill('Léa');
    await form.getByRole('textbox', { name: 'Nom', exact: true }).fill('TEST');
    await form.getByRole('textbox', { name: 'Email' }).fill('lea.test@example.fr');
    // An identifiant already taken: refused, nothing created.
    await form.getByRole('textbox', { name: 'Identifiant' }).fill(DIRIGEANT.login);
    await form.getByRole('combobox', { name: 'Rôle' }).selectOption({ label: 'Moniteur' });
    await form.getByRole('textbox', { name: 'Mot de passe provisoire' }).fill('court');
    await form.getByRole('button', { name: "Ajouter l'utilisateur" }).click();
    await expect(form.getByText('Le mot de passe doit faire au moins 12 caractères.')).toBeVisible();
    await expect(form.getByRole('textbox', { name: 'Mot de passe provisoire' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );

    await form.getByRole('textbox', { name: 'Mot de passe provisoire' }).fill('Un-mot-de-passe-assez-long');
    await form.getByRole('button', { name: "Ajouter l'utilisateur" }).click();
    await expect(form.getByRole('textbox', { name: 'Identifiant' })).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByText('Cet identifiant est déjà utilisé.').first()).toBeVisible();
    await expect(users.getByRole('row')).toHaveCount(userRows);
    await expectAccessible(page);
  });

  test("la secrétaire n'a pas l'Espace Dirigeant : le serveur le lui refuse", async ({ page }) => {
    await signIn(page, SECRETAIRE);
    await expect(page.getByRole('banner')).toContainText(SECRETAIRE.label);
    await expect(mainMenu(page).getByRole('link', { name: 'Élèves' })).toBeVisible();
    await expect(mainMenu(page)).not.toContainText('Espace Dirigeant');
    await expect(mainMenu(page).getByRole('link')).toHaveCount(2);
    await expect(
      mainMenu(page).getByRole('link', { name: 'Bordereaux dossiers › Demandes en ligne (site ANTS)' }),
    ).toBeVisible();

    // The address typed directly: the page asks the server, which refuses.
    const refusal = page.waitForResponse((r) => r.url().endsWith('/api/dirigeant/users'));
    await page.goto(`${SCHOOL_URL}/dirigeant/droits`);
    expect((await refusal).status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Droits utilisateurs');
    await expect(page.getByRole('alert')).toHaveText(DIRIGEANT_ONLY);
    await expect(page.getByRole('radio')).toHaveCount(0);
    await expectAccessible(page);

    await page.goto(`${SCHOOL_URL}/dirigeant/utilisateurs`);
    await expect(page.getByRole('alert')).toHaveText(DIRIGEANT_ONLY);
    await expect(page.getByRole('button', { name: "Ajouter l'utilisateur" })).toHaveCount(0);

    await page.goto(`${SCHOOL_URL}/dirigeant/bureaux`);
    await expect(page.getByRole('alert')).toHaveText(DIRIGEANT_ONLY);
    await expect(page.getByText('E1703500010')).toHaveCount(0);
  });

  test('se déconnecter ramène à la page de connexion et ferme la session', async ({ page }) => {
    await signIn(page, DIRIGEANT);
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await expect(page).toHaveURL(`${SCHOOL_URL}/connexion`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connexion à votre espace auto-école');

    await page.goto(`${SCHOOL_URL}/clients`);
    await expect(page).toHaveURL(`${SCHOOL_URL}/connexion`);
    const session = await page.request.get(`${SCHOOL_URL}/api/auth/session`);
    expect(session.status()).toBe(401);
  });

  test('une session terminée côté serveur renvoie à la connexion au prochain appel', async ({ page, context }) => {
    await signIn(page, DIRIGEANT);
    await context.clearCookies();
    await mainMenu(page).getByRole('link', { name: 'Paramètres › Bureaux' }).click();
    await expect(page).toHaveURL(`${SCHOOL_URL}/connexion`);
    await expect(page.getByText('Votre session a pris fin. Reconnectez-vous pour continuer.')).toBeVisible();
  });
});
