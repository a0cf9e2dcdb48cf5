import { DEMO_FRANCECONNECT_IDENTITIES } from '../scripts/franceConnectLocal.ts';
import { activateFromMail, CANDIDATE_PASSWORD, validateOpenDemandAtKeyboard } from './antsPages.ts';
import { ANTS_URL, expect, expectAccessible, test } from './fixtures.ts';
import { tabAndPress } from './keyboard.ts';
import { isTo, linkIn, waitForMail } from './mailbox.ts';
import { saintPriestOffice, validatedApplication } from './schoolApi.ts';

const ERIC = DEMO_FRANCECONNECT_IDENTITIES.find((i) => i.family_name === 'RENAUD')!;
const LUCAS = DEMO_FRANCECONNECT_IDENTITIES.find((i) => i.family_name === 'PETIT')!;

test.describe('FranceConnect', () => {
  test('le candidat se connecte avec FranceConnect et retrouve la demande de son école', async ({ page }) => {
    // The school typed Eric's identity as FranceConnect knows it (born in Rennes, 35), and his email.
    const { number } = await validatedApplication({
      paperMandate: false,
      sex: 'M',
      firstName: 'Eric',
      otherFirstNames: 'Jean',
      namePrefix: 'RENAUD',
      emailPrefix: 'eric',
      same: { email: ERIC.email, birthName: 'RENAUD' },
      person: { birthName: 'RENAUD', birthDate: ERIC.birthdate },
    });
    // The other office typed him under an older address of his: his once he proves it.
    const former = `eric.ancien.${Date.now()}@example.fr`;
    const elsewhere = await validatedApplication(
      {
        paperMandate: false,
        sex: 'M',
        firstName: 'Eric',
        otherFirstNames: 'Jean',
        namePrefix: 'RENAUD',
        emailPrefix: 'eric',
        same: { email: former, birthName: 'RENAUD' },
        person: { birthName: 'RENAUD', birthDate: ERIC.birthdate },
      },
      saintPriestOffice,
    );

    await page.goto(`${ANTS_URL}/monespace/connexion`);
    await expect(page.getByRole('heading', { name: 'Avec FranceConnect' })).toBeVisible();
    await expectAccessible(page);
    // At the keyboard: the FranceConnect button, then the provider's identity, each with Enter.
    await tabAndPress(page, page.getByRole('link', { name: /^S’identifier avec/ }));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('FranceConnect (démonstration locale)');
    await expectAccessible(page);
    await tabAndPress(page, page.getByRole('button', { name: 'Eric Jean RENAUD' }));

    await expect(page).toHaveURL(`${ANTS_URL}/monespace`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mon espace');
    await expect(page.getByText('Bienvenue ERIC RENAUD')).toBeVisible();
    await expect(page.getByText('Première connexion à votre espace.')).toBeVisible();
    const waiting = page.getByRole('link', { name: `La demande n° ${number} attend votre validation.` });
    await expect(waiting).toBeVisible();
    await expect(page.getByText(`n° ${elsewhere.number}`)).toHaveCount(0);
    await expectAccessible(page);

    // « Démarches faites pour vous avec une autre adresse », at the keyboard: a link to that address.
    await tabAndPress(
      page,
      page.getByRole('link', { name: /^Des démarches ont été faites pour vous avec une autre adresse/ }),
    );
    await expect(
      page.getByRole('heading', { name: 'Démarches faites pour vous avec une autre adresse' }),
    ).toBeVisible();
    const masked = `e${'•'.repeat(former.indexOf('@') - 1)}@example.fr`;
    await tabAndPress(page, page.getByRole('button', { name: `Recevoir un lien à cette adresse : ${masked}` }));
    await expect(page.getByRole('status').filter({ hasText: `Un lien a été envoyé à ${masked}` })).toBeVisible();
    await expectAccessible(page);
    const attachMail = await waitForMail((m) => isTo(m, former) && (m.subject ?? '').startsWith('Rattacher'));
    await page.goto(linkIn(attachMail, /\/monespace\/rattacher\/[A-Za-z0-9_-]+/));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rattacher mes démarches');
    await expectAccessible(page);
    await tabAndPress(page, page.getByRole('button', { name: 'Rattacher ces démarches à mon compte' }));
    await expect(page.getByRole('status').filter({ hasText: 'Une démarche a rejoint votre compte.' })).toBeVisible();
    await page.getByRole('link', { name: 'Voir mes démarches en cours' }).click();
    await expect(page.getByRole('row').filter({ hasText: elsewhere.number })).toBeVisible();
    await page.goto(`${ANTS_URL}/monespace`);

    await tabAndPress(page, waiting);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Valider votre demande');
    // Validated at the keyboard too.
    await validateOpenDemandAtKeyboard(page);

    // Signed out here and at FranceConnect, back on the sign-in page.
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await expect(page).toHaveURL(`${ANTS_URL}/monespace/connexion?deconnexion=1`);
    await expect(page.getByText('Vous êtes déconnecté.')).toBeVisible();
    await page.goto(`${ANTS_URL}/monespace`);
    await expect(page).toHaveURL(/\/monespace\/connexion/);

    // FranceConnect asks again which identity (its session ended too); the home now tells the last sign-in.
    await page.getByRole('link', { name: /^S’identifier avec/ }).click();
    await page.getByRole('button', { name: 'Eric Jean RENAUD' }).click();
    await expect(page.getByText(/^Dernière connexion : \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/)).toBeVisible();
  });

  test('une école rivale avait pris le compte : FranceConnect le rend à la personne, qui ne trouve que ses démarches', async ({
    page,
    browser,
    request,
  }) => {
    test.slow();
    const person = {
      paperMandate: false,
      sex: 'M' as const,
      firstName: 'Lucas',
      otherFirstNames: '',
      namePrefix: 'PETIT',
      emailPrefix: 'lucas',
      same: { email: LUCAS.email, birthName: 'PETIT' },
      person: { birthName: 'PETIT', birthDate: LUCAS.birthdate },
    };
    // Before the SMS stopped carrying the activation link, a rival typed Lucas's email with its own
    // mobile, activated the account from that link and refused its demand from inside it.
    const decoy = await validatedApplication(person, saintPriestOffice);
    const rival = await activateFromMail(browser, LUCAS.email);
    const marked = await request.post(`${ANTS_URL}/dev/candidates/legacy-credentials`, {
      data: { email: LUCAS.email },
    });
    expect(marked.status()).toBe(200);
    await rival
      .getByRole('row')
      .filter({ hasText: decoy.number })
      .getByRole('button', { name: /^OK : valider la demande/ })
      .click();
    await rival.getByRole('button', { name: 'Refuser' }).click();
    await rival
      .getByRole('dialog', { name: 'Refuser la demande ?' })
      .getByRole('button', { name: 'Confirmer' })
      .click();
    await expect(rival.getByRole('status').filter({ hasText: 'a été refusée' })).toBeVisible();
    const loginId = await rival.evaluate(async () => (await (await fetch('/api/session')).json()).candidate.loginId);

    // His real school registers him, with his email; he signs in with FranceConnect, at the keyboard.
    const { number } = await validatedApplication(person);
    await page.goto(`${ANTS_URL}/monespace/connexion`);
    await tabAndPress(page, page.getByRole('link', { name: /^S’identifier avec/ }));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('FranceConnect (démonstration locale)');
    await tabAndPress(page, page.getByRole('button', { name: 'Lucas PETIT' }));
    await expect(page).toHaveURL(`${ANTS_URL}/monespace`);
    await expect(page.getByRole('link', { name: `La demande n° ${number} attend votre validation.` })).toBeVisible();
    await expect(page.getByText(`n° ${decoy.number}`)).toHaveCount(0);
    await expectAccessible(page);
    // Told in « Mes messages ».
    await page.getByRole('link', { name: /^Vous avez \d+ messages? non lus?\.$/ }).click();
    await expect(page.getByText('Votre compte ANTS est maintenant protégé par FranceConnect')).toBeVisible();
    await expectAccessible(page);

    // The rival is out: its session ended, its password opens nothing.
    await rival.goto(`${ANTS_URL}/monespace`);
    await expect(rival).toHaveURL(/\/monespace\/connexion/);
    await rival.getByLabel('Identifiant', { exact: true }).fill(loginId);
    await rival.getByLabel('Mot de passe', { exact: true }).fill(CANDIDATE_PASSWORD);
    await rival.getByRole('button', { name: 'Se connecter' }).click();
    await expect(rival.getByText('Identifiant ou mot de passe incorrect.')).toBeVisible();
    await rival.context().close();
  });

  test('un refus chez FranceConnect revient à la page de connexion avec un message', async ({ page }) => {
    await page.goto(`${ANTS_URL}/api/candidate/franceconnect/callback?error=access_denied&state=x`);
    await expect(page).toHaveURL(`${ANTS_URL}/monespace/connexion?franceconnect=FRANCECONNECT_CANCELLED`);
    await expect(page.getByRole('alert')).toHaveText('Vous avez annulé la connexion avec FranceConnect.');
    await expectAccessible(page);
  });
});
