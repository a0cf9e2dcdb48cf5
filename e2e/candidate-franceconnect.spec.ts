import { DEMO_FRANCECONNECT_IDENTITIES } from '../scripts/franceConnectLocal.ts';
import { ANTS_URL, expect, expectAccessible, test } from './fixtures.ts';
import { validatedApplication } from './schoolApi.ts';

const ERIC = DEMO_FRANCECONNECT_IDENTITIES.find((i) => i.family_name === 'RENAUD')!;

test.describe('FranceConnect', () => {
  test('le candidat se connecte avec FranceConnect et retrouve la demande de son école', async ({ page }) => {
    // The school typed Eric's identity as FranceConnect knows it (born in Rennes, 35).
    const { number } = await validatedApplication({
      paperMandate: false,
      sex: 'M',
      firstName: 'Eric',
      otherFirstNames: 'Jean',
      namePrefix: 'RENAUD',
      emailPrefix: 'eric',
      person: { birthName: 'RENAUD', birthDate: ERIC.birthdate },
    });

    await page.goto(`${ANTS_URL}/monespace/connexion`);
    await expect(page.getByRole('heading', { name: 'Avec FranceConnect' })).toBeVisible();
    await expectAccessible(page);
    // At the keyboard: the FranceConnect button, then the provider's identity, each with Enter.
    await page.getByRole('link', { name: /^S’identifier avec/ }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('FranceConnect (démonstration locale)');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Eric Jean RENAUD' }).focus();
    await page.keyboard.press('Enter');

    await expect(page).toHaveURL(`${ANTS_URL}/monespace`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mon espace');
    await expect(page.getByText('Bienvenue ERIC RENAUD')).toBeVisible();
    await expect(page.getByText('Première connexion à votre espace.')).toBeVisible();
    const waiting = page.getByRole('link', { name: `La demande n° ${number} attend votre validation.` });
    await expect(waiting).toBeVisible();
    await expectAccessible(page);

    await waiting.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Valider votre demande');

    // Signed out here and at FranceConnect, back on the sign-in page.
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await expect(page).toHaveURL(`${ANTS_URL}/monespace/connexion?deconnexion=1`);
    await expect(page.getByText('Vous êtes déconnecté.')).toBeVisible();
    await page.goto(`${ANTS_URL}/monespace`);
    await expect(page).toHaveURL(/\/monespace\/connexion/);

    // FranceConnect asks again which identity (its session ended too); the home now tells the last sign-in.
    await page.getByRole('link', { name: /^S’identifier avec/ }).click();
    await page.getByRole('button', { name: 'Eric Jean RENAUD' }).click();
    await expect(page.getByText(/^Dernière connexion : \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/)).toBeVisible();
  });

  test('un refus chez FranceConnect revient à la page de connexion avec un message', async ({ page }) => {
    await page.goto(`${ANTS_URL}/api/candidate/franceconnect/callback?error=access_denied&state=x`);
    await expect(page).toHaveURL(`${ANTS_URL}/monespace/connexion?franceconnect=FRANCECONNECT_CANCELLED`);
    await expect(page.getByRole('alert')).toHaveText('Vous avez annulé la connexion avec FranceConnect.');
    await expectAccessible(page);
  });
});
