import { createLoginThrottle, verifyPassword } from '@permis/platform';
import { eq } from 'drizzle-orm';
import type { SchoolDb } from '../db/index.ts';
import { users } from '../db/schema.ts';

/** A sign-in's outcome: the user, or a refusal naming the user the login belongs to (for the log). */
export type SignInOutcome = { ok: true; userId: string } | { ok: false; userId: string | undefined };

/**
 * A user's sign-in, counted per login and address: a wrong password, an unknown or disabled login
 * are one refusal.
 */
export function createUserSignIn(db: SchoolDb) {
  const throttle = createLoginThrottle(db, { scope: 'school-user' });
  return async (ip: string, { login, password }: { login: string; password: string }): Promise<SignInOutcome> => {
    await throttle.assertAllowed(ip, login);
    const [row] = await db.select().from(users).where(eq(users.login, login.toLowerCase())).limit(1);
    const ok = await verifyPassword(row?.passwordHash, password);
    if (!row || !ok || !row.active) {
      await throttle.recordFailure(ip, login);
      return { ok: false, userId: row?.id };
    }
    await throttle.recordSuccess(ip, login);
    return { ok: true, userId: row.id };
  };
}
