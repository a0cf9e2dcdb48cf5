import { type HttpServer, mount } from '@permis/platform';
import { sessionRoutes } from '@permis/school-api';
import { schoolError } from '../errors.ts';
import { type AuthContext, loadUser, requireUser, SUBJECT } from './context.ts';
import { createUserSignIn } from './signIn.ts';

const WRONG_CREDENTIALS = 'Identifiant ou mot de passe incorrect.';

export function authRoutes(app: HttpServer, ctx: AuthContext) {
  const signIn = createUserSignIn(ctx.db);

  mount(app, sessionRoutes.login, { access: 'public' }, async (request, reply) => {
    const outcome = await signIn(request.ip, request.body);
    const user = outcome.ok ? await loadUser(ctx.db, outcome.userId) : null;
    if (!outcome.ok || !user) {
      request.log.info({ userId: outcome.userId }, 'échec de connexion');
      throw schoolError('WRONG_CREDENTIALS', WRONG_CREDENTIALS);
    }
    const { csrfToken } = await ctx.sessions.start(reply, SUBJECT, outcome.userId);
    request.log.info({ userId: outcome.userId }, 'connexion');
    return { user, csrfToken };
  });

  mount(app, sessionRoutes.session, { access: 'user' }, async (request) => {
    const user = await requireUser(ctx, request);
    return { user, csrfToken: ctx.sessions.require(request, SUBJECT).csrfToken };
  });

  mount(app, sessionRoutes.logout, { access: 'public' }, async (request, reply) => {
    await ctx.sessions.end(request, reply);
    return reply.status(204).send();
  });
}
