import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/** Types into a field reached by its label, the way a keyboard user does once the field has focus. */
export async function type(page: Page, label: string | RegExp, text: string) {
  await page.getByLabel(label).focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
}
/** Checks a radio or a box with the space bar. */
export async function tick(page: Page, name: string | RegExp, group?: string) {
  const scope = group ? page.getByRole('group', { name: group }) : page;
  const control = scope.getByLabel(name, { exact: typeof name === 'string' });
  await control.focus();
  await page.keyboard.press('Space');
  await expect(control).toBeChecked();
}
