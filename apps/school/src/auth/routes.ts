import type { HttpServer } from '@permis/platform';
import { z } from 'zod';
import { schoolError } from '../errors.ts';
import { type AuthContext, loadUser, requireUser, SUBJECT } from './context.ts';
import { createUserSignIn } from './signIn.ts';

const WRONG_CREDENTIALS = 'Identifiant ou mot de passe incorrect.';

export function authRoutes(app: HttpServer, ctx: AuthContext) {
  const signIn = createUserSignIn(ctx.db);

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: { body: z.object({ login: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) }) },
    },
    async (request, reply) => {
      const outcome = await signIn(request.ip, request.body);
      if (!outcome.ok) {
        request.log.info({ userId: outcome.userId }, 'échec de connexion');
        throw schoolError('WRONG_CREDENTIALS', WRONG_CREDENTIALS);
      }
      const { csrfToken } = await ctx.sessions.start(reply, SUBJECT, outcome.userId);
      request.log.info({ userId: outcome.userId }, 'connexion');
      return { user: await loadUser(ctx.db, outcome.userId), csrfToken };
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
