import type { ComponentProps } from 'react';

/**
 * A block on the DSFR "alt grey" background, which follows the light or dark theme. The DSFR
 * colour utility classes are not in main.css, hence the CSS variable (the one `fr.colors` names,
 * whose tables the pages do without: dsfrFr.ts).
 */
export function Panel({ style, ...props }: ComponentProps<'div'>) {
  return <div style={{ backgroundColor: 'var(--background-alt-grey)', ...style }} {...props} />;
}
