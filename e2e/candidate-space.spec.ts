import { activateFromMail, CANDIDATE_PASSWORD, candidateValidates } from './antsPages.ts';
import { ANTS_URL, expect, expectAccessible, test } from './fixtures.ts';
import { type } from './keyboard.ts';
import { isTo, linkIn, waitForMail } from './mailbox.ts';
import { validatedApplication } from './schoolApi.ts';
import { newPage } from './schoolPages.ts';

test.describe('Mon espace', () => {
  test('le candidat change son adresse par le lien de confirmation et télécharge ses documents', async ({
    browser,
  }) => {
    const { number, email } = await validatedApplication({
      paperMandate: false,
      sex: 'F',
      firstName: 'Alice',
      otherFirstNames: '',
      namePrefix: 'BERNARD',
      emailPrefix: 'alice',
    });
    const page = await activateFromMail(browser, email, 'Femme');
    await candidateValidates(page, number);

    // « Rechercher dans la liste »: by the number's beginning, the state, the creation dates.
    await page.getByRole('link', { name: 'Mes démarches en cours' }).click();
    const row = page.getByRole('row').filter({ hasText: number });
    await expect(row).toBeVisible();
    await page.getByLabel('Numéro de la demande').fill('123');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await expect(page.getByRole('status').filter({ hasText: '0 demande sur 1' })).toBeVisible();
    await expect(page.getByText('Aucune demande ne correspond à votre recherche.')).toBeVisible();
    await page.getByLabel('Numéro de la demande').fill(number.slice(0, 8));
    await page.getByLabel('Etat').selectOption({ label: 'Dossier en cours de vérification des pièces justificatives' });
    await page.getByLabel('Créée à partir du').fill(new Date().toISOString().slice(0, 10));
    await page.getByLabel('Créée à partir du').press('Enter');
    await expect(page.getByRole('status').filter({ hasText: '1 demande sur 1' })).toBeVisible();
    await expect(row).toBeVisible();
    await expectAccessible(page);
    // A window that ends before it starts is said, not answered with an empty list.
    await page.getByRole('textbox', { name: /^Créée jusqu'au/ }).fill('2020-01-01');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await expect(page.getByText('La date de fin est antérieure à la date de début.')).toBeVisible();
    await expect(row).toBeVisible();
    await page.getByRole('button', { name: 'Effacer la recherche' }).click();
    await expect(row).toBeVisible();
    await expect(page.getByText('La date de fin est antérieure à la date de début.')).toHaveCount(0);

    // The home and its menus.
    await page.goto(`${ANTS_URL}/monespace`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mon espace');
    await expect(page.getByRole('link', { name: /^Mes messages \(\d+ non lus?\)/ })).toBeVisible();
    await expectAccessible(page);

    // « Mes documents »: the receipt of the demand just sent, as a PDF download.
    await page.getByRole('link', { name: /^Mes documents/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mes documents');
    await expect(page.getByRole('heading', { name: new RegExp(`Demande n° ${number}`) })).toBeVisible();
    await expect(page.getByText(/Facsimilé inscription au permis : pas encore disponible/)).toBeVisible();
    await expectAccessible(page);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Justificatif de la demande (PDF)' }).click();
    expect((await download).suggestedFilename()).toBe(`Justificatif de la demande ${number}.pdf`);

    // « Mes données personnelles »: the identity, then a new address, at the keyboard.
    await page.locator('.fr-breadcrumb').getByRole('link', { name: 'Mon espace' }).click();
    await page.getByRole('link', { name: /^Mes données personnelles/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mes données personnelles');
    await expect(page.getByText('14/03/2005')).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Modifier mon adresse' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Nouvelle adresse électronique *')).toBeFocused();
    await expect(page.getByText('Saisissez votre nouvelle adresse électronique.')).toBeVisible();
    const newEmail = `alice.nouvelle.${Date.now()}@example.fr`;
    await type(page, 'Nouvelle adresse électronique *', newEmail);
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('status').filter({ hasText: `Un lien de confirmation a été envoyé à ${newEmail}` }),
    ).toBeVisible();
    await expect(page.getByText(`en attente de confirmation : ${newEmail}`)).toBeVisible();

    // A wrong mobile is said under its field; a right one changes once the code SMSed to it is typed back.
    await type(page, 'Téléphone portable *', '01 23 45 67 89');
    await page.keyboard.press('Enter');
    await expect(page.getByText('Le téléphone portable doit être un numéro français (06 ou 07).')).toBeVisible();
    const digits = `07${String(Date.now()).slice(-8)}`;
    const mobile = digits.replace(/(\d{2})(?=\d)/g, '$1 ');
    await type(page, 'Téléphone portable *', mobile);
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('status').filter({ hasText: `Un code de confirmation a été envoyé par SMS au ${mobile} ;` }),
    ).toBeVisible();
    await expect(page.getByText(`en attente de confirmation : ${mobile}`)).toBeVisible();
    await expect(page.getByLabel('Code reçu par SMS *')).toBeFocused();
    await expectAccessible(page);
    // The code, read from the development SMS outbox (the SMS gateway's stand-in), at the new number.
    const outbox = await page.context().newPage();
    let code = '';
    await expect(async () => {
      await outbox.goto(`${ANTS_URL}/dev/sms`);
      const sms = outbox.getByRole('listitem').filter({ hasText: `+33${digits.slice(1)}` });
      const text = (await sms.first().textContent({ timeout: 1000 })) ?? '';
      code = /votre code de confirmation est (\d{6})/.exec(text)?.[1] ?? '';
      expect(code).toMatch(/^\d{6}$/);
    }).toPass();
    await outbox.close();
    // A wrong code is said under its field, which keeps the focus; the right one changes the number.
    await type(page, 'Code reçu par SMS *', code === '000000' ? '111111' : '000000');
    await page.keyboard.press('Enter');
    await expect(page.getByText('Ce code est incorrect : vérifiez le SMS reçu. Il vous reste 4 essais.')).toBeVisible();
    await expect(page.getByLabel('Code reçu par SMS *')).toBeFocused();
    await expectAccessible(page);
    await type(page, 'Code reçu par SMS *', code);
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('status').filter({
        hasText: `Votre numéro de téléphone portable est désormais le ${mobile} : les SMS du service y seront envoyés.`,
      }),
    ).toBeVisible();
    await expect(page.getByText(`Numéro actuel : ${mobile}`)).toBeVisible();
    await expect(page.getByLabel('Code reçu par SMS *')).toHaveCount(0);
    await expectAccessible(page);

    // The link, from the real mail at the new address, opened in another browser.
    const mail = await waitForMail(
      (m) => isTo(m, newEmail) && m.subject === 'Confirmez votre nouvelle adresse électronique',
    );
    const other = await newPage(browser);
    await other.goto(linkIn(mail, /\/monespace\/courriel\/[A-Za-z0-9_-]+/));
    await expect(other.getByText(`La nouvelle adresse de votre compte ANTS sera ${newEmail}.`)).toBeVisible();
    await expectAccessible(other);
    await other.getByRole('button', { name: 'Confirmer cette adresse' }).click();
    await expect(other.getByRole('status')).toHaveText(`Votre adresse électronique est désormais ${newEmail}.`);
    await waitForMail((m) => isTo(m, email) && m.subject === 'L’adresse électronique de votre compte ANTS a changé');

    await page.reload();
    await expect(page.getByText(`Adresse actuelle : ${newEmail}`)).toBeVisible();
    // Wrong current password: said under the field, nothing changed.
    const password = page.getByRole('region', { name: 'Mon mot de passe' });
    await password.getByLabel('Mot de passe actuel *').fill('pas-le-bon');
    await password.getByLabel('Mot de passe *', { exact: true }).fill('Nouveau-Secret-2026!');
    await password.getByLabel('Confirmez le mot de passe *', { exact: true }).fill('Nouveau-Secret-2026!');
    await password.getByRole('button', { name: 'Modifier le mot de passe' }).click();
    await expect(password.getByText('Le mot de passe actuel est incorrect.')).toBeVisible();
    await password.getByLabel('Mot de passe actuel *').fill(CANDIDATE_PASSWORD);
    await password.getByRole('button', { name: 'Modifier le mot de passe' }).click();
    await expect(password.getByRole('status')).toHaveText(
      'Votre mot de passe a été modifié. Vos autres sessions sont fermées.',
    );
    await expectAccessible(page);
  });
});
