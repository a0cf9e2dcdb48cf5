import { type ErrorEntry, type ErrorTable, PLATFORM_ERRORS } from '@permis/platform/errors';
import { z } from 'zod';
import { FRANCECONNECT_MESSAGES } from './franceConnect.ts';

/**
 * Every error code of the professional API, once: its HTTP status and the French message the
 * school shows (seed 002, "Erreurs possibles"). Every error is answered as RFC 9457 problem
 * details (`application/problem+json`): `type`, `title` (this message), `status`, `detail` (what
 * happened this time, in French), plus `code` and `fields` (the wrong fields) as extension members.
 */
export const API_ERRORS = {
  // Erreur d'authentification
  AUTHENTICATION_FAILED: {
    status: 401,
    title: "Authentification refusée : le numéro d'agrément Cerfa, l'identifiant ou le mot de passe est incorrect.",
  },
  TOKEN_INVALID: { status: 401, title: 'Session du logiciel expirée : reconnectez-vous au service.' },
  TOO_MANY_ATTEMPTS: { status: 429, title: 'Trop de tentatives de connexion : réessayez plus tard.' },
  // The request itself
  VALIDATION: { status: 400, title: 'Certains champs sont invalides.' },
  BAD_REQUEST: { status: 400, title: 'La requête est mal formée.' },
  INVALID_CHARACTER: {
    status: 400,
    title: 'Le texte envoyé contient un caractère invalide (caractère nul) : retirez-le puis réessayez.',
  },
  IDEMPOTENCY_KEY_MISSING: { status: 400, title: 'En-tête Idempotency-Key manquant.' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, title: 'Cette clé de requête a déjà servi pour une autre demande.' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'Le contenu envoyé est trop volumineux.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: "Ce type de contenu n'est pas accepté." },
  // Refused by the HTTP layer before any operation runs (the URL, the headers, a request too slow).
  URI_TOO_LONG: { status: 414, title: "L'adresse de la requête est trop longue." },
  HEADERS_TOO_LARGE: { status: 431, title: 'Les en-têtes de la requête sont trop volumineux.' },
  REQUEST_TIMEOUT: {
    status: 408,
    title: "La requête n'a pas été reçue entièrement à temps : envoyez-la de nouveau.",
  },
  RATE_LIMITED: { status: 429, title: 'Trop de requêtes : veuillez patienter avant de réessayer.' },
  // Erreur de données: `fields` names each wrong field with one of the seed's messages.
  DATA_ERROR: { status: 422, title: 'Certaines informations de la demande sont incorrectes.' },
  // Divergence de données
  EMAIL_ALREADY_USED: {
    status: 409,
    title: "Cet email est déjà utilisé pour la demande d'un autre candidat : chaque élève doit avoir un email unique.",
  },
  APPLICATION_ALREADY_REGISTERED: {
    status: 409,
    title: "Une demande est déjà enregistrée sur le site de l'ANTS pour ce candidat : reliez-la à la fiche de l'élève.",
  },
  CANDIDATE_DATA_DIFFERS: {
    status: 409,
    title:
      "Les informations enregistrées sont différentes de celles enregistrées sur le site de l'ANTS : vérifiez la fiche de l'élève.",
  },
  CERFA_02_NOT_ACCEPTED: {
    status: 409,
    title:
      "La demande de titre (Cerfa 06) n'est possible qu'une fois l'inscription au permis (Cerfa 02) acceptée, et tenue par votre établissement : si une autre école la tient, demandez-en d'abord le transfert.",
  },
  // Transfer: one answer whether the number is unknown, another person's or another school's (it
  // reveals none of them).
  TRANSFER_NOT_THIS_CANDIDATE: {
    status: 404,
    title:
      "Aucune demande de cet élève ne porte ce numéro auprès de cette école de conduite : vérifiez le numéro de la demande, le numéro d'agrément de l'école qui la détient, ainsi que le nom de naissance, le prénom et la date de naissance de la fiche.",
  },
  TRANSFER_THROTTLED: { status: 429, title: 'Trop de demandes de transfert refusées : réessayez plus tard.' },
  ALREADY_YOURS: { status: 409, title: 'Cette demande est déjà rattachée à votre établissement.' },
  TRANSFER_REFUSED: { status: 409, title: 'Cette demande ne peut pas être transférée dans son état actuel.' },
  // Lifecycle
  NOT_FOUND: { status: 404, title: "Cette demande n'existe pas ou n'est pas rattachée à votre établissement." },
  TRANSITION_REFUSED: { status: 409, title: "Cette action n'est pas possible dans l'état actuel de la demande." },
  STATE_CHANGED: {
    status: 409,
    title: "La demande vient d'être modifiée par ailleurs : mettez-la à jour puis réessayez.",
  },
  REQUIRED_PIECES_MISSING: { status: 422, title: 'Des pièces justificatives requises manquent.' },
  // Seed 002: the paper photo-signature form is "cerfa 02 uniquement".
  EPHOTO_REQUIRED: {
    status: 422,
    title:
      'Une demande de titre (Cerfa 06) se valide avec un code ePhoto : le formulaire papier de dépôt de photo-signature ne concerne que le Cerfa 02.',
  },
  // Pièces justificatives: the file sent
  FILE_MISSING: { status: 400, title: 'Aucun fichier reçu.' },
  MULTIPART_MALFORMED: {
    status: 400,
    title: 'Le fichier envoyé est mal formé (multipart/form-data illisible) : envoyez-le de nouveau.',
  },
  FILE_TOO_LARGE: { status: 413, title: 'Le fichier dépasse la taille maximale autorisée.' },
  FILE_TYPE: { status: 415, title: 'Format de fichier refusé : envoyez un PDF, un JPEG ou un PNG.' },
  TOO_MANY_PAGES: { status: 422, title: 'Trop de pages pour cette pièce justificative.' },
  PDF_UNREADABLE: { status: 422, title: 'Ce PDF est illisible ou endommagé.' },
  PDF_ENCRYPTED: { status: 422, title: 'Ce PDF est protégé par un mot de passe : envoyez-le sans protection.' },
  PDF_TOO_COMPLEX: { status: 422, title: 'Ce PDF est trop complexe pour être analysé.' },
  PDF_TOO_MANY_PAGES: { status: 422, title: 'Ce PDF compte trop de pages pour une pièce justificative.' },
  PDF_ACTIVE_CONTENT: { status: 422, title: 'Ce PDF contient du contenu actif (script, action) : envoyez un scan.' },
  SERVICE_BUSY: { status: 503, title: 'Le service est très sollicité : réessayez dans quelques instants.' },
  // ePhoto
  EPHOTO_UNKNOWN: { status: 404, title: "Ce code ePhoto n'existe pas : vérifiez sa saisie." },
  EPHOTO_ALREADY_USED: { status: 409, title: "Ce code ePhoto a déjà été utilisé : un code ne sert qu'une fois." },
  EPHOTO_EXPIRED: { status: 409, title: 'Ce code ePhoto a expiré.' },
  EPHOTO_MISSING: { status: 404, title: "Aucune ePhoto n'est associée à cette demande." },
  // Documents and webhooks
  DOCUMENT_UNAVAILABLE: { status: 409, title: "Ce document n'est pas encore disponible pour cette demande." },
  WEBHOOK_URL_REFUSED: { status: 422, title: 'Cette adresse ne peut pas recevoir les notifications.' },
  INTERNAL: { status: 500, title: 'Une erreur inattendue est survenue. Veuillez réessayer.' },
} as const satisfies Record<string, ErrorEntry>;
export type ApiErrorCode = keyof typeof API_ERRORS;
export const API_ERROR_CODES = Object.keys(API_ERRORS) as [ApiErrorCode, ...ApiErrorCode[]];
/** Whether a code the service answered is one of the contract's (a newer service may answer others). */
export const isApiErrorCode = (code: string): code is ApiErrorCode => Object.hasOwn(API_ERRORS, code);

/**
 * The codes only the national service's web spaces answer (candidate, agent, the professional web
 * space): never the professional API's, so the OpenAPI document does not list them.
 */
export const WEB_ERRORS = {
  WRONG_CREDENTIALS: { status: 401, title: 'Identifiant ou mot de passe incorrect.' },
  CREDENTIALS_UNPROVEN: { status: 403, title: "Ce compte n'est pas encore ouvert." },
  WRONG_ANSWER: { status: 401, title: 'La réponse à la question secrète est incorrecte.' },
  OTHER_ACCOUNT: { status: 403, title: 'Ce lien a été demandé depuis un autre compte.' },
  LINK_GONE: { status: 410, title: "Ce lien n'est plus valable." },
  CODE_GONE: { status: 410, title: "Ce code n'est plus valable." },
  CODE_EXPIRED: { status: 410, title: 'Ce code a expiré.' },
  CODE_INCORRECT: { status: 400, title: 'Le code saisi est incorrect.' },
  ATTESTATION_REQUIRED: { status: 400, title: "Cochez l'attestation sur l'honneur." },
  BOOTH_UNKNOWN: { status: 401, title: 'Cabine photo non agréée.' },
  // The professional web space's users
  LOGIN_TAKEN: { status: 409, title: 'Cet identifiant est déjà utilisé.' },
  USER_NOT_INVITED: { status: 409, title: "Cet utilisateur n'attend pas d'invitation." },
  OWN_ACCOUNT: { status: 409, title: 'Vous ne pouvez pas désactiver votre propre accès.' },
  USER_NOT_FOUND: { status: 404, title: 'Utilisateur introuvable.' },
  // A FranceConnect sign-in refused (the sign-in page says the same message: FRANCECONNECT_MESSAGES).
  FRANCECONNECT_FAILED: { status: 401, title: FRANCECONNECT_MESSAGES.FRANCECONNECT_FAILED },
  FRANCECONNECT_EMAIL_TAKEN: { status: 409, title: FRANCECONNECT_MESSAGES.FRANCECONNECT_EMAIL_TAKEN },
  FRANCECONNECT_IDENTITY_INCOMPLETE: {
    status: 422,
    title: FRANCECONNECT_MESSAGES.FRANCECONNECT_IDENTITY_INCOMPLETE,
  },
} as const satisfies Record<string, ErrorEntry>;

/**
 * Every code the national service answers, on every door: the platform's, the professional API's
 * and the web spaces'. Where the API and the platform share a code, the API's title is the one
 * answered (the compiler checks that they agree on its status).
 */
export const ANTS_ERRORS = { ...PLATFORM_ERRORS, ...API_ERRORS, ...WEB_ERRORS } as const satisfies ErrorTable;
export type AntsErrorCode = keyof typeof ANTS_ERRORS;

/** The problem `type` of a code: a tag URI (RFC 4151), stable across deployments; `code` repeats it. */
export const problemType = (code: string) => `tag:permis-en-ligne,2026:erreur:${code}`;

export const fieldErrorSchema = z
  .object({
    /** The wrong field, dot-separated from the body's root (`candidate.birthCity`): for the software, never shown. */
    path: z.string(),
    /** What to show beside that field, in French. */
    message: z.string(),
    /** For a place not in the official lists: the closest ones, most likely first (what to offer the user). */
    suggestions: z
      .array(
        z.object({
          /** As shown: "SAINT-PRIEST (69800)". */
          label: z.string(),
          /** The field's value: "SAINT-PRIEST". */
          value: z.string(),
          /** The postal code (residence) or département (birth) that goes with a town. */
          postalCode: z.string().optional(),
          department: z.string().optional(),
        }),
      )
      .optional(),
  })
  .meta({ id: 'FieldError' });

/** RFC 9457 problem details, with the project's `code` and `fields` as extension members. */
export function problemSchemaFor<const C extends string>(codes: readonly [C, ...C[]]) {
  return z.object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.enum(codes),
    fields: z.array(fieldErrorSchema).optional(),
  });
}
export const problemSchema = problemSchemaFor(API_ERROR_CODES).meta({ id: 'Problem' });
export type Problem = z.infer<typeof problemSchema>;

