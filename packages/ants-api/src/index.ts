import { z } from 'zod';

/**
 * The contract between the school back office and the national service's professional API.
 * Both sides import these schemas: the service validates with them, the school's client sends them.
 */

/** Credentials of a driving-school office: Cerfa agrément number + ANTS login + password. */
export const proCredentials = z.object({
  agrementNumber: z.string().trim().toUpperCase().min(1).max(30),
  login: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});
export type ProCredentials = z.infer<typeof proCredentials>;

/** Error codes of the professional API, with the message the school shows. */
export const API_ERRORS = {
  AUTHENTICATION_FAILED:
    "Authentification refusée : le numéro d'agrément Cerfa, l'identifiant ou le mot de passe est incorrect.",
} as const;
export type ApiErrorCode = keyof typeof API_ERRORS;

export const apiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
