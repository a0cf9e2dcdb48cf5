import { proCredentials } from '@permis/ants-api';
import { createLoginThrottle, type HttpServer, verifyPassword } from '@permis/platform';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { agents, auditEvents } from '../db/schema.ts';
import { antsError } from '../domain/errors.ts';
import { createProSignIn } from '../pro/signIn.ts';
import type { AntsServices } from '../services.ts';
import { AGENT, type AuthContext, CANDIDATE, PRO, requireAgent, requireCandidate, requirePro } from './context.ts';

const AGENT_WRONG_CREDENTIALS = 'Identifiant ou mot de passe incorrect.';

export function authRoutes(app: HttpServer, ctx: AuthContext & Pick<AntsServices, 'franceConnect'>) {
  // The web sign-in and the API token are one sign-in (pro/signIn.ts), one count per login.
  const proSignIn = createProSignIn(ctx.db);
  const agentThrottle = createLoginThrottle(ctx.db, { scope: 'agent' });

  app.post(
    '/api/pro/login',
    {
      config: { access: 'public' },
      schema: {
        body: proCredentials,
      },
    },
    async (request, reply) => {
      const { userId } = await proSignIn.signIn(request.ip, request.body, 'web');
      const { csrfToken } = await ctx.sessions.start(reply, PRO, userId);
      return { kind: PRO, csrfToken };
    },
  );

  app.post(
    '/api/agent/login',
    {
      config: { access: 'public' },
      schema: { body: z.object({ login: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) }) },
    },
    async (request, reply) => {
      const { login, password } = request.body;
      await agentThrottle.assertAllowed(request.ip, login);
      const [row] = await ctx.db.select().from(agents).where(eq(agents.login, login.toLowerCase())).limit(1);
      const ok = await verifyPassword(row?.passwordHash, password);
      if (!row || !ok || !row.active) {
        await agentThrottle.recordFailure(request.ip, login);
        throw antsError('WRONG_CREDENTIALS', AGENT_WRONG_CREDENTIALS);
      }
      await agentThrottle.recordSuccess(request.ip, login);
      const { csrfToken } = await ctx.sessions.start(reply, AGENT, row.id);
      await ctx.db
        .insert(auditEvents)
        .values({ actorType: AGENT, actorId: row.id, action: 'login', targetType: 'agent', targetId: row.id });
      return { kind: AGENT, csrfToken };
    },
  );

  /** Who is signed in, for the web page: a professional account or an agent. */
  app.get('/api/session', { config: { access: 'session' } }, async (request) => {
    const session = ctx.sessions.require(request, PRO, AGENT, CANDIDATE);
    if (session.subjectType === PRO) {
      return { kind: PRO, account: await requirePro(ctx, request), csrfToken: session.csrfToken };
    }
    if (session.subjectType === CANDIDATE) {
      return { kind: CANDIDATE, candidate: await requireCandidate(ctx, request), csrfToken: session.csrfToken };
    }
    return { kind: AGENT, agent: await requireAgent(ctx, request), csrfToken: session.csrfToken };
  });

  // A session opened by FranceConnect ends at FranceConnect too: the page follows `redirect`.
  app.post('/api/logout', { config: { access: 'public' } }, async (request, reply) => {
    await ctx.sessions.end(request, reply);
    const redirect = await ctx.franceConnect?.logoutUrl(request, reply).catch(() => undefined);
    return redirect ? { redirect } : reply.status(204).send();
  });
}
