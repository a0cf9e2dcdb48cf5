import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

/** Where the system started by global-setup.ts listens (ports kept apart from `npm start`). */
export const ANTS_URL = process.env.E2E_ANTS_URL ?? 'http://localhost:3110';
export const SCHOOL_URL = process.env.E2E_SCHOOL_URL ?? 'http://localhost:3210';
export const MAIL_URL = process.env.E2E_MAIL_URL ?? 'http://localhost:1090';

/** Runs axe on the current page; fails on any serious or critical violation (RGAA / WCAG 2.1 AA). */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    blocking.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    'violations axe graves ou critiques',
  ).toEqual([]);
}

export { expect, test };
