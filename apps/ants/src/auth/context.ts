import { type SessionManager, unauthenticated } from '@permis/platform';
import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { AntsDb } from '../db/index.ts';
import { agents, candidates, proAccounts } from '../db/schema.ts';

/** Session subject types of the national service (candidates arrive in a later issue). */
export const PRO = 'pro';
export const AGENT = 'agent';
export const CANDIDATE = 'candidate';

/** Who may call a route of the national service (each route's `config.access`). */
export type AntsAccess = 'public' | 'session' | 'pro' | 'proSession' | 'agent' | 'candidate' | 'booth' | 'dev';

export type AuthContext = { db: AntsDb; sessions: SessionManager };

export type ProAccount = {
  id: string;
  agrementNumber: string;
  login: string;
  schoolName: string;
  postalCode: string;
  city: string;
};
export type Agent = { id: string; login: string; firstName: string; lastName: string; service: string };

export async function requirePro(ctx: AuthContext, request: FastifyRequest): Promise<ProAccount> {
  const session = ctx.sessions.require(request, PRO);
  const [row] = await ctx.db
    .select({
      id: proAccounts.id,
      agrementNumber: proAccounts.agrementNumber,
      login: proAccounts.login,
      schoolName: proAccounts.schoolName,
      postalCode: proAccounts.postalCode,
      city: proAccounts.city,
    })
    .from(proAccounts)
    .where(and(eq(proAccounts.id, session.subjectId), eq(proAccounts.active, true)))
    .limit(1);
  if (!row) throw unauthenticated();
  return row;
}

export async function requireAgent(ctx: AuthContext, request: FastifyRequest): Promise<Agent> {
  const session = ctx.sessions.require(request, AGENT);
  const [row] = await ctx.db
    .select({
      id: agents.id,
      login: agents.login,
      firstName: agents.firstName,
      lastName: agents.lastName,
      service: agents.service,
    })
    .from(agents)
    .where(and(eq(agents.id, session.subjectId), eq(agents.active, true)))
    .limit(1);
  if (!row) throw unauthenticated();
  return row;
}

export type CandidateAccount = { id: string; loginId: string; firstName: string; lastName: string };

export async function requireCandidate(ctx: AuthContext, request: FastifyRequest): Promise<CandidateAccount> {
  const session = ctx.sessions.require(request, CANDIDATE);
  const [row] = await ctx.db
    .select({
      id: candidates.id,
      loginId: candidates.loginId,
      firstName: candidates.firstName,
      lastName: candidates.birthName,
    })
    .from(candidates)
    .where(eq(candidates.id, session.subjectId))
    .limit(1);
  if (!row?.loginId) throw unauthenticated();
  return { ...row, loginId: row.loginId };
}
