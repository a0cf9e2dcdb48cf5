import type { Page } from '@playwright/test';
import { expect, expectAccessible, expectNotClipped, test } from './fixtures.ts';
import { boothCode, demoSchool, ONE_PIXEL_PNG } from './schoolApi.ts';
import {
  createdDraftNumber,
  createStudent,
  newIdentity,
  online,
  signInSchool,
  snap,
  validateFromPieces,
} from './schoolPages.ts';

async function newStudent(page: Page, office: string, prefix: string) {
  const identity = newIdentity(prefix);
  await signInSchool(page);
  await createStudent(page, identity, { firstName: 'Jeanne', office, sex: 'Féminin' });
  return identity.birthName;
}

test.describe('Parcours — variantes', () => {
  test('mandat papier et ePhoto : la demande part à l’instruction sans passer par le candidat', async ({
    page,
  }, info) => {
    test.slow();
    const code = await boothCode();
    await newStudent(page, 'BREQUIGNY', 'MANDAT');
    await page.getByRole('group', { name: 'Catégorie de permis demandé' }).getByLabel('B', { exact: true }).check();
    await page
      .getByRole('radiogroup', { name: 'Être en règle avec la Journée défense et citoyenneté (JDC)' })
      .getByLabel('Oui')
      .check();
    await page.getByLabel("Mandat papier signé par l'élève (pas de validation en ligne par l'élève)").check();
    await page.getByLabel('Code ePhoto Cerfa 02').fill(code);
    await page.getByRole('button', { name: 'Enregistrer le dossier' }).click();
    await expect(page.getByText('Dossier enregistré.')).toBeVisible();
    await online(page).getByRole('button', { name: 'Enregistrer la demande en ligne' }).click();
    const number = await createdDraftNumber(page);
    await expect(online(page).getByRole('status').filter({ hasText: number })).not.toContainText(
      "Le code ePhoto n'a pas été accepté",
    );

    await online(page).getByRole('button', { name: 'Consulter la ePhoto' }).click();
    const ephoto = page.getByRole('dialog', { name: 'Consulter la ePhoto' });
    await expect(ephoto.getByText(`Code ${code}`)).toBeVisible();
    await expect(ephoto.getByRole('img', { name: "Photo d'identité de l'élève" })).toBeVisible();
    await snap(page, info, 'ePhoto de la demande');
    await ephoto.getByRole('button', { name: 'Fermer' }).click();

    await online(page).getByRole('button', { name: 'Envoyer / Consulter les pièces justificatives' }).click();
    const pieces = page.getByRole('dialog', { name: 'Envoyer les pièces justificatives' });
    for (const label of ["Pièce d'identité", 'Justificatif de domicile']) {
      await pieces.getByRole('button', { name: `Ajouter un fichier : ${label}` }).click();
      const search = page.getByRole('dialog', { name: `Rechercher un fichier — ${label}` });
      await search
        .locator('input[type="file"]')
        .setInputFiles({ name: 'scan.png', mimeType: 'image/png', buffer: ONE_PIXEL_PNG });
      await search.getByRole('button', { name: 'Valider' }).click();
      await expect(pieces.getByRole('row', { name: new RegExp(label) })).toHaveAttribute('data-sent', 'true');
    }
    expect(await validateFromPieces(page, pieces)).toContain("part à l'instruction de l'ANTS (mandat papier)");
    await expect(online(page).getByRole('status').filter({ hasText: 'mandat papier' })).toBeVisible();
    await expect(online(page).getByText('Dossier en cours de vérification des pièces justificatives')).toBeVisible();
    // The long state reads in full in its badge.
    await expectNotClipped(online(page).getByText('Dossier en cours de vérification des pièces justificatives'));
    expect((await demoSchool.getApplication(number)).state).toBe('under_instruction');
    await snap(page, info, 'mandat papier : à l’instruction');
  });

  test('transfert : une autre agence reprend la demande par son numéro', async ({ page }, info) => {
    const birthName = await newStudent(page, 'SAINT-PRIEST', 'REPRISE');
    // Two applications of the BREQUIGNY office, entered directly on the national service: this
    // student's, and another person's.
    const enter = (candidate: { birthName: string; firstName: string }) =>
      demoSchool.createApplication(
        {
          type: '02',
          candidate: {
            sex: 'F',
            ...candidate,
            birthDate: '2005-04-02',
            birthCity: 'RENNES',
            birthDepartment: '35',
            birthCountry: 'FRANCE',
            addressLine1: '2 rue de Nantes',
            postalCode: '35000',
            city: 'RENNES',
            email: `transfert.${crypto.randomUUID().slice(0, 8)}@example.fr`,
          },
          dossier: { requestedCategories: ['B'], prefectureCode: '35238', declarations: { jdcInOrder: true } },
        },
        crypto.randomUUID(),
      );
    const someoneElse = await enter({ birthName: `${birthName}-AUTRE`, firstName: 'Marc' });
    const created = await enter({ birthName, firstName: 'Jeanne' });
    // Another person's number is refused, without saying whose it is.
    await online(page).getByRole('button', { name: 'Transférer une demande' }).click();
    const refused = page.getByRole('dialog', { name: "Demande de transfert d'une demande en ligne" });
    await refused.getByLabel('Saisissez le numéro de la demande à transférer :').fill(someoneElse.number);
    await refused.getByLabel("N° d'agrément de l'école de conduite qui détient la demande :").fill('E1703500010');
    await refused.getByRole('button', { name: 'Demande de transfert' }).click();
    await expect(refused.getByText(/Aucune demande de cet élève ne porte ce numéro/)).toBeVisible();
    await expectAccessible(page);
    await refused.getByRole('button', { name: 'Annuler' }).click();
    await online(page).getByRole('button', { name: 'Transférer une demande' }).click();
    const dialog = page.getByRole('dialog', { name: "Demande de transfert d'une demande en ligne" });
    await dialog.getByLabel('Saisissez le numéro de la demande à transférer :').fill(created.number);
    await dialog.getByLabel("N° d'agrément de l'école de conduite qui détient la demande :").fill('E1703500010');
    await dialog.getByRole('button', { name: 'Demande de transfert' }).click();
    await expect(online(page).getByText(created.number)).toBeVisible();
    await expect(online(page).getByText('Oui', { exact: true })).toBeVisible();
    await snap(page, info, 'demande transférée');
    // The office it left sees it "Transféré" in its list, and nothing of the candidate.
    const left = await demoSchool.listApplications({ number: created.number });
    expect(left.applications.map((a) => a.stateLabel)).toEqual(['Transféré']);
    expect(JSON.stringify(left.applications)).not.toContain(birthName);
  });
});
