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

/**
 * The status as the candidate reads it. "À traiter en Cerfa 06" is the school's counter (its next
 * step); the candidate learns that their registration is accepted (their NEPH is shown with it).
 */
export function candidateStateLabel(state: ApplicationState, type: ApplicationType): string {
  if (state === 'accepted' && type === '02') return 'Inscription au permis acceptée';
  return stateLabel(state, type);
}

/** The counters of the administrative list (seed 002, "Rechercher des demandes"), per Cerfa type. */
type Counter = { state: SchoolViewState; label: string; meaning: string };

const counter = (state: SchoolViewState, label: string, meaning: string): Counter => ({ state, label, meaning });
const TO_COMPLETE = counter('to_complete', 'Dossier à traiter', 'Dossier au statut A COMPLETER');
const AWAITING = counter(
  'awaiting_candidate',
  'Dossier en attente de validation usager',
  "Dossier en attente de validation de l'élève sur le site de l'ANTS",
);
const REJECTED = counter(
  'rejected',
  'Dossier rejeté',
  "Dossier rejeté suite à un problème de pièce justificative ou d'information mal saisie",
);
const DRAFT_MEANING =
  'Dossier au statut BROUILLON : possibilité de gérer les pièces justificatives, le code ePhoto ou de supprimer la demande';
const UNDER_INSTRUCTION = counter(
  'under_instruction',
  'Dossier en cours de traitement',
  'Dossier envoyé à la préfecture',
);
const TRANSFERRED_COUNTER = counter('transferred', 'Dossier transféré', 'Dossier transféré');

export const COUNTERS: Record<ApplicationType, Counter[]> = {
  '02': [
    TO_COMPLETE,
    AWAITING,
    REJECTED,
    counter('draft', 'Brouillons', DRAFT_MEANING),
    counter(
      'accepted',
      'Dossier à traiter en Cerfa 06',
      "Demande d'inscription à un permis acceptée. La demande de titre peut être créée",
    ),
    UNDER_INSTRUCTION,
    TRANSFERRED_COUNTER,
  ],
  '06': [
    TO_COMPLETE,
    AWAITING,
    REJECTED,
    counter('draft', 'Brouillon', DRAFT_MEANING),
    counter('accepted', 'Dossier accepté', 'Demande de titre acceptée'),
    UNDER_INSTRUCTION,
    TRANSFERRED_COUNTER,
  ],
};
