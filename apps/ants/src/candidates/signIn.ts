import { createLoginThrottle, type SessionManager, verifyPassword } from '@permis/platform';
import { eq, sql } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import { CANDIDATE } from '../auth/context.ts';
import type { AntsDb } from '../db/index.ts';
import { candidates } from '../db/schema.ts';
import { antsError } from '../domain/errors.ts';

const CREDENTIALS_UNPROVEN =
  'Par sécurité, choisissez un nouveau mot de passe avec le lien envoyé à votre adresse électronique (« Mot de passe oublié ? »), ou connectez-vous avec FranceConnect.';

/**
 * Every way in (identifier and password, activation, new password, FranceConnect) ends here: the
 * session, and this sign-in's time kept with the one before it (the home's « Dernière connexion »).
 */
export async function startCandidateSession(
  { db, sessions }: { db: AntsDb; sessions: SessionManager },
  reply: FastifyReply,
  candidateId: string,
): Promise<{ csrfToken: string }> {
  await db
    .update(candidates)
    .set({ previousLoginAt: sql`${candidates.lastLoginAt}`, lastLoginAt: new Date() })
    .where(eq(candidates.id, candidateId));
  return sessions.start(reply, CANDIDATE, candidateId);
}

/**
 * The identifier and password checked, counted per login and address: answers the candidate's id,
 * or refuses (a wrong or unknown pair, an account not yet activated, alike).
 */
export function createCandidateSignIn(db: AntsDb) {
  const throttle = createLoginThrottle(db, { scope: 'candidate' });
  return async (ip: string, { loginId, password }: { loginId: string; password: string }): Promise<string> => {
    await throttle.assertAllowed(ip, `candidate:${loginId}`);
    const [row] = await db.select().from(candidates).where(eq(candidates.loginId, loginId)).limit(1);
    const ok = await verifyPassword(row?.passwordHash, password);
    if (!row?.activatedAt || !ok) {
      await throttle.recordFailure(ip, `candidate:${loginId}`);
      throw antsError('WRONG_CREDENTIALS', 'Identifiant ou mot de passe incorrect.');
    }
    await throttle.recordSuccess(ip, `candidate:${loginId}`);
    // A password chosen before its proof was kept may have come from a link a school's mobile
    // received (decision 0016): it opens nothing until the email or FranceConnect proves the person.
    if (row.credentialsVia === null) throw antsError('CREDENTIALS_UNPROVEN', CREDENTIALS_UNPROVEN);
    return row.id;
  };
}
