import { activateFromMail, CANDIDATE_PASSWORD, validateOpenDemand } from './antsPages.ts';
import { ANTS_URL, expect, test } from './fixtures.ts';
import { holdRequests } from './holdRequests.ts';
import { isTo, linkIn, waitForMail } from './mailbox.ts';
import {
  enterAndValidate,
  enterDraft,
  newIdentity,
  newPage,
  online,
  sendAndValidate,
  signInSchool,
  snap,
  studentWithDossier,
  waitForStatus,
} from './schoolPages.ts';

test.describe('Parcours — variantes côté candidat, l’auto-école à l’écran', () => {
  test('refus par le candidat, nouvelle demande, compte existant, formulaire photo-signature papier', async ({
    browser,
  }, info) => {
    const identity = newIdentity('VARIANTE');
    const school = await newPage(browser);
    await signInSchool(school);
    await studentWithDossier(school, identity, 'Hugo');
    const first = await enterAndValidate(school);
    await snap(school, info, '01 demande validée, en attente du candidat');

    // The candidate activates and refuses; the school sees it and enters a new application.
    const candidate = await activateFromMail(browser, identity.email);
    await candidate
      .getByRole('row')
      .filter({ hasText: first })
      .getByRole('button', { name: /^OK : valider la demande/ })
      .click();
    await candidate.getByRole('button', { name: 'Refuser' }).click();
    await candidate
      .getByRole('dialog', { name: 'Refuser la demande ?' })
      .getByRole('button', { name: 'Confirmer' })
      .click();
    await expect(
      candidate.getByRole('status').filter({ hasText: `La demande n° ${first} a été refusée.` }),
    ).toBeVisible();
    await snap(candidate, info, '02 refus par le candidat');
    await waitForStatus(school, "Refusée par l'usager");
    await expect(online(school).getByRole('button', { name: 'Enregistrer la demande en ligne' })).toBeEnabled();
    await snap(school, info, '03 refusée par l’usager');
    const second = await enterDraft(school);
    expect(second).not.toBe(first);
    // The new draft's pièces, held on the way: the popup waits for them, it never lists the refused
    // application's files meanwhile (a click there would add a file to the wrong list).
    const listed = await holdRequests(school, `**/online/${second}/pieces`);
    await online(school).getByRole('button', { name: 'Envoyer / Consulter les pièces justificatives' }).click();
    const popup = school.getByRole('dialog', { name: 'Envoyer les pièces justificatives' });
    await listed.asked;
    await expect(popup.getByRole('status')).toHaveText("Chargement des pièces depuis le site de l'ANTS…");
    await expect(popup.getByRole('link', { name: /^Visualiser/ })).toHaveCount(0);
    await expect(popup.getByRole('button', { name: /^Ajouter un fichier/ })).toHaveCount(0);
    listed.release();
    await expect(popup.getByRole('row', { name: /Pièce d'identité/ })).toHaveAttribute('data-sent', 'false');
    await popup.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect(popup).toHaveCount(0);
    await sendAndValidate(school);

    // An account exists now: the mail invites to log in with the usual identifier.
    const invite = await waitForMail(
      (m) => m.subject === 'Votre école de conduite a effectué une démarche pour vous' && isTo(m, identity.email),
    );
    await candidate.getByRole('button', { name: 'Se déconnecter' }).click();
    await candidate.goto(linkIn(invite, /\/monespace\/connexion/));
    await candidate.getByLabel('Identifiant', { exact: true }).fill(`hugo.${identity.birthName.toLowerCase()}`);
    await candidate.getByLabel('Mot de passe', { exact: true }).fill(CANDIDATE_PASSWORD);
    await candidate.getByRole('button', { name: 'Se connecter' }).click();
    // The home names the demand that waits for them.
    await candidate.getByRole('link', { name: `La demande n° ${second} attend votre validation.` }).click();
    await validateOpenDemand(candidate);

    // No ePhoto: the paper photo-signature form, for the candidate and in the school's documents.
    await expect(candidate.getByRole('heading', { name: 'Dernières actions à réaliser' })).toBeVisible();
    await expect(candidate.getByText('CTN, CS 80168, 53102 MAYENNE CEDEX')).toBeVisible();
    await snap(candidate, info, '04 dernières actions : formulaire photo-signature');
    await waitForStatus(school, 'Dossier en cours de vérification des pièces justificatives');
    await online(school).getByRole('button', { name: 'Editer les documents' }).click();
    const documents = school.getByRole('dialog', { name: 'Editer les documents' });
    const form = documents.getByRole('link', { name: 'Télécharger (Formulaire dépôt photo signature)' });
    await expect(form).toBeVisible();
    const pdf = await school.request.get(new URL((await form.getAttribute('href')) ?? '', school.url()).toString());
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await snap(school, info, '05 documents de la demande');
  });

  test('sans activation dans les 7 jours, l’auto-école voit la demande supprimée', async ({ browser }, info) => {
    test.slow();
    const identity = newIdentity('EXPIRE');
    const school = await newPage(browser);
    await signInSchool(school);
    await studentWithDossier(school, identity, 'Inès');
    await enterAndValidate(school);
    await waitForMail((m) => (m.subject ?? '').startsWith('Activez') && isTo(m, identity.email));
    // The clock moved 8 days on (development route), not a sleep.
    const moved = await fetch(`${ANTS_URL}/dev/clock/expiry`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ days: 8 }),
    });
    expect(moved.ok).toBe(true);
    await waitForStatus(school, 'Supprimée');
    await expect(online(school).getByText('Compte non activé dans les 7 jours')).toBeVisible();
    await expect(online(school).getByRole('button', { name: 'Enregistrer la demande en ligne' })).toBeEnabled();
    await snap(school, info, 'demande supprimée faute d’activation');
  });
});
