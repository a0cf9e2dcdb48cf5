import type { Page } from '@playwright/test';
import {
  activateFromMail,
  agentAccepts,
  agentDecides,
  candidateValidates,
  PRO,
  PRO_SAINT_PRIEST,
  sendRequiredPieces,
  signInAsPro,
} from './antsPages.ts';
import { ANTS_URL, expect, expectAccessible, SCHOOL_URL, test } from './fixtures.ts';
import { tabAndPickFile, tabAndPress, tabAndType, tabTo, tick, type } from './keyboard.ts';
import { isTo, waitForMail } from './mailbox.ts';
import { boothCode, ONE_PIXEL_PNG } from './schoolApi.ts';
import { newPage, snap } from './schoolPages.ts';

async function saveStep(page: Page, nextStep: string) {
  await tabAndPress(page, page.getByRole('button', { name: 'Enregistrer et continuer' }));
  await expect(page.getByRole('heading', { level: 3, name: nextStep, exact: true })).toBeVisible();
}

test.describe('ANTS — espace professionnel : nouvelle demande', () => {
  test("l'école saisit une demande étape par étape au clavier (ville corrigée par la suggestion, reprise plus tard), le candidat la valide, l'agent l'accepte, l'école en fait le Cerfa 06 qu'une autre école reprend, le logiciel la relie à un élève", async ({
    page,
    browser,
  }, info) => {
    test.slow();
    const name = `SAISIE-${[...String(Date.now()).slice(-6)].map((d) => String.fromCharCode(65 + Number(d))).join('')}`;
    await page.goto(`${ANTS_URL}/pro/connexion`);
    await tabAndType(page, page.getByLabel("Numéro d'agrément Cerfa"), PRO.agrementNumber);
    await tabAndType(page, page.getByLabel('Identifiant', { exact: true }), PRO.login);
    await tabAndType(page, page.getByLabel('Mot de passe', { exact: true }), PRO.password);
    await tabAndPress(page, page.getByRole('button', { name: 'Se connecter' }));
    const start = page.getByRole('link', { name: 'Nouvelle demande' });
    await tabAndPress(page, start);
    await expect(page.getByRole('heading', { level: 1, name: 'Nouvelle demande' })).toBeVisible();
    await expectAccessible(page);
    await tabAndPress(page, page.getByRole('button', { name: 'Commencer une nouvelle demande' }));

    // 1. Mandat papier: a required answer, refused empty with the message under it, and the step's
    // errors summed up at its top, each a link to its field.
    await expect(page.getByText('Étape 1 sur 9')).toBeVisible();
    await tabAndPress(page, page.getByRole('button', { name: 'Enregistrer et continuer' }));
    await expect(page.getByText('Ce champ est obligatoire.', { exact: true })).toBeVisible();
    await expect(page.getByText('Cette étape contient une erreur')).toBeVisible();
    const toField = page.getByRole('link', {
      name: 'Le candidat vous a-t-il signé un mandat papier pour cette demande ? : Ce champ est obligatoire.',
    });
    await tabAndPress(page, toField);
    await expect(page.getByRole('radio').first()).toBeFocused();
    await expectAccessible(page);
    await snap(page, info, '1 mandat papier');
    await tick(page, 'Non');
    await saveStep(page, 'Motif de la demande');

    // 2. Motif de la demande.
    await expectAccessible(page);
    await tick(page, /nouveau titre \/ premier permis/);
    await saveStep(page, 'État civil de la personne concernée par le titre');

    // 3. État civil, with a misspelt birth town: the agency's spellings are offered under it.
    await tick(page, 'Féminin');
    await type(page, 'Nom de naissance *', name);
    await type(page, 'Prénom *', 'Lina');
    // The order of a native date field's segments follows the browser's own language, not the page's:
    // reached with Tab, its value is set whole.
    await tabTo(page, page.getByLabel('Date de naissance *'));
    await page.getByLabel('Date de naissance *').fill('2005-03-14');
    await type(page, 'Département de naissance', '35');
    await type(page, 'Ville de naissance *', 'RENES');
    await tabAndPress(page, page.getByRole('button', { name: 'Enregistrer et continuer' }));
    const suggestion = page.getByRole('button', { name: /^RENNES/ });
    await expect(suggestion).toBeVisible();
    await expectAccessible(page);
    await snap(page, info, '3 etat civil avec suggestion');
    await tabAndPress(page, suggestion);
    await expect(page.getByLabel('Ville de naissance *')).toHaveValue('RENNES');
    await saveStep(page, 'Adresse et contact du candidat');

    // Saved on the agency: leaving and coming back finds the entry and its next step.
    await page.goto(`${ANTS_URL}/pro/nouvelle-demande`);
    const resume = page.getByRole('link', { name: new RegExp(`${name} Lina`) });
    await expect(resume).toBeVisible();
    await expectAccessible(page);
    await tabAndPress(page, resume);
    await expect(page.getByRole('heading', { level: 3, name: 'Adresse et contact du candidat' })).toBeVisible();

    // 4. Adresse et contact.
    await type(page, 'Adresse *', '15 rue Aristide Briand');
    await type(page, 'Code postal *', '69800');
    await type(page, "Ville d'habitation *", 'SAINT-PRIEST');
    await type(page, /^Courriel du candidat/, `${name.toLowerCase()}@example.fr`);
    await type(page, /^Téléphone portable/, '06 11 22 33 44');
    await tick(page, 'Non', 'Le candidat a-t-il un représentant légal ? *');
    await expectAccessible(page);
    await saveStep(page, 'Catégories de permis');

    // 5. Catégories, formation, déclarations: the dossier saved, the demand is a draft.
    await tick(page, 'B', 'Catégorie(s) de permis demandée(s) *');
    // The préfectures of the département arrive after the postal code: wait for them, not for a timer.
    await expect(
      page.getByLabel('Préfecture de rattachement *').locator('option:not([value=""])').first(),
    ).toBeAttached();
    await tabTo(page, page.getByLabel('Préfecture de rattachement *'));
    await page.keyboard.press('ArrowDown');
    await expect(page.getByLabel('Préfecture de rattachement *')).not.toHaveValue('');
    await tick(page, 'Oui', 'Être en règle avec la Journée défense et citoyenneté (JDC)');
    await expectAccessible(page);
    await snap(page, info, '5 dossier');
    await tabAndPress(page, page.getByRole('button', { name: 'Enregistrer et continuer' }));
    const created = page.getByRole('status').filter({ hasText: /La demande n° \d+ est enregistrée en brouillon\./ });
    await expect(created).toBeVisible();
    await expect(page.getByText('Étape 6 sur 9')).toBeVisible();
    await expectAccessible(page);
    const number = (await created.textContent())!.match(/n° (\d+)/)![1]!;

    // 6. Photo / Signature: the ePhoto code the booth gave, typed in lower case.
    await expect(page.getByRole('link', { name: 'formulaire de dépôt photo signature' })).toBeVisible();
    const code = await boothCode();
    await type(page, /^Code ePhoto à associer à la demande/, code.toLowerCase());
    await page.keyboard.press('Enter');
    await expect(page.getByText(`Code ePhoto associé : ${code}`)).toBeVisible();
    await expect(page.getByRole('img', { name: 'Visage du candidat pris par la cabine' })).toBeVisible();
    await expectAccessible(page);
    await snap(page, info, '6 photo signature');
    await tabAndPress(page, page.getByRole('button', { name: 'Continuer' }));

    // 7. Pièces justificatives: two pièces, one with a comment; the catalogue's limits shown.
    await expect(page.getByText('Étape 7 sur 9')).toBeVisible();
    const identity = page.getByRole('region', { name: /^Pièce d'identité/ });
    await tabAndPickFile(page, identity.getByLabel(/^Fichier pour/), { name: 'cni.png', buffer: ONE_PIXEL_PNG });
    await tabAndType(page, identity.getByLabel(/^Commentaire/), 'Recto et verso');
    await page.keyboard.press('Enter');
    await expect(identity.getByRole('link', { name: 'cni.png' })).toBeVisible();
    await expect(identity.getByText('Recto et verso')).toBeVisible();
    const address = page.getByRole('region', { name: /^Justificatif de domicile/ });
    await tabAndPickFile(page, address.getByLabel(/^Fichier pour/), { name: 'domicile.png', buffer: ONE_PIXEL_PNG });
    await tabAndPress(page, address.getByRole('button', { name: 'Envoyer' }));
    await expect(address.getByRole('link', { name: 'domicile.png' })).toBeVisible();
    await expectAccessible(page);
    await snap(page, info, '7 pieces justificatives');
    await tabAndPress(page, page.getByRole('button', { name: 'Continuer' }));

    // 8. Récapitulatif: "Relisez-vous !", with what was entered and sent.
    await expect(page.getByRole('heading', { name: 'Relisez-vous !' })).toBeVisible();
    await expect(page.getByText(name, { exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'domicile.png' })).toBeVisible();
    await expectAccessible(page);
    await snap(page, info, '8 recapitulatif');
    await tabAndPress(page, page.getByRole('button', { name: 'Continuer' }));

    // 9. Validation: without a mandate, the candidate receives it to validate.
    await tabAndPress(page, page.getByRole('button', { name: 'Valider la demande' }));
    await expect(
      page.getByRole('status').filter({ hasText: 'le candidat la reçoit par courriel pour la valider' }),
    ).toBeVisible();
    await expectAccessible(page);
    await snap(page, info, '9 validation');
    await waitForMail((mail) => isTo(mail, `${name.toLowerCase()}@example.fr`));

    // A demand like any other: on its page, with the candidate entered here, awaiting the candidate.
    await tabAndPress(page, page.getByRole('link', { name: `Ouvrir la demande n° ${number}` }));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Demande n° ${number}`);
    await expect(page.getByText(`${name} Lina`)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'En attente de validation usager' })).toBeVisible();
    // Its history: every step of this entry, by this school, newest first.
    const history = page.getByRole('table', { name: 'Historique de la demande' });
    await expect(history.getByRole('row')).toHaveText([
      /^Date\s*Action\s*Par$/,
      /Demande validée par l'école de conduite\s*Votre établissement\s*Julien BRENAC \(brequigny35\)$/,
      /Pièce justificative ajoutéeJustificatif de domicile/,
      /Pièce justificative ajoutéePièce d'identité/,
      /Code ePhoto enregistré/,
      /Demande créée \(brouillon\)/,
    ]);
    await expectAccessible(page);
    await snap(page, info, '10 demande et historique');

    // The candidate validates from the mail; an agent accepts (the ePhoto and pièces were given here).
    const candidate = await activateFromMail(browser, `${name.toLowerCase()}@example.fr`, 'Femme');
    await candidateValidates(candidate, number);
    await candidate.context().close();
    await agentAccepts(browser, info, number);

    // The Cerfa 06 from the accepted one: a Nouvelle demande already filled in, the mandate asked again.
    await page.reload();
    await expect(page.getByRole('heading', { name: 'À traiter en Cerfa 06' })).toBeVisible();
    await tabAndPress(page, page.getByRole('button', { name: 'Faire la demande de titre (Cerfa 06)' }));
    await expect(page.getByText('Étape 1 sur 9')).toBeVisible();
    await tick(page, 'Non');
    await saveStep(page, 'Motif de la demande');
    await expect(page.getByLabel(/Demande de titre après la réussite/)).toBeChecked();
    await saveStep(page, 'État civil de la personne concernée par le titre');
    await expect(page.getByLabel('Nom de naissance *')).toHaveValue(name);
    await saveStep(page, 'Adresse et contact du candidat');
    await saveStep(page, 'Catégories de permis');
    await tabAndPress(page, page.getByRole('button', { name: 'Enregistrer et continuer' }));
    await expect(page.getByRole('status').filter({ hasText: /est enregistrée en brouillon/ })).toBeVisible();
    await expectAccessible(page);
    await snap(page, info, '11 cerfa 06 cree');
    const number06 = (
      await page
        .getByRole('status')
        .filter({ hasText: /est enregistrée en brouillon/ })
        .textContent()
    )?.match(/n° (\d+)/)?.[1];
    expect(number06).toMatch(/^\d+$/);
    expect(number06).not.toBe(number);

    // A second school takes the Cerfa 06 over on its own professional space, with number + agrément.
    const other = await newPage(browser);
    await signInAsPro(other, PRO_SAINT_PRIEST.password, PRO_SAINT_PRIEST);
    await other.getByRole('link', { name: "Transférer une demande d'une autre école de conduite" }).click();
    await other.getByLabel('Numéro de la demande').fill(number06 ?? '');
    await other.getByLabel("Numéro d'agrément de l'école qui la détient").fill(PRO.agrementNumber);
    await other.getByLabel('Nom de naissance du candidat').fill(name);
    await other.getByLabel('Prénom du candidat').fill('Lina');
    await other.getByLabel('Date de naissance du candidat').fill('2005-03-14');
    await other.getByRole('button', { name: 'Transférer la demande' }).click();
    await expect(other.getByRole('heading', { level: 1 })).toHaveText(`Demande n° ${number06}`);
    await snap(other, info, '12 cerfa 06 transfere');
    await other.context().close();

    // The school's back office lists the Cerfa 02 made here as a red, unlinked row, and links it.
    const office = await newPage(browser);
    await office.goto(`${SCHOOL_URL}/connexion`);
    await office.getByLabel('Identifiant', { exact: true }).fill('dirigeant');
    await office.getByLabel('Mot de passe', { exact: true }).fill('Dirigeant-2026!');
    await office.getByRole('button', { name: 'Se connecter' }).click();
    await office.getByRole('link', { name: 'Bordereaux dossiers › Demandes en ligne (site ANTS)' }).click();
    await office.getByLabel("Choix de l'agence").selectOption({ label: 'BREQUIGNY' });
    await office.getByRole('button', { name: 'Mettre à jour depuis le site de la préfecture' }).click();
    await expect(office.getByRole('status').filter({ hasText: /Mise à jour terminée/ })).toBeVisible();
    await office.getByLabel('N° de demande').fill(number);
    await office.getByRole('button', { name: 'Rechercher' }).click();
    const row = office.getByRole('row').filter({ hasText: number });
    await expect(row).toHaveAttribute('data-linked', 'false');
    await row.getByRole('button', { name: `Relier la demande ${number} à un élève` }).click();
    const dialog = office.getByRole('dialog', { name: 'Associer un élève à une demande' });
    await dialog.getByLabel('Rechercher un élève :').fill('brenack');
    await dialog.getByRole('button', { name: 'BRENACK Julien' }).click();
    await dialog.getByRole('button', { name: 'Relier quand même à BRENACK Julien' }).click();
    await expect(row).toHaveAttribute('data-linked', 'true');
    await snap(office, info, '13 back office reliee');
    await office.context().close();
  });
  test("avec un mandat papier, la demande saisie sur l'espace professionnel part à l'instruction dès la validation de l'école, sans passer par le candidat", async ({
    page,
    browser,
  }, info) => {
    test.slow();
    const name = `MANDAT-${[...String(Date.now()).slice(-6)].map((d) => String.fromCharCode(65 + Number(d))).join('')}`;
    const email = `${name.toLowerCase()}@example.fr`;
    await signInAsPro(page);
    await page.getByRole('link', { name: 'Nouvelle demande' }).click();
    await page.getByRole('button', { name: 'Commencer une nouvelle demande' }).click();
    await page.getByLabel('Oui', { exact: true }).check({ force: true });
    await saveStep(page, 'Motif de la demande');
    await page.getByLabel(/nouveau titre \/ premier permis/).check({ force: true });
    await saveStep(page, 'État civil de la personne concernée par le titre');
    await page.getByLabel('Féminin').check({ force: true });
    await page.getByLabel('Nom de naissance *').fill(name);
    await page.getByLabel('Prénom *').fill('Inès');
    await page.getByLabel('Date de naissance *').fill('2004-09-02');
    await page.getByLabel('Département de naissance').fill('35');
    await page.getByLabel('Ville de naissance *').fill('RENNES');
    await saveStep(page, 'Adresse et contact du candidat');
    await page.getByLabel('Adresse *').fill('3 rue de Brest');
    await page.getByLabel('Code postal *').fill('35000');
    await page.getByLabel("Ville d'habitation *").fill('RENNES');
    await page.getByLabel(/^Courriel du candidat/).fill(email);
    await page
      .getByRole('group', { name: 'Le candidat a-t-il un représentant légal ? *' })
      .getByLabel('Non', { exact: true })
      .check({ force: true });
    await saveStep(page, 'Catégories de permis');
    await page
      .getByRole('group', { name: 'Catégorie(s) de permis demandée(s) *' })
      .getByLabel('B', { exact: true })
      .check({ force: true });
    await page.getByLabel('Préfecture de rattachement *').selectOption({ index: 1 });
    await page
      .getByRole('group', { name: 'Être en règle avec la Journée défense et citoyenneté (JDC)' })
      .getByLabel('Oui', { exact: true })
      .check({ force: true });
    await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();
    const created = page.getByRole('status').filter({ hasText: /La demande n° \d+ est enregistrée en brouillon\./ });
    const number = (await created.textContent())!.match(/n° (\d+)/)![1]!;
    await page.getByRole('button', { name: 'Continuer' }).click();
    await sendRequiredPieces(page);
    await page.getByRole('button', { name: 'Continuer' }).click();
    await expect(page.getByRole('heading', { name: 'Relisez-vous !' })).toBeVisible();
    await page.getByRole('button', { name: 'Continuer' }).click();
    await expect(
      page.getByText("Avec le mandat papier, la demande part à l'instruction dès votre validation."),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Valider la demande' }).click();
    await expect(
      page
        .getByRole('status')
        .filter({ hasText: `La demande n° ${number} est validée et transmise à l'instruction (mandat papier).` }),
    ).toBeVisible();
    await expectAccessible(page);
    await snap(page, info, '1 mandat validé');

    // The agent finds it in the queue at once; the candidate was asked nothing.
    await agentDecides(browser, info, number, async (agent) => {
      await expect(agent.getByText(name, { exact: true })).toBeVisible();
      await expect(agent.getByText('Oui : le candidat ne valide pas en ligne')).toBeVisible();
    });
    await page.getByRole('link', { name: `Ouvrir la demande n° ${number}` }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Demande n° ${number}`);
    const history = page.getByRole('table', { name: 'Historique de la demande' });
    await expect(history.getByRole('row').nth(1)).toContainText("Demande validée par l'école de conduite");
    await expect(history).not.toContainText('Demande validée par le candidat');
    await snap(page, info, '2 demande à l’instruction');
  });
});
