import { expect, expectAccessible, SCHOOL_URL, test } from './fixtures.ts';
import { demoSchool } from './schoolApi.ts';

const DIRIGEANT = { login: 'dirigeant', password: 'Dirigeant-2026!' };

test.describe('Auto-école — Espace Administratif : demandes en ligne (site ANTS)', () => {
  test('mise à jour depuis le site, lignes rouges non reliées, compteurs, lien à un élève, export Excel', async ({
    page,
  }) => {
    test.slow();
    // Two applications entered directly on the national service with BREQUIGNY's credentials.
    const unique = `${Date.now()}`;
    const numbers: string[] = [];
    for (const firstName of ['Noé', 'Anaïs']) {
      const created = await demoSchool.createApplication(
        {
          type: '02',
          candidate: {
            sex: 'F',
            birthName: `DIRECT-${[...unique.slice(-6)].map((d) => String.fromCharCode(65 + Number(d))).join('')}${firstName.length}`,
            firstName,
            birthDate: '2004-05-06',
            birthCity: 'RENNES',
            birthDepartment: '35',
            birthCountry: 'FRANCE',
            addressLine1: '3 rue de Brest',
            postalCode: '35000',
            city: 'RENNES',
            email: `direct.${firstName.length}.${unique}@example.fr`,
          },
          dossier: { requestedCategories: ['B'], prefectureCode: '35238', declarations: { jdcInOrder: true } },
        },
        crypto.randomUUID(),
      );
      numbers.push(created.number);
    }

    await page.goto(`${SCHOOL_URL}/connexion`);
    await page.getByLabel('Identifiant', { exact: true }).fill(DIRIGEANT.login);
    await page.getByLabel('Mot de passe', { exact: true }).fill(DIRIGEANT.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('link', { name: 'Bordereaux dossiers › Demandes en ligne (site ANTS)' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Demandes en ligne (site ANTS)');
    await page.getByLabel("Choix de l'agence").selectOption({ label: 'BREQUIGNY' });
    await expect(
      page.getByText("Si votre agence n'apparaît pas, veuillez renseigner le n° d'agrément Cerfa"),
    ).toBeVisible();

    await page.getByRole('button', { name: 'Mettre à jour depuis le site de la préfecture' }).click();
    await expect(page.getByRole('status').filter({ hasText: /Mise à jour terminée/ })).toBeVisible();
    // A partial number finds the demand by its beginning.
    await page.getByLabel('N° de demande').fill(numbers[0]!.slice(0, -1));
    await page.getByRole('button', { name: 'Rechercher' }).click();
    const row = page.getByRole('row').filter({ hasText: numbers[0]! });
    await expect(row).toContainText('(non reliée)');
    // A wrong date is said on its field; the counters and the list stay.
    await page.getByLabel('Date de création du').fill('31/02/2026');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await expect(page.getByText('Date invalide (jj/mm/aaaa).')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Compteurs' })).toBeVisible();
    await expect(row).toBeVisible();
    await page.getByLabel('Date de création du').fill('10/05/2026');
    await page.getByLabel('au (création)').fill('01/05/2026');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await expect(page.getByText('La date de fin est antérieure à la date de début.')).toBeVisible();
    await expect(row).toBeVisible();
    await page.getByLabel('Date de création du').fill('');
    await page.getByLabel('au (création)').fill('');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await expect(page.getByText('La date de fin est antérieure à la date de début.')).toBeHidden();
    await expect(row).toHaveAttribute('data-linked', 'false');
    await expectAccessible(page);

    // The counters: "Brouillons" of CERFA 02 filters the list on drafts.
    const drafts = page.getByRole('region', { name: 'Compteurs' }).getByRole('button', { name: /^\d+ Brouillons$/ });
    await drafts.click();
    await expect(drafts).toHaveAttribute('aria-pressed', 'true');
    await expect(row).toContainText('Brouillon');

    // Link it to a demo student, then its documents open.
    await row.getByRole('button', { name: `Relier la demande ${numbers[0]} à un élève` }).click();
    const dialog = page.getByRole('dialog', { name: 'Associer un élève à une demande' });
    await expect(dialog.getByText("La demande n'a pas été enregistrée depuis cette application.")).toBeVisible();
    await dialog.getByLabel('Rechercher un élève :').fill('brenack');
    await dialog.getByRole('button', { name: 'BRENACK Julien' }).click();
    // Julien is not the demand's candidate: said, and linked only once confirmed.
    const mismatch = dialog.getByRole('alert').filter({ hasText: "Ce n'est peut-être pas la même personne" });
    await expect(mismatch).toContainText('BRENACK Julien');
    await expectAccessible(page);
    await expect(row).toHaveAttribute('data-linked', 'false');
    await mismatch.getByRole('button', { name: 'Relier quand même à BRENACK Julien' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: `Demande n° ${numbers[0]} reliée à BRENACK Julien.` }),
    ).toBeVisible();
    await expect(row).toHaveAttribute('data-linked', 'true');
    // Linked, the row offers "Changer d'élève", which says whose fiche loses it.
    await row.getByRole('button', { name: `Changer d'élève pour la demande ${numbers[0]}` }).click();
    const change = page.getByRole('dialog', { name: "Changer l'élève de la demande" });
    await expect(change.getByText(/détache la demande de la fiche de Julien BRENACK/)).toBeVisible();
    await change.getByRole('button', { name: 'Fermer' }).click();
    await row.getByRole('button', { name: `Documents de la demande ${numbers[0]}` }).click();
    const documents = page.getByRole('dialog', { name: 'Editer les documents' });
    await expect(documents.getByText('Formulaire dépôt photo signature', { exact: true })).toBeVisible();
    await expectAccessible(page);
    await documents.getByRole('button', { name: 'Fermer' }).click();

    // Sorting by number, and the export of the list as shown.
    await page.getByRole('button', { name: 'Numéro' }).click();
    await expect(page.getByRole('columnheader', { name: /Numéro/ })).toHaveAttribute('aria-sort', 'ascending');
    const href = await page.getByRole('link', { name: 'Exporter la liste sous Excel' }).getAttribute('href');
    const file = await page.request.get(`${SCHOOL_URL}${href}`);
    expect(file.headers()['content-type']).toContain('spreadsheetml');
    expect((await file.body()).subarray(0, 2).toString()).toBe('PK');
    await expect(page.getByRole('heading', { name: /Demandes par état sur les 12 derniers mois/ })).toBeVisible();
  });
});
