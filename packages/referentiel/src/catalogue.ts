/** Permit categories, in the order of the Cerfa forms (02 and 06). */
export const PERMIT_CATEGORIES = [
  'AM',
  'A1',
  'A2',
  'A',
  'B1',
  'B',
  'BE',
  'C1',
  'C1E',
  'C',
  'CE',
  'D1',
  'D1E',
  'D',
  'DE',
] as const;
export type PermitCategory = (typeof PERMIT_CATEGORIES)[number];

export type PieceKind =
  | 'identity'
  | 'proof_of_address'
  | 'cancellation_judgment'
  | 'medical_opinion'
  | 'road_safety_certificate'
  | 'military_licence'
  | 'training_certificate'
  | 'sworn_undertaking';

export type Piece = { kind: PieceKind; label: string; help: string; maxPages: number; required: boolean };

/**
 * The pièces justificatives of an online application, exactly as the school's popup lists them
 * (seed 002, "Envoyer les pièces justificatives"): label, help text, page limit, required flag.
 * The seed's table cuts the last label after "à suivre la"; it is completed with "formation".
 */
export const PIECES: readonly Piece[] = [
  {
    kind: 'identity',
    label: "Pièce d'identité",
    help: "Carte nationale d'identité (CNI), Passeport ou titre de séjour en cours de validité",
    maxPages: 2,
    required: true,
  },
  { kind: 'proof_of_address', label: 'Justificatif de domicile', help: '', maxPages: 5, required: true },
  { kind: 'cancellation_judgment', label: "Copie du jugement d'annulation", help: '', maxPages: 5, required: false },
  {
    kind: 'medical_opinion',
    label: 'Avis médical',
    help: 'Cerfa n°14880*01 - PERMIS DE CONDUIRE - AVIS MÉDICAL',
    maxPages: 6,
    required: false,
  },
  {
    kind: 'road_safety_certificate',
    label: 'Attestations Scolaires de Sécurité Routière (ASSR ou ASR)',
    help: 'Attestations de formation théorique à la sécurité routière fournie par votre établissement scolaire',
    maxPages: 2,
    required: false,
  },
  { kind: 'military_licence', label: 'Justificatif brevet militaire', help: '', maxPages: 5, required: false },
  {
    kind: 'training_certificate',
    label: "Copie d'attestation de suivi de formation",
    help: '',
    maxPages: 2,
    required: false,
  },
  {
    kind: 'sworn_undertaking',
    label: "Engagement sur l'honneur à suivre la formation",
    help: '',
    maxPages: 5,
    required: false,
  },
];

/** 11 MB per file, as the seed states ("la taille des fichiers est limitée à 11 Mo"). */
export const MAX_PIECE_FILE_BYTES = 11 * 1024 * 1024;
/** The user's comment on a pièce: 80 characters at most. */
export const MAX_PIECE_COMMENT_LENGTH = 80;
