import type { Page } from '@playwright/test';
import { ANTS_URL, expect, test } from './fixtures.ts';
import { holdRequests } from './holdRequests.ts';

type ShiftWindow = {
  layoutShifts: number[];
  layoutShiftObserver: PerformanceObserver;
  keepLayoutShifts: (entries: PerformanceEntryList) => void;
};
type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean };

/**
 * Counts the page's layout shifts from its first paint (the browser's own measure, as Web Vitals'
 * CLS). Reading waits for the frame after the one on screen and takes the entries not yet delivered.
 */
async function watchLayoutShifts(page: Page) {
  await page.addInitScript(() => {
    const shifts: number[] = [];
    const keep = (entries: PerformanceEntryList) => {
      for (const entry of entries as Shift[]) if (!entry.hadRecentInput) shifts.push(entry.value);
    };
    const observer = new PerformanceObserver((list) => keep(list.getEntries()));
    observer.observe({ type: 'layout-shift', buffered: true });
    Object.assign(window, { layoutShifts: shifts, layoutShiftObserver: observer, keepLayoutShifts: keep });
  });
  return () =>
    page.evaluate(async () => {
      const w = window as unknown as ShiftWindow;
      await new Promise((frame) => requestAnimationFrame(() => requestAnimationFrame(frame)));
      w.keepLayoutShifts(w.layoutShiftObserver.takeRecords());
      return w.layoutShifts.reduce((a, b) => a + b, 0);
    });
}

/** Web Vitals' threshold of a page that does not jump. */
const STILL = 0.1;

test.describe('les premières pages ne sautent pas pendant leur chargement', () => {
  // A phone's screen, where a block that comes late moves the form the most.
  test.use({ viewport: { width: 412, height: 823 } });

  test('la connexion du candidat : le formulaire ne descend pas quand FranceConnect est proposé', async ({ page }) => {
    const shifts = await watchLayoutShifts(page);
    const franceConnect = await holdRequests(page, '**/api/candidate/franceconnect');
    await page.goto(`${ANTS_URL}/monespace/connexion`);
    await franceConnect.asked;
    // The form is there before the service has said whether FranceConnect is offered…
    const login = page.getByLabel('Identifiant', { exact: true });
    await expect(login).toBeVisible();
    const before = await login.boundingBox();
    franceConnect.release();
    // … and stays where it was once it has: whoever started typing keeps the field under the finger.
    await expect(page.getByRole('heading', { name: 'Avec FranceConnect' })).toBeVisible();
    expect(await login.boundingBox()).toEqual(before);
    expect(await shifts()).toBeLessThan(STILL);
  });

  test('« Mon espace » sans session mène à la connexion sans que la page saute', async ({ page }) => {
    const shifts = await watchLayoutShifts(page);
    await page.goto(`${ANTS_URL}/monespace`);
    await expect(page).toHaveURL(/\/monespace\/connexion$/);
    await expect(page.getByRole('heading', { name: 'Avec FranceConnect' })).toBeVisible();
    expect(await shifts()).toBeLessThan(STILL);
  });
});
