import { breakpoints } from '@codegouvfr/react-dsfr/fr/breakpoints';
import { cx } from '@codegouvfr/react-dsfr/fr/cx';
import { typography } from '@codegouvfr/react-dsfr/fr/generatedFromCss/typography';
import { spacing } from '@codegouvfr/react-dsfr/fr/spacing';

/** The background of a page in each theme (DSFR's `background-default-grey`). */
export const THEME_BACKGROUND = { light: '#ffffff', dark: '#161616' } as const;

/**
 * react-dsfr's `fr` as its components use it, without its colour tables: every component imports
 * `fr` for `fr.cx`, and `fr.colors` brought 97 KB of tables (a fifth of a page's first script) for
 * one colour, the browser bar's (`theme-color`, useIsDark/client.js). The pages use the DSFR's CSS
 * variables instead. The build sends react-dsfr's own imports of `fr` here (vite.config.ts);
 * dsfrFr.test.ts checks the colour against the tables.
 */
export const fr = {
  breakpoints,
  spacing,
  cx,
  typography,
  colors: {
    getHex: ({ isDark }: { isDark: boolean }) => ({
      decisions: {
        background: { default: { grey: { default: isDark ? THEME_BACKGROUND.dark : THEME_BACKGROUND.light } } },
      },
    }),
  },
};
