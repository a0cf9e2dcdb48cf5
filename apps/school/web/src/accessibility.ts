/**
 * The back office's accessibility audit, as its statement and every footer say it. The grid behind
 * these figures: docs/accessibility/grille-rgaa.md (update both together).
 */
export const ACCESSIBILITY_PATH = '/accessibilite';
export const CONFORMITY = 'partiellement conforme';
export const AUDIT = {
  date: '7 décembre 2026',
  /** Criteria met among the applicable ones evaluated (RGAA 4.1). */
  rate: 95.5,
  nonConformities: [
    'Les couleurs voisines du graphique « Demandes par état » ne contrastent pas assez entre elles (critère 3.3) ; ses valeurs sont aussi données dans le tableau « Afficher les données du graphique ».',
    "La session se termine au bout de 10 heures sans avertissement ni moyen de la prolonger, et la fiche élève comme la liste des demandes se mettent à jour d'elles-mêmes sans pouvoir l'arrêter (critère 13.1).",
    "Le Cerfa imprimé et les documents PDF du site de l'ANTS ne sont pas balisés pour les lecteurs d'écran (critère 13.3).",
  ],
};
