import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'postcss';

/** An icon's class as the sources name it: DSFR's own (`fr-icon-…`) or a Remix icon (`ri-…`). */
const ICON_CLASS = /\b(?:fr-icon|ri)-[a-z0-9]+(?:-[a-z0-9]+)*/g;

function iconsNamedIn(file: string, found: Set<string>): void {
  for (const name of readFileSync(file, 'utf8').match(ICON_CLASS) ?? []) found.add(name);
}

/** Where to look for icon names: a folder, and its sub-folders not to read (relative to it). */
export type IconSource = { folder: string; skip?: readonly string[] };

/** Every icon class a TypeScript or JavaScript file (not a type declaration) under these folders names. */
export function iconsNamedUnder(sources: readonly IconSource[]): Set<string> {
  const found = new Set<string>();
  for (const { folder, skip = [] } of sources) {
    for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
      const relative = path.relative(folder, entry.parentPath);
      if (skip.some((sub) => relative === sub || relative.startsWith(`${sub}${path.sep}`))) continue;
      if (entry.isFile() && /\.(?:tsx?|m?js)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        iconsNamedIn(path.join(entry.parentPath, entry.name), found);
      }
    }
  }
  return found;
}

/**
 * The icons a DSFR page of this repository can show: those its own sources name, and those
 * react-dsfr's components name in their code (not its type lists of every icon, its TypeScript
 * sources, or the design system's bundled files).
 */
export function dsfrIconSources(webSources: string, reactDsfrDir: string): IconSource[] {
  return [{ folder: webSources }, { folder: reactDsfrDir, skip: ['src', 'dsfr', path.join('fr', 'generatedFromCss')] }];
}

/**
 * A PostCSS plugin that drops the rules of the design system's icon sheet for icons no source names:
 * the sheet defines about 1,500 icons (12 KB of brotli, and an SVG file each) where a service shows a
 * few dozen. A rule is kept when one of its selectors names a used icon or none at all (the sheet's
 * shared rules).
 */
export function usedIconsOnly(sources: readonly IconSource[]): Plugin {
  let used: Set<string> | undefined;
  return {
    postcssPlugin: 'dsfr-used-icons',
    Rule(rule) {
      if (!rule.source?.input.file?.includes(`${path.sep}icons${path.sep}`)) return;
      used ??= iconsNamedUnder(sources);
      const named = rule.selectors.map((selector) => selector.match(/\.((?:fr-icon|ri)-[a-z0-9-]+)/)?.[1]);
      if (named.some((icon) => icon === undefined || used?.has(icon))) return;
      rule.remove();
    },
  };
}
