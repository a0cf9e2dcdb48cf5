import type { Agent, CandidateAccount, ProAccount as ProSpaceAccount } from '@permis/ants-api';
import { type SessionManager, unauthenticated } from '@permis/platform';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { AntsDb } from '../db/index.ts';
import { agents, candidates, proAccounts, proUsers } from '../db/schema.ts';

/** Session subject types of the national service (the `kind` of the session contract's answers). */
export const PRO = 'pro' as const;
export const AGENT = 'agent' as const;
export const CANDIDATE = 'candidate' as const;

/** Who may call a route of the national service (each route's `config.access`). */
export type AntsAccess = 'public' | 'session' | 'pro' | 'proSession' | 'agent' | 'candidate' | 'booth' | 'dev';

export type AuthContext = { db: AntsDb; sessions: SessionManager };

/**
 * The signed-in user of the professional space and their establishment (`id` is the
 * establishment's): what the session answers the page, and what the service keeps to itself.
 */
export type ProAccount = ProSpaceAccount & { postalCode: string; userId: string };
export type { Agent };

/** A session of the professional space is a user's: resolved to them and their establishment. */
export async function requirePro(ctx: AuthContext, request: FastifyRequest): Promise<ProAccount> {
  const session = ctx.sessions.require(request, PRO);
  const [row] = await ctx.db
    .select({
      id: proAccounts.id,
      agrementNumber: proAccounts.agrementNumber,
      schoolName: proAccounts.schoolName,
      postalCode: proAccounts.postalCode,
      city: proAccounts.city,
      userId: proUsers.id,
      login: proUsers.login,
      firstName: proUsers.firstName,
      lastName: proUsers.lastName,
      email: proUsers.email,
      manager: proUsers.manager,
    })
    .from(proUsers)
    .innerJoin(proAccounts, eq(proAccounts.id, proUsers.proAccountId))
    .where(and(eq(proUsers.id, session.subjectId), eq(proUsers.active, true), eq(proAccounts.active, true)))
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

export type { CandidateAccount };

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
    .where(and(eq(candidates.id, session.subjectId), isNotNull(candidates.activatedAt)))
    .limit(1);
  if (!row) throw unauthenticated();
  return row;
}
