import { createLoginThrottle, hashPassword, verifyPassword } from '@permis/platform';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { PRO } from '../auth/context.ts';
import { assertNewPassword } from '../candidates/questions.ts';
import type { AntsDb } from '../db/index.ts';
import { auditEvents, proAccounts } from '../db/schema.ts';
import { proError } from './errors.ts';
import { revokeProTokens } from './token.ts';

export const passwordChangeSchema = z.object({
  currentPassword: z.string().min(1, 'Saisissez votre mot de passe actuel.').max(200),
  password: z.string().max(200),
  passwordConfirmation: z.string().max(200),
});

/**
 * "Modifier le mot de passe" of a school's professional account: the current password first (its
 * failures count with the sign-in's, so it cannot be guessed here), then the new one under the
 * same rule as the candidates'. Every bearer token of the account is revoked: the school's
 * software signs in again with the new password. Answers how many tokens were revoked.
 */
export async function changeProPassword(
  db: AntsDb,
  accountId: string,
  ip: string,
  change: z.output<typeof passwordChangeSchema>,
): Promise<number> {
  const [account] = await db.select().from(proAccounts).where(eq(proAccounts.id, accountId)).limit(1);
  if (!account) throw proError('TOKEN_INVALID');
  const throttle = createLoginThrottle(db, { scope: 'pro' });
  const key = `${account.agrementNumber}/${account.login}`;
  await throttle.assertAllowed(ip, key);
  if (!(await verifyPassword(account.passwordHash, change.currentPassword))) {
    await throttle.recordFailure(ip, key);
    throw proError('VALIDATION', 'Certains champs sont invalides.', [
      { path: 'currentPassword', message: 'Le mot de passe actuel est incorrect.' },
    ]);
  }
  assertNewPassword(change.password, change.passwordConfirmation, [account.login]);
  const passwordHash = await hashPassword(change.password);
  return db.transaction(async (tx) => {
    await tx.update(proAccounts).set({ passwordHash }).where(eq(proAccounts.id, account.id));
    await tx.insert(auditEvents).values({
      actorType: PRO,
      actorId: account.id,
      action: 'password.change',
      targetType: 'pro_account',
      targetId: account.id,
    });
    return revokeProTokens(tx, account.id);
  });
}
