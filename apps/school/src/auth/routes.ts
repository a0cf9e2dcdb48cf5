import { createLoginThrottle, type HttpServer, verifyPassword } from '@permis/platform';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../db/schema.ts';
import { schoolError } from '../errors.ts';
import { type AuthContext, loadUser, requireUser, SUBJECT } from './context.ts';

const WRONG_CREDENTIALS = 'Identifiant ou mot de passe incorrect.';

export function authRoutes(app: HttpServer, ctx: AuthContext) {
  const throttle = createLoginThrottle(ctx.db, { scope: 'school-user' });

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: { body: z.object({ login: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) }) },
    },
    async (request, reply) => {
      const { login, password } = request.body;
      await throttle.assertAllowed(request.ip, login);
      const [row] = await ctx.db.select().from(users).where(eq(users.login, login.toLowerCase())).limit(1);
      const ok = await verifyPassword(row?.passwordHash, password);
      if (!row || !ok || !row.active) {
        await throttle.recordFailure(request.ip, login);
        request.log.info({ userId: row?.id }, 'échec de connexion');
        throw schoolError('WRONG_CREDENTIALS', WRONG_CREDENTIALS);
      }
      await throttle.recordSuccess(request.ip, login);
      const { csrfToken } = await ctx.sessions.start(reply, SUBJECT, row.id);
      request.log.info({ userId: row.id }, 'connexion');
      return { user: await loadUser(ctx.db, row.id), csrfToken };
    },
  );

  app.get('/api/auth/session', { config: { access: 'user' } }, async (request) => {
    const user = await requireUser(ctx, request);
    return { user, csrfToken: request.session?.csrfToken };
  });

  app.post('/api/auth/logout', { config: { access: 'public' } }, async (request, reply) => {
    await ctx.sessions.end(request, reply);
    return reply.status(204).send();
  });
}
