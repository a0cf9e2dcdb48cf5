import type { Browser, Page, TestInfo } from '@playwright/test';
import { ANTS_URL, expect } from './fixtures.ts';
import { tabAndPress } from './keyboard.ts';
import { isTo, linkIn, waitForMail } from './mailbox.ts';
import { ONE_PIXEL_PNG } from './schoolApi.ts';
import { newPage, snap } from './schoolPages.ts';

/** The national service's pages driven as the agent and the candidate do, shared by the journeys. */
export const AGENT = { login: 'agent.cert', password: 'Instruction-2026!' };
/** The demo school's professional account (SEED_DEMO). */
export const PRO = { agrementNumber: 'E1703500010', login: 'brequigny35', password: 'Brequigny35!ants' };

/** The demo school's other office (SAINT-PRIEST), a professional account of its own. */
export const PRO_SAINT_PRIEST = { agrementNumber: 'E1706900030', login: 'claboret662', password: '3cfBelfort!' };

/** Signs in to the professional space with a school's Cerfa agrément, login and password. */
export async function signInAsPro(page: Page, password = PRO.password, account = PRO) {
  await page.goto(`${ANTS_URL}/pro/connexion`);
  await page.getByLabel("Numéro d'agrément Cerfa").fill(account.agrementNumber);
  await page.getByLabel('Identifiant', { exact: true }).fill(account.login);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}
export const CANDIDATE_PASSWORD = 'Tr3s-Bon-Secret!';

export async function agentDecides(
  browser: Browser,
  info: TestInfo,
  number: string,
  decide: (page: Page) => Promise<void>,
) {
  const agent = await newPage(browser);
  await agent.goto(`${ANTS_URL}/agent/connexion`);
  await agent.getByLabel('Identifiant', { exact: true }).fill(AGENT.login);
  await agent.getByLabel('Mot de passe', { exact: true }).fill(AGENT.password);
  await agent.getByRole('button', { name: 'Se connecter' }).click();
  await agent.getByRole('link', { name: number, exact: true }).click();
  await expect(agent.getByRole('heading', { level: 1 })).toHaveText(`Demande n° ${number}`);
  await decide(agent);
  await snap(agent, info, `agent ${number}`);
  await agent.context().close();
}

/** The agent accepts the demand: « Accepter », then « Confirmer » in the dialog, the NEPH shown. */
export function agentAccepts(browser: Browser, info: TestInfo, number: string, neph: string | RegExp = /\d{12}$/) {
  return agentDecides(browser, info, number, async (agent) => {
    await agent.getByRole('button', { name: 'Accepter', exact: true }).click();
    await agent
      .getByRole('dialog', { name: 'Accepter la demande ?' })
      .getByRole('button', { name: 'Confirmer' })
      .click();
    const shown =
      typeof neph === 'string'
        ? `Demande acceptée — NEPH : ${neph}`
        : new RegExp(`Demande acceptée — NEPH : ${neph.source}`);
    await expect(agent.getByText(shown)).toBeVisible();
  });
}

/** The candidate signs in (from the mail's link) and validates the application with the sworn attestation. */
export async function candidateValidates(page: Page, number: string) {
  await page
    .getByRole('row')
    .filter({ hasText: number })
    .getByRole('button', { name: /^OK : valider la demande/ })
    .click();
  await validateOpenDemand(page);
}

/** On « Valider votre demande »: the sworn attestation ticked, then « Valider ». */
export async function validateOpenDemand(page: Page) {
  await page
    .getByRole('checkbox', { name: /^Je soussigné\(e\), le \(la\) déclarant\(e\), atteste sur l'honneur/ })
    .check({ force: true });
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Votre demande a été transmise');
}

/** The same at the keyboard alone: the sworn attestation reached with Tab and ticked with Space, then « Valider ». */
export async function validateOpenDemandAtKeyboard(page: Page) {
  const attestation = page.getByRole('checkbox', { name: /^Je soussigné\(e\), le \(la\) déclarant\(e\)/ });
  await tabAndPress(page, attestation, 'Space');
  await expect(attestation).toBeChecked();
  await tabAndPress(page, page.getByRole('button', { name: 'Valider' }));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Votre demande a été transmise');
}

/** From the real activation mail: "VOUS Y ÊTES PRESQUE !" filled, then "Mes démarches en cours". */
export async function activateFromMail(
  browser: Browser,
  email: string,
  sex: 'Homme' | 'Femme' = 'Homme',
): Promise<Page> {
  const invitation = await waitForMail((m) => (m.subject ?? '').startsWith('Activez') && isTo(m, email));
  const page = await newPage(browser);
  await page.goto(linkIn(invitation, /\/monespace\/activer\/[A-Za-z0-9_-]+/));
  await page.getByLabel(sex).check();
  await page.getByLabel('Mot de passe *', { exact: true }).fill(CANDIDATE_PASSWORD);
  await page.getByLabel('Confirmez le mot de passe *', { exact: true }).fill(CANDIDATE_PASSWORD);
  await page.getByLabel('Question secrète *', { exact: true }).selectOption('Quel est le prénom de votre père ?');
  await page.getByLabel('Réponse à votre question secrète *').fill('Jacques');
  await page.getByRole('button', { name: 'ME CONNECTER' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mes démarches en cours');
  return page;
}

/** « Pièces justificatives »: the two required pièces sent, one image each, each then listed. */
export async function sendRequiredPieces(page: Page) {
  for (const [region, file] of [
    [/^Pièce d'identité/, 'cni.png'],
    [/^Justificatif de domicile/, 'domicile.png'],
  ] as const) {
    const piece = page.getByRole('region', { name: region });
    await piece.getByLabel(/^Fichier pour/).setInputFiles({ name: file, mimeType: 'image/png', buffer: ONE_PIXEL_PNG });
    await piece.getByRole('button', { name: 'Envoyer' }).click();
    await expect(piece.getByRole('link', { name: file })).toBeVisible();
  }
}
