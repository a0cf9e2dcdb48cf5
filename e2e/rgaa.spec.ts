import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { AGENT, PRO } from './antsPages.ts';
import { ANTS_URL, expect, expectAccessible, SCHOOL_URL, settled, test } from './fixtures.ts';

/**
 * RGAA criteria axe cannot judge, checked on the main pages of each space (the grid:
 * docs/accessibility/grille-rgaa.md): 10.11 read at 320 px wide without scrolling sideways, 12.7 a
 * skip link first in the tab order that reaches the content, 8.6 a title of its own, and the footer's
 * link to the accessibility statement, with the state of conformity.
 */

type Space = { name: string; base: string; signIn?: (page: Page) => Promise<void>; pages: string[] };

const DIRIGEANT = { login: 'dirigeant', password: 'Dirigeant-2026!' };

const SPACES: Space[] = [
  {
    name: 'service national, pages publiques',
    base: ANTS_URL,
    pages: ['/', '/monespace/connexion', '/pro/connexion', '/agent/connexion', '/accessibilite'],
  },
  {
    name: 'espace professionnel',
    base: ANTS_URL,
    signIn: async (page) => {
      await page.goto(`${ANTS_URL}/pro/connexion`);
      await page.getByLabel("Numéro d'agrément Cerfa").fill(PRO.agrementNumber);
      await page.getByLabel('Identifiant', { exact: true }).fill(PRO.login);
      await page.getByLabel('Mot de passe', { exact: true }).fill(PRO.password);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await expect(page).toHaveURL(`${ANTS_URL}/pro`);
    },
    pages: ['/pro', '/pro/nouvelle-demande'],
  },
  {
    name: "console d'instruction",
    base: ANTS_URL,
    signIn: async (page) => {
      await page.goto(`${ANTS_URL}/agent/connexion`);
      await page.getByLabel('Identifiant', { exact: true }).fill(AGENT.login);
      await page.getByLabel('Mot de passe', { exact: true }).fill(AGENT.password);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await expect(page).toHaveURL(`${ANTS_URL}/agent`);
    },
    pages: ['/agent'],
  },
  {
    name: 'logiciel de gestion',
    base: SCHOOL_URL,
    pages: ['/connexion', '/accessibilite'],
  },
  {
    name: 'logiciel de gestion, connecté',
    base: SCHOOL_URL,
    signIn: async (page) => {
      await page.goto(`${SCHOOL_URL}/connexion`);
      await page.getByLabel('Identifiant', { exact: true }).fill(DIRIGEANT.login);
      await page.getByLabel('Mot de passe', { exact: true }).fill(DIRIGEANT.password);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await expect(page).toHaveURL(`${SCHOOL_URL}/clients`);
    },
    pages: [
      '/clients',
      '/clients/nouveau',
      '/administratif/demandes-en-ligne',
      '/dirigeant/bureaux',
      '/dirigeant/utilisateurs',
      '/dirigeant/droits',
    ],
  },
];

for (const space of SPACES) {
  test(`RGAA 10.11, 12.7, 8.6 et déclaration — ${space.name}`, async ({ page }) => {
    await space.signIn?.(page);
    const titles = new Set<string>();
    for (const path of space.pages) {
      await test.step(path, async () => {
        await page.setViewportSize({ width: 1280, height: 800 });
        await page.goto(`${space.base}${path}`);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

        // 8.6: a title of its own, which names the page before the service.
        const title = await page.title();
        expect(titles.has(title), `titre déjà pris : ${title}`).toBe(false);
        titles.add(title);

        // 12.7: the first Tab stop is a link to the content, which takes the focus there.
        await page.keyboard.press('Tab');
        const skip = page.locator(':focus');
        await expect(skip).toHaveText(/^(Contenu|Aller au contenu)$/);
        await page.keyboard.press('Enter');
        await expect.poll(() => page.evaluate(() => Boolean(document.activeElement?.closest('#contenu')))).toBe(true);

        // The footer names the state of conformity and links to the statement.
        await expect(page.getByRole('link', { name: /^Accessibilité : partiellement conforme/ })).toBeVisible();

        // 10.11: at 320 px wide (a 1280 px screen at 400 %), nothing needs a sideways scroll.
        await page.setViewportSize({ width: 320, height: 640 });
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        // The layout's own moves (the side menu sliding away) end first.
        await settled(page);
        const overflow = await page.evaluate(() => {
          const root = document.documentElement;
          if (root.scrollWidth <= root.clientWidth) return null;
          // What sticks out, to say where.
          const wide = [...document.querySelectorAll('body *')].find(
            (el) => el.getBoundingClientRect().right > root.clientWidth + 1 && !el.closest('table'),
          );
          return `${root.scrollWidth} px pour ${root.clientWidth} : <${wide?.tagName.toLowerCase()} class="${wide?.className}">`;
        });
        expect(overflow, 'défilement horizontal à 320 px').toBeNull();
        await expectAccessible(page);
      });
    }
  });
}

/** The rates of the audit grid's results (« Taux de conformité » row): national service, back office. */
function gridRates(): [string, string] {
  const grid = readFileSync(path.join(import.meta.dirname, '../docs/accessibility/grille-rgaa.md'), 'utf8');
  const row = grid.split('\n').find((line) => line.startsWith('| **Taux de conformité** |')) ?? '';
  const rates = [...row.matchAll(/\*\*(\d+,\d) %\*\*/g)].map((match) => match[1]!);
  expect(rates, 'la ligne « Taux de conformité » de la grille').toHaveLength(2);
  return rates as [string, string];
}

test('chaque déclaration d’accessibilité donne le taux de la grille d’audit, ses non-conformités et les voies de recours', async ({
  page,
}) => {
  const [national, school] = gridRates();
  for (const [base, rate] of [
    [ANTS_URL, national],
    [SCHOOL_URL, school],
  ] as const) {
    await page.goto(`${base}/accessibilite`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText("Déclaration d'accessibilité");
    await expect(page.getByText(`${rate} % des critères du RGAA version 4.1`)).toBeVisible();
    for (const section of ['État de conformité', 'Non-conformités', 'Voies de recours']) {
      await expect(page.getByRole('heading', { name: section, exact: true })).toBeVisible();
    }
    await expect(page.getByText(/critère 13\.3/)).toBeVisible();
    await expect(
      page.getByText('Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07', { exact: false }),
    ).toBeVisible();
    await expectAccessible(page);
  }
});
