import { PRO, signInAsPro } from './antsPages.ts';
import { expect, expectAccessible, test } from './fixtures.ts';
import { type } from './keyboard.ts';
import { isTo, linkIn, waitForMail } from './mailbox.ts';
import { newPage, snap } from './schoolPages.ts';

test.describe("ANTS — espace professionnel : comptes de l'établissement", () => {
  test("le gestionnaire invite une personne au clavier, elle choisit son mot de passe par le lien reçu et se connecte avec son identifiant ; désactivée, elle n'entre plus", async ({
    page,
    browser,
  }, info) => {
    const suffix = String(Date.now()).slice(-6);
    const login = `lmoreau${suffix}`;
    const email = `l.moreau.${suffix}@auto-ecole-du-parc.fr`;
    await signInAsPro(page);
    await page.getByRole('link', { name: "Comptes de l'établissement" }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText("Comptes de l'établissement");
    await expect(page.getByRole('row', { name: /brequigny35/ })).toContainText('Gestionnaire');
    await expectAccessible(page);
    await snap(page, info, '1 comptes de l’établissement');

    // Sent empty, every field says what it needs; then filled with the keyboard alone.
    await page.getByRole('button', { name: "Envoyer l'invitation" }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Indiquez le prénom.')).toBeVisible();
    await expect(page.getByLabel('Prénom *')).toBeFocused();
    await type(page, /^Prénom \*/, 'Léa');
    await type(page, /^Nom \*/, 'Moreau');
    await type(page, /^Identifiant \*/, 'cmartin35');
    await type(page, /^Adresse électronique \*/, email);
    await page.keyboard.press('Enter');
    await expect(page.getByText('Cet identifiant est déjà utilisé dans votre établissement.')).toBeVisible();
    await expectAccessible(page);
    await snap(page, info, '2 identifiant déjà pris');
    await type(page, /^Identifiant \*/, login);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status')).toContainText(
      `un lien pour choisir son mot de passe a été envoyé à ${email}`,
    );
    await expect(page.getByRole('row', { name: new RegExp(login) })).toContainText('Invitation envoyée');
    await expectAccessible(page);
    await snap(page, info, '3 invitation envoyée');

    // Léa opens the link of her mail, in her own browser.
    const mail = await waitForMail((m) => isTo(m, email));
    expect(mail.text).toContain(`Votre identifiant : ${login}`);
    const lea = await newPage(browser);
    await lea.goto(linkIn(mail, /\/pro\/invitation\/[A-Za-z0-9_-]+/));
    await expect(lea.getByRole('heading', { level: 1 })).toHaveText('Choisir votre mot de passe');
    await expect(lea.getByText('Bienvenue Léa MOREAU.')).toBeVisible();
    await expectAccessible(lea);
    await snap(lea, info, '4 lien d’invitation');
    await type(lea, /^Mot de passe \*/, 'Moniteur-Lea-2026!');
    await type(lea, /^Confirmez le mot de passe \*/, 'Moniteur-Lea-2026!');
    await lea.keyboard.press('Enter');
    await expect(lea.getByRole('heading', { level: 1 })).toHaveText('Espace professionnel');
    await expect(lea.getByText(`Léa MOREAU (${login})`)).toBeVisible();
    await lea.getByRole('link', { name: "Comptes de l'établissement" }).click();
    await expect(lea.getByText('Le gestionnaire du compte de votre établissement ajoute et désactive')).toBeVisible();
    await expectAccessible(lea);
    await snap(lea, info, '5 utilisatrice sans gestion');

    // The manager disables her access: her page no longer opens, her sign-in is refused.
    await page.reload();
    const row = page.getByRole('row', { name: new RegExp(login) });
    await expect(row).toContainText('Actif');
    await row.getByRole('button', { name: "Désactiver l'accès de Léa MOREAU" }).click();
    await expect(page.getByRole('status')).toContainText("L'accès de Léa MOREAU est désactivé");
    await expect(row).toContainText('Désactivé');
    await snap(page, info, '6 accès désactivé');
    await lea.goto(lea.url().replace(/\/pro\/compte$/, '/pro'));
    await expect(lea.getByRole('heading', { level: 1 })).toHaveText("Connexion à l'espace professionnel");
    await signInAsPro(lea, 'Moniteur-Lea-2026!', { ...PRO, login });
    await expect(
      lea.getByText(
        "Authentification refusée : le numéro d'agrément Cerfa, l'identifiant ou le mot de passe est incorrect.",
      ),
    ).toBeVisible();
    await lea.context().close();
  });
});
