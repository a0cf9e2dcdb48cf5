import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { E2E_PORTS } from './ports.ts';

/** Where the system started by global-setup.ts listens. */
export const ANTS_URL = `http://localhost:${E2E_PORTS.ants}`;
export const SCHOOL_URL = `http://localhost:${E2E_PORTS.school}`;
export const MAIL_URL = `http://localhost:${E2E_PORTS.mailWeb}`;

/**
 * Waits for the page's running transitions and finite animations to end (their state, not a timer);
 * an endless one (a spinner) is not waited for. A dialog fading in, a menu sliding out after a resize.
 */
export async function settled(page: Page) {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter(
          (animation) =>
            animation.playState === 'running' && Number.isFinite(Number(animation.effect?.getComputedTiming().endTime)),
        )
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
}

/** Runs axe on the current page; fails on any serious or critical violation (RGAA / WCAG 2.1 AA). */
export async function expectAccessible(page: Page) {
  // A dialog still fading in is half transparent: axe would measure its text's contrast mid-way.
  await settled(page);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    blocking.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    'violations axe graves ou critiques',
  ).toEqual([]);
}

/**
 * Fails when the element's text is cut: an ellipsis or an overflowing line inside it, or the element
 * itself reaching past an ancestor that hides what overflows (a table's scroll area, a modal).
 */
export async function expectNotClipped(locator: Locator) {
  await expect(locator).toBeVisible();
  const problems = await locator.evaluate((element) => {
    const found: string[] = [];
    for (const el of [element, ...element.querySelectorAll('*')]) {
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') {
        found.push(`texte coupé dans <${el.tagName.toLowerCase()}> : ${el.textContent}`);
      }
    }
    const rect = element.getBoundingClientRect();
    for (let up = element.parentElement; up; up = up.parentElement) {
      if (getComputedStyle(up).overflowX === 'visible') continue;
      const box = up.getBoundingClientRect();
      if (rect.left < box.left - 1 || rect.right > box.right + 1)
        found.push(`dépasse de <${up.tagName.toLowerCase()}>`);
    }
    if (element instanceof HTMLSelectElement) {
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = getComputedStyle(element).font;
      const text = element.options[element.selectedIndex]?.text ?? '';
      // The arrow and paddings take about 40 px of the box.
      if (context.measureText(text).width > element.clientWidth - 40) found.push(`choix coupé : ${text}`);
    }
    return found;
  });
  expect(problems, 'texte coupé').toEqual([]);
}

/**
 * On a failure, what each open page shows in its dialogs, alerts and statuses goes to the output
 * beside the error: CI keeps only that output, not the artefacts.
 */
const test = base.extend<{ screenOnFailure: undefined }>({
  screenOnFailure: [
    // `context` too: set up before this, the test's own page is still open when this looks.
    async ({ browser, context }, use, info) => {
      void context;
      await use(undefined);
      if (info.status === info.expectedStatus) return;
      for (const page of browser.contexts().flatMap((context) => context.pages())) {
        const shown = page.locator('[role="dialog"], [role="alert"], [role="status"]');
        const parts = await shown.evaluateAll((elements) =>
          elements.map((e) => `${e.getAttribute('role')}: ${(e.textContent ?? '').replace(/\s+/g, ' ').slice(0, 400)}`),
        );
        console.log(`-- ${page.url()}\n${parts.join('\n') || '(ni dialogue, ni alerte, ni statut)'}`);
      }
    },
    { auto: true },
  ],
});

export { expect, test };
