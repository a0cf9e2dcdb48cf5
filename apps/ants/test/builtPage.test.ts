import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensurePageBuilt } from '../../../scripts/pages.ts';

const APP = fileURLToPath(new URL('..', import.meta.url));
const DIST = path.join(APP, 'dist/assets');
const DSFR = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@codegouvfr/react-dsfr/package.json')),
  'dsfr',
);

/** The class names a stylesheet defines a rule for. */
function classesDefinedIn(css: string): Set<string> {
  return new Set([...css.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((match) => match[1] as string));
}

const read = (file: string) => readFileSync(file, 'utf8');
const built = (ext: string) => readdirSync(DIST).filter((file) => file.endsWith(ext));

describe('the page the service ships', () => {
  let shipped: Set<string>;
  let named: Set<string>;
  let styledByDsfr: Set<string>;
  beforeAll(async () => {
    await ensurePageBuilt({ appDir: APP });
    shipped = classesDefinedIn(
      built('.css')
        .map((file) => read(path.join(DIST, file)))
        .join('\n'),
    );
    // What the page's scripts name: its own classes and those of react-dsfr's components (DSFR's own
    // script names every component's classes, used or not: left out).
    const scripts = built('.js').filter((file) => !file.startsWith('dsfr.module'));
    named = new Set(
      scripts.flatMap(
        (file) => read(path.join(DIST, file)).match(/\b(?:fr|ri)-[a-z0-9]+(?:-{1,2}[a-z0-9]+|__[a-z0-9]+)*/g) ?? [],
      ),
    );
    styledByDsfr = classesDefinedIn(
      ['dsfr.main.min.css', 'utility/utility.main.min.css'].map((file) => read(path.join(DSFR, file))).join('\n'),
    );
  });

  it('is the production build, even when built under the test runner (NODE_ENV=test)', () => {
    // React's development build warns about updates not wrapped in act(...); the production one cannot.
    const entry = built('.js').filter((file) => file.startsWith('index-'));
    expect(entry.length).toBe(1);
    expect(read(path.join(DIST, entry[0] as string))).not.toContain('act(...)');
  });

  it('styles every class the pages name that the design system styles (web/src/dsfr.css)', () => {
    const unstyled = [...named].filter((name) => styledByDsfr.has(name) && !shipped.has(name)).sort();
    expect(unstyled).toEqual([]);
  });

  it('ships a fraction of the design system: the icons the pages name, not all 1,500', () => {
    const icons = [...shipped].filter((name) => name.startsWith('fr-icon-'));
    expect(icons.length).toBeGreaterThan(5);
    expect(icons.length).toBeLessThan(100);
    expect(shipped.has('fr-icon-logout-box-r-line')).toBe(true);
  });

  it('leaves the colour tables of react-dsfr out of the scripts (web/src/dsfrFr.ts)', () => {
    // A colour decision only the tables name, in any script of the page.
    const scripts = built('.js').map((file) => read(path.join(DIST, file)));
    expect(scripts.some((script) => script.includes('var(--background-action-high-blue-france-hover)'))).toBe(false);
  });

  it('draws the login pages at build, with the same scripts as the page', () => {
    const page = read(path.join(DIST, '..', 'index.html'));
    const script = page.match(/<script type="module"[^>]*( src="[^"]+")/)?.[1];
    expect(script).toBeDefined();
    for (const file of ['prerendered/monespace/connexion.html', 'prerendered/pro/connexion.html']) {
      const drawn = read(path.join(DIST, '..', file));
      expect(drawn).toContain(script);
      // Drawn without the script, the page lets the stylesheet and the fonts come first.
      expect(drawn).toContain('<script type="module" fetchpriority="low"');
      expect(drawn).toMatch(/<div id="root"><div[^>]*class="fr-skiplinks"/);
      expect(drawn).toContain('<h1>Connexion');
    }
  });
});
