import type { HttpServer } from '@permis/platform';
import { z } from 'zod';
import { requireDirigeant } from '../auth/context.ts';
import { schoolError } from '../errors.ts';
import type { SchoolServices } from '../services.ts';
import { createUser, findSchoolUser, listUsers, setUserRights, userRightsOf } from './manage.ts';
import { isRight, ROLE_LABELS } from './rights.ts';

const userIdParams = z.object({ id: z.uuid() });

/** Espace Dirigeant > Connexions: the school's users and "Droits utilisateurs". */
export function userRoutes(app: HttpServer, ctx: SchoolServices) {
  const { mail, publicUrl } = ctx;
  app.get('/api/dirigeant/users', { config: { access: 'dirigeant' } }, async (request) => {
    const me = await requireDirigeant(ctx, request);
    return { users: await listUsers(ctx.db, me.schoolId) };
  });

  app.post(
    '/api/dirigeant/users',
    {
      config: { access: 'dirigeant' },
      schema: {
        body: z.object({
          firstName: z.string().trim().min(1).max(100),
          lastName: z.string().trim().min(1).max(100),
          email: z.email().max(200),
          login: z
            .string()
            .trim()
            .toLowerCase()
            .regex(/^[a-z0-9._-]{3,50}$/, 'Identifiant : 3 à 50 caractères parmi lettres, chiffres, point, tiret.'),
          role: z.enum(['dirigeant', 'secretaire', 'moniteur']),
          password: z
            .string()
            .min(12, 'Le mot de passe doit faire au moins 12 caractères.')
            .max(128, 'Le mot de passe est trop long (128 caractères au plus).'),
        }),
      },
    },
    async (request, reply) => {
      const me = await requireDirigeant(ctx, request);
      const body = request.body;
      const id = await createUser(ctx.db, me, body);
      // The welcome mail names the login, never the password: the dirigeant hands that over.
      await mail?.enqueue({
        to: body.email.toLowerCase(),
        subject: 'Votre accès au logiciel de votre auto-école',
        text: [
          `Bonjour ${body.firstName},`,
          '',
          `${me.firstName} ${me.lastName} vous a ouvert un accès (${ROLE_LABELS[body.role]}) pour ${me.schoolName}.`,
          `Votre identifiant : ${body.login}`,
          'Votre mot de passe vous sera communiqué par votre dirigeant.',
          '',
          `Adresse de connexion : ${publicUrl}/connexion`,
        ].join('\n'),
      });
      return reply.status(201).send({ id });
    },
  );

  app.get(
    '/api/dirigeant/users/:id/rights',
    { config: { access: 'dirigeant' }, schema: { params: userIdParams } },
    async (request) => {
      const me = await requireDirigeant(ctx, request);
      const user = await findSchoolUser(ctx.db, me.schoolId, request.params.id);
      return {
        user: { id: user.id, firstName: user.firstName, lastName: user.lastName },
        ...(await userRightsOf(ctx.db, user)),
      };
    },
  );

  app.put(
    '/api/dirigeant/users/:id/rights',
    {
      config: { access: 'dirigeant' },
      schema: {
        params: userIdParams,
        body: z.object({ rights: z.record(z.string(), z.boolean()) }),
      },
    },
    async (request) => {
      const me = await requireDirigeant(ctx, request);
      const user = await findSchoolUser(ctx.db, me.schoolId, request.params.id);
      const entries = Object.entries(request.body.rights);
      const unknown = entries.filter(([code]) => !isRight(code));
      if (unknown.length > 0) {
        throw schoolError('UNKNOWN_RIGHT', `Droit inconnu : ${unknown.map(([c]) => c).join(', ')}.`);
      }
      await setUserRights(ctx.db, me, user, entries);
      return { ok: true };
    },
  );
}
