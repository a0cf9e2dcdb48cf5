import { createLoginThrottle, verifyPassword } from '@permis/platform';
import { and, eq, sql } from 'drizzle-orm';
import type { AntsDb } from '../db/index.ts';
import { proAccounts, proUsers } from '../db/schema.ts';
import { schoolAudit } from '../domain/actor.ts';
import { recordAudit } from '../domain/audit.ts';
import { antsError } from '../domain/errors.ts';

export type ProCredentials = { agrementNumber: string; login: string; password: string };
export type SignedInPro = { accountId: string; userId: string };

/**
 * One sign-in for both doors (the professional space's session, the API's bearer token): the
 * agrément names the establishment, the login one of its users. A disabled user, a disabled
 * establishment, an invitation not yet taken up and a wrong password get the same answer, and
 * every failure counts towards this login's throttle (shared by every instance: in the database).
 */
export function createProSignIn(db: AntsDb) {
  const throttle = createLoginThrottle(db, { scope: 'pro' });
  return {
    async signIn(
      ip: string,
      { agrementNumber, login, password }: ProCredentials,
      door: 'web' | 'api',
    ): Promise<SignedInPro> {
      const key = `${agrementNumber}/${login}`;
      await throttle.assertAllowed(ip, key);
      const [row] = await db
        .select({ user: proUsers, accountActive: proAccounts.active })
        .from(proUsers)
        .innerJoin(proAccounts, eq(proAccounts.id, proUsers.proAccountId))
        .where(and(eq(proAccounts.agrementNumber, agrementNumber), eq(proUsers.login, login)))
        .limit(1);
      // Verified even for an unknown user, so the answer takes as long either way.
      const ok = await verifyPassword(row?.user.passwordHash ?? undefined, password);
      if (!row || !ok || !row.user.active || !row.accountActive) {
        await throttle.recordFailure(ip, key);
        throw antsError('AUTHENTICATION_FAILED');
      }
      await throttle.recordSuccess(ip, key);
      const signedIn = { accountId: row.user.proAccountId, userId: row.user.id };
      await db.transaction(async (tx) => {
        // « Dernière connexion » is a person's, on the site; the software takes a token every hour.
        if (door === 'web') {
          await tx.update(proUsers).set({ lastLoginAt: sql`now()` }).where(eq(proUsers.id, row.user.id));
        }
        await recordAudit(tx, {
          by: schoolAudit({ id: signedIn.accountId, userId: signedIn.userId }),
          action: door === 'web' ? 'login' : 'api.token',
          target: 'pro_user',
          targetId: signedIn.userId,
        });
      });
      return signedIn;
    },
    /** Counts a wrong current password (a password change) as a failed sign-in of that login. */
    throttle,
  };
}
