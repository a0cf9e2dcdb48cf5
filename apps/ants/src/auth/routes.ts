import { API_ERRORS, proCredentials } from '@permis/ants-api';
import { createLoginThrottle, type HttpServer, verifyPassword } from '@permis/platform';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { agents, auditEvents, proAccounts } from '../db/schema.ts';
import { AGENT, type AuthContext, CANDIDATE, PRO, requireAgent, requireCandidate, requirePro } from './context.ts';

const AGENT_WRONG_CREDENTIALS = 'Identifiant ou mot de passe incorrect.';

export function authRoutes(app: HttpServer, ctx: AuthContext) {
  // The web sign-in and the API token share the pro accounts' count (scope `pro`).
  const throttle = createLoginThrottle(ctx.db, { scope: 'pro' });
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
      const { agrementNumber, login, password } = request.body;
      const key = `${agrementNumber}/${login}`;
      await throttle.assertAllowed(request.ip, key);
      const [row] = await ctx.db
        .select()
        .from(proAccounts)
        .where(and(eq(proAccounts.agrementNumber, agrementNumber), eq(proAccounts.login, login)))
        .limit(1);
      const ok = await verifyPassword(row?.passwordHash, password);
      if (!row || !ok || !row.active) {
        await throttle.recordFailure(request.ip, key);
        return app.problem(reply, 401, 'AUTHENTICATION_FAILED', API_ERRORS.AUTHENTICATION_FAILED.title);
      }
      await throttle.recordSuccess(request.ip, key);
      const { csrfToken } = await ctx.sessions.start(reply, PRO, row.id);
      await ctx.db
        .insert(auditEvents)
        .values({ actorType: PRO, actorId: row.id, action: 'login', targetType: 'pro_account', targetId: row.id });
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
        return app.problem(reply, 401, 'WRONG_CREDENTIALS', AGENT_WRONG_CREDENTIALS);
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

  app.post('/api/logout', { config: { access: 'public' } }, async (request, reply) => {
    await ctx.sessions.end(request, reply);
    return reply.status(204).send();
  });
}
