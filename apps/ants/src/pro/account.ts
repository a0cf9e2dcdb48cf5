import type { passwordChangeSchema } from '@permis/ants-api';
import { hashPassword, verifyPassword } from '@permis/platform';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ProAccount } from '../auth/context.ts';
import { createProSignIn } from '../auth/proSignIn.ts';
import { revokeProTokens } from '../auth/proToken.ts';
import { assertNewPassword } from '../candidates/questions.ts';
import type { AntsDb } from '../db/index.ts';
import { proUsers } from '../db/schema.ts';
import { schoolAudit } from '../domain/actor.ts';
import { recordAudit } from '../domain/audit.ts';
import { antsError } from '../domain/errors.ts';

/**
 * "Modifier le mot de passe" of one user of the professional space: the current password first (its
 * failures count with the sign-in's, so it cannot be guessed here), then the new one under the
 * same rule as the candidates'. Every bearer token got with this user's credentials is revoked:
 * a school software signing in as them signs in again. Answers how many tokens were revoked.
 */
export async function changeProPassword(
  db: AntsDb,
  user: ProAccount,
  ip: string,
  change: z.output<typeof passwordChangeSchema>,
): Promise<number> {
  const [row] = await db.select().from(proUsers).where(eq(proUsers.id, user.userId)).limit(1);
  if (!row) throw antsError('TOKEN_INVALID');
  const { throttle } = createProSignIn(db);
  const key = `${user.agrementNumber}/${row.login}`;
  await throttle.assertAllowed(ip, key);
  if (!(await verifyPassword(row.passwordHash ?? undefined, change.currentPassword))) {
    await throttle.recordFailure(ip, key);
    throw antsError('VALIDATION', 'Certains champs sont invalides.', [
      { path: 'currentPassword', message: 'Le mot de passe actuel est incorrect.' },
    ]);
  }
  assertNewPassword(change.password, change.passwordConfirmation, [row.login]);
  const passwordHash = await hashPassword(change.password);
  return db.transaction(async (tx) => {
    await tx.update(proUsers).set({ passwordHash }).where(eq(proUsers.id, row.id));
    await recordAudit(tx, {
      by: schoolAudit(user),
      action: 'password.change',
      target: 'pro_user',
      targetId: row.id,
    });
    return revokeProTokens(tx, { proUserId: row.id });
  });
}
