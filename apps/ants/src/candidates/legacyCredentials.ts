import { eq } from 'drizzle-orm';
import type { AntsDb } from '../db/index.ts';
import { candidates } from '../db/schema.ts';

/**
 * Development and browser tests only (DEV_TOOLS=1): marks an account's password as one whose proof
 * was not kept, as migration 0021 left every account activated before it (its activation link may
 * have reached a mobile a school typed). A browser test plays with it the capture of before and
 * FranceConnect taking the account back. Answers how many accounts changed.
 */
export async function markLegacyCredentials(db: AntsDb, email: string): Promise<number> {
  const changed = await db
    .update(candidates)
    .set({ credentialsVia: null })
    .where(eq(candidates.email, email.toLowerCase()))
    .returning({ id: candidates.id });
  return changed.length;
}
