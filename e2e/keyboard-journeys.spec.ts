import { validateOpenDemandAtKeyboard } from './antsPages.ts';
import { ANTS_URL, expect, expectAccessible, SCHOOL_URL, test } from './fixtures.ts';
import { tabAndChoose, tabAndPickFile, tabAndPress, tabAndType, tabTo, tick } from './keyboard.ts';
import { isTo, linkIn, waitForMail } from './mailbox.ts';
import { ONE_PIXEL_PNG, validatedApplication } from './schoolApi.ts';
import { newIdentity, online, SECRETAIRE } from './schoolPages.ts';

/**
 * Each role's journey with the keyboard alone (RGAA 7.3, 10.7, 12.8, 12.13): every control reached
 * with Tab from where the focus was, used with Enter, Space, the arrows or typing; the focus visible
 * at every stop on the way (keyboard.ts). No click, no `fill`, no focus given by the test. The
 * school on /pro: pro-new-application.spec.ts; the candidate by FranceConnect:
 * candidate-franceconnect.spec.ts (the same helpers).
 */

test.describe('Au clavier seul', () => {
  test('la secrétaire : connexion, nouvelle fiche, dossier, demande en ligne, pièces, validation', async ({ page }) => {
    test.slow(); // A whole journey across both services, one key at a time.
    const identity = newIdentity('CLAVIER');
    await page.goto(`${SCHOOL_URL}/connexion`);
    await tabAndType(page, page.getByLabel('Identifiant', { exact: true }), SECRETAIRE.login);
    await tabAndType(page, page.getByLabel('Mot de passe', { exact: true }), SECRETAIRE.password);
    await tabAndPress(page, page.getByRole('button', { name: 'Se connecter' }));
    await expect(page).toHaveURL(`${SCHOOL_URL}/clients`);

    await tabAndPress(page, page.getByRole('link', { name: 'Nouvel élève' }));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nouvel élève');
    await tabAndChoose(page, page.getByRole('combobox', { name: 'Bureau responsable' }), 'SAINT-PRIEST');
    await tabAndPress(page, page.getByLabel('Féminin'), 'Space');
    await expect(page.getByLabel('Féminin')).toBeChecked();
    await tabAndType(page, page.getByLabel('Nom de naissance'), identity.birthName);
    await tabAndType(page, page.getByRole('textbox', { name: 'Prénom', exact: true }), 'Inès');
    await tabAndType(page, page.getByLabel('Date de naissance'), '14/03/2005');
    await tabAndType(page, page.getByLabel('Ville de naissance'), 'RENNES');
    await tabAndType(page, page.getByLabel('Département de naissance'), '35');
    await tabAndType(page, page.getByLabel('Pays de naissance'), 'FRANCE');
    await tabAndType(page, page.getByRole('textbox', { name: 'Adresse', exact: true }), '15 rue Aristide Briand');
    await tabAndType(page, page.getByLabel('Code postal'), '69800');
    await tabAndType(page, page.getByRole('textbox', { name: 'Ville', exact: true }), 'SAINT-PRIEST');
    await tabAndType(page, page.getByLabel('Email'), identity.email);
    await tabAndType(page, page.getByLabel('Téléphone portable'), '06 11 22 33 44');
    await tabAndPress(page, page.getByRole('button', { name: 'Enregistrer' }));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${identity.birthName} Inès`);

    // The fiche's tabs: Tab reaches the one shown, the arrows move to the next ones.
    const dossierTab = page.getByRole('tab', { name: 'Formation › Dossier 02 - 06' });
    await tabTo(page, page.getByRole('tab', { selected: true }));
    for (let moves = 0; moves < 10 && (await dossierTab.getAttribute('aria-selected')) !== 'true'; moves++) {
      await page.keyboard.press('ArrowRight');
      await expect(page.getByRole('tab', { selected: true })).toBeFocused();
    }
    await expect(dossierTab).toHaveAttribute('aria-selected', 'true');
    await tabAndPress(
      page,
      page.getByRole('group', { name: 'Catégorie de permis demandé' }).getByLabel('B', { exact: true }),
      'Space',
    );
    const jdc = page.getByRole('radiogroup', { name: 'Être en règle avec la Journée défense et citoyenneté (JDC)' });
    await tabTo(page, jdc);
    await page.keyboard.press('Space');
    await expect(jdc.getByLabel('Oui')).toBeChecked();
    await tabAndPress(page, page.getByRole('button', { name: 'Enregistrer le dossier' }));
    await expect(page.getByText('Dossier enregistré.')).toBeVisible();

    // Every place is found: the demand goes to the national service without the places popup.
    await tabAndPress(page, online(page).getByRole('button', { name: 'Enregistrer la demande en ligne' }));
    await expect(
      online(page).getByText('Brouillon (en attente des pièces justificatives requises)', { exact: true }),
    ).toBeVisible();

    await tabAndPress(
      page,
      online(page).getByRole('button', { name: 'Envoyer / Consulter les pièces justificatives' }),
    );
    const pieces = page.getByRole('dialog', { name: 'Envoyer les pièces justificatives' });
    await expect(pieces).toBeVisible();
    for (const label of ["Pièce d'identité", 'Justificatif de domicile']) {
      await tabAndPress(page, pieces.getByRole('button', { name: `Ajouter un fichier : ${label}` }));
      const search = page.getByRole('dialog', { name: `Rechercher un fichier — ${label}` });
      await expect(search).toBeVisible();
      await tabAndPickFile(page, search.getByRole('button', { name: /Téléchargez le fichier/ }), {
        name: `${label}.png`,
        buffer: ONE_PIXEL_PNG,
      });
      await tabAndPress(page, search.getByRole('button', { name: 'Valider' }));
      await expect(pieces.getByRole('row', { name: new RegExp(label) })).toHaveAttribute('data-sent', 'true');
    }
    await expectAccessible(page);
    await tabAndPress(page, pieces.getByRole('button', { name: 'Valider la demande' }));
    const confirm = page.getByRole('dialog', { name: 'Valider la demande ?' });
    await expect(confirm).toBeVisible();
    await tabAndPress(page, confirm.getByRole('button', { name: 'Oui, valider' }));
    await expect(online(page).getByText('En attente de validation usager')).toBeVisible();
    await expectAccessible(page);
  });

  test('le candidat : lien du courriel, activation du compte, sa demande relue et validée', async ({ page }) => {
    const { number, email, birthName } = await validatedApplication({
      paperMandate: false,
      sex: 'F',
      firstName: 'Alice',
      otherFirstNames: '',
      namePrefix: 'CLAVIER',
      emailPrefix: 'clavier',
    });
    const mail = await waitForMail((m) => (m.subject ?? '').startsWith('Activez') && isTo(m, email));
    // The link of the mail, opened as any link is (the address bar or the mail program).
    await page.goto(linkIn(mail, /\/monespace\/activer\/[A-Za-z0-9_-]+/));
    await expect(page.getByText(`Bienvenue Alice ${birthName}`)).toBeVisible();
    await tick(page, 'Femme');
    await tabAndType(page, page.getByLabel('Mot de passe *', { exact: true }), 'Tr3s-Bon-Secret!');
    await tabAndType(page, page.getByLabel('Confirmez le mot de passe *', { exact: true }), 'Tr3s-Bon-Secret!');
    await tabAndChoose(
      page,
      page.getByLabel('Question secrète *', { exact: true }),
      'Quel est le prénom de votre père ?',
    );
    await tabAndType(page, page.getByLabel('Réponse à votre question secrète *'), 'Jacques');
    await tabAndPress(page, page.getByRole('button', { name: 'ME CONNECTER' }));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mes démarches en cours');

    // Seed 000's « Actions » list and its « OK ».
    const row = page.getByRole('row').filter({ hasText: number });
    await tabAndChoose(page, row.getByRole('combobox', { name: /^Actions pour la demande/ }), 'Valider');
    await tabAndPress(page, row.getByRole('button', { name: /^OK : valider la demande/ }));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Valider votre demande');
    await validateOpenDemandAtKeyboard(page);
    await expectAccessible(page);
  });

  test("l'agent : connexion, la demande ouverte depuis la file, acceptée", async ({ page }) => {
    const { number } = await validatedApplication({
      paperMandate: true,
      sex: 'M',
      firstName: 'Hugo',
      otherFirstNames: '',
      namePrefix: 'CLAVIER',
      emailPrefix: 'clavier.agent',
    });
    await page.goto(`${ANTS_URL}/agent/connexion`);
    await tabAndType(page, page.getByLabel('Identifiant', { exact: true }), 'agent.cert');
    await tabAndType(page, page.getByLabel('Mot de passe', { exact: true }), 'Instruction-2026!');
    await tabAndPress(page, page.getByRole('button', { name: 'Se connecter' }));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText("Console d'instruction");
    await tabAndPress(page, page.getByRole('link', { name: number, exact: true }));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Demande n° ${number}`);
    await tabAndPress(page, page.getByRole('button', { name: 'Accepter', exact: true }));
    const dialog = page.getByRole('dialog', { name: 'Accepter la demande ?' });
    await expect(dialog).toBeVisible();
    await tabAndPress(page, dialog.getByRole('button', { name: 'Confirmer' }));
    await expect(page.getByText(/Demande acceptée — NEPH : \d{12}$/)).toBeVisible();
    await expectAccessible(page);
  });
});
