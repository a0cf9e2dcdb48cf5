import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AtRule, Plugin } from 'postcss';
import subsetFont from 'subset-font';

/**
 * What French text is written with: Basic Latin, Latin-1 (accents, « », the narrow no-break space
 * before « ; : ! ? »), œ and Œ, typographic quotes and dashes, the ellipsis, the bullet, the euro.
 */
export const FRENCH_RANGE =
  'U+0020-007E, U+00A0-00FF, U+0152-0153, U+0178, U+2013-2014, U+2018-201A, U+201C-201E, U+2022, U+2026, U+202F, U+20AC';

/** The characters of FRENCH_RANGE, to subset a font to. */
export function charactersOf(range: string): string {
  let text = '';
  for (const part of range.split(',')) {
    const [from, to = from] = part.trim().replace(/^U\+/, '').split('-') as [string, string?];
    for (let code = Number.parseInt(from, 16); code <= Number.parseInt(to, 16); code++) {
      text += String.fromCodePoint(code);
    }
  }
  return text;
}

const WOFF2_URL = /url\((["']?)([^"')]+\.woff2)\1\)/;

/**
 * A PostCSS plugin that puts, after each @font-face of a WOFF2 font, the same face cut to the
 * characters French is written with (`unicode-range`), about half the bytes. The browser takes the
 * last face that covers a character, so a page in French downloads only the cut fonts; a character
 * outside the range (a name in another script) still gets the whole font, declared first.
 * The cut fonts are made once per font (a cache folder, named by the font's hash).
 */
export function frenchFontsFirst({ cacheDir }: { cacheDir: string }): Plugin {
  const characters = charactersOf(FRENCH_RANGE);
  return {
    postcssPlugin: 'permis-french-fonts-first',
    async OnceExit(root) {
      const faces: AtRule[] = [];
      root.walkAtRules('font-face', (face) => {
        faces.push(face);
      });
      for (const face of faces) {
        let src: string | undefined;
        face.walkDecls('src', (decl) => {
          src = decl.value;
        });
        const url = src?.match(WOFF2_URL)?.[2];
        const from = face.source?.input.file;
        if (!url || !from || face.some((node) => node.type === 'decl' && node.prop === 'unicode-range')) continue;
        const font = readFileSync(path.resolve(path.dirname(from), url));
        const name = `${path.basename(url, '.woff2')}-fr-${createHash('sha256').update(font).digest('hex').slice(0, 12)}.woff2`;
        const cut = path.join(cacheDir, name);
        if (!existsSync(cut)) {
          mkdirSync(cacheDir, { recursive: true });
          writeFileSync(cut, await subsetFont(font, characters, { targetFormat: 'woff2' }));
        }
        const french = face.clone();
        french.walkDecls('src', (decl) => {
          decl.value = `url(${path.relative(path.dirname(from), cut).split(path.sep).join('/')}) format("woff2")`;
        });
        french.append({ prop: 'unicode-range', value: FRENCH_RANGE });
        face.after(french);
      }
    },
  };
}
