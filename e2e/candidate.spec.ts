import type { Page } from '@playwright/test';
import { ANTS_URL, expect, expectAccessible, test } from './fixtures.ts';
import { isTo, linkIn, waitForMail } from './mailbox.ts';
import { demoSchool, validatedApplication } from './schoolApi.ts';

const PASSWORD = 'Tr3s-Bon-Secret!';

const PIERRE = {
  paperMandate: false,
  sex: 'M',
  firstName: 'Pierre',
  otherFirstNames: 'Jean',
  namePrefix: 'MARTIN',
  emailPrefix: 'candidat',
} as const;

/** The school enters and validates an application; returns its number and the candidate's activation link. */
async function applicationAwaitingCandidate() {
  const { number, email, birthName } = await validatedApplication(PIERRE);
  const mail = await waitForMail((m) => (m.subject ?? '').startsWith('Activez') && isTo(m, email));
  return { number, birthName, email, activationUrl: linkIn(mail, /\/monespace\/activer\/[A-Za-z0-9_-]+/) };
}

/** Activates the account from the mailed link ("VOUS Y ÊTES PRESQUE !") and lands on "Mes démarches en cours". */
async function activate(page: Page, { activationUrl, birthName }: { activationUrl: string; birthName: string }) {
  await page.goto(activationUrl);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('VOUS Y ÊTES PRESQUE !');
  await expect(page.getByText(`Bienvenue Pierre ${birthName}`)).toBeVisible();
  await expect(page.getByText('Veillez compléter le formulaire ci-dessous:')).toBeVisible();
  await expectAccessible(page);

  // Sent empty, every field says what is missing.
  await page.getByLabel('Homme').check();
  await page.getByRole('button', { name: 'ME CONNECTER' }).click();
  await expect(page.getByLabel('Mot de passe *', { exact: true })).toBeFocused();

  await page.getByLabel('Mot de passe *', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Confirmez le mot de passe *', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Question secrète *', { exact: true }).selectOption('Quel est le prénom de votre père ?');
  await page.getByLabel('Réponse à votre question secrète *').fill('Jacques');
  await page.getByRole('button', { name: 'ME CONNECTER' }).click();

  await expect(page).toHaveURL(`${ANTS_URL}/monespace/demarches`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mes démarches en cours');
  const notice = page
    .getByRole('status')
    .filter({ hasText: /Votre identifiant de connexion : pierre\.\S+ — il vous a aussi été envoyé par courriel\./ });
  await expect(notice).toBeVisible();
  const loginId = /identifiant de connexion : (\S+)/.exec((await notice.textContent()) ?? '')?.[1] ?? '';
  await expectAccessible(page);
  return loginId;
}

test.describe('ANTS — espace particulier du candidat', () => {
  test('le candidat active son compte, relit et valide la demande (sans ePhoto)', async ({ page }) => {
    const application = await applicationAwaitingCandidate();
    const { number } = application;
    await activate(page, application);

    const row = page.getByRole('row').filter({ hasText: number });
    await expect(row).toContainText('Pierre');
    await expect(row).toContainText(application.birthName);
    await expect(row.getByRole('combobox', { name: /^Actions pour la demande/ }).locator('option')).toHaveText([
      'Valider',
      'Consulter',
    ]);
    await row.getByRole('button', { name: /^OK : valider la demande/ }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Valider votre demande');
    await expect(page.getByText(`Numéro de votre demande : ${number}`)).toBeVisible();
    // The recap says what seed 000's says: why, the medical visit, a first licence, the data reuse.
    for (const sentence of [
      "La demande de titre est effectuée dans le cadre d'une inscription au permis de conduire.",
      "La visite médicale n'est pas nécessaire.",
      'La demande concerne un premier permis de conduire.',
      "Vous acceptez que vos données personnelles soient réutilisées à des fins d'information",
      'Le permis sera obtenu sans formation complémentaires.',
      "toute erreur risque d'entraîner l'échec de la procédure de délivrance de votre titre.",
      '* : Champs obligatoires',
    ]) {
      await expect(page.getByText(sentence)).toBeVisible();
    }
    // The address as seed 000's recap lists it, field by field (« 15 rue Aristide Briand », 69800 SAINT-PRIEST).
    const address = page.getByRole('region', { name: 'Adresse de la personne concernée par le titre' });
    for (const [label, value] of [
      ['N° de la voie', '15'],
      ['Extension (bis, ter, etc)', ''],
      ['Type de voie (avenue, boulevard, etc)', 'Rue'],
      ['Nom de la voie', 'Aristide Briand'],
      ["Complément d'adresse (étage, escalier, appartement - Immeuble, bâtiment, résidence - Lieu-dit)", ''],
      ['Code Postal', '69800'],
      ['Commune', 'SAINT-PRIEST'],
      ['Préfecture de rattachement', 'Préfecture de Lyon'],
    ] as const) {
      await expect(address.locator(`dt:text-is("${label}") + dd`)).toHaveText(value);
    }
    // The seed's buttons, in its order.
    await expect(page.getByRole('button', { name: /^(Refuser|Valider)$/ })).toHaveText(['Refuser', 'Valider']);
    await expect(page.getByRole('heading', { name: "Coordonnées où l'on peut vous joindre" })).toBeVisible();
    await expect(
      page.getByRole('heading', { name: /^Pièce d'identité \(1 page \/ \d+ pages? maximum\)$/ }),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: 'cni.png' })).toBeVisible();
    await expect(page.getByText('Relisez-vous !')).toBeVisible();
    await expectAccessible(page);

    // Keyboard only: "Valider" waits for the sworn attestation.
    const validate = page.getByRole('button', { name: 'Valider' });
    const attestation = page.getByRole('checkbox', {
      name: /^Je soussigné\(e\), le \(la\) déclarant\(e\), atteste sur l'honneur/,
    });
    await expect(validate).toBeDisabled();
    await attestation.focus();
    await page.keyboard.press('Space');
    await expect(attestation).toBeChecked();
    await expect(validate).toBeEnabled();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Refuser' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(validate).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(page).toHaveURL(`${ANTS_URL}/monespace/demarches/${number}/confirmation`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Votre demande a été transmise');
    // Seed 000, case 2 (the paper photo form): the receipt is the second of the last actions.
    await expect(page.getByRole('heading', { name: 'Dernières actions à réaliser' })).toBeVisible();
    const receipt = page.getByRole('listitem').filter({
      hasText: 'Enregistrer et conserver le justificatif de dépôt de la demande',
    });
    await expect(receipt.getByText(`Demande n° ${number}`, { exact: true })).toBeVisible();
    await expect(receipt.getByRole('link', { name: 'Justificatif', exact: true })).toHaveAttribute(
      'href',
      `/api/candidate/applications/${number}/documents/receipt`,
    );
    await expect(
      page.getByText(
        'Procéder au reste des formalités exigées par votre préfecture pour la procédure qui vous concerne (voir à ce sujet le site WEB de la préfecture)',
      ),
    ).toBeVisible();
    await expect(page.getByText('CTN, CS 80168, 53102 MAYENNE CEDEX')).toBeVisible();
    await expect(page.getByRole('link', { name: /formulaire de dépôt de photo et de signature/ })).toHaveAttribute(
      'href',
      `/api/candidate/applications/${number}/documents/photo_signature_form`,
    );
    await expectAccessible(page);

    // The list now offers the read-only recap.
    await page.getByRole('link', { name: 'Mes démarches en cours' }).click();
    const done = page.getByRole('row').filter({ hasText: number });
    // Seed 000's « Actions »: the list, then « OK »; a validated demand can only be read.
    await expect(done.getByRole('combobox', { name: /^Actions pour la demande/ }).locator('option')).toHaveText([
      'Consulter',
    ]);
    await done.getByRole('button', { name: /^OK : consulter la demande/ }).click();
    await expect(page).toHaveURL(`${ANTS_URL}/monespace/demarches/${number}`);
  });

  test('le candidat refuse la demande après confirmation', async ({ page }) => {
    const application = await applicationAwaitingCandidate();
    const { number } = application;
    const loginId = await activate(page, application);
    await page
      .getByRole('row')
      .filter({ hasText: number })
      .getByRole('button', { name: /^OK : valider la demande/ })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Valider votre demande');

    await page.getByRole('button', { name: 'Refuser' }).click();
    const dialog = page.getByRole('dialog', { name: 'Refuser la demande ?' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Votre école de conduite devra saisir une nouvelle demande.');
    await expectAccessible(page);

    // "Annuler" keeps the application as it is.
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await expect(dialog).toBeHidden();

    await page.getByRole('button', { name: 'Refuser' }).click();
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Motif du refus (facultatif)').fill("Mon prénom d'usage est Léo.");
    await dialog.getByRole('button', { name: 'Confirmer' }).click();

    await expect(page).toHaveURL(`${ANTS_URL}/monespace/demarches`);
    // The school reads the reason with the state.
    expect((await demoSchool.getApplication(number)).stateReason).toBe("Mon prénom d'usage est Léo.");
    await expect(page.getByRole('status').filter({ hasText: `La demande n° ${number} a été refusée.` })).toBeVisible();
    await expect(
      page
        .getByRole('row')
        .filter({ hasText: number })
        .getByRole('button', { name: /^OK : consulter la demande/ }),
    ).toBeVisible();
    await expectAccessible(page);

    // Signed out from the header, the candidate comes back with the mailed identifier.
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await expect(page).toHaveURL(`${ANTS_URL}/monespace/connexion`);
    await expect(page.getByText('Vous êtes déconnecté.')).toBeVisible();
    await page.getByLabel('Identifiant', { exact: true }).fill(loginId);
    await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    // The home first: the sign-in before this one, then « Mes démarches en cours ».
    await expect(page).toHaveURL(`${ANTS_URL}/monespace`);
    await expect(page.getByText(/^Dernière connexion : \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/)).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('link', { name: /^Mes démarches en cours/ }).click();
    await expect(page.getByRole('row').filter({ hasText: number })).toBeVisible();
  });

  test("l'espace particulier s'ouvre depuis l'accueil", async ({ page }) => {
    await page.goto(`${ANTS_URL}/`);
    await page.getByRole('link', { name: 'Espace particulier' }).click();
    await expect(page).toHaveURL(`${ANTS_URL}/monespace/connexion`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connexion à mon espace');
    await expectAccessible(page);
  });
  test('le candidat qui a déjà un compte se connecte depuis le courriel et valide la nouvelle demande', async ({
    page,
  }) => {
    // A first application, activated then refused: the school must enter a new one.
    const first = await applicationAwaitingCandidate();
    const loginId = await activate(page, first);
    await page
      .getByRole('row')
      .filter({ hasText: first.number })
      .getByRole('button', { name: /^OK : valider la demande/ })
      .click();
    await page.getByRole('button', { name: 'Refuser' }).click();
    await page.getByRole('dialog', { name: 'Refuser la demande ?' }).getByRole('button', { name: 'Confirmer' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'a été refusée' })).toBeVisible();
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    expect((await demoSchool.getApplication(first.number)).stateLabel).toBe("Refusée par l'usager");

    const second = await validatedApplication({
      ...PIERRE,
      same: { email: first.email, birthName: first.birthName },
    });
    const mail = await waitForMail(
      (m) => m.subject === 'Votre école de conduite a effectué une démarche pour vous' && isTo(m, first.email),
    );
    expect(mail.text).toContain(`demande n° ${second.number}`);
    expect(mail.text).toContain('avec vos identifiants habituels');
    await page.goto(linkIn(mail, /\/monespace\/connexion/));

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connexion à mon espace');
    await page.getByLabel('Identifiant', { exact: true }).fill(loginId);
    await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page).toHaveURL(`${ANTS_URL}/monespace`);
    await page.getByRole('link', { name: /^Mes démarches en cours/ }).click();

    await page
      .getByRole('row')
      .filter({ hasText: second.number })
      .getByRole('button', { name: /^OK : valider la demande/ })
      .click();
    await page
      .getByRole('checkbox', { name: /^Je soussigné\(e\), le \(la\) déclarant\(e\), atteste sur l'honneur/ })
      .check({ force: true });
    await page.getByRole('button', { name: 'Valider' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Votre demande a été transmise');
    await expect(page.getByText(`Demande n° ${second.number}`, { exact: true })).toBeVisible();
    expect((await demoSchool.getApplication(second.number)).state).toBe('under_instruction');
  });

  test('sans activation dans les 7 jours, le lien ne sert plus et la demande est supprimée', async ({ page }) => {
    const application = await applicationAwaitingCandidate();
    // Day 6: the sweep leaves the account alone.
    const sweep = (days: number) =>
      fetch(`${ANTS_URL}/dev/clock/expiry`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ days }),
      });
    expect((await sweep(6)).ok).toBe(true);
    await page.goto(application.activationUrl);
    await expect(page.getByText(`Bienvenue Pierre ${application.birthName}`)).toBeVisible();

    // The clock moved 8 days on: the account and its application go.
    expect((await sweep(8)).ok).toBe(true);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('VOUS Y ÊTES PRESQUE !');
    await expect(page.getByText('Activation impossible')).toBeVisible();
    await expect(page.getByText(/Ce lien d'activation n'est plus valable/)).toBeVisible();
    await expectAccessible(page);
    const seenBySchool = await demoSchool.getApplication(application.number);
    expect(seenBySchool.state).toBe('deleted');
    expect(seenBySchool.stateReason).toBe('Compte non activé dans les 7 jours');
  });

  test('identifiant et mot de passe oubliés : courriel, question secrète, nouveau mot de passe', async ({ page }) => {
    const application = await applicationAwaitingCandidate();
    const loginId = await activate(page, application);
    await page.getByRole('button', { name: 'Se déconnecter' }).click();

    // "Identifiant oublié ?": the identifier comes by mail.
    await page.getByRole('link', { name: 'Identifiant oublié ?' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Identifiant oublié');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Recevoir mon identifiant' }).click();
    await expect(page.getByLabel('Adresse électronique')).toBeFocused();
    await page.getByLabel('Adresse électronique').fill(application.email);
    await page.getByRole('button', { name: 'Recevoir mon identifiant' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'votre identifiant vient de vous être envoyé' }),
    ).toBeVisible();
    const identifierMail = await waitForMail(
      (m) => isTo(m, application.email) && (m.text ?? '').includes('Vous avez demandé à recevoir votre identifiant'),
    );
    expect(identifierMail.text).toContain(`Votre identifiant de connexion : ${loginId}`);

    // "Mot de passe oublié ?" by the secret question.
    await page.getByRole('link', { name: 'Connexion à mon espace' }).click();
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mot de passe oublié');
    await expectAccessible(page);
    await page.getByLabel('Identifiant', { exact: true }).fill(loginId);
    await page.getByLabel('Répondre à ma question secrète').check({ force: true });
    await page.getByRole('button', { name: 'Continuer' }).click();
    const answer = page.getByLabel('Quel est le prénom de votre père ?');
    await expect(answer).toBeVisible();
    await answer.fill('Paul');
    await page.getByRole('button', { name: 'Valider ma réponse' }).click();
    await expect(page.getByText('La réponse à la question secrète est incorrecte.')).toBeVisible();
    await expectAccessible(page);
    await answer.fill('jacques');
    await page.getByRole('button', { name: 'Valider ma réponse' }).click();
    // The right answer opens nothing by itself: the link goes to the account's address.
    await expect(
      page.getByRole('status').filter({ hasText: 'Réponse exacte : un lien pour choisir un nouveau mot de passe' }),
    ).toBeVisible();
    await expectAccessible(page);
    const answerMail = await waitForMail(
      (m) => m.subject === 'Réinitialisation de votre mot de passe ANTS' && isTo(m, application.email),
    );
    const answerLink = linkIn(answerMail, /\/monespace\/nouveau-mot-de-passe\/[A-Za-z0-9_-]+/);
    await page.goto(answerLink);

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nouveau mot de passe');
    await expect(page.getByText(`identifiant : ${loginId}`)).toBeVisible();
    await expectAccessible(page);
    const fresh = 'Nouveau-Secret-2026!';
    await page.getByLabel('Mot de passe *', { exact: true }).fill(fresh);
    await page.getByLabel('Confirmez le mot de passe *', { exact: true }).fill(fresh);
    await page.getByRole('button', { name: 'Enregistrer et me connecter' }).click();
    await expect(page).toHaveURL(`${ANTS_URL}/monespace/demarches`);
    await expect(page.getByRole('status').filter({ hasText: 'Votre mot de passe a été modifié.' })).toBeVisible();

    // And by the mailed link, from the login page again.
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    await page.getByLabel('Identifiant', { exact: true }).fill(loginId);
    await page.getByRole('button', { name: 'Continuer' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'un lien pour choisir un nouveau mot de passe' }),
    ).toBeVisible();
    const resetMail = await waitForMail(
      (m) =>
        m.subject === 'Réinitialisation de votre mot de passe ANTS' &&
        isTo(m, application.email) &&
        !(m.text ?? '').includes(new URL(answerLink).pathname),
    );
    const resetUrl = linkIn(resetMail, /\/monespace\/nouveau-mot-de-passe\/[A-Za-z0-9_-]+/);
    await page.goto(resetUrl);
    const last = 'Encore-Autre-2026!';
    await page.getByLabel('Mot de passe *', { exact: true }).fill(last);
    await page.getByLabel('Confirmez le mot de passe *', { exact: true }).fill(last);
    await page.getByRole('button', { name: 'Enregistrer et me connecter' }).click();
    await expect(page).toHaveURL(`${ANTS_URL}/monespace/demarches`);
    // Used once, the link is gone.
    await page.goto(resetUrl);
    await expect(page.getByText('Lien non valable')).toBeVisible();
  });
});