/** The problem details of a code, as the service answers it (the documentation's examples too). */
export function problemOf(code: ApiErrorCode, detail?: string, fields?: { path: string; message: string }[]) {
  const { status, title } = API_ERRORS[code];
  return { type: problemType(code), title, status, detail: detail ?? title, code, ...(fields ? { fields } : {}) };
}

/**
 * Why a demand cannot leave while another of its type is live for the candidate, said the same
 * whoever holds that other demand (a school, the candidate themselves): no holder, kind or number.
 */
export const REGISTERED_ELSEWHERE =
  "Une autre demande de ce type est déjà en cours pour ce candidat sur le site de l'ANTS : la vôtre pourra être envoyée lorsque celle-ci aura abouti ou que le candidat y aura renoncé.";

/** The seed's data-error messages, per kind of field. */
export const DATA_ERROR_MESSAGES = {
  town: 'Ville incorrect',
  department: 'Département incorrect',
  country: 'Pays incorrect',
  firstName: 'Prénom incorrect',
  prefecture: 'Préfecture incorrecte',
} as const;

/** What the national service's error handler needs to write problem details from a code. */
export const problemCatalogue = {
  type: problemType,
  title: (code: string): string | undefined => (ANTS_ERRORS as Record<string, ErrorEntry>)[code]?.title,
};
