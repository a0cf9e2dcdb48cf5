import { signInAsPro } from './antsPages.ts';
import { ANTS_URL, expect, expectAccessible, test } from './fixtures.ts';
import { type } from './keyboard.ts';
import { draftApplication } from './schoolApi.ts';
import { snap } from './schoolPages.ts';

test.describe('ANTS — espace professionnel : modifier la demande', () => {
  test("l'école corrige au clavier un brouillon fait par son logiciel ; la ville mal écrite est refusée avec les suggestions", async ({
    page,
  }, info) => {
    const draft = await draftApplication({
      paperMandate: false,
      sex: 'F',
      firstName: 'Camille',
      otherFirstNames: '',
      namePrefix: 'MODIF',
      emailPrefix: 'modif',
    });
    await signInAsPro(page);
    await expect(page.getByRole('link', { name: 'Nouvelle demande' })).toBeVisible();
    await page.goto(`${ANTS_URL}/pro/demandes/${draft.number}`);
    await page.getByRole('link', { name: 'Modifier la demande' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Modifier la demande n° ${draft.number}`);

    // État civil: the first name corrected, the birth town misspelt then fixed from the suggestion.
    await page.getByRole('link', { name: 'État civil' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Prénom *')).toHaveValue('Camille');
    await type(page, 'Prénom *', 'Lou');
    await type(page, 'Ville de naissance *', 'RENES');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).focus();
    await page.keyboard.press('Enter');
    const suggestion = page.getByRole('button', { name: /^RENNES/ });
    await expect(suggestion).toBeVisible();
    await expectAccessible(page);
    await snap(page, info, '1 ville refusee avec suggestions');
    await suggestion.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Ville de naissance *')).toHaveValue('RENNES');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Les modifications sont enregistrées' })).toBeVisible();
    await expectAccessible(page);
    await snap(page, info, '2 modifications enregistrees');

    // The demand says so, and so does its history.
    await page.getByRole('link', { name: `Demande n° ${draft.number}` }).click();
    await expect(page.getByText(`${draft.birthName} Lou`)).toBeVisible();
    const history = page.getByRole('table', { name: 'Historique de la demande' });
    await expect(history.getByRole('row').nth(1)).toContainText('Demande modifiée');
    await expectAccessible(page);
  });
});
