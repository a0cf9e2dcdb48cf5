import { type HttpServer, hashPassword, notFound, pgErrorCode } from '@permis/platform';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { type AuthContext, requireDirigeant } from '../auth/context.ts';
import { auditEvents, userRights, users } from '../db/schema.ts';
import { schoolError } from '../errors.ts';
import type { SchoolServices } from '../services.ts';
import { DEFAULT_RIGHTS, isRight, RIGHT_CODES, RIGHTS, RIGHTS_DOMAIN, ROLE_LABELS } from './rights.ts';

const userIdParams = z.object({ id: z.uuid() });

/** Espace Dirigeant > Connexions: the school's users and "Droits utilisateurs". */
export function userRoutes(app: HttpServer, ctx: SchoolServices) {
  const { mail, publicUrl } = ctx;
  app.get('/api/dirigeant/users', { config: { access: 'dirigeant' } }, async (request) => {
    const me = await requireDirigeant(ctx, request);
    const rows = await ctx.db
      .select({
        id: users.id,
        login: users.login,
        firstName: users.firstName,
        lastName: users.lastName,
        role: users.role,
        active: users.active,
      })
      .from(users)
      .where(eq(users.schoolId, me.schoolId))
      .orderBy(asc(users.lastName), asc(users.firstName));
    return { users: rows.map((u) => ({ ...u, roleLabel: ROLE_LABELS[u.role] })) };
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
      const passwordHash = await hashPassword(body.password);
      try {
        const id = await ctx.db.transaction(async (tx) => {
          const [created] = await tx
            .insert(users)
            .values({ ...body, email: body.email.toLowerCase(), schoolId: me.schoolId, passwordHash })
            .returning({ id: users.id });
          const userId = created!.id;
          await tx.insert(userRights).values(
            RIGHT_CODES.map((right) => ({
              userId,
              right,
              granted: DEFAULT_RIGHTS[body.role].includes(right),
              updatedBy: me.id,
            })),
          );
          await tx.insert(auditEvents).values({
            schoolId: me.schoolId,
            actorUserId: me.id,
            action: 'user.created',
            targetType: 'user',
            targetId: userId,
            details: `rôle ${body.role}`,
          });
          return userId;
        });
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
      } catch (error) {
        if (pgErrorCode(error) === '23505') throw schoolError('LOGIN_TAKEN', 'Cet identifiant est déjà utilisé.');
        throw error;
      }
    },
  );

  app.get(
    '/api/dirigeant/users/:id/rights',
    { config: { access: 'dirigeant' }, schema: { params: userIdParams } },
    async (request) => {
      const me = await requireDirigeant(ctx, request);
      const user = await findSchoolUser(ctx, me.schoolId, request.params.id);
      const rows = await ctx.db.select().from(userRights).where(eq(userRights.userId, user.id));
      const granted = new Set(rows.filter((r) => r.granted).map((r) => r.right));
      return {
        user: { id: user.id, firstName: user.firstName, lastName: user.lastName },
        domain: RIGHTS_DOMAIN,
        rights: Object.entries(RIGHTS)
          .map(([code, label]) => ({ code, label, granted: granted.has(code) }))
          .sort((a, b) => a.label.localeCompare(b.label, 'fr')),
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
      const user = await findSchoolUser(ctx, me.schoolId, request.params.id);
      const entries = Object.entries(request.body.rights);
      const unknown = entries.filter(([code]) => !isRight(code));
      if (unknown.length > 0) {
        throw schoolError('UNKNOWN_RIGHT', `Droit inconnu : ${unknown.map(([c]) => c).join(', ')}.`);
      }
      await ctx.db.transaction(async (tx) => {
        for (const [right, granted] of entries) {
          await tx
            .insert(userRights)
            .values({ userId: user.id, right, granted, updatedBy: me.id })
            .onConflictDoUpdate({
              target: [userRights.userId, userRights.right],
              set: { granted, updatedBy: me.id, updatedAt: new Date() },
            });
        }
        await tx.insert(auditEvents).values({
          schoolId: me.schoolId,
          actorUserId: me.id,
          action: 'user.rights_changed',
          targetType: 'user',
          targetId: user.id,
          details: entries.map(([r, g]) => `${r}=${g ? 'oui' : 'non'}`).join(', '),
        });
      });
      return { ok: true };
    },
  );
}

async function findSchoolUser(ctx: AuthContext, schoolId: string, id: string) {
  const [user] = await ctx.db
    .select()
    .from(users)
    .where(and(eq(users.id, id), eq(users.schoolId, schoolId)))
    .limit(1);
  if (!user) throw notFound("Cet utilisateur n'existe pas dans votre auto-école.");
  return user;
}
