import { API_ERROR_CODES, type ApiErrorCode, problemType } from '@permis/ants-api';
import { type ErrorTable, PLATFORM_ERRORS } from '@permis/platform/errors';
import { z } from 'zod';

/**
 * Every code the school's API answers, once: its HTTP status and French title. A refusal of the
 * national service is relayed as ANTS_REFUSED with the national code in `antsCode` (never a prefixed
 * code): the pages read it typed by the national contract (antsCodeOf).
 */
export const SCHOOL_ERRORS = {
  ...PLATFORM_ERRORS,
  WRONG_CREDENTIALS: { status: 401, title: 'Identifiant ou mot de passe incorrect.' },
  RIGHT_REQUIRED: { status: 403, title: 'Action non autorisée.' },
  LOGIN_TAKEN: { status: 409, title: 'Cet identifiant est déjà utilisé.' },
  UNKNOWN_RIGHT: { status: 409, title: 'Droit inconnu.' },
  EMAIL_TAKEN: { status: 409, title: 'Cet email est déjà utilisé par un autre élève.' },
  PREFECTURES_NEED: {
    status: 400,
    title: "Le code postal, le n° d'agrément et les identifiants de l'agence sont obligatoires.",
  },
  ALREADY_LINKED: { status: 409, title: 'Cette demande est déjà reliée à un élève.' },
  IDENTITY_MISMATCH: { status: 409, title: "L'élève choisi n'est pas le candidat de la demande." },
  OFFICE_WITHOUT_AGREMENT: { status: 409, title: "Le bureau n'a pas d'agrément pour Cerfa complet." },
  // The national service's pushes (webhook)
  BAD_SIGNATURE: { status: 401, title: 'Signature absente ou invalide.' },
  STALE: { status: 401, title: 'Notification trop ancienne.' },
  // Calls to the national service
  ANTS_UNAVAILABLE: { status: 503, title: "Le site de l'ANTS ne répond pas pour le moment." },
  OFFICE_CREDENTIALS_REFUSED: {
    status: 422,
    title: "Le site de l'ANTS a refusé les identifiants du bureau (agrément pour Cerfa).",
  },
  /** Answered with the national status where it is 404 or 409 (what the national service said), 422 otherwise. */
  ANTS_REFUSED: { status: 422, title: "Le site de l'ANTS a refusé la demande." },
} as const satisfies ErrorTable;
export type SchoolErrorCode = keyof typeof SCHOOL_ERRORS;

/** What the school's error handler needs to write problem details from a code (the type names it as the national service does). */
export const schoolProblemCatalogue = {
  type: problemType,
  title: (code: string): string | undefined => (SCHOOL_ERRORS as Record<string, { title: string }>)[code]?.title,
};

const antsCodeSchema = z.enum(API_ERROR_CODES);

/** The national code of an ANTS_REFUSED problem (its `antsCode` member); none for a code the contract does not know. */
export function antsCodeOf(extensions: Readonly<Record<string, unknown>>): ApiErrorCode | undefined {
  const parsed = antsCodeSchema.safeParse(extensions.antsCode);
  return parsed.success ? parsed.data : undefined;
}
