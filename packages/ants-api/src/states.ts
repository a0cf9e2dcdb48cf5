/**
 * The states of an online application on the national service, and the labels users see.
 * The transitions between them live in one place: apps/ants/src/applications/machine.ts.
 */
export const APPLICATION_STATES = [
  'draft',
  'awaiting_candidate',
  'refused_by_candidate',
  'deleted',
  'under_instruction',
  'to_complete',
  'rejected',
  'accepted',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

/** How a school sees an application it handed over to another school. */
export const TRANSFERRED = 'transferred' as const;
export type SchoolViewState = ApplicationState | typeof TRANSFERRED;

export const APPLICATION_TYPES = ['02', '06'] as const;
export type ApplicationType = (typeof APPLICATION_TYPES)[number];

export const TYPE_LABELS: Record<ApplicationType, string> = {
  '02': "Inscription au permis nécessitant le passage d'un examen pratique",
  '06': 'Demande de titre',
};

/** The status as the seeds write it (school's "Statut", candidate's "Etat"). */
export function stateLabel(state: SchoolViewState, type: ApplicationType): string {
  switch (state) {
    case 'draft':
      return 'Brouillon';
    case 'awaiting_candidate':
      return 'En attente de validation usager';
    case 'refused_by_candidate':
      return "Refusée par l'usager";
    case 'deleted':
      return 'Supprimée';
    case 'under_instruction':
      return 'Dossier en cours de vérification des pièces justificatives';
    case 'to_complete':
      return 'A compléter';
    case 'rejected':
      return 'Rejeté';
    case 'accepted':
      return type === '02' ? 'À traiter en Cerfa 06' : 'Accepté';
    case 'transferred':
      return 'Transféré';
  }
}

/** The counters of the administrative list (seed 002, "Rechercher des demandes"). */
export const COUNTERS: Record<ApplicationType, { state: SchoolViewState; label: string; meaning: string }[]> = {
  '02': [
    { state: 'to_complete', label: 'Dossier à traiter', meaning: 'Dossier au statut A COMPLETER' },
    {
      state: 'awaiting_candidate',
      label: 'Dossier en attente de validation usager',
      meaning: "Dossier en attente de validation de l'élève sur le site de l'ANTS",
    },
    {
      state: 'rejected',
      label: 'Dossier rejeté',
      meaning: "Dossier rejeté suite à un problème de pièce justificative ou d'information mal saisie",
    },
    {
      state: 'draft',
      label: 'Brouillons',
      meaning:
        'Dossier au statut BROUILLON : possibilité de gérer les pièces justificatives, le code ePhoto ou de supprimer la demande',
    },
    {
      state: 'accepted',
      label: 'Dossier à traiter en Cerfa 06',
      meaning: "Demande d'inscription à un permis acceptée. La demande de titre peut être créée",
    },
    { state: 'under_instruction', label: 'Dossier en cours de traitement', meaning: 'Dossier envoyé à la préfecture' },
    { state: 'transferred', label: 'Dossier transféré', meaning: 'Dossier transféré' },
  ],
  '06': [
    { state: 'to_complete', label: 'Dossier à traiter', meaning: 'Dossier au statut A COMPLETER' },
    {
      state: 'awaiting_candidate',
      label: 'Dossier en attente de validation usager',
      meaning: "Dossier en attente de validation de l'élève sur le site de l'ANTS",
    },
    {
      state: 'rejected',
      label: 'Dossier rejeté',
      meaning: "Dossier rejeté suite à un problème de pièce justificative ou d'information mal saisie",
    },
    {
      state: 'draft',
      label: 'Brouillon',
      meaning:
        'Dossier au statut BROUILLON : possibilité de gérer les pièces justificatives, le code ePhoto ou de supprimer la demande',
    },
    { state: 'accepted', label: 'Dossier accepté', meaning: 'Demande de titre acceptée' },
    { state: 'under_instruction', label: 'Dossier en cours de traitement', meaning: 'Dossier envoyé à la préfecture' },
    { state: 'transferred', label: 'Dossier transféré', meaning: 'Dossier transféré' },
  ],
};
