/**
 * The back office's accessibility audit, as its statement and every footer say it. The grid behind
 * these figures: docs/accessibility/grille-rgaa.md (update both together).
 */
export const ACCESSIBILITY_PATH = '/accessibilite';
export const CONFORMITY = 'partiellement conforme';
export const AUDIT = {
  date: '7 décembre 2026',
  /** Criteria met among the applicable ones evaluated (RGAA 4.1). */
  rate: 0,
  nonConformities: [] as string[],
};
