import { eq, sql } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import { CANDIDATE } from '../auth/context.ts';
import { candidates } from '../db/schema.ts';
import type { AntsServices } from '../services.ts';

/**
 * Every way in (identifier and password, activation, new password, FranceConnect) ends here: the
 * session, and this sign-in's time kept with the one before it (the home's « Dernière connexion »).
 */
export async function startCandidateSession(
  { db, sessions }: Pick<AntsServices, 'db' | 'sessions'>,
  reply: FastifyReply,
  candidateId: string,
): Promise<{ csrfToken: string }> {
  await db
    .update(candidates)
    .set({ previousLoginAt: sql`${candidates.lastLoginAt}`, lastLoginAt: new Date() })
    .where(eq(candidates.id, candidateId));
  return sessions.start(reply, CANDIDATE, candidateId);
}
