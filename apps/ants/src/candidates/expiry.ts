import { ACTION_FROM } from '@permis/ants-api';
import { and, eq, inArray, isNotNull, isNull, lt } from 'drizzle-orm';
import { transition } from '../applications/machine.ts';
import type { AntsDb } from '../db/index.ts';
import { applications, candidates, candidateTokens } from '../db/schema.ts';
import { ACTIVATION_DAYS } from './invitation.ts';

export const EXPIRY_QUEUE = 'candidate-expiry';

/**
 * Seed 000: "Il doit activer son compte dans un délai de 7 jours … à défaut son compte personnel
 * ANTS sera automatiquement supprimé ce qui aura pour effet de supprimer la demande en ligne créée
 * par l'école de conduite." Applications awaiting such a candidate become deleted (the school sees
 * it), and the unactivated account goes: its links are removed and a new validation starts over.
 */
export async function expireUnactivatedAccounts(db: AntsDb, now = new Date()): Promise<number> {
  const limit = new Date(now.getTime() - ACTIVATION_DAYS * 24 * 3600 * 1000);
  const expired = await db
    .select({ id: candidates.id })
    .from(candidates)
    .where(and(isNull(candidates.activatedAt), isNotNull(candidates.invitedAt), lt(candidates.invitedAt, limit)));
  for (const candidate of expired) {
    await db.transaction(async (tx) => {
      const waiting = await tx
        .select()
        .from(applications)
        .where(and(eq(applications.candidateId, candidate.id), inArray(applications.state, [...ACTION_FROM.expire])));
      for (const row of waiting) {
        await transition(
          tx,
          row,
          'expire',
          { type: 'system', id: null },
          {
            reason: 'Compte non activé dans les 7 jours',
          },
        );
      }
      await tx.delete(candidateTokens).where(eq(candidateTokens.candidateId, candidate.id));
      await tx
        .update(candidates)
        .set({ invitedAt: null, loginId: null, passwordHash: null, secretQuestion: null, secretAnswerHash: null })
        .where(and(eq(candidates.id, candidate.id), isNull(candidates.activatedAt)));
    });
  }
  return expired.length;
}
