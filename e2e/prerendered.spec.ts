import { ANTS_URL, expect, expectAccessible, test } from './fixtures.ts';
import { holdRequests } from './holdRequests.ts';

// The three pages where a space is entered arrive drawn (scripts/prerender.ts): a phone shows them
// before its scripts have come, and the scripts then take over the very same elements.
const LOGIN_PAGES = [
  { url: '/monespace/connexion', heading: 'Connexion à mon espace' },
  { url: '/pro/connexion', heading: "Connexion à l'espace professionnel" },
  { url: '/agent/connexion', heading: "Connexion à la console d'instruction" },
];

test.describe('les pages de connexion arrivent dessinées', () => {
  for (const { url, heading } of LOGIN_PAGES) {
    test(`${url} : lisible avant les scripts, puis les scripts reprennent la même page`, async ({ page }) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        // The session asked of a visitor without one answers 401: the browser says so, nothing else may.
        if (message.type() === 'error' && !message.text().includes('401')) errors.push(message.text());
      });
      const fonts: string[] = [];
      page.on('request', (request) => {
        if (request.url().endsWith('.woff2')) fonts.push(new URL(request.url()).pathname);
      });
      const script = await holdRequests(page, '**/assets/index-*.js');
      await page.goto(`${ANTS_URL}${url}`, { waitUntil: 'commit' });
      await script.asked;
      // Drawn before any script has run: the title, the fields, the button.
      const title = page.getByRole('heading', { level: 1, name: heading });
      await expect(title).toBeVisible();
      await expect(page.getByLabel('Mot de passe', { exact: true })).toBeVisible();
      await expect(page).toHaveTitle(`${heading} — Permis de conduire — ANTS`);
      await title.evaluate((element) => element.setAttribute('data-before-scripts', ''));

      const session = page.waitForResponse('**/api/session');
      script.release();
      await session;
      // The scripts answer the form (an empty submission is refused in the page) on the same title
      // element: taken over, not drawn again.
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await expect(page.getByText('Saisissez votre mot de passe.').first()).toBeVisible();
      await expect(title).toHaveAttribute('data-before-scripts', '');
      expect(errors).toEqual([]);
      // The page's text in French needs only the fonts cut to French's characters (scripts/dsfrFonts.ts).
      await page.evaluate(() => document.fonts.ready);
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.filter((font) => !/-fr-[0-9a-f]{12}-/.test(font))).toEqual([]);
      await expectAccessible(page);
    });
  }

  test('« Mon espace » sans session : le serveur mène directement à la page de connexion dessinée', async ({
    page,
  }) => {
    const answer = await page.request.get(`${ANTS_URL}/monespace`, { maxRedirects: 0 });
    expect([answer.status(), answer.headers().location]).toEqual([303, '/monespace/connexion']);
    await page.goto(`${ANTS_URL}/monespace`);
    await expect(page).toHaveURL(`${ANTS_URL}/monespace/connexion`);
    await expect(page.getByRole('heading', { level: 1, name: 'Connexion à mon espace' })).toBeVisible();
  });
});
