import { activateFromMail, agentAccepts, agentDecides, candidateValidates } from './antsPages.ts';
import { ANTS_URL, expect, SCHOOL_URL, test } from './fixtures.ts';
import { isTo, waitForMail } from './mailbox.ts';
import { boothCode, demoSchool } from './schoolApi.ts';
import {
  createdDraftNumber,
  newPage,
  online,
  SECRETAIRE,
  sendPieces,
  snap,
  validateFromPieces,
  waitForStatus,
} from './schoolPages.ts';

test.describe('Parcours complet — auto-école, candidat, agent', () => {
  test('de la fiche élève au Cerfa 06 accepté, en passant par un complément', async ({ browser }, info) => {
    const unique = `${Date.now()}`;
    const birthName = `PARCOURS-${[...unique.slice(-6)].map((d) => String.fromCharCode(65 + Number(d))).join('')}`;
    const email = `parcours.${unique}@example.fr`;

    // 1. The secretary creates the student, abbreviating the town as people do.
    const school = await newPage(browser);
    await school.goto(`${SCHOOL_URL}/connexion`);
    await school.getByLabel('Identifiant', { exact: true }).fill(SECRETAIRE.login);
    await school.getByLabel('Mot de passe', { exact: true }).fill(SECRETAIRE.password);
    await school.getByRole('button', { name: 'Se connecter' }).click();
    await school.getByRole('link', { name: 'Nouvel élève' }).click();
    await school.getByRole('combobox', { name: 'Bureau responsable' }).selectOption({ label: 'BREQUIGNY' });
    await school.getByLabel('Masculin').check();
    await school.getByLabel('Nom de naissance').fill(birthName);
    await school.getByRole('textbox', { name: 'Prénom', exact: true }).fill('Lucas');
    await school.getByLabel('Date de naissance').fill('02/04/2005');
    await school.getByLabel('Ville de naissance').fill('RENNES');
    await school.getByLabel('Département de naissance').fill('35');
    await school.getByLabel('Pays de naissance').fill('FRANCE');
    await school.getByRole('textbox', { name: 'Adresse', exact: true }).fill('15 rue Aristide Briand');
    await school.getByLabel('Code postal').fill('69800');
    await school.getByRole('textbox', { name: 'Ville', exact: true }).fill('ST PRIEST');
    await school.getByLabel('Email').fill(email);
    await school.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(school.getByRole('heading', { level: 1 })).toHaveText(`${birthName} Lucas`);
    await snap(school, info, '01 fiche élève');

    // 2. Dossier 02-06, the places popup fixes the town, the draft is sent.
    await school.getByRole('tab', { name: 'Formation › Dossier 02 - 06' }).click();
    await school.getByRole('group', { name: 'Catégorie de permis demandé' }).getByLabel('B', { exact: true }).check();
    await school
      .getByRole('radiogroup', { name: 'Être en règle avec la Journée défense et citoyenneté (JDC)' })
      .getByLabel('Oui')
      .check();
    await school.getByRole('button', { name: 'Enregistrer le dossier' }).click();
    await expect(school.getByText('Dossier enregistré.')).toBeVisible();
    await online(school).getByRole('button', { name: 'Enregistrer la demande en ligne' }).click();
    const places = school.getByRole('dialog', { name: 'Vérification des villes, départements et pays' });
    const residence = places.getByRole('combobox', { name: "Ville d'habitation de l'élève" });
    await residence.click();
    await residence.fill('SAINT-PRIEST');
    await school
      .getByRole('listbox', { name: "Ville d'habitation de l'élève" })
      .getByRole('option', { name: 'SAINT-PRIEST (69800)', exact: true })
      .click();
    await snap(school, info, '02 vérification des villes');
    await places.getByRole('button', { name: 'Valider' }).click();
    const number02 = await createdDraftNumber(school);

    // 3. Pièces, then validation: the candidate is invited.
    const pieces = await sendPieces(school, ["Pièce d'identité", 'Justificatif de domicile']);
    await snap(school, info, '03 pièces envoyées');
    await validateFromPieces(school, pieces);
    await expect(online(school).getByText('En attente de validation usager')).toBeVisible();

    // 4. The candidate reads the real mail, activates the account and validates.
    const candidate = await activateFromMail(browser, email);
    await candidateValidates(candidate, number02);
    await snap(candidate, info, '04 candidat : demande transmise');

    // 5. The agent asks for the medical opinion; the school adds it and sends the application back.
    await agentDecides(browser, info, number02, async (agent) => {
      await agent.getByLabel('Pièce à compléter').selectOption({ label: 'Avis médical' });
      await agent.getByRole('button', { name: 'Demander un complément' }).click();
      await expect(agent.getByText('A compléter', { exact: true }).first()).toBeVisible();
    });
    await waitForStatus(school, 'A compléter');
    await expect(online(school).getByText('Pièce à compléter : Avis médical')).toBeVisible();
    const completion = await sendPieces(school, ['Avis médical']);
    await completion.getByRole('button', { name: 'Enregistrer' }).click();
    await online(school).getByRole('button', { name: "Renvoyer la demande complétée à l'instruction" }).click();
    await expect(online(school).getByText('Dossier en cours de vérification des pièces justificatives')).toBeVisible();
    await snap(school, info, '05 complément envoyé');

    // 6. The agent accepts: a NEPH; the school sees "À traiter en Cerfa 06" and the NEPH.
    await agentAccepts(browser, info, number02);
    await waitForStatus(school, 'À traiter en Cerfa 06');
    const neph = (await demoSchool.getApplication(number02)).neph ?? '';
    expect(neph).toMatch(/^\d{12}$/);
    await expect(online(school).getByText(neph)).toBeVisible();
    await snap(school, info, '06 à traiter en Cerfa 06');

    // 7. The Cerfa 06, to acceptance: the candidate, who has an account now, is invited to log in.
    // A Cerfa 06 goes with an ePhoto code: the paper photo-signature form is for the Cerfa 02 only.
    await school.getByLabel('Code ePhoto Cerfa 06').fill(await boothCode());
    // « Dossier enregistré. » still shows from step 2: wait for this save's answer itself.
    const dossierSaved = school.waitForResponse(
      (r) => r.request().method() === 'PUT' && r.url().endsWith('/dossier') && r.ok(),
    );
    await school.getByRole('button', { name: 'Enregistrer le dossier' }).click();
    await dossierSaved;
    await online(school).getByLabel('Cerfa 06').check();
    // The places were corrected for the 02: every one is found, no popup this time.
    await online(school).getByRole('button', { name: 'Enregistrer la demande en ligne' }).click();
    const number06 = await createdDraftNumber(school);
    expect(number06).not.toBe(number02);
    // The accepted registration stays on the fiche beside the 06, with its NEPH.
    const registration = online(school).getByRole('region', { name: 'Inscription au permis (Cerfa 02)' });
    await expect(registration).toContainText(number02);
    await expect(registration).toContainText(neph);
    const pieces06 = await sendPieces(school, ["Pièce d'identité", 'Justificatif de domicile']);
    await validateFromPieces(school, pieces06);
    await expect(online(school).getByText('En attente de validation usager')).toBeVisible();
    await waitForMail(
      (m) => m.subject === 'Votre école de conduite a effectué une démarche pour vous' && isTo(m, email),
    );
    await candidate.goto(`${ANTS_URL}/monespace/demarches`);
    await candidateValidates(candidate, number06);
    await agentAccepts(browser, info, number06, neph);
    await waitForStatus(school, 'Accepté');
    await snap(school, info, '07 Cerfa 06 accepté');
  });
});
