import { signInAsPro } from './antsPages.ts';
import { expect, expectAccessible, test } from './fixtures.ts';
import { demoSchool, saintPriestOffice } from './schoolApi.ts';
import { snap } from './schoolPages.ts';

/** A draft entered by a school's software, for a candidate whose name this run alone uses. */
async function draft(birthName: string, school = demoSchool) {
  return school.createApplication(
    {
      type: '02',
      candidate: {
        sex: 'F',
        birthName,
        firstName: 'Lina',
        birthDate: '2005-03-14',
        birthCity: 'RENNES',
        birthDepartment: '35',
        birthCountry: 'FRANCE',
        addressLine1: '15 rue Aristide Briand',
        postalCode: '69800',
        city: 'SAINT-PRIEST',
        email: `${birthName.toLowerCase()}@example.fr`,
      },
      dossier: { requestedCategories: ['B'], prefectureCode: '69123', declarations: { jdcInOrder: true } },
    },
    crypto.randomUUID(),
  );
}

test.describe('ANTS — espace professionnel : tableau de bord', () => {
  test("l'école voit ses demandes, les compte, les filtre, les cherche au clavier et en ouvre une", async ({
    page,
  }, info) => {
    const name = `TABLEAU-${[...String(Date.now()).slice(-6)].map((d) => String.fromCharCode(65 + Number(d))).join('')}`;
    const made = await draft(name);

    await signInAsPro(page);
    await expect(page.getByRole('heading', { name: 'Tableau de bord' })).toBeVisible();

    // The seed's counters per Cerfa type, each a filter.
    const cerfa02 = page.getByRole('region', { name: 'Cerfa 02' });
    const drafts = cerfa02.getByRole('link', { name: /^Brouillons : \d+$/ });
    await expect(drafts).toBeVisible();
    await expectAccessible(page);
    await snap(page, info, '1 tableau de bord');
    await drafts.click();
    await expect(page).toHaveURL(/type=02&state=draft/);
    await expect(page.getByRole('table')).toContainText('Brouillon');
    await expect(drafts).toHaveAttribute('aria-current', 'true');

    // Search with the keyboard alone: the field, the name, Enter; then the row's link, Enter.
    const search = page.getByLabel('Numéro de demande ou nom du candidat');
    await search.focus();
    await page.keyboard.type(name.toLowerCase());
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`q=${name.toLowerCase()}`));
    const row = page.getByRole('link', { name: made.number });
    await expect(row).toBeVisible();
    await expect(page.getByRole('table')).toContainText(`${name} Lina`);
    await row.focus();
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Demande n° ${made.number}`);
    await expect(page.getByText(`${name} Lina`)).toBeVisible();
    await expectAccessible(page);
    await snap(page, info, '2 la demande');

    // The same rules as the API: no validation without the required pièces; a draft can be deleted.
    await page.getByRole('button', { name: 'Valider la demande' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'pièces justificatives requises' })).toBeVisible();
    page.once('dialog', (dialog) => dialog.accept());
    await page.getByRole('button', { name: 'Supprimer la demande' }).click();
    await expect(page.getByText('La demande est supprimée.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Supprimer la demande' })).toHaveCount(0);
    await expectAccessible(page);
    await snap(page, info, '3 la demande supprimée');
  });

  test('le mot de passe du compte se modifie après le mot de passe actuel, refusé sinon sous son champ', async ({
    page,
  }, info) => {
    await signInAsPro(page);
    await page.getByRole('link', { name: 'Modifier le mot de passe' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Modifier le mot de passe');
    await expectAccessible(page);

    // A wrong current password changes nothing, and says so under its field.
    await page.getByLabel('Mot de passe actuel').fill('pas-le-bon');
    await page.getByLabel('Mot de passe *', { exact: true }).fill('Nouveau-Secret-2026!');
    await page.getByLabel('Confirmez le mot de passe *').fill('Nouveau-Secret-2026!');
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await expect(page.getByText('Le mot de passe actuel est incorrect.')).toBeVisible();
    await expectAccessible(page);
    await snap(page, info, 'mot de passe refusé');
  });

  test("une demande d'une autre école se transfère avec son numéro, l'agrément et le candidat", async ({
    page,
  }, info) => {
    const name = `TRANSFERT-${[...String(Date.now()).slice(-6)].map((d) => String.fromCharCode(65 + Number(d))).join('')}`;
    const theirs = await draft(name, saintPriestOffice);
    await signInAsPro(page);
    await page.getByRole('link', { name: "Transférer une demande d'une autre école de conduite" }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Transférer une demande');
    await expectAccessible(page);

    await page.getByLabel('Numéro de la demande').fill(theirs.number);
    await page.getByLabel("Numéro d'agrément de l'école qui la détient").fill('E1706900030');
    await page.getByLabel('Nom de naissance du candidat').fill(name);
    await page.getByLabel('Prénom du candidat').fill('Lina');
    await page.getByLabel('Date de naissance du candidat').fill('2005-03-14');
    await snap(page, info, 'transfert');
    await page.getByRole('button', { name: 'Transférer la demande' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Demande n° ${theirs.number}`);
    await expect(page.getByText(`${name} Lina`)).toBeVisible();
  });
});
