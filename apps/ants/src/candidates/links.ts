import { linkTokenParams } from '@permis/ants-api';
import { randomToken, sha256 } from '@permis/platform';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { AntsDb, AntsTx } from '../db/index.ts';
import { candidates, candidateTokens } from '../db/schema.ts';

type Purpose = (typeof candidateTokens.$inferSelect)['purpose'];

/** The token of a mailed link, as a route parameter (the contract's). */
export const linkTokenParam = linkTokenParams;

/** The candidate of a link still valid for `purpose` (unused, not expired); undefined otherwise. */
export async function linkCandidate(db: AntsDb, token: string, purpose: Purpose) {
  const [row] = await db
    .select({ candidate: candidates })
    .from(candidateTokens)
    .innerJoin(candidates, eq(candidates.id, candidateTokens.candidateId))
    .where(
      and(
        eq(candidateTokens.tokenHash, sha256(token)),
        eq(candidateTokens.purpose, purpose),
        isNull(candidateTokens.usedAt),
        gt(candidateTokens.expiresAt, new Date()),
      ),
    )
    .limit(1);
  return row?.candidate;
}

/** Marks a link used, in the caller's transaction: of two concurrent uses, only the first gets true. */
export async function useLink(tx: AntsTx, token: string): Promise<boolean> {
  const used = await tx
    .update(candidateTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(candidateTokens.tokenHash, sha256(token)), isNull(candidateTokens.usedAt)))
    .returning({ hash: candidateTokens.tokenHash });
  return used.length === 1;
}

/**
 * A new single-use link of `purpose` for a candidate, in the caller's transaction: it replaces the
 * unused one of that purpose (one link at a time). Answers its token; only its hash is stored.
 */
export async function issueLink(
  tx: AntsTx,
  link: { candidateId: string; purpose: Purpose; expiresAt: Date; newEmail?: string },
): Promise<string> {
  const token = randomToken();
  await tx
    .delete(candidateTokens)
    .where(
      and(
        eq(candidateTokens.candidateId, link.candidateId),
        eq(candidateTokens.purpose, link.purpose),
        isNull(candidateTokens.usedAt),
      ),
    );
  await tx.insert(candidateTokens).values({ tokenHash: sha256(token), ...link });
  return token;
}
