import { route } from '@permis/platform/route';
import { z } from 'zod';
import { tokenRequestSchema } from '../applications.ts';

/**
 * Signing in and out of the national service's web spaces, and who is signed in: the routes the
 * three login pages and every page's session call. The server mounts them, the pages call them.
 */

/** The signed-in user of the professional space and their establishment (`id` is the establishment's). */
export const proAccountSchema = z.object({
  id: z.string(),
  agrementNumber: z.string(),
  schoolName: z.string(),
  city: z.string(),
  login: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  /** The « gestionnaire » of the agrément: invites and disables its other users. */
  manager: z.boolean(),
});
export type ProAccount = z.infer<typeof proAccountSchema>;

/** A signed-in agent of the instruction service. */
export const agentSchema = z.object({
  id: z.string(),
  login: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  service: z.string(),
});
export type Agent = z.infer<typeof agentSchema>;

/** A signed-in candidate; `loginId` is null for an account only FranceConnect opens. */
export const candidateAccountSchema = z.object({
  id: z.string(),
  loginId: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
});
export type CandidateAccount = z.infer<typeof candidateAccountSchema>;

/** Who is signed in, with the session's CSRF token (sent back on every change). */
export const sessionInfoSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pro'), account: proAccountSchema, csrfToken: z.string() }),
  z.object({ kind: z.literal('agent'), agent: agentSchema, csrfToken: z.string() }),
  z.object({ kind: z.literal('candidate'), candidate: candidateAccountSchema, csrfToken: z.string() }),
]);
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

/** A session just opened: whose, and its CSRF token. */
export const loginResultSchema = z.object({ kind: z.enum(['pro', 'agent', 'candidate']), csrfToken: z.string() });
export type LoginResult = z.infer<typeof loginResultSchema>;

/** The token of a mailed link (activation, invitation, reset…), as a route parameter. */
export const linkTokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'Lien invalide.') });

const password = z.string().min(1).max(200);

export const sessionRoutes = {
  /** The school's office: Cerfa agrément number, login and password (as the API's token). */
  proLogin: route({ method: 'POST', path: '/api/pro/login', body: tokenRequestSchema, response: loginResultSchema }),
  agentLogin: route({
    method: 'POST',
    path: '/api/agent/login',
    body: z.object({ login: z.string().trim().min(1).max(100), password }),
    response: loginResultSchema,
  }),
  candidateLogin: route({
    method: 'POST',
    path: '/api/candidate/login',
    body: z.object({ loginId: z.string().trim().toLowerCase().min(1).max(100), password }),
    response: loginResultSchema,
  }),
  session: route({ method: 'GET', path: '/api/session', response: sessionInfoSchema }),
  /** `redirect`: the session came from FranceConnect, whose logout follows; otherwise 204, no body. */
  logout: route({
    method: 'POST',
    path: '/api/logout',
    response: z.object({ redirect: z.string() }).optional(),
  }),
};
