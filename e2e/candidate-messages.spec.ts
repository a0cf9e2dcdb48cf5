import { activateFromMail, agentAccepts, agentDecides, candidateValidates } from './antsPages.ts';
import { ANTS_URL, expect, expectAccessible, test } from './fixtures.ts';
import { isTo, waitForMail } from './mailbox.ts';
import { demoSchool, ONE_PIXEL_PNG, validatedApplication } from './schoolApi.ts';
import { snap } from './schoolPages.ts';

test.describe('ANTS — espace candidat : mes messages', () => {
  test('le candidat reçoit par courriel chaque étape et la relit dans « Mes messages » : pièce à compléter, complétée, acceptée avec son NEPH ; ouvert, un message est lu', async ({
    browser,
  }, info) => {
    test.slow();
    const { number, email } = await validatedApplication({
      paperMandate: false,
      sex: 'F',
      firstName: 'Maëlle',
      otherFirstNames: '',
      namePrefix: 'MESSAGES',
      emailPrefix: 'messages',
    });
    const page = await activateFromMail(browser, email, 'Femme');
    await candidateValidates(page, number);
    await agentDecides(browser, info, number, async (agent) => {
      await agent.getByLabel('Pièce à compléter').selectOption({ label: 'Avis médical' });
      await agent.getByLabel("Message à l'école de conduite").fill('Avis du médecin agréé manquant');
      await agent.getByRole('button', { name: 'Demander un complément' }).click();
      await expect(agent.getByText('A compléter', { exact: true }).first()).toBeVisible();
    });
    await waitForMail((m) => isTo(m, email) && (m.subject ?? '').includes('est à compléter'));
    await demoSchool.uploadPiece(number, 'medical_opinion', { name: 'avis.png', bytes: ONE_PIXEL_PNG });
    await demoSchool.completeApplication(number);
    await agentAccepts(browser, info, number);
    const accepted = await waitForMail((m) => isTo(m, email) && (m.subject ?? '').includes('NEPH'));
    const neph = /NEPH \(numéro d'enregistrement préfectoral harmonisé\) : (\d{12})/.exec(accepted.text ?? '')![1]!;

    // The SMS of each step, read from the development SMS outbox (the SMS gateway's stand-in).
    const outbox = await page.context().newPage();
    const smsOf = (text: string) => outbox.getByText(text, { exact: true });
    await expect(async () => {
      await outbox.goto(`${ANTS_URL}/dev/sms`);
      await expect(smsOf(`ANTS : votre demande de permis n° ${number} est acceptée. Votre NEPH : ${neph}`)).toBeVisible(
        {
          timeout: 1000,
        },
      );
    }).toPass();
    await expect(
      outbox.getByText(new RegExp(`n° ${number} est à compléter \\(.*Avis du médecin agréé manquant.*\\)`)),
    ).toBeVisible();
    await expect(
      smsOf(`ANTS : vous avez validé votre demande de permis n° ${number}, transmise à l'instruction.`),
    ).toBeVisible();
    await outbox.close();

    // In the space: the menu counts the unread; the page lists them newest first.
    await page.goto(page.url().replace(/\/monespace\/.*$/, '/monespace/demarches'));
    await expect(page.getByRole('link', { name: 'Mes messages (5 non lus)' })).toBeVisible();
    await page.getByRole('link', { name: 'Mes messages (5 non lus)' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mes messages');
    // The same trail as every page of the space: through « Mon espace ».
    await expect(page.locator('.fr-breadcrumb__list li')).toHaveText(['Accueil', 'Mon espace', 'Mes messages']);
    await expect(page.getByRole('status')).toHaveText('5 message(s) non lu(s).');
    const subjects = page.getByRole('heading', { level: 2 });
    await expect(subjects).toHaveText([
      /est acceptée : votre numéro NEPH/,
      /est complétée/,
      /est à compléter/,
      /Vous avez validé/,
      // The invitation is kept too, without its link.
      /^Activez votre compte ANTS/,
    ]);
    await expectAccessible(page);
    await snap(page, info, '1 mes messages');
    const first = page.getByRole('button', { name: /est acceptée : votre numéro NEPH/ });
    await first.focus();
    await page.keyboard.press('Enter');
    await expect(first).toHaveAttribute('aria-expanded', 'true');
    await expect(
      page.getByText(`Votre numéro NEPH (numéro d'enregistrement préfectoral harmonisé) : ${neph}`),
    ).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('4 message(s) non lu(s).');
    await expectAccessible(page);
    await snap(page, info, '2 message ouvert');
    await page.reload();
    await expect(page.getByRole('status')).toHaveText('4 message(s) non lu(s).');
    await page.context().close();
  });
});
