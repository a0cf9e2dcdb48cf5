import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/** Types into a field reached by its label with Tab (what was there replaced). */
export async function type(page: Page, label: string | RegExp, text: string) {
  await tabAndType(page, page.getByLabel(label), text);
}

/**
 * Checks a radio or a box reached with Tab, with the space bar. In a radio group Tab stops once (on
 * the checked radio, or the first): the arrows then move to the one wanted, as a keyboard user does.
 */
export async function tick(page: Page, name: string | RegExp, group?: string) {
  const scope = group ? page.getByRole('group', { name: group }) : page;
  const control = scope.getByLabel(name, { exact: typeof name === 'string' });
  if ((await control.getAttribute('type')) === 'radio') {
    const radios = page.locator(`input[type="radio"][name="${await control.getAttribute('name')}"]`);
    await tabTo(page, radios);
    for (let moves = 0; moves < (await radios.count()) && !(await isFocused(control)); moves++) {
      await page.keyboard.press('ArrowDown');
    }
    await expect(control).toBeFocused();
  } else {
    await tabTo(page, control);
  }
  if (!(await control.isChecked())) await page.keyboard.press('Space');
  await expect(control).toBeChecked();
}

const isFocused = (control: Locator) => control.evaluate((el) => el === document.activeElement);

/** How many Tab presses may separate two controls of a page before one is called unreachable. */
const TAB_STOPS_LIMIT = 300;

/**
 * What shows the keyboard user where the focus is, on the focused element or around it: its outline
 * or ring (box-shadow), or an outline drawn by a focused-within parent or a drawn twin (a custom
 * radio or checkbox).
 * Answers a description of the element when nothing shows.
 */
async function focusNotShown(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const focused = document.activeElement;
    if (!focused || focused === document.body) return null;
    const outlined = (el: Element, pseudo?: string) => {
      const style = getComputedStyle(el, pseudo);
      return style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
    };
    // The element's own outline or ring (a box-shadow only counts on the element: cards and
    // dialogs around it have shadows of their own), or its pseudo-element's (the DSFR's enlarged
    // links draw it on ::before, over the whole block).
    if (outlined(focused) || getComputedStyle(focused).boxShadow !== 'none') return null;
    if (outlined(focused, '::before') || outlined(focused, '::after')) return null;
    // A ring drawn around it by a parent (:focus-within), or by the drawn twin of a visually
    // hidden native control (its label, or the box next to it).
    const label = focused.id ? document.querySelector(`label[for="${CSS.escape(focused.id)}"]`) : null;
    const around = [focused.parentElement, focused.parentElement?.parentElement, label, focused.nextElementSibling];
    if (around.some((el) => el && (outlined(el) || outlined(el, '::before') || outlined(el, '::after')))) return null;
    const name = focused.getAttribute('aria-label') ?? focused.textContent?.trim().slice(0, 40) ?? '';
    return `<${focused.tagName.toLowerCase()}> « ${name} »`;
  });
}

/**
 * Reaches `target` (or one of its elements) with Tab (or Shift+Tab) as a keyboard user does, from
 * wherever the focus is: at every stop on the way the focus must be visible. Fails when the target is not reached within the
 * page's tab stops (out of the tab order, or behind a trap).
 */
export async function tabTo(page: Page, target: Locator, options: { backwards?: boolean } = {}) {
  for (let stop = 0; stop < TAB_STOPS_LIMIT; stop++) {
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
    const hidden = await focusNotShown(page);
    expect(hidden, 'le focus doit être visible à chaque étape').toBeNull();
    const reached = await target.evaluateAll((els) =>
      els.some((el) => el === document.activeElement || el.contains(document.activeElement)),
    );
    if (reached) return;
  }
  throw new Error(`Pas atteint au clavier en ${TAB_STOPS_LIMIT} tabulations : ${target}`);
}

/** Reaches a field with Tab and types into it (what was there replaced). */
export async function tabAndType(page: Page, field: Locator, text: string) {
  await tabTo(page, field);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
  await expect(field).toHaveValue(text);
}

/** Reaches a button or a link with Tab and presses Enter. */
export async function tabAndPress(page: Page, control: Locator, key: 'Enter' | 'Space' = 'Enter') {
  await tabTo(page, control);
  await page.keyboard.press(key);
}

/** A file chosen at the keyboard: the control that opens the system's file picker, with Space, then the file. */
export async function tabAndPickFile(page: Page, opener: Locator, file: { name: string; buffer: Buffer }) {
  const chooser = page.waitForEvent('filechooser');
  await tabAndPress(page, opener, 'Space');
  await (await chooser).setFiles({ ...file, mimeType: file.name.endsWith('.pdf') ? 'application/pdf' : 'image/png' });
}

/**
 * A native select reached with Tab, its option chosen with the arrows (typing would open the list on
 * a space and send the rest of the text elsewhere).
 */
export async function tabAndChoose(page: Page, select: Locator, label: string) {
  await tabTo(page, select);
  const chosen = select.locator('option:checked');
  const options = await select.locator('option').count();
  for (let moves = 0; moves < options && (await chosen.textContent()) !== label; moves++) {
    await page.keyboard.press('ArrowDown');
  }
  await expect(chosen).toHaveText(label);
}
