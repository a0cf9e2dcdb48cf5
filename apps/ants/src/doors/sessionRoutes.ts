import { sessionRoutes } from '@permis/ants-api';
import { type HttpServer, mount } from '@permis/platform';
import { createAgentSignIn } from '../auth/agentSignIn.ts';
import {
  AGENT,
  type AuthContext,
  CANDIDATE,
  PRO,
  requireAgent,
  requireCandidate,
  requirePro,
} from '../auth/context.ts';
import { createProSignIn } from '../auth/proSignIn.ts';
import type { FranceConnect } from '../candidates/franceConnect.ts';

/** Sign-in, who is signed in, and logout for the web pages (professional, agent, candidate). */
export function authRoutes(app: HttpServer, ctx: AuthContext & { franceConnect?: FranceConnect }) {
  // The web sign-in and the API token are one sign-in (auth/proSignIn.ts), one count per login.
  const proSignIn = createProSignIn(ctx.db);
  const agentSignIn = createAgentSignIn(ctx.db);

  mount(app, sessionRoutes.proLogin, { access: 'public' }, async (request, reply) => {
    const { userId } = await proSignIn.signIn(request.ip, request.body, 'web');
    const { csrfToken } = await ctx.sessions.start(reply, PRO, userId);
    return { kind: PRO, csrfToken };
  });

  mount(app, sessionRoutes.agentLogin, { access: 'public' }, async (request, reply) => {
    const agentId = await agentSignIn(request.ip, request.body);
    const { csrfToken } = await ctx.sessions.start(reply, AGENT, agentId);
    return { kind: AGENT, csrfToken };
  });

  /** Who is signed in, for the web page: a professional account or an agent. */
  mount(app, sessionRoutes.session, { access: 'session' }, async (request) => {
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
  mount(app, sessionRoutes.logout, { access: 'public' }, async (request, reply) => {
    await ctx.sessions.end(request, reply);
    const redirect = await ctx.franceConnect?.logoutUrl(request, reply).catch(() => undefined);
    return redirect ? { redirect } : reply.status(204).send();
  });
}
