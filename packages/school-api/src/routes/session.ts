import { route } from '@permis/platform/route';
import { z } from 'zod';
import { RIGHT_CODES, ROLES } from '../rights.ts';

/** Signing in and out of the back office, and who is signed in. */

export const roleSchema = z.enum(ROLES);
export const rightSchema = z.enum(RIGHT_CODES);

/** The signed-in user as every page sees it: identity, school, role and granted rights. */
export const currentUserSchema = z.object({
  id: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  officeId: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  role: roleSchema,
  rights: z.array(rightSchema),
});
export type CurrentUser = z.infer<typeof currentUserSchema>;

/** Who is signed in, with the session's CSRF token (sent back on every change). */
export const sessionSchema = z.object({ user: currentUserSchema, csrfToken: z.string() });
export type SessionResponse = z.infer<typeof sessionSchema>;

export const sessionRoutes = {
  login: route({
    method: 'POST',
    path: '/api/auth/login',
    body: z.object({ login: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) }),
    response: sessionSchema,
  }),
  session: route({ method: 'GET', path: '/api/auth/session', response: sessionSchema }),
  /** 204, no body. */
  logout: route({ method: 'POST', path: '/api/auth/logout', response: z.undefined() }),
};
