import { agentAccepts, sendRequiredPieces } from './antsPages.ts';
import { ANTS_URL, expect, expectAccessible, test } from './fixtures.ts';
import { tick, type } from './keyboard.ts';
import { boothCode } from './schoolApi.ts';

async function saveStep(page: import('@playwright/test').Page, nextHeading: string) {
  await page.getByRole('button', { name: 'Enregistrer et continuer' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: nextHeading, exact: true })).toBeVisible();
}

test.describe('ANTS — candidat libre', () => {
  test('une candidate sans école fait sa propre demande de Cerfa 02 à chaque étape, un agent la voit et l’accepte', async ({
    page,
    browser,
  }, info) => {
    test.slow();
    // Signed in with FranceConnect: an account made from her identity, no school.
    await page.goto(`${ANTS_URL}/monespace/connexion`);
    await page.getByRole('link', { name: /^S’identifier avec/ }).click();
    await page.getByRole('button', { name: 'Chloé MOREAU' }).click();
    await expect(page.getByText('Bienvenue CHLOÉ MOREAU')).toBeVisible();
    // Seed 000's home: « Mon espace conducteur » opens « Mes démarches en cours ».
    await expect(page.getByRole('link', { name: 'Demander un permis de conduire' })).toBeVisible();
    await page.getByRole('link', { name: 'Mon espace conducteur' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mes démarches en cours');
    // Seed 000's page even before a first demand: the search, then « Ajouter une demande ».
    await expect(page.getByText("Vous n'avez aucune démarche en cours.")).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Rechercher dans la liste' })).toBeVisible();
    await page.getByRole('link', { name: 'Ajouter une demande' }).click();

    // 1. Motif de demande: seed 000's eight steps, named as it names them.
    await expect(page.getByText('Étape 1 sur 8')).toBeVisible();
    await expect(page.locator('.fr-stepper__details')).toHaveText('Étape suivante : État civil');
    await expectAccessible(page);
    await tick(page, /nouveau titre \/ premier permis/);
    await page.getByRole('button', { name: 'Enregistrer et continuer' }).focus();
    await page.keyboard.press('Enter');

    // 2. État civil: her account's, as FranceConnect gave it.
    await expect(page.getByRole('heading', { name: 'Votre état civil' })).toBeVisible();
    await expect(page.getByText('03/11/2004')).toBeVisible();
    await expect(page.getByText('LYON-3E-ARRONDISSEMENT (69) FRANCE')).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Continuer' }).click();

    // 3. Adresse et contact (no email to type: her account's).
    await expect(page.getByText('Étape 3 sur 8')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Votre adresse et votre contact' })).toBeVisible();
    await expect(page.getByLabel(/^Courriel/)).toHaveCount(0);
    await type(page, 'Adresse *', '12 rue Duguesclin');
    await type(page, 'Code postal *', '69003');
    await type(page, "Ville d'habitation *", 'LYON');
    await type(page, /^Téléphone portable/, '06 77 88 99 00');
    await tick(page, 'Non', 'Avez-vous un représentant légal ? *');
    await expectAccessible(page);
    await saveStep(page, 'Catégories de permis');

    // 3, second part: categories, formation, déclarations and the préfecture of that address; then
    // the draft is made on the agency.
    await expect(page.getByText('Étape 3 sur 8')).toBeVisible();
    await tick(page, 'B', 'Catégorie(s) de permis demandée(s) *');
    // The préfectures of the département arrive after the postal code: wait for them, not for a timer.
    await expect(
      page.getByLabel('Préfecture de rattachement *').locator('option:not([value=""])').first(),
    ).toBeAttached();
    await page.getByLabel('Préfecture de rattachement *').focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByLabel('Préfecture de rattachement *')).not.toHaveValue('');
    await tick(page, 'Oui', 'Être en règle avec la Journée défense et citoyenneté (JDC)');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Enregistrer et continuer' }).focus();
    await page.keyboard.press('Enter');

    await expect(page.getByText('Étape 4 sur 8')).toBeVisible();
    await expect(page).toHaveURL(/\/monespace\/nouvelle-demande\/\d+\?etape=photo$/);
    const number = /nouvelle-demande\/(\d+)/.exec(page.url())![1]!;
    // 4. Photo / Signature: the ePhoto code a booth gave her (else the paper form, linked here).
    await expect(page.getByRole('link', { name: 'formulaire de dépôt photo signature' })).toBeVisible();
    const code = await boothCode();
    await type(page, /^Code ePhoto à associer à la demande/, code);
    await page.keyboard.press('Enter');
    await expect(page.getByText(`Code ePhoto associé : ${code}`)).toBeVisible();
    await expect(page.getByRole('img', { name: 'Votre visage pris par la cabine' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Continuer' }).click();

    // 5. Pièces justificatives, the same catalogue as a school's.
    await sendRequiredPieces(page);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Continuer' }).click();

    // 6. Paiement: nothing is due for a registration.
    await expect(
      page.getByText(/Aucun paiement n'est dû : l'inscription au permis de conduire est gratuite/),
    ).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Continuer' }).click();

    // 7. Récapitulatif.
    await expect(page.getByRole('heading', { name: 'Relisez-vous !' })).toBeVisible();
    await expect(page.getByText('Candidat libre (sans école de conduite)')).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Continuer' }).click();

    // 8. Confirmation: sworn, then sent; the seed's « Dernières actions à réaliser ».
    const send = page.getByRole('button', { name: 'Envoyer ma demande' });
    await expect(send).toBeDisabled();
    await page.getByText(/J'atteste sur l'honneur/).click();
    await expectAccessible(page);
    await send.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Votre demande a été transmise');
    // With the ePhoto, no paper form to send.
    // Seed 000, case 1: the number and « Justificatif (PDF) ».
    await expect(page.getByText(/^Demande n° \d+$/)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Justificatif (PDF)', exact: true })).toBeVisible();
    await expect(page.getByText('Ce justificatif doit être enregistré et conservé.')).toBeVisible();
    await expect(page.getByRole('link', { name: /formulaire de dépôt de photo et de signature/ })).toHaveCount(0);

    // The agent finds it without a school, and accepts it: the NEPH reaches her « Mes messages ».
    await agentAccepts(browser, info, number);
    await page.goto(`${ANTS_URL}/monespace/messages`);
    await expect(page.getByRole('heading', { level: 2, name: /est acceptée : votre numéro NEPH/ })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(`n° ${number} est déposée`) })).toBeVisible();
  });
});

test('une candidate née à l’étranger (FranceConnect ne donne que le pays) indique une fois sa ville de naissance', async ({
  page,
}) => {
  await page.goto(`${ANTS_URL}/monespace/connexion`);
  await page.getByRole('link', { name: /^S’identifier avec/ }).click();
  await page.getByRole('button', { name: 'Amina Fatou DIALLO' }).click();
  await expect(page.getByText('Bienvenue AMINA DIALLO')).toBeVisible();
  await page.goto(`${ANTS_URL}/monespace/nouvelle-demande`);
  await tick(page, /nouveau titre \/ premier permis/);
  await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();
  await expect(page.getByText('SENEGAL')).toBeVisible();
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.getByText('Indiquez votre ville de naissance.')).toBeVisible();
  await expect(page.getByLabel('Ville de naissance *')).toBeFocused();
  await expectAccessible(page);
  await page.keyboard.type('Dakar');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await type(page, 'Adresse *', '8 rue de Bretagne');
  await type(page, 'Code postal *', '35000');
  await type(page, "Ville d'habitation *", 'RENNES');
  await tick(page, 'Non', 'Avez-vous un représentant légal ? *');
  await saveStep(page, 'Catégories de permis');
  await tick(page, 'B', 'Catégorie(s) de permis demandée(s) *');
  await page.getByLabel('Préfecture de rattachement *').selectOption({ index: 1 });
  await tick(page, 'Oui', 'Être en règle avec la Journée défense et citoyenneté (JDC)');
  await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();
  await expect(page.getByText('Étape 4 sur 8')).toBeVisible();
  await page.goto(`${ANTS_URL}/monespace/donnees`);
  await expect(page.getByText('DAKAR, SENEGAL')).toBeVisible();
});
