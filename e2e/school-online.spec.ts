import type { Page } from '@playwright/test';
import { expect, expectAccessible, expectNotClipped, SCHOOL_URL, test } from './fixtures.ts';
import { holdRequests } from './holdRequests.ts';
import { demoSchool, ONE_PIXEL_PNG, saintPriestOffice } from './schoolApi.ts';
import {
  createdDraftNumber,
  online,
  fillDossier as saveDossier,
  searchStudents,
  validateFromPieces,
} from './schoolPages.ts';

const SECRETAIRE = { login: 'secretaire', password: 'Secretaire-2026!' };
const MONITEUR = { login: 'moniteur', password: 'Moniteur-2026!' };
const PLACES_TITLE = 'Vérification des villes, départements et pays';
const RESIDENCE = "Ville d'habitation de l'élève";

async function signIn(page: Page, user: { login: string; password: string }) {
  await page.goto(`${SCHOOL_URL}/connexion`);
  await page.getByLabel('Identifiant', { exact: true }).fill(user.login);
  await page.getByLabel('Mot de passe', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(`${SCHOOL_URL}/clients`);
}

/** A name and an email never used before, so that each run is a new candidate for the national service. */
function newIdentity() {
  const unique = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const letters = [...unique.slice(-7)].map((digit) => String.fromCharCode(65 + Number(digit))).join('');
  return { birthName: `ROUSSEL-${letters}`, email: `eleve.${unique}@example.fr` };
}

/** Espace Clients › Nouvel élève, filled like a secretary would (the town abbreviated, as often). */
async function createStudent(page: Page, identity: { birthName: string; email: string }, city = 'ST PRIEST') {
  await page.getByRole('link', { name: 'Nouvel élève' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nouvel élève');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Certains champs sont invalides.')).toBeVisible();
  await expect(page.getByText('Indiquez le nom de naissance.')).toBeVisible();

  await page.getByRole('combobox', { name: 'Bureau responsable' }).selectOption({ label: 'SAINT-PRIEST' });
  await page.getByLabel('Féminin').check();
  await page.getByLabel('Nom de naissance').fill(identity.birthName);
  await page.getByRole('textbox', { name: 'Prénom', exact: true }).fill('Inès');
  await page.getByLabel('Autres prénoms').fill('Marie Claire');
  await page.getByLabel('Date de naissance').fill('14/03/2005');
  await page.getByLabel('Ville de naissance').fill('RENNES');
  await page.getByLabel('Département de naissance').fill('35');
  await page.getByLabel('Pays de naissance').fill('FRANCE');
  await page.getByRole('textbox', { name: 'Adresse', exact: true }).fill('15 rue Aristide Briand');
  await page.getByLabel('Code postal').fill('69800');
  await page.getByRole('textbox', { name: 'Ville', exact: true }).fill(city);
  await page.getByLabel('Email').fill(identity.email);
  await page.getByLabel('Téléphone portable').fill('06 11 22 33 44');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${identity.birthName} Inès`);
}

async function fillDossier(page: Page) {
  await page.getByRole('tab', { name: 'Formation › Dossier 02 - 06' }).click();
  await expect(
    page.getByRole('heading', { name: 'Informations concernant les demandes faites en ligne' }),
  ).toBeVisible();
  await saveDossier(page);
}

test.describe('Auto-école — Dossier 02-06 et demande en ligne', () => {
  test('la fiche change après le brouillon : la demande garde l’ancienne adresse, supprimer puis recréer', async ({
    page,
  }) => {
    const identity = newIdentity();
    await signIn(page, SECRETAIRE);
    await createStudent(page, identity, 'SAINT-PRIEST');
    await fillDossier(page);
    await online(page).getByRole('button', { name: 'Enregistrer la demande en ligne' }).click();
    const number = await createdDraftNumber(page);

    await page.getByRole('tab', { name: 'Fiche', exact: true }).click();
    await page.getByRole('button', { name: 'Modifier la fiche' }).click();
    await page.getByRole('textbox', { name: 'Adresse', exact: true }).fill('9 avenue Janvier');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    const said = page.getByRole('alert').filter({ hasText: 'la demande en ligne garde les anciennes informations' });
    await expect(said).toContainText(`La demande n° ${number}`);
    await expect(said).toContainText('(Adresse)');
    await expectAccessible(page);

    await said.getByRole('link', { name: 'Ouvrir le Dossier 02 - 06 pour supprimer puis recréer la demande' }).click();
    const drift = online(page)
      .getByRole('alert')
      .filter({ hasText: 'La demande en ligne garde les informations envoyées à sa création' });
    await expect(drift).toContainText('Adresse');
    await expectAccessible(page);
    await drift.getByRole('button', { name: 'Supprimer puis recréer la demande' }).click();
    const confirm = page.getByRole('dialog', { name: 'Supprimer puis recréer la demande ?' });
    await expect(confirm).toContainText('elle aura un nouveau numéro');
    await confirm.getByRole('button', { name: 'Oui, supprimer et recréer' }).click();
    const notice = online(page).getByRole('status').filter({ hasText: 'nouvelle demande n°' });
    await expect(notice).toBeVisible();
    const fresh = /nouvelle demande n° (\d+)/.exec((await notice.textContent()) ?? '')?.[1] ?? '';
    await expect(online(page).getByText(fresh, { exact: true })).toBeVisible();
    await expect(drift).toBeHidden();
    expect((await saintPriestOffice.getApplication(fresh)).candidate.addressLine1).toBe('9 avenue Janvier');
    expect((await saintPriestOffice.getApplication(number)).state).toBe('deleted');
  });

  test('la secrétaire crée la fiche, corrige la ville, envoie le brouillon, les pièces, puis valide', async ({
    page,
  }) => {
    test.slow(); // A whole journey across both services.
    const identity = newIdentity();
    await signIn(page, SECRETAIRE);
    await createStudent(page, identity);

    // A document kept on the fiche, to be sent as a pièce later.
    await page.getByRole('tab', { name: 'Documents' }).click();
    await page.getByLabel('Ajouter un document').click();
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'justif domicile.png', mimeType: 'image/png', buffer: ONE_PIXEL_PNG });
    await page.getByRole('button', { name: 'Envoyer' }).click();
    await expect(page.getByRole('link', { name: 'justif domicile.png' })).toBeVisible();
    await expectAccessible(page);

    await fillDossier(page);
    await expect(online(page).getByRole('button', { name: 'Valider la demande' })).toBeDisabled();
    await expectAccessible(page);

    // "Enregistrer la demande en ligne" opens the places check: ST PRIEST is in yellow.
    await online(page).getByRole('button', { name: 'Enregistrer la demande en ligne' }).click();
    const dialog = page.getByRole('dialog', { name: PLACES_TITLE });
    await expect(dialog).toBeVisible();
    const residence = dialog.getByRole('combobox', { name: RESIDENCE });
    await residence.click();
    await residence.fill('SAINT-PRIEST');
    await page
      .getByRole('listbox', { name: RESIDENCE })
      .getByRole('option', { name: 'SAINT-PRIEST (69800)', exact: true })
      .click();
    await expect(dialog.getByRole('status')).toHaveText('Toutes les informations ont été trouvées.');
    await dialog.getByRole('button', { name: 'Valider' }).click();

    const number = await createdDraftNumber(page);
    expect(number).toMatch(/^\d{23}$/);
    expect((await demoSchool.getApplication(number).catch(() => null))?.candidate.city ?? 'ailleurs').not.toBe(
      'ST PRIEST',
    );

    // Pièces: the identity card from the disk, the proof of address from the student's documents.
    await online(page).getByRole('button', { name: 'Envoyer / Consulter les pièces justificatives' }).click();
    const pieces = page.getByRole('dialog', { name: 'Envoyer les pièces justificatives' });
    await expect(pieces.getByRole('row', { name: /Pièce d'identité/ })).toContainText('0/2');
    await expectAccessible(page);
    await pieces.getByRole('button', { name: "Ajouter un fichier : Pièce d'identité" }).click();
    const search = page.getByRole('dialog', { name: "Rechercher un fichier — Pièce d'identité" });
    // Over 11 Mo, said as soon as it is chosen: nothing is sent.
    await search
      .locator('input[type="file"]')
      .setInputFiles({ name: 'scan.png', mimeType: 'image/png', buffer: Buffer.alloc(12 * 1024 * 1024) });
    await expect(
      search.getByText('« scan.png » pèse 12 Mo : la taille des fichiers est limitée à 11 Mo.'),
    ).toBeVisible();
    await search
      .locator('input[type="file"]')
      .setInputFiles({ name: 'cni.png', mimeType: 'image/png', buffer: ONE_PIXEL_PNG });
    await expect(search.getByText(/la taille des fichiers est limitée/)).toHaveCount(0);
    await search.getByRole('button', { name: 'Valider' }).click();
    await expect(pieces.getByRole('row', { name: /Pièce d'identité/ })).toHaveAttribute('data-sent', 'true');
    await expect(pieces.getByRole('link', { name: 'Visualiser cni.png' })).toBeVisible();

    await pieces.getByRole('button', { name: 'Ajouter un fichier : Justificatif de domicile' }).click();
    const fromDocuments = page.getByRole('dialog', { name: 'Rechercher un fichier — Justificatif de domicile' });
    await fromDocuments.getByLabel(/justif domicile\.png/).check();
    // A comment over 80 characters is kept whole and said, with its count; not cut mid-word.
    const comment = fromDocuments.getByLabel(/Commentaire de l'utilisateur/);
    await comment.fill(`Facture EDF de mars, ${'x'.repeat(69)}`);
    await expect(fromDocuments.getByText('90 / 80 caractères')).toBeVisible();
    await expect(fromDocuments.getByText('Le commentaire est limité à 80 caractères : retirez-en 10.')).toBeVisible();
    await expect(comment).toHaveValue(`Facture EDF de mars, ${'x'.repeat(69)}`);
    await comment.fill('Facture EDF de mars');
    await expect(fromDocuments.getByText('19 / 80 caractères')).toBeVisible();
    await fromDocuments.getByRole('button', { name: 'Valider' }).click();
    await expect(pieces.getByRole('row', { name: /Justificatif de domicile/ })).toHaveAttribute('data-sent', 'true');
    await expect(pieces.getByRole('row', { name: /Justificatif de domicile/ })).toContainText('Facture EDF de mars');
    // Each file's « Supprimer » shows whole, however long the file's name.
    for (const remove of await pieces.getByRole('button', { name: /^Supprimer / }).all())
      await expectNotClipped(remove);

    // Irreversible: the confirmation says what follows; cancelled, nothing is sent.
    await pieces.getByRole('button', { name: 'Valider la demande' }).click();
    const confirm = page.getByRole('dialog', { name: 'Valider la demande ?' });
    await expect(confirm).toContainText('ne pourra plus être modifiée');
    await expect(confirm).toContainText('un courriel et un SMS');
    await expect(confirm).toContainText('7 jours');
    await expectAccessible(page);
    await confirm.getByRole('button', { name: 'Annuler' }).click();
    expect((await saintPriestOffice.getApplication(number)).state).toBe('draft');
    await online(page).getByRole('button', { name: 'Envoyer / Consulter les pièces justificatives' }).click();
    // While the national service answers, the panel says what runs (and, past a few seconds, that it
    // may be long: the seed's « Attendre »), and no other action can start.
    const validation = await holdRequests(page, '**/api/students/*/online/*/validate', 'POST');
    await validateFromPieces(page, pieces);
    await validation.asked;
    await expect(
      online(page).getByRole('status').getByText('Validation de la demande sur le site de l’ANTS…'),
    ).toBeVisible();
    await expect(online(page).getByRole('button', { name: 'Supprimer la demande' })).toBeDisabled();
    await expect(
      online(page).getByText(/Le transfert des données vers le site de l'ANTS peut être long/),
    ).toBeVisible();
    await expectAccessible(page);
    validation.release();
    // The validation goes to the national service, which queues the candidate's mail.
    await expect(online(page).getByText('En attente de validation usager')).toBeVisible();
    await expect(online(page).getByRole('button', { name: 'Valider la demande' })).toBeDisabled();
    expect((await saintPriestOffice.getApplication(number)).state).toBe('awaiting_candidate');
    // Why it is inactive is said in words, not in a tooltip a mouse alone finds; the button is described by it.
    await online(page).getByText('Pourquoi certaines actions sont-elles indisponibles ?').click();
    const why = online(page)
      .getByRole('listitem')
      .filter({ hasText: /^Valider la demande : / });
    await expect(why).toBeVisible();
    await expect(online(page).getByRole('button', { name: 'Valider la demande' })).toHaveAccessibleDescription(
      ((await why.textContent()) ?? '').replace(/^Valider la demande : /, ''),
    );

    // "Editer les documents": the receipt exists now.
    await online(page).getByRole('button', { name: 'Editer les documents' }).click();
    const documents = page.getByRole('dialog', { name: 'Editer les documents' });
    await expect(documents.getByRole('link', { name: /Télécharger/ }).first()).toBeVisible();
    await expectAccessible(page);
  });

  test('les erreurs du site de l’ANTS sont montrées là où on peut agir', async ({ page }) => {
    // Divergence: this office already gave the national service this email for another candidate (two
    // members of a family). Another school's typing would refuse nothing (decision 0016).
    const taken = newIdentity();
    await saintPriestOffice.createApplication(
      {
        type: '02',
        candidate: {
          sex: 'M',
          birthName: `AUTRE-${taken.birthName}`,
          firstName: 'Paul',
          birthDate: '2004-01-02',
          birthCity: 'RENNES',
          birthDepartment: '35',
          birthCountry: 'FRANCE',
          addressLine1: '1 rue de Paris',
          postalCode: '35000',
          city: 'RENNES',
          email: taken.email,
        },
        dossier: { requestedCategories: ['B'], prefectureCode: '35238', declarations: { jdcInOrder: true } },
      },
      crypto.randomUUID(),
    );
    await signIn(page, SECRETAIRE);
    await createStudent(page, taken, 'SAINT-PRIEST');
    await fillDossier(page);

    // A slow answer: the page says so instead of freezing. The request is held until the page has
    // said it, then let through.
    const sent = await holdRequests(page, '**/api/students/*/online', 'POST');
    // Every place is found (SAINT-PRIEST, RENNES): no popup, the demand goes straight to the agency.
    await online(page).getByRole('button', { name: 'Enregistrer la demande en ligne' }).click();
    await sent.asked;
    await expect(
      online(page).getByText(/Le transfert des données vers le site de l'ANTS peut être long/),
    ).toBeVisible();
    await expect(page.getByRole('dialog', { name: PLACES_TITLE })).toHaveCount(0);
    await expectAccessible(page);
    sent.release();
    await expect(
      online(page).getByText(
        "Cet email est déjà utilisé pour la demande d'un autre candidat : chaque élève doit avoir un email unique.",
      ),
    ).toBeVisible();
    await expectAccessible(page);
  });

  test('la JDC n’est pas répondue pour l’élève : rien ne part, le panneau dit où répondre, hors de la vérification des villes', async ({
    page,
  }) => {
    await signIn(page, SECRETAIRE);
    await createStudent(page, newIdentity(), 'SAINT-PRIEST');
    await page.getByRole('tab', { name: 'Formation › Dossier 02 - 06' }).click();
    // No declaration is answered for the candidate (born in 2005: the answer is required).
    const jdc = page.getByRole('radiogroup', { name: /Journée défense et citoyenneté/ });
    await expect(jdc.getByLabel('Oui')).not.toBeChecked();
    await expect(jdc.getByLabel('Non')).not.toBeChecked();
    await expect(jdc).toHaveAccessibleDescription(/Réponse obligatoire pour une demande en ligne/);
    await page.getByRole('group', { name: 'Catégorie de permis demandé' }).getByLabel('B', { exact: true }).check();
    await page.getByRole('button', { name: 'Enregistrer le dossier' }).click();
    await expect(page.getByText('Dossier enregistré.')).toBeVisible();

    await online(page).getByRole('button', { name: 'Enregistrer la demande en ligne' }).click();
    const gaps = online(page).getByRole('alert').filter({ hasText: "Dossier à compléter avant l'envoi" });
    await expect(gaps).toContainText(
      'Journée défense et citoyenneté (JDC) : Indiquez si le candidat est en règle avec la Journée défense et citoyenneté (JDC) : la réponse est obligatoire entre 17 et 25 ans.',
    );
    await expect(page.getByRole('dialog', { name: PLACES_TITLE })).toHaveCount(0);
    // Never a field's path, never a doubled full stop (the seed's "..." is an ellipsis).
    await expect(page.getByText(/dossier\.declarations|[^.]\.\.(?!\.)/)).toHaveCount(0);
    await expectAccessible(page);

    // The link brings the keyboard to the question; answered and saved, the demand goes.
    await gaps.getByRole('link', { name: 'Journée défense et citoyenneté (JDC)' }).click();
    await expect(jdc.getByLabel('Oui')).toBeFocused();
    await page.keyboard.press('Space');
    await expect(jdc.getByLabel('Oui')).toBeChecked();
    await page.getByRole('button', { name: 'Enregistrer le dossier' }).click();
    await expect(page.getByText('Dossier enregistré.')).toBeVisible();
    // The saved answer is what the panel reads: its warning goes by itself.
    await expect(gaps).toHaveCount(0);
    await online(page).getByRole('button', { name: 'Enregistrer la demande en ligne' }).click();
    expect(await createdDraftNumber(page)).toMatch(/^\d{23}$/);
    await expect(gaps).toHaveCount(0);
    await expect(page.getByRole('dialog', { name: PLACES_TITLE })).toHaveCount(0);
  });

  test('sans le droit, le moniteur ne peut ni valider ni supprimer', async ({ page }) => {
    await signIn(page, MONITEUR);
    await (await searchStudents(page, 'laboret', 2)).getByRole('row', { name: /LABORET Christine/ }).click();
    await page.getByRole('tab', { name: 'Formation › Dossier 02 - 06' }).click();
    await expect(online(page).getByRole('button', { name: 'Valider la demande' })).toBeDisabled();
    await expect(online(page).getByRole('button', { name: 'Supprimer la demande' })).toBeDisabled();
    await expectAccessible(page);
    // The server refuses it too, whatever the page shows.
    const session = await page.request.get(`${SCHOOL_URL}/api/auth/session`);
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const id = /\/clients\/([0-9a-f-]{36})/.exec(page.url())?.[1];
    const refused = await page.request.post(
      `${SCHOOL_URL}/api/students/${id}/online/92120260101000000000001/validate`,
      {
        headers: { 'x-csrf-token': csrfToken, origin: SCHOOL_URL },
      },
    );
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { detail: string }).detail).toContain('ANTS - Valider une demande');
  });
  test('une ville que l’ANTS ne connaît pas reste en jaune avec le message « Ville incorrect »', async ({ page }) => {
    // Camille LABORETA (demo): lives in "ST PRIEST", born in "LYON" — neither is in the agency's lists.
    await signIn(page, SECRETAIRE);
    await (await searchStudents(page, 'laboreta', 1)).getByRole('row', { name: /LABORETA Camille/ }).click();
    await fillDossier(page);
    await online(page).getByRole('button', { name: 'Enregistrer la demande en ligne' }).click();
    const dialog = page.getByRole('dialog', { name: PLACES_TITLE });
    await expect(dialog.getByRole('status')).toHaveText('2 informations à vérifier.');
    // "Si les informations sont correctes, vous pouvez valider votre saisie": the national service decides.
    await dialog.getByRole('button', { name: 'Valider' }).click();
    const residence = dialog.getByRole('listitem').filter({ hasText: `${RESIDENCE}:` });
    await expect(residence).toContainText('Ville incorrect');
    await expect(dialog.getByText('Certaines informations de la demande sont incorrectes.')).toBeVisible();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Fermer' }).click();
    await expect(online(page).getByText('N° de demande :')).toBeVisible();
    await expect(online(page).getByRole('button', { name: 'Valider la demande' })).toBeDisabled();
  });
});
