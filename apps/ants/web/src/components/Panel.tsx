import { fr } from '@codegouvfr/react-dsfr';
import type { ComponentProps } from 'react';

/**
 * A block on the DSFR "alt grey" background, which follows the light or dark theme. The DSFR
 * colour utility classes are not in main.css, hence the CSS variable.
 */
export function Panel({ style, ...props }: ComponentProps<'div'>) {
  return <div style={{ backgroundColor: fr.colors.decisions.background.alt.grey.default, ...style }} {...props} />;
}
