/**
 * Error codes of the professional API and the message the school shows (seed 002, "Erreurs
 * possibles"). Every error body is `{ error: { code, message, fields? } }`.
 */
export const API_ERRORS = {
  // Erreur d'authentification
  AUTHENTICATION_FAILED:
    "Authentification refusée : le numéro d'agrément Cerfa, l'identifiant ou le mot de passe est incorrect.",
  TOKEN_INVALID: 'Session du logiciel expirée : reconnectez-vous au service.',
  // Erreur de données: `fields` names each wrong field with one of the seed's messages.
  DATA_ERROR: 'Certaines informations de la demande sont incorrectes.',
  // Divergence de données
  EMAIL_ALREADY_USED:
    "Cet email est déjà utilisé pour la demande d'un autre candidat : chaque élève doit avoir un email unique.",
  APPLICATION_ALREADY_REGISTERED:
    "Une demande est déjà enregistrée sur le site de l'ANTS pour ce candidat : reliez-la à la fiche de l'élève.",
  CANDIDATE_DATA_DIFFERS:
    "Les informations enregistrées sont différentes de celles enregistrées sur le site de l'ANTS : vérifiez la fiche de l'élève.",
  CERFA_02_NOT_ACCEPTED:
    "La demande de titre (Cerfa 06) n'est possible qu'une fois l'inscription au permis (Cerfa 02) acceptée.",
  // Transfer: one answer whether the number is unknown, another person's or another school's (it
  // reveals none of them).
  TRANSFER_NOT_THIS_CANDIDATE:
    "Aucune demande de cet élève ne porte ce numéro auprès de cette école de conduite : vérifiez le numéro de la demande, le numéro d'agrément de l'école qui la détient, ainsi que le nom de naissance, le prénom et la date de naissance de la fiche.",
  TRANSFER_THROTTLED: 'Trop de demandes de transfert refusées : réessayez plus tard.',
  // Lifecycle
  NOT_FOUND: "Cette demande n'existe pas ou n'est pas rattachée à votre établissement.",
  TRANSITION_REFUSED: "Cette action n'est pas possible dans l'état actuel de la demande.",
  STATE_CHANGED: "La demande vient d'être modifiée par ailleurs : mettez-la à jour puis réessayez.",
  REQUIRED_PIECES_MISSING: 'Des pièces justificatives requises manquent.',
  // Seed 002: the paper photo-signature form is "cerfa 02 uniquement".
  EPHOTO_REQUIRED:
    'Une demande de titre (Cerfa 06) se valide avec un code ePhoto : le formulaire papier de dépôt de photo-signature ne concerne que le Cerfa 02.',
  IDEMPOTENCY_KEY_REUSED: 'Cette clé de requête a déjà servi pour une autre demande.',
  IDEMPOTENCY_KEY_MISSING: 'En-tête Idempotency-Key manquant.',
  VALIDATION: 'Certains champs sont invalides.',
} as const;
export type ApiErrorCode = keyof typeof API_ERRORS;

/**
 * APPLICATION_ALREADY_REGISTERED when another school holds the application: its number is not
 * given (it would let anyone take it over), the way to it is the candidate and a transfer.
 */
export const REGISTERED_ELSEWHERE =
  "Une demande est déjà enregistrée sur le site de l'ANTS pour ce candidat par une autre école de conduite : pour la reprendre, demandez au candidat son numéro de demande et le numéro d'agrément de cette école, puis faites une demande de transfert.";

/** The seed's data-error messages, per kind of field. */
export const DATA_ERROR_MESSAGES = {
  town: 'Ville incorrect',
  department: 'Département incorrect',
  country: 'Pays incorrect',
  firstName: 'Prénom incorrect',
  prefecture: 'Préfecture incorrecte',
} as const;
