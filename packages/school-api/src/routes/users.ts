import { route } from '@permis/platform/route';
import { z } from 'zod';
import { roleSchema } from './session.ts';

/** Espace Dirigeant › Connexions: the school's users and "Droits utilisateurs". */

export const schoolUserSchema = z.object({
  id: z.string(),
  login: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  role: roleSchema,
  roleLabel: z.string(),
  active: z.boolean(),
});
export type SchoolUser = z.infer<typeof schoolUserSchema>;

export const newUserSchema = z.object({
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  email: z.email().max(200),
  login: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{3,50}$/, 'Identifiant : 3 à 50 caractères parmi lettres, chiffres, point, tiret.'),
  role: roleSchema,
  password: z
    .string()
    .min(12, 'Le mot de passe doit faire au moins 12 caractères.')
    .max(128, 'Le mot de passe est trop long (128 caractères au plus).'),
});
export type NewUser = z.input<typeof newUserSchema>;

/** A right by its label, granted or not (the codes are the server's; an unknown one is refused). */
export const userRightSchema = z.object({ code: z.string(), label: z.string(), granted: z.boolean() });
export type UserRight = z.infer<typeof userRightSchema>;

export const userRightsSchema = z.object({
  user: z.object({ id: z.string(), firstName: z.string(), lastName: z.string() }),
  domain: z.string(),
  rights: z.array(userRightSchema),
});
export type UserRightsResponse = z.infer<typeof userRightsSchema>;

const userIdParams = z.object({ id: z.uuid() });

export const userRoutes = {
  list: route({
    method: 'GET',
    path: '/api/dirigeant/users',
    response: z.object({ users: z.array(schoolUserSchema) }),
  }),
  create: route({
    method: 'POST',
    path: '/api/dirigeant/users',
    body: newUserSchema,
    response: z.object({ id: z.string() }),
    status: 201,
  }),
  rights: route({
    method: 'GET',
    path: '/api/dirigeant/users/:id/rights',
    params: userIdParams,
    response: userRightsSchema,
  }),
  setRights: route({
    method: 'PUT',
    path: '/api/dirigeant/users/:id/rights',
    params: userIdParams,
    body: z.object({ rights: z.record(z.string(), z.boolean()) }),
    response: z.object({ ok: z.literal(true) }),
  }),
};
