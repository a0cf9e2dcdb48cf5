import type { Page } from '@playwright/test';
import { PRO, signInAsPro } from './antsPages.ts';
import { ANTS_URL, expect, expectAccessible, test } from './fixtures.ts';

// Demo data (SEED_DEMO): an authorised driving school and a CERT agent.
const SCHOOL_NAME = 'Auto-école du Parc — BREQUIGNY';
const AGENT = { login: 'agent.cert', password: 'Instruction-2026!' };
const PRO_WRONG_CREDENTIALS =
  "Authentification refusée : le numéro d'agrément Cerfa, l'identifiant ou le mot de passe est incorrect.";

const agrementInput = (page: Page) => page.getByLabel("Numéro d'agrément Cerfa");
const loginInput = (page: Page) => page.getByLabel('Identifiant', { exact: true });
const passwordInput = (page: Page) => page.getByLabel('Mot de passe', { exact: true });

test.describe('ANTS — page web', () => {
  test("la page d'accueil est accessible et mène aux trois espaces", async ({ page }) => {
    await page.goto(`${ANTS_URL}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Permis de conduire : démarches en ligne');
    await expect(page).toHaveTitle('Accueil — Permis de conduire — ANTS');
    const proTile = page.getByRole('link', { name: 'Espace professionnel' });
    const agentTile = page.getByRole('link', { name: "Console d'instruction" });
    await expect(proTile).toHaveAttribute('href', '/pro/connexion');
    await expect(agentTile).toHaveAttribute('href', '/agent/connexion');
    await expect(page.getByRole('link', { name: 'Contenu' })).toHaveAttribute('href', '#contenu');
    await expect(page.getByText('Accessibilité : partiellement conforme')).toBeVisible();
    await expectAccessible(page);

    await proTile.click();
    await expect(page).toHaveURL(`${ANTS_URL}/pro/connexion`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText("Connexion à l'espace professionnel");
  });

  test("un mauvais mot de passe affiche l'erreur d'authentification", async ({ page }) => {
    await signInAsPro(page, 'mauvais-mot-de-passe');
    await expect(page.getByRole('alert')).toHaveText(PRO_WRONG_CREDENTIALS);
    await expect(page).toHaveURL(`${ANTS_URL}/pro/connexion`);
    await expect(passwordInput(page)).toHaveValue('');
    await expectAccessible(page);
  });

  test('si le service ne répond pas, la page le dit', async ({ page }) => {
    await page.route('**/api/pro/login', (route) => route.abort('connectionrefused'));
    await signInAsPro(page);
    await expect(page.getByRole('alert')).toHaveText(
      'Le service ne répond pas. Veuillez réessayer dans quelques instants.',
    );
    await expect(page).toHaveURL(`${ANTS_URL}/pro/connexion`);
  });

  test('un champ vide est signalé sous le champ, qui reçoit le focus', async ({ page }) => {
    await page.goto(`${ANTS_URL}/pro/connexion`);
    await agrementInput(page).fill(PRO.agrementNumber);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(loginInput(page)).toBeFocused();
    await expect(loginInput(page)).toHaveAccessibleDescription(/^Saisissez votre identifiant\./);
    await expect(passwordInput(page)).toHaveAccessibleDescription(/^Saisissez votre mot de passe\./);
  });

  test("la connexion professionnelle ouvre l'espace de l'école de conduite", async ({ page }) => {
    await page.goto(`${ANTS_URL}/pro/connexion`);
    await expect(agrementInput(page)).toHaveAttribute('autocomplete', 'off');
    await expect(loginInput(page)).toHaveAttribute('autocomplete', 'username');
    await expect(passwordInput(page)).toHaveAttribute('autocomplete', 'current-password');
    await expectAccessible(page);

    await signInAsPro(page);
    await expect(page).toHaveURL(`${ANTS_URL}/pro`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Espace professionnel');
    await expect(page).toHaveTitle('Espace professionnel — Permis de conduire — ANTS');
    const summary = page.getByRole('region', { name: 'Votre école de conduite' });
    await expect(summary).toContainText(PRO.agrementNumber);
    await expect(summary).toContainText(SCHOOL_NAME);
    await expect(summary).toContainText('RENNES');
    await expectAccessible(page);

    // The session survives a reload.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Espace professionnel');
  });

  test("la déconnexion ferme la session : l'espace professionnel redemande la connexion", async ({ page }) => {
    await signInAsPro(page);
    await expect(page).toHaveURL(`${ANTS_URL}/pro`);
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await expect(page).toHaveURL(`${ANTS_URL}/pro/connexion`);
    await expect(page.getByText('Vous êtes déconnecté.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Se déconnecter' })).toHaveCount(0);

    await page.goto(`${ANTS_URL}/pro`);
    await expect(page).toHaveURL(`${ANTS_URL}/pro/connexion`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText("Connexion à l'espace professionnel");
  });

  test("la connexion d'un agent ouvre la console d'instruction de son service", async ({ page }) => {
    await page.goto(`${ANTS_URL}/agent`);
    await expect(page).toHaveURL(`${ANTS_URL}/agent/connexion`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText("Connexion à la console d'instruction");
    await expectAccessible(page);

    await loginInput(page).fill(AGENT.login);
    await passwordInput(page).fill(AGENT.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page).toHaveURL(`${ANTS_URL}/agent`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText("Console d'instruction");
    await expect(page.getByText('Bienvenue Sophie LEROY')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Votre affectation' })).toContainText('CERT de Nantes');
    await expectAccessible(page);
  });

  test('au clavier seul, le formulaire professionnel se remplit et se soumet', async ({ page }) => {
    await page.goto(`${ANTS_URL}/pro/connexion`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

    // The first Tab reaches the skip links; Enter on "Contenu" moves to the main content.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Contenu' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();

    let reached = false;
    for (let presses = 0; presses < 10 && !reached; presses++) {
      await page.keyboard.press('Tab');
      reached = await agrementInput(page).evaluate((input) => input === document.activeElement);
    }
    expect(reached, "le champ du numéro d'agrément est atteint au clavier").toBe(true);
    const outline = await agrementInput(page).evaluate((input) => getComputedStyle(input).outlineStyle);
    expect(outline, 'le focus est visible').not.toBe('none');

    await page.keyboard.type(PRO.agrementNumber);
    await page.keyboard.press('Tab');
    await expect(loginInput(page)).toBeFocused();
    await page.keyboard.type(PRO.login);
    await page.keyboard.press('Tab');
    await expect(passwordInput(page)).toBeFocused();
    await page.keyboard.type(PRO.password);
    await page.keyboard.press('Enter');

    await expect(page).toHaveURL(`${ANTS_URL}/pro`);
    await expect(page.getByText(SCHOOL_NAME).first()).toBeVisible();
  });

  test('une adresse inconnue affiche la page « Page non trouvée »', async ({ page }) => {
    await page.goto(`${ANTS_URL}/adresse-inconnue`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page non trouvée');
    await expect(page).toHaveTitle('Page non trouvée — Permis de conduire — ANTS');
    await page.getByRole('link', { name: "Page d'accueil" }).click();
    await expect(page).toHaveURL(`${ANTS_URL}/`);
  });
});
