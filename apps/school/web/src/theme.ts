import { type CSSVariablesResolver, createTheme } from '@mantine/core';

/**
 * Mantine's defaults with shades dark enough for WCAG AA contrast (4.5:1) on white: filled
 * buttons, links, secondary text and error messages. System fonts only: nothing is downloaded.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 5 },
  defaultRadius: 'sm',
  focusRing: 'auto',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif',
  headings: { fontWeight: '650' },
  components: {
    Table: { defaultProps: { verticalSpacing: 'xs' } },
    // Icon-only buttons named in French for screen readers.
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Fermer' } } },
    FileInput: { defaultProps: { clearButtonProps: { 'aria-label': 'Retirer le fichier' } } },
    // A long label (« Mettre à jour la liste des préfectures », a counter) wraps its words on a narrow
    // screen instead of pushing the page sideways (RGAA 10.11); a short one keeps Mantine's height.
    Button: {
      styles: {
        root: { height: 'auto', minHeight: 'var(--button-height)', maxWidth: '100%' },
        label: { whiteSpace: 'normal', paddingBlock: 2 },
      },
    },
    // A badge says a state ("Dossier en cours de vérification des pièces justificatives"): it wraps
    // onto several lines rather than cutting the words with an ellipsis.
    Badge: {
      styles: {
        root: { height: 'auto', maxWidth: '100%', paddingBlock: 2 },
        label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', lineHeight: 1.3 },
      },
    },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-8)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    // Active and hovered menu entries keep dark blue text readable.
    '--mantine-color-blue-light': 'var(--mantine-color-blue-0)',
    '--mantine-color-blue-light-hover': 'var(--mantine-color-blue-1)',
    // Mantine's shade 9 of green and orange is too light for text on their light backgrounds.
    '--mantine-color-green-light-color': '#1f6f33',
    '--mantine-color-orange-light-color': '#a3400b',
  },
  dark: {},
});
