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

/** Seed 002's status of a draft whose required pièces are not all sent (the Dossier 02-06's panel). */
export const DRAFT_AWAITING_PIECES_LABEL = 'Brouillon (en attente des pièces justificatives requises)';

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

const DRAFT_MEANING =
  'Dossier au statut BROUILLON : possibilité de gérer les pièces justificatives, le code ePhoto ou de supprimer la demande';

/**
 * The counter of each state, per Cerfa type, in the list's order (seed 002); null: no counter (the
 * list shows none for it). A state added to the union does not compile until it is placed here.
 */
const COUNTER_OF = {
  to_complete: () => ['Dossier à traiter', 'Dossier au statut A COMPLETER'],
  awaiting_candidate: () => [
    'Dossier en attente de validation usager',
    "Dossier en attente de validation de l'élève sur le site de l'ANTS",
  ],
  rejected: () => [
    'Dossier rejeté',
    "Dossier rejeté suite à un problème de pièce justificative ou d'information mal saisie",
  ],
  draft: (type) => [type === '02' ? 'Brouillons' : 'Brouillon', DRAFT_MEANING],
  accepted: (type) =>
    type === '02'
      ? [
          'Dossier à traiter en Cerfa 06',
          "Demande d'inscription à un permis acceptée. La demande de titre peut être créée",
        ]
      : ['Dossier accepté', 'Demande de titre acceptée'],
  under_instruction: () => ['Dossier en cours de traitement', 'Dossier envoyé à la préfecture'],
  transferred: () => ['Dossier transféré', 'Dossier transféré'],
  // Ended before instruction: the list counts them nowhere.
  refused_by_candidate: null,
  deleted: null,
} satisfies Record<SchoolViewState, ((type: ApplicationType) => [label: string, meaning: string]) | null>;

const countersOf = (type: ApplicationType): Counter[] =>
  (Object.keys(COUNTER_OF) as SchoolViewState[]).flatMap((state) => {
    const of = COUNTER_OF[state];
    if (!of) return [];
    const [label, meaning] = of(type);
    return [{ state, label, meaning }];
  });

export const COUNTERS: Record<ApplicationType, Counter[]> = { '02': countersOf('02'), '06': countersOf('06') };
