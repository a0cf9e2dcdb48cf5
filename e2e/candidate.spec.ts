import type { Page } from '@playwright/test';
import { ANTS_URL, expect, expectAccessible, MAIL_URL, test } from './fixtures.ts';
import { validatedApplication } from './schoolApi.ts';

const PASSWORD = 'Tr3s-Bon-Secret!';

type Mail = { subject?: string; text?: string; to?: { address: string }[] };

/** The school enters and validates an application; returns its number and the candidate's activation link. */
async function applicationAwaitingCandidate() {
  const { number, email, birthName } = await validatedApplication({
    paperMandate: false,
    sex: 'M',
    firstName: 'Pierre',
    otherFirstNames: 'Jean',
    namePrefix: 'MARTIN',
    emailPrefix: 'candidat',
  });
  const mail = await waitForMail((m) => (m.subject ?? '').startsWith('Activez') && isTo(m, email));
  const link = /https?:\/\/[^\s>"]+\/monespace\/activer\/[A-Za-z0-9_-]+/.exec(mail.text ?? '')?.[0];
  if (!link) throw new Error(`Lien d'activation absent du courriel : ${mail.text}`);
  // The mail points to the development address; the tests' server listens elsewhere.
  const url = new URL(link);
  return { number, birthName, activationUrl: `${ANTS_URL}${url.pathname}` };
}

function isTo(mail: Mail, email: string): boolean {
  return (mail.to ?? []).some((to) => to.address.toLowerCase() === email.toLowerCase());
}

async function waitForMail(matches: (mail: Mail) => boolean): Promise<Mail> {
  const mailApi = `${new URL(MAIL_URL).origin}/api/email`;
  for (let attempt = 0; attempt < 50; attempt++) {
    const mails = (await (await fetch(mailApi)).json()) as Mail[];
    const found = mails.find(matches);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("Le courriel attendu n'est pas arrivé.");
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
    await row.getByRole('link', { name: 'Valider' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Valider votre demande');
    await expect(page.getByText(`Numéro de votre demande : ${number}`)).toBeVisible();
    await expect(page.getByRole('heading', { name: "Coordonnées où l'on peut vous joindre" })).toBeVisible();
    await expect(
      page.getByRole('heading', { name: /^Pièce d'identité \(1 page \/ \d+ pages? maximum\)$/ }),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: 'cni.png' })).toBeVisible();
    await expect(page.getByText('Relisez-vous !')).toBeVisible();
    await expectAccessible(page);

    // Keyboard only: "Valider" waits for the sworn attestation.
    const validate = page.getByRole('button', { name: 'Valider' });
    const attestation = page.getByRole('checkbox', { name: /J'atteste sur l'honneur/ });
    await expect(validate).toBeDisabled();
    await attestation.focus();
    await page.keyboard.press('Space');
    await expect(attestation).toBeChecked();
    await expect(validate).toBeEnabled();
    await page.keyboard.press('Tab');
    await expect(validate).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(page).toHaveURL(`${ANTS_URL}/monespace/demarches/${number}/confirmation`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Votre demande a été transmise');
    await expect(page.getByText(`Numéro de votre demande : ${number}`)).toBeVisible();
    await expect(page.getByRole('link', { name: /Télécharger le justificatif de dépôt/ })).toHaveAttribute(
      'href',
      `/api/candidate/applications/${number}/documents/receipt`,
    );
    await expect(page.getByRole('heading', { name: 'Dernières actions à réaliser' })).toBeVisible();
    await expect(page.getByText('CTN, CS 80168, 53102 MAYENNE CEDEX')).toBeVisible();
    await expect(page.getByRole('link', { name: /formulaire de dépôt de photo et de signature/ })).toHaveAttribute(
      'href',
      `/api/candidate/applications/${number}/documents/photo_signature_form`,
    );
    await expectAccessible(page);

    // The list now offers the read-only recap.
    await page.getByRole('link', { name: 'Mes démarches en cours' }).click();
    const done = page.getByRole('row').filter({ hasText: number });
    await expect(done.getByRole('link', { name: /^OK/ })).toBeVisible();
  });

  test('le candidat refuse la demande après confirmation', async ({ page }) => {
    const application = await applicationAwaitingCandidate();
    const { number } = application;
    const loginId = await activate(page, application);
    await page.getByRole('row').filter({ hasText: number }).getByRole('link', { name: 'Valider' }).click();
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
    await dialog.getByRole('button', { name: 'Confirmer' }).click();

    await expect(page).toHaveURL(`${ANTS_URL}/monespace/demarches`);
    await expect(page.getByRole('status').filter({ hasText: `La demande n° ${number} a été refusée.` })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: number }).getByRole('link', { name: /^OK/ })).toBeVisible();
    await expectAccessible(page);

    // Signed out from the header, the candidate comes back with the mailed identifier.
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await expect(page).toHaveURL(`${ANTS_URL}/monespace/connexion`);
    await expect(page.getByText('Vous êtes déconnecté.')).toBeVisible();
    await page.getByLabel('Identifiant', { exact: true }).fill(loginId);
    await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page).toHaveURL(`${ANTS_URL}/monespace/demarches`);
    await expect(page.getByRole('row').filter({ hasText: number })).toBeVisible();
  });

  test("l'espace particulier s'ouvre depuis l'accueil", async ({ page }) => {
    await page.goto(`${ANTS_URL}/`);
    await page.getByRole('link', { name: 'Espace particulier' }).click();
    await expect(page).toHaveURL(`${ANTS_URL}/monespace/connexion`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connexion à mon espace');
    await expectAccessible(page);
  });
});
